/**
 * The longest internal note, in characters (code points). Its own file, free
 * of imports, because the client's note box imports it (as a value) to count
 * down to the same limit the notes route enforces.
 */
export const NOTE_MAX_LENGTH = 2000;
