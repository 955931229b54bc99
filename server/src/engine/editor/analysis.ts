/**
 * What every editor feature receives: one document's text and the single check of it. Features
 * are pure functions of an Analysis (plus a position or range) returning LSP values; the language
 * server computes the Analysis once per change and hands the same object to every request.
 */
import type { CheckResult } from '../check';
import type { I18n } from '../i18n/messages';

export interface Analysis {
  /** The text as the editor has it (a lone CR read as a line break, which keeps every offset). */
  text: string;
  result: CheckResult;
  t: I18n;
  /** Link to the documentation of a rule code (the edge knows where it is installed). */
  docsLink?: (code: string) => string | undefined;
}

/** A rule code as a Markdown link to its documentation, or as code when the edge gave none. */
export function docLink(a: Analysis, code: string): string {
  const href = a.docsLink?.(code);
  return href ? `[${code}](${href})` : `\`${code}\``;
}
