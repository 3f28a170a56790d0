import { unprocessable } from '../../errors.js';
import { unknownPlaceholders } from '../../savedReplies/placeholders.js';
import type { Store } from '../../store/index.js';

/** 422 with a pointer per problem: an unknown placeholder in the text, a team that does not exist. */
export async function checkSavedReply(store: Store, reply: { text?: string; teams?: readonly string[] }): Promise<void> {
  const details: Array<{ pointer: string; message: string }> = [];
  for (const placeholder of unknownPlaceholders(reply.text ?? '')) {
    details.push({ pointer: '/text', message: `has unknown placeholder ${placeholder}; use {{author.handle}}, {{author.name}}, {{agent.name}} or {{case.id}}` });
  }
  if (reply.teams && reply.teams.length > 0) {
    const known = new Set((await store.collections.teams.find({ name: { $in: [...reply.teams] } }, { sort: { name: 1 }, fields: ['name'] })).map((team) => team.name));
    reply.teams.forEach((team, index) => {
      if (!known.has(team)) details.push({ pointer: `/teams/${index}`, message: `no team is named "${team}"` });
    });
  }
  if (details.length > 0) throw unprocessable('the saved reply is not valid', details);
}
