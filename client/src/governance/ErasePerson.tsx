import { useId, useState, type FormEvent } from 'react';
import { eraseCustomer } from '../api/governance.js';

/**
 * Erasure of a person, for admins: irreversible, so the button only works
 * once the person's handle (or, for someone erased already, their id) has
 * been typed exactly.
 */
export function ErasePerson({ customerId, handle, onErased }: { customerId: string; handle: string | null; onErased(): void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const expected = handle ?? customerId;
  const erase = async (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim() !== expected) return;
    setMessage(null);
    try {
      const { erased } = await eraseCustomer(customerId);
      setMessage(`Erased: ${erased.messages} messages and ${erased.cases} cases blanked.`);
      setOpen(false);
      setTyped('');
      onErased();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <div className="erase-person">
      {!open && <button type="button" className="danger" onClick={() => setOpen(true)}>Erase this person…</button>}
      {open && (
        <form aria-label="Erase this person" onSubmit={(e) => void erase(e)}>
          <p id={`${id}-warning`}>This removes their texts, name, handle and attachments everywhere, for good. Cases stay as empty skeletons; webhooks are told.</p>
          <label htmlFor={`${id}-typed`}>Type {handle ? 'their handle' : 'their id'} <code>{expected}</code> to confirm</label>
          <input id={`${id}-typed`} value={typed} autoComplete="off" aria-describedby={`${id}-warning`} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="danger" disabled={typed.trim() !== expected}>Erase for good</button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>Cancel</button>
        </form>
      )}
      <div role="status" aria-live="polite">{message && <p>{message}</p>}</div>
    </div>
  );
}
