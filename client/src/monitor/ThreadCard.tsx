import type { MonitorThread } from '../api/types.js';
import { formatDateTime } from '../ui/formatTime.js';
import { MessageText } from '../ui/MessageText.js';

/** One public thread, read-only, as the server sends it (personal data already masked). */
export function ThreadCard({ thread }: { thread: MonitorThread }) {
  const first = thread.messages[0]?.author;
  const who = first?.handle ? `@${first.handle}` : first?.name ?? 'Customer';
  return (
    <article className="thread-card" aria-label={`Thread with ${who}`}>
      <header>
        <strong>{who}</strong>
        <span className="channel">{thread.platform}</span>
        <span className={`status status-${thread.status}`}>{thread.status}</span>
        {thread.tags.length > 0 && <span className="team">{thread.tags.join(', ')}</span>}
        <time dateTime={thread.lastActivityAt}>{formatDateTime(thread.lastActivityAt)}</time>
      </header>
      <ol className="thread compact">
        {thread.messages.map((message) => (
          <li key={message.id} className="message">
            <span className="author">{message.author.handle ? `@${message.author.handle}` : message.author.name ?? 'someone'}</span>
            <MessageText text={message.text} />
          </li>
        ))}
      </ol>
    </article>
  );
}
