/** Report text (labels, file names, prose) goes into hover markdown verbatim: escape what markdown would interpret. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}
