/**
 * X sends post and DM text with `&`, `<` and `>` HTML-escaped (as `&amp;`,
 * `&lt;`, `&gt;`); the connector unescapes them once, so what is stored and
 * shown is what the customer typed. `&amp;` goes last, so "&amp;lt;" (a
 * customer who typed "&lt;") becomes "&lt;", not "<".
 */
export function unescapeXText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
