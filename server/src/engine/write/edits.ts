/**
 * Minimal text edits on the report source. Every helper touches only the characters it must, so
 * comments, quoting, key order and line endings elsewhere stay byte-identical.
 */
import type { TextEdit } from 'vscode-languageserver';
import type { Cell, Entry, Report, Span } from '../parse/types';
import { formatNumber } from '../render/cells';

/** The line break new lines are written with: the file's own (CRLF files stay CRLF). */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

export function replaceSpan(report: Report, span: Span, newText: string): TextEdit {
  return { range: report.lines.range(span), newText };
}

export function insertAt(report: Report, offset: number, newText: string): TextEdit {
  return { range: report.lines.range([offset, offset]), newText };
}

/** How a number is written back: integers as is, decimals without binary noise. */
export const numberText = (n: number): string => formatNumber(n);

/** Offset just after the `:` that follows a key ending at `keyEnd` (spaces may sit between). */
export function afterColon(text: string, keyEnd: number): number | undefined {
  let i = keyEnd;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === ':' ? i + 1 : undefined;
}

/**
 * Puts `value` after the colon of an empty `key:`: `key: ` gains just the value, `key:` gains a
 * space and the value (a comment after the colon stays where it is).
 */
export function fillAfterKey(report: Report, keySpan: Span, value: string): TextEdit | undefined {
  const colon = afterColon(report.text, keySpan[1]);
  if (colon === undefined) return undefined;
  const next = report.text[colon];
  return next === ' ' || next === '\t' ? insertAt(report, colon + 1, value) : insertAt(report, colon, ` ${value}`);
}

/** End of the last non-blank character of a span (block values keep trailing newlines in range). */
export function contentEnd(text: string, span: Span): number {
  let end = span[1];
  while (end > span[0] && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Offset of the line break ending the line that holds `offset` (or the end of the text). */
export function lineEndAt(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  if (lf === -1) return text.length;
  return lf > 0 && text[lf - 1] === '\r' ? lf - 1 : lf;
}

export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Column of an offset, as spaces (indentation for a sibling line). */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/** Cells of a row written with no value at all (`本年新收:` or `本年新收: ~`) share the row's key. */
export function inBlankRow(cell: Cell): boolean {
  const k = cell.keySpan;
  const c = cell.containerSpan;
  return !!k && !!c && k[0] === c[0] && k[1] === c[1];
}

/** Whether a value span holds characters (a blank `key:` has an empty span). */
export const hasText = (span: Span | undefined): span is Span => !!span && span[1] > span[0];

/**
 * The edit writing `value` into a written cell: its value characters replaced, or the value put
 * after the colon of a blank `key:`. Undefined for cells that are not written as `key: value`.
 */
export function cellValueEdit(report: Report, cell: Cell, value: string): TextEdit | undefined {
  if (!cell.keySpan || inBlankRow(cell)) return undefined;
  const v = cell.valueSpan;
  // A key repaired from full-width input (`总计：5`) holds key and value in one scalar: the
  // full-width fix has to come first.
  if (v && v[0] === cell.keySpan[0] && v[1] === cell.keySpan[1]) return undefined;
  if (hasText(v)) return replaceSpan(report, v, value);
  return fillAfterKey(report, cell.keySpan, value);
}

/** Key start to the last character of the value (block values carry trailing newlines). */
export function entryExtent(report: Report, e: Entry): Span {
  return [e.keySpan[0], hasText(e.valueSpan) ? Math.max(e.keySpan[1], contentEnd(report.text, e.valueSpan)) : e.keySpan[1]];
}
