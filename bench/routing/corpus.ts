import type { Message } from '../../server/routing/types.js';
import { noiseText, personName, plantText } from './plants.js';
import { drawFollowers, population } from './population.js';
import type { SeededRandom as Prng } from '../../server/simulator/x/prng.js';
import type { Trigger } from './triggers.js';
import { ZipfSampler, type Vocabulary } from './vocabulary.js';

const LANGS = ['en', 'en', 'en', 'en', 'en', 'en', 'en', 'es', 'fr', 'de', 'pt', 'ja'];
const START = Date.UTC(2026, 0, 1);
const YEAR_SECONDS = 365 * 24 * 3600;

/** Generates `count` messages of 10–60 words; each rule's trigger is planted with the rate the rule set asks for. */
export function generateCorpus(prng: Prng, vocabulary: Vocabulary, triggers: readonly Trigger[], count: number): Message[] {
  const filler = new ZipfSampler(vocabulary.filler);
  const messages: Message[] = new Array<Message>(count);
  for (let i = 0; i < count; i++) messages[i] = generateMessage(prng, filler, triggers, i);
  return messages;
}

function generateMessage(prng: Prng, filler: ZipfSampler, triggers: readonly Trigger[], index: number): Message {
  const name = personName(prng);
  const followers = drawFollowers(prng);
  const verified = prng.chance(population.verifiedShare);
  const message: Message = {
    id: `x:179${String(index).padStart(16, '0')}`,
    platform: prng.chance(0.85) ? 'x' : prng.pick(['instagram', 'facebook']),
    channel: prng.chance(population.dmShare) ? 'dm' : 'public',
    text: messageText(prng, filler, triggers),
    createdAt: new Date(START + prng.int(0, YEAR_SECONDS - 1) * 1000).toISOString().replace('.000Z', 'Z'),
    author: {
      id: String(prng.int(1, 9_999_999)),
      handle: `${name}_${prng.digits(prng.int(1, 4))}`,
      name: name[0]!.toUpperCase() + name.slice(1),
      ...(followers === undefined ? {} : { followers }),
      ...(verified ? { verified } : prng.chance(0.5) ? { verified: false } : {}),
    },
  };
  if (prng.chance(0.96)) message.lang = prng.pick(LANGS);
  if (prng.chance(0.2)) message.customer = { vip: prng.chance(0.1), tags: prng.chance(0.5) ? ['gold'] : [] };
  if (prng.chance(0.25)) message.attachments = Array.from({ length: prng.int(1, 3) }, () => ({ type: prng.pick(['photo', 'video', 'gif']) }));
  if (prng.chance(0.3)) {
    message.threadId = `179${prng.digits(16)}`;
    message.inReplyTo = `179${prng.digits(16)}`;
  }
  return message;
}

function messageText(prng: Prng, filler: ZipfSampler, triggers: readonly Trigger[]): string {
  const inserts: string[] = [];
  for (const trigger of triggers) {
    if (trigger.kind !== 'none' && prng.chance(trigger.rate)) inserts.push(plantText(prng, trigger)!);
  }
  const noise = noiseText(prng);
  if (noise !== null) inserts.push(noise);
  const insertedWords = inserts.reduce((n, text) => n + text.split(/\s+/).length, 0);
  const fillerCount = Math.max(3, prng.int(10, 60) - insertedWords);
  const words: string[] = [];
  let capitalize = true;
  for (let i = 0; i < fillerCount; i++) {
    let word = filler.sample(prng);
    if (word.includes("'") && prng.chance(0.3)) word = word.replace("'", '\u2019');
    if (capitalize) word = word[0]!.toUpperCase() + word.slice(1);
    capitalize = false;
    if (prng.chance(0.08)) {
      const mark = prng.pick(['.', ',', '!', '?', '...', ':']);
      word += mark;
      capitalize = mark !== ',' && mark !== ':';
    }
    words.push(word);
  }
  for (const text of inserts) words.splice(prng.int(0, words.length), 0, text);
  if (prng.chance(0.4)) words.unshift('@AcmeHelp');
  return words.join(' ');
}
