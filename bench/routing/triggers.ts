/** What the corpus generator plants in a message so that one given rule matches it. */
export type Trigger =
  | { kind: 'keywords'; keywords: string[]; rate: number }
  | { kind: 'regex'; prefix: string; digits: number; template: RegexTemplate; anyCase: boolean; rate: number }
  /** Rules on author fields only: the follower distribution aims their rate. */
  | { kind: 'none' };

export type RegexTemplate = 'spaced' | 'labelled' | 'separated';

/** The regular expression source of a reference-number rule (simple enough for recheck to prove safe). */
export function regexSource(template: RegexTemplate, prefix: string, digits: number): string {
  switch (template) {
    case 'spaced':
      return `\\b${prefix}\\s*#?\\d{${digits}}\\b`;
    case 'labelled':
      return `\\b${prefix}(?: number| no\\.?)?:? ?#?\\d{${digits}}\\b`;
    case 'separated':
      return `\\b${prefix}\\W{0,2}\\d{${digits}}\\b`;
  }
}
