/*
 * The placeholders of saved replies (api.md "Agent workspace"), checked on
 * save and filled in the reply box. Free of imports: the client uses it too.
 */

/** What a saved reply's text may hold, filled when an agent inserts it. */
export const SAVED_REPLY_PLACEHOLDERS = ['author.handle', 'author.name', 'agent.name', 'case.id'] as const;
export type SavedReplyPlaceholder = (typeof SAVED_REPLY_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The `{{…}}` placeholders of a text that are not SAVED_REPLY_PLACEHOLDERS (trimmed names), in order of appearance, each once. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(SAVED_REPLY_PLACEHOLDERS as readonly string[]).includes(name!.trim())) unknown.add(`{{${name}}}`);
  }
  return [...unknown];
}

/** The text with each known placeholder replaced by its value ('' when the value is missing); unknown ones stay as written. */
export function fillPlaceholders(text: string, values: Partial<Record<SavedReplyPlaceholder, string | null>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.trim() as SavedReplyPlaceholder;
    return (SAVED_REPLY_PLACEHOLDERS as readonly string[]).includes(key) ? (values[key] ?? '') : whole;
  });
}
