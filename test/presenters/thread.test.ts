import { describe, expect, it } from 'vitest';
import { presentThread } from '../../server/presenters/thread.js';
import type { CaseDocument, MessageDocument } from '../../server/store/index.js';
import { newCase, newMessage } from '../store/factories.js';

const caseDoc = (): CaseDocument => ({ ...newCase(), _id: 'c1', status: 'open', priority: 'normal', tags: [], createdAt: new Date(), updatedAt: new Date(), lastActivityAt: new Date() }) as unknown as CaseDocument;
const message = (externalId: string, status?: 'queued' | 'sent' | 'failed'): MessageDocument =>
  ({
    ...newMessage({ externalId, text: `post ${externalId}, mail me at jane@example.com` }),
    delivery: status ? { status, sender: { kind: 'agent', id: 'ana' }, customerId: '42', attempts: 1, nextAttemptAt: null, sentAt: null, error: null } : null,
  }) as unknown as MessageDocument;

describe('presentThread', () => {
  it('shows customers\' posts and our sent replies, never a reply that is queued or failed (it was never public)', () => {
    const thread = presentThread(caseDoc(), [message('1'), message('2', 'queued'), message('3', 'sent'), message('4', 'failed')]);
    expect(thread.messages.map((shown) => shown.id)).toEqual(['x:1', 'x:3']);
  });

  it('masks personal data in every text it shows', () => {
    const [shown] = presentThread(caseDoc(), [message('1')]).messages;
    expect(shown!.text).not.toContain('jane@example.com');
  });
});
