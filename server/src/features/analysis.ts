/**
 * What every editor feature receives: one document's text and the single check of it. Features
 * are pure functions of an Analysis (plus a position or range) returning LSP values; the language
 * server computes the Analysis once per change and hands the same object to every request.
 */
import type { CheckResult } from '../engine';
import type { I18n } from '../i18n/messages';

export interface Analysis {
  /** The text as the editor has it (a BOM, if any, already removed by the engine). */
  text: string;
  result: CheckResult;
  t: I18n;
  /** Link base for rule documentation, e.g. https://…/docs/rules.md (anchors are rule codes). */
  docsUrl?: string;
}
