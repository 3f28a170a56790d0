/** Where the agent was in the inbox (its address, the order of the cases listed, the selected row), so a case can move to the next one and Esc returns to the same place. */
export interface InboxPlace {
  address: string;
  ids: string[];
  selected: number;
}

let remembered: InboxPlace | null = null;

/** Keeps the inbox's place (called as it changes). */
export function rememberInbox(place: InboxPlace): void {
  remembered = place;
}

/** The inbox's last place in this tab, if the inbox was shown. */
export function recallInbox(): InboxPlace | null {
  return remembered;
}

/** The case after (+1) or before (-1) this one in the remembered list, or null at either end or without a list. */
export function neighbourOf(caseId: string, step: 1 | -1): string | null {
  if (!remembered) return null;
  const index = remembered.ids.indexOf(caseId);
  if (index < 0) return null;
  return remembered.ids[index + step] ?? null;
}

/** Moves the remembered selection to a case (opened from the case view), so the list returns to it. */
export function selectRemembered(caseId: string): void {
  if (!remembered) return;
  const index = remembered.ids.indexOf(caseId);
  if (index >= 0) remembered = { ...remembered, selected: index };
}
