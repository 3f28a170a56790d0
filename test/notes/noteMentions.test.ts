import { describe, expect, it } from 'vitest';
import { mentionedUsernames } from '../../server/notes/noteMentions.js';

describe('mentionedUsernames', () => {
  it('finds @usernames once each, lower-cased, without trailing punctuation, and not inside e-mail addresses', () => {
    expect(mentionedUsernames('@Hugo please, and @ana.b. too; cc @hugo')).toEqual(['hugo', 'ana.b']);
    expect(mentionedUsernames('write to ana@example.com or x.y@z.org')).toEqual([]);
    expect(mentionedUsernames('(@mia) said:@ana')).toEqual(['mia', 'ana']);
    expect(mentionedUsernames('no mention @ here, nor @-dash')).toEqual([]);
  });
});
