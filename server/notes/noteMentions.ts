import type { CaseDocument, Store, UserDocument } from '../store/index.js';

/** A mention that reaches nobody, and why (said to the note's author). */
export interface UnnotifiedMention {
  username: string;
  reason: 'unknown user' | 'cannot see this case' | 'yourself';
}

export interface NoteMentions {
  /** The colleagues told (live `mention:new`), by username. */
  notified: Array<Pick<UserDocument, '_id' | 'username'>>;
  unnotified: UnnotifiedMention[];
}

// A username as the users schema allows it, after "@" at the start or after a character that cannot end an e-mail address's local part.
const MENTION = /(?<![\w.+-])@([a-z0-9][a-z0-9_.-]{0,63})/gi;

/** The usernames a note's text mentions ("@hugo", "@Ana."), lower-cased, once each, in order; "ana@example.com" is no mention. */
export function mentionedUsernames(text: string): string[] {
  const names = [...text.matchAll(MENTION)].map((match) => match[1]!.toLowerCase().replace(/[.-]+$/, ''));
  return [...new Set(names)];
}

/**
 * Who of the mentioned may be told: enabled agents and admins who may see the
 * case (admins: every case; agents: their teams'). Marketing never sees a
 * case, so a mention of them reaches nobody; neither does one of the author.
 */
export async function resolveMentions(props: { store: Store; text: string; caseDoc: Pick<CaseDocument, 'team'>; authorId: string }): Promise<NoteMentions> {
  const usernames = mentionedUsernames(props.text).slice(0, 20);
  if (usernames.length === 0) return { notified: [], unnotified: [] };
  const users = await props.store.collections.users.find({ username: { $in: usernames } });
  const byName = new Map(users.map((user) => [user.username, user]));
  const result: NoteMentions = { notified: [], unnotified: [] };
  for (const username of usernames) {
    const user = byName.get(username);
    if (!user) result.unnotified.push({ username, reason: 'unknown user' });
    else if (user._id === props.authorId) result.unnotified.push({ username, reason: 'yourself' });
    else if (user.disabled || !maySee(user, props.caseDoc.team)) result.unnotified.push({ username, reason: 'cannot see this case' });
    else result.notified.push({ _id: user._id, username: user.username });
  }
  return result;
}

function maySee(user: UserDocument, team: string): boolean {
  return user.role === 'admin' || (user.role === 'agent' && user.teams.includes(team));
}
