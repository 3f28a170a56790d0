/** Made-up customer accounts: handles, names, follower counts and verified flags from a seeded PRNG. */
import type { SimUser, UserSpec } from './model.js';
import type { SeededRandom } from './prng.js';

const FIRST_NAMES = [
  'Amara', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kate', 'Liam', 'Maya',
  'Nikhil', 'Olivia', 'Pablo', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yara', 'Zoe',
  'Aisha', 'Bruno', 'Carmen', 'Dmitri', 'Emeka', 'Fatima', 'Gus', 'Hannah', 'Ivan', 'Julia', 'Kofi', 'Lena',
];
const LAST_NAMES = [
  'Smith', 'Okafor', 'Garcia', 'Nguyen', 'Patel', 'Kowalski', 'Rossi', 'Tanaka', 'Murphy', 'Silva', 'Haddad',
  'Johansson', 'Mensah', 'Kim', 'Dubois', 'Fischer', 'Ali', 'Brown', 'Costa', 'Ivanova', 'Lopez', 'Walsh',
];
const BIO_WORDS = ['coffee', 'runner', 'dad', 'mum', 'gamer', 'nurse', 'teacher', 'traveller', 'foodie', 'dev', 'music'];
const LOCATIONS = ['London, UK', 'Austin, TX', 'Lagos', 'Mumbai', 'Toronto', 'Berlin', 'Sydney', 'Manila', 'Dublin'];

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Makes up one customer, keeping whatever the spec already fixes. */
export function makeCustomer(random: SeededRandom, nowMs: number, spec: UserSpec = {}): SimUser {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const followersCount = spec.followersCount ?? followerCount(random);
  const verified = spec.verified ?? (random.chance(0.02) || (followersCount > 50_000 && random.chance(0.6)));
  return {
    id: spec.id ?? random.digits(random.pick([9, 10, 18, 19])),
    username: spec.username ?? handleFor(random, first, last),
    name: spec.name ?? `${first} ${last}`,
    followersCount,
    followingCount: random.int(10, 2_000),
    tweetCount: random.int(20, 40_000),
    listedCount: random.int(0, Math.max(1, Math.floor(followersCount / 200))),
    verified,
    createdAt: nowMs - random.int(1, 14) * YEAR_MS - random.int(0, YEAR_MS),
    description: `${random.pick(BIO_WORDS)} · ${random.pick(BIO_WORDS)}`,
    ...(random.chance(0.6) ? { location: random.pick(LOCATIONS) } : {}),
  };
}

/** The brand account the connector authenticates as. */
export function makeBrandUser(id: string, username: string, nowMs: number): SimUser {
  return {
    id,
    username,
    name: 'Acme Support',
    followersCount: 182_400,
    followingCount: 12,
    tweetCount: 96_311,
    listedCount: 1_204,
    verified: true,
    verifiedType: 'business',
    createdAt: nowMs - 9 * YEAR_MS,
    description: 'We are here to help, 24/7. For account issues please DM us.',
  };
}

/** Log-normal follower counts: most accounts small, a few large (median about 150, tail into millions). */
function followerCount(random: SeededRandom): number {
  return Math.min(5_000_000, Math.round(Math.exp(5 + 2.1 * random.normal())));
}

function handleFor(random: SeededRandom, first: string, last: string): string {
  const styles = [
    () => `${first}${last}`,
    () => `${first}_${last.slice(0, 1)}${random.digits(2)}`,
    () => `${first.toLowerCase()}${random.digits(4)}`,
    () => `the${last}${random.digits(2)}`,
    () => `${first.slice(0, 1)}${last}`.toLowerCase(),
  ];
  return random.pick(styles)().slice(0, 15);
}
