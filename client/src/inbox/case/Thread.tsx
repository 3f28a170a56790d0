import type { Case, CaseEvent, ThreadMessage } from '../../api/types.js';
import { Link } from '../../app/Link.js';
import { Bdi } from '../../ui/Bdi.js';
import { formatDateTime } from '../../ui/formatTime.js';
import { MessageText } from '../../ui/MessageText.js';
import { Empty } from '../../ui/States.js';
import { MessageMedia } from './MessageMedia.js';

/** Whether a message is one of ours (a reply: sent by us, with a delivery status) rather than the customer's. */
export function isOurs(message: ThreadMessage, item: Case): boolean {
  if (message.direction) return message.direction === 'out';
  if (typeof message.status === 'string') return true;
  return message.author !== undefined && message.author.id !== item.customer.id;
}

/** The conversation, oldest first: the customer's messages and our replies with their delivery status. */
export function Thread({ item, messages, notes = [], onRetry }: { item: Case; messages: ThreadMessage[]; notes?: CaseEvent[]; onRetry?(replyId: string): void }) {
  if (messages.length === 0) return <Empty>No messages in this thread yet.</Empty>;
  const noteItems = notes.filter((event) => event.type === 'note');
  return (
    <ol className="thread" aria-label="Conversation">
      {noteItems.filter((note) => note.at < (messages[0]?.createdAt ?? '')).map((note) => <NoteItem key={note.id} note={note} />)}
      {messages.map((message, index) => {
        const next = messages[index + 1]?.createdAt;
        // Internal notes sit in the conversation where they were written (between the messages around them).
        const notesAfter = noteItems.filter((note) => note.at >= message.createdAt && (next === undefined || note.at < next));
        const ours = isOurs(message, item);
        const author = ours ? 'Us' : message.author?.name || (message.author?.handle ? `@${message.author.handle}` : 'Customer');
        return [
          <li key={message.id} className={ours ? 'message ours' : 'message theirs'}>
            <article aria-label={`${ours ? 'Our reply' : 'Customer message'} at ${formatDateTime(message.createdAt)}`}>
              <header>
                <span className="author"><Bdi>{author}</Bdi></span>
                {message.author?.handle && !ours && message.author.name && <span className="handle"> @<Bdi>{message.author.handle}</Bdi></span>}
                {message.channel && <span className="channel">{message.channel === 'dm' ? 'DM' : 'Public'}</span>}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                {ours && typeof message.status === 'string' && <span className={`delivery delivery-${message.status}`}>{message.status}{typeof message.error === 'string' && message.error ? `: ${message.error}` : ''}</span>}
              </header>
              <MessageText text={message.text} />
              {!ours && <MessageMedia media={message.media} />}
              {ours && message.status === 'failed' && onRetry && (
                <p className="failed-actions">
                  <button type="button" className="secondary" onClick={() => onRetry(message.id)}>Retry this reply</button>{' '}
                  <Link href={`/cases/${encodeURIComponent(item.id)}?edit=${encodeURIComponent(message.id)}`}>Edit it as a new reply</Link>
                </p>
              )}
            </article>
          </li>,
          ...notesAfter.map((note) => <NoteItem key={note.id} note={note} />),
        ];
      })}
    </ol>
  );
}

/** An internal note in the conversation: for colleagues only, never sent to the customer. */
function NoteItem({ note }: { note: CaseEvent }) {
  const author = typeof note.data?.author === 'string' ? note.data.author : 'a colleague';
  return (
    <li className="message note">
      <article aria-label={`Internal note by ${author} at ${formatDateTime(note.at)}`}>
        <header>
          <span className="author">Internal note by <Bdi>{author}</Bdi></span>
          <time dateTime={note.at}>{formatDateTime(note.at)}</time>
        </header>
        <MessageText text={typeof note.data?.text === 'string' ? note.data.text : ''} />
      </article>
    </li>
  );
}
