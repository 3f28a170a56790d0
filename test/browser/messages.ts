import type { Message } from '../../server/routing/index.js';

let counter = 0;

/** A fresh customer message (routing.md §1) from a new author, created now, in a new thread unless one is given. */
export function customerMessage(text: string, overrides: Partial<Message> & { handle?: string; name?: string } = {}): Message {
  counter += 1;
  const { handle = `customer${counter}`, name = `Customer ${counter}`, ...rest } = overrides;
  return {
    id: `x:${Date.now()}${String(counter).padStart(4, '0')}`,
    platform: 'x',
    channel: 'public',
    text,
    createdAt: new Date().toISOString(),
    author: { id: `author-${counter}-${Date.now()}`, handle, name },
    ...rest,
  };
}

/** Whether the server answers Socket.IO's handshake path (live events are optional for the inbox). */
export async function hasLiveEvents(url: string): Promise<boolean> {
  const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`);
  await response.arrayBuffer();
  return response.status !== 404;
}
