import { useEffect, useState } from 'react';
import type { LiveEvents } from '../../../server/realtime/liveEvents.js';
import { navigate } from '../app/router.js';
import { useLive } from '../live/LiveContext.js';
import { Bdi } from '../ui/Bdi.js';

type Mention = LiveEvents['mention:new'];

/**
 * A toast for each note that @mentions the user (live `mention:new`, sent
 * only to them and only for cases they may see): who wrote it, on whose case,
 * the note's start, Open and Dismiss. Polite live region: never takes focus.
 */
export function MentionToasts() {
  const live = useLive();
  const [toasts, setToasts] = useState<Mention[]>([]);

  useEffect(() => {
    if (!live) return;
    return live.on('mention:new', (mention) => setToasts((current) => [...current.filter((toast) => toast.note.id !== mention.note.id), mention]));
  }, [live]);

  const dismiss = (noteId: string) => setToasts((current) => current.filter((toast) => toast.note.id !== noteId));
  return (
    <div className="toasts toasts-mentions" role="status" aria-live="polite">
      {toasts.map(({ case: item, note }) => (
        <div key={note.id} className="toast toast-mention">
          <p>
            <Bdi>{String(note.data.author ?? 'A colleague')}</Bdi> mentioned you in a note on the case of <Bdi>{item.customer.name || item.customer.handle || item.customer.id}</Bdi>:
            {' '}<Bdi className="mention-text">“{clip(String(note.data.text ?? ''))}”</Bdi>
          </p>
          <div className="toast-actions">
            <button type="button" onClick={() => {
              dismiss(note.id);
              navigate(`/cases/${encodeURIComponent(item.id)}`);
            }}>Open the case</button>
            <button type="button" className="secondary" onClick={() => dismiss(note.id)}>Dismiss</button>
          </div>
        </div>
      ))}
    </div>
  );
}

function clip(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
