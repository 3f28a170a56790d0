import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { listSavedReplies, type SavedReply } from '../../api/savedReplies.js';

/** The saved replies whose shortcut, title or text contain the query (case-insensitive), shortcut matches first. */
export function matchingReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const wanted = query.trim().toLowerCase();
  const score = (reply: SavedReply) => (reply.shortcut?.startsWith(wanted) ? 0 : reply.title.toLowerCase().includes(wanted) ? 1 : reply.text.toLowerCase().includes(wanted) ? 2 : -1);
  return replies.map((reply) => ({ reply, rank: score(reply) })).filter(({ rank }) => rank >= 0).sort((a, b) => a.rank - b.rank).map(({ reply }) => reply);
}

interface PickerProps {
  /** What follows the '/' typed in the reply box. */
  query: string;
  onChoose(reply: SavedReply): void;
  onClose(): void;
}

/**
 * The list '/' opens in the reply box: a search field (starting with what
 * was typed after '/'), the matching saved replies, arrow keys to move,
 * Enter to insert, Escape to close.
 */
export function SavedReplyPicker({ query: initialQuery, onChoose, onClose }: PickerProps) {
  const id = useId();
  const [replies, setReplies] = useState<SavedReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  useEffect(() => {
    let live = true;
    listSavedReplies().then((found) => live && setReplies(found), (failure: Error) => live && setError(failure.message));
    return () => { live = false; };
  }, []);
  const shown = matchingReplies(replies ?? [], query);
  const keys = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((at) => Math.min(at + 1, shown.length - 1));
    else if (event.key === 'ArrowUp') setActive((at) => Math.max(at - 1, 0));
    else if (event.key === 'Enter' && shown[active]) onChoose(shown[active]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  };
  return (
    <div className="saved-replies" role="dialog" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-search`}>Saved replies</label>
      <input id={`${id}-search`} type="search" autoFocus value={query} onChange={(e) => { setQuery(e.target.value); setActive(0); }} onKeyDown={keys}
        role="combobox" aria-expanded="true" aria-controls={`${id}-list`} aria-activedescendant={shown[active] ? `${id}-${shown[active].id}` : undefined} />
      <ul id={`${id}-list`} role="listbox" aria-label="Matching saved replies">
        {shown.map((reply, index) => (
          <li key={reply.id} id={`${id}-${reply.id}`} role="option" aria-selected={index === active} onMouseDown={(e) => { e.preventDefault(); onChoose(reply); }}>
            <strong>{reply.title}</strong>{reply.shortcut && <code> /{reply.shortcut}</code>}
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">{error ?? (replies === null ? 'Loading…' : shown.length === 0 ? 'No saved reply matches.' : '')}</p>
      <button type="button" className="secondary" onClick={onClose}>Close</button>
    </div>
  );
}
