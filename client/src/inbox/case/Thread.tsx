import type { Case, ThreadMessage } from '../../api/types.js';
import { formatDateTime } from '../../ui/formatTime.js';
import { MessageText } from '../../ui/MessageText.js';
import { Empty } from '../../ui/States.js';

/** Whether a message is one of ours (a reply: sent by us, with a delivery status) rather than the customer's. */
export function isOurs(message: ThreadMessage, item: Case): boolean {
  if (message.direction) return message.direction === 'out';
  if (typeof message.status === 'string') return true;
  return message.author !== undefined && message.author.id !== item.customer.id;
}

/** The conversation, oldest first: the customer's messages and our replies with their delivery status. */
export function Thread({ item, messages }: { item: Case; messages: ThreadMessage[] }) {
  if (messages.length === 0) return <Empty>No messages in this thread yet.</Empty>;
  return (
    <ol className="thread" aria-label="Conversation">
      {messages.map((message) => {
        const ours = isOurs(message, item);
        const author = ours ? 'Us' : message.author?.name || (message.author?.handle ? `@${message.author.handle}` : 'Customer');
        return (
          <li key={message.id} className={ours ? 'message ours' : 'message theirs'}>
            <article aria-label={`${ours ? 'Our reply' : 'Customer message'} at ${formatDateTime(message.createdAt)}`}>
              <header>
                <span className="author">{author}</span>
                {message.author?.handle && !ours && message.author.name && <span className="handle"> @{message.author.handle}</span>}
                {message.channel && <span className="channel">{message.channel === 'dm' ? 'DM' : 'Public'}</span>}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
                {ours && typeof message.status === 'string' && <span className={`delivery delivery-${message.status}`}>{message.status}{typeof message.error === 'string' && message.error ? `: ${message.error}` : ''}</span>}
              </header>
              <MessageText text={message.text} />
            </article>
          </li>
        );
      })}
    </ol>
  );
}
