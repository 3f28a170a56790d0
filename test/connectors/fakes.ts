import type { CheckpointStore, MessageSink, StreamCheckpoint } from '../../server/connectors/connector.js';
import type { Message } from '../../server/routing/index.js';

/** Checkpoints kept in memory, surviving connector restarts within a test. */
export class MemoryCheckpoints implements CheckpointStore {
  readonly saved = new Map<string, StreamCheckpoint>();
  async load(connector: string, stream: string): Promise<StreamCheckpoint | null> {
    return structuredClone(this.saved.get(`${connector}/${stream}`) ?? null);
  }
  async save(connector: string, stream: string, checkpoint: StreamCheckpoint): Promise<void> {
    this.saved.set(`${connector}/${stream}`, structuredClone(checkpoint));
  }
}

/** Stores messages by id like the real ingestion (idempotent), and can fail on a chosen call. */
export class MemorySink implements MessageSink {
  readonly messages = new Map<string, Message>();
  readonly order: string[] = [];
  calls = 0;
  failOnCall: number | null = null;

  async ingest(messages: Message[]): Promise<{ accepted: string[]; duplicates: string[] }> {
    this.calls++;
    if (this.failOnCall === this.calls) throw new Error('store unavailable');
    const accepted: string[] = [];
    const duplicates: string[] = [];
    for (const message of messages) {
      if (this.messages.has(message.id)) duplicates.push(message.id);
      else {
        this.messages.set(message.id, message);
        this.order.push(message.id);
        accepted.push(message.id);
      }
    }
    return { accepted, duplicates };
  }
}

export const TEST_CREDENTIALS = { appKey: 'k', appSecret: 's', accessToken: '1000000000000000001-t', accessSecret: 'a' };
