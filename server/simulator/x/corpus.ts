/** Real customer-care texts from the shared CSVs, cleaned of the original brands' handles. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from './csv.js';

/** Texts the dataset generator draws from. */
export interface CareCorpus {
  /** Opening customer posts (care-tweets-intents.csv plus twcs root posts). */
  customerOpeners: string[];
  /** Customer follow-ups taken from twcs replies within a thread. */
  customerFollowUps: string[];
  /** Support agents' answers from twcs, used for the brand's replies inside threads. */
  brandReplies: string[];
}

/** Where the shared data lives unless X_SIM_CORPUS_DIR or an option says otherwise. */
export function defaultCorpusDir(): string {
  const fromEnv = process.env.X_SIM_CORPUS_DIR;
  if (fromEnv) return fromEnv;
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  return path.resolve(repoRoot, '../shared/data');
}

const loaded = new Map<string, CareCorpus>();

/** Loads (once per directory) and cleans the care corpus. */
export function loadCareCorpus(dir: string = defaultCorpusDir()): CareCorpus {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const careFile = path.join(dir, 'care-tweets-intents.csv');
  const twcsFile = path.join(dir, 'twcs-sample.csv');
  for (const file of [careFile, twcsFile]) {
    if (!existsSync(file)) throw new Error(`X simulator corpus file missing: ${file} (set corpusDir or X_SIM_CORPUS_DIR)`);
  }
  const care = parseCsvRecords(readFileSync(careFile, 'utf8'));
  const twcs = parseCsvRecords(readFileSync(twcsFile, 'utf8'));

  const corpus: CareCorpus = {
    customerOpeners: [
      ...care.map((row) => cleanText(row.customer_text ?? '')),
      ...twcs.filter((row) => row.inbound === 'True' && !row.in_response_to_tweet_id).map((row) => cleanText(row.text ?? '')),
    ].filter(isUsable),
    customerFollowUps: twcs
      .filter((row) => row.inbound === 'True' && row.in_response_to_tweet_id)
      .map((row) => cleanText(row.text ?? ''))
      .filter(isUsable),
    brandReplies: twcs.filter((row) => row.inbound === 'False').map((row) => cleanText(row.text ?? '')).filter(isUsable),
  };
  loaded.set(dir, corpus);
  return corpus;
}

/** Removes every @handle (the corpus's brands and anonymised numeric users) and tidies spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/(^|\s)@\w+/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function isUsable(text: string): boolean {
  return /\p{L}/u.test(text) && text.length >= 3;
}
