/**
 * The edits behind the code actions, one builder per kind of fix, including the file-wide ones.
 * Each builder reads the parsed report (exact spans) and returns edits that touch only what the
 * fix changes.
 */
import type { Range, TextEdit } from 'vscode-languageserver';
import { equations, parentPath } from '../format';
import type { Cell, Report } from '../parse/types';
import { totalCellOf } from '../rules/cells';
import { carryOverPairs } from '../rules/crossYear';
import { evaluate } from '../rules/equations';
import { numberingBreaks, ordinalSpan } from '../rules/numbering';
import type { Analysis } from './analysis';
import { fillBlankRow, writeCells } from '../write/cellWrites';
import { cellValueEdit, inBlankRow, numberText } from '../write/edits';
import { solveTotals } from './totals';
import { zeros } from '../write/yamlText';

/** Every wrong written total set to the value the sums need (see totals.ts for the order). */
export function fixAllTotalsEdits(report: Report): TextEdit[] {
  return writeCells(report, solveTotals(report));
}

/** Every blank cell filled with 0 (a blank row becomes a row of zeros). */
export function fillAllBlanksEdits(report: Report): TextEdit[] {
  const edits: TextEdit[] = [];
  const rows = new Set<string>();
  for (const cell of report.cells.values()) {
    if (cell.state !== 'blank') continue;
    if (inBlankRow(cell)) rows.add(parentPath(cell.path));
    else {
      const edit = cellValueEdit(report, cell, '0');
      if (edit) edits.push(edit);
    }
  }
  for (const row of rows) {
    const edit = fillBlankRow(report, row, zeros);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** A full-width run replaced; the space after `：`/`，` is left out when one is already there. */
export function fullwidthEdit(report: Report, range: Range, replacement: string): TextEdit {
  const end = report.lines.offset(range.end);
  const next = report.text[end];
  const trimmed = replacement.endsWith(' ') && (next === undefined || /\s/.test(next)) ? replacement.slice(0, -1) : replacement;
  return { range, newText: trimmed };
}

export function replaceAllFullwidthEdits(a: Analysis): TextEdit[] {
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  for (const d of a.result.diagnostics) {
    const key = `${d.range.start.line}:${d.range.start.character}`;
    if (d.code !== 'fullwidth' || d.data?.replacement === undefined || seen.has(key)) continue;
    seen.add(key);
    edits.push(fullwidthEdit(a.result.report, d.range, d.data.replacement));
  }
  return edits;
}

/** The key renamed, inside its quotes if it is quoted (`"属于国家秘密"` → `"国家秘密"`). */
export function renameEdit(report: Report, range: Range, cell: string | undefined, suggestion: string): TextEdit | undefined {
  const parent = cell && cell.includes('/') ? cell.slice(0, cell.lastIndexOf('/')) : '';
  // Renaming onto a key that is already there would make a duplicate key.
  // (A row read under its label is entered under its key, but that key is not written.)
  const target = parent ? `${parent}/${suggestion}` : suggestion;
  if (report.entries.has(target) && !report.labelled.has(target)) return undefined;
  const start = report.lines.offset(range.start);
  const end = report.lines.offset(range.end);
  const raw = report.text.slice(start, end);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  return quoted ? { range: report.lines.range([start + 1, end - 1]), newText: suggestion } : { range, newText: suggestion };
}

/**
 * A balance fix changes one column of 结转下年度; a written row total that agreed with the row
 * before would then disagree, so it moves by the same amount (and the 总计 column balances too).
 */
export function followingTotal(report: Report, cell: Cell, value: number): { edit: TextEdit; value: number } | undefined {
  const row = parentPath(cell.path);
  const total = totalCellOf(report, row);
  if (!total || total === cell || total.state !== 'number') return undefined;
  const rowSum = equations(report.format).find((eq) => eq.isSum && eq.anchor === total.path);
  if (!rowSum || !evaluate(report, rowSum).ok) return undefined;
  const next = total.value + value - cell.value;
  const edit = next >= 0 ? cellValueEdit(report, total, numberText(next)) : undefined;
  return edit ? { edit, value: next } : undefined;
}

/**
 * This year's 上年结转 row set to last year's 结转下年度, column by column: only the cells that
 * differ (or are blank or unreadable) are written; an omitted 总计 stays omitted (it is computed).
 */
export function copyCarryOverEdits(a: Analysis): TextEdit[] {
  const { report, previous } = a.result;
  if (!previous) return [];
  const values = new Map<string, number>();
  for (const p of carryOverPairs(report, previous.report)) {
    const mine = report.cells.get(p.this);
    const last = previous.report.cells.get(p.last);
    if (!mine || !last || last.state === 'missing' || last.state === 'invalid') continue;
    if (mine.state === 'missing' || mine.state === 'computed' || (mine.state === 'number' && mine.value === last.value)) continue;
    values.set(p.this, last.value);
  }
  return writeCells(report, values);
}

/**
 * The broken list whose ordinal sits at `start` renumbered from there on: only the numbers that
 * change are written (一 of 一是, 3 of （3）, 其次), nothing around them. Undefined when one of
 * them cannot be placed exactly in the source (escaped text) or written (beyond the words).
 */
export function renumberEdits(report: Report, start: number): { expected: string; edits: TextEdit[] } | undefined {
  const b = numberingBreaks(report).find((x) => ordinalSpan(report, x.item)?.[0] === start);
  if (!b?.renumber) return undefined;
  const edits: TextEdit[] = [];
  for (const { item, numberText } of b.renumber) {
    const span = ordinalSpan(report, item, item.numberAt, item.numberText.length);
    if (!span) return undefined;
    edits.push({ range: report.lines.range(span), newText: numberText });
  }
  return edits.length ? { expected: b.expectedText, edits } : undefined;
}
