/**
 * Writing numbers into cells: one value characters' replacement per written cell, and one flow
 * mapping for a row written with no value at all (its cells have no place of their own).
 */
import type { TextEdit } from 'vscode-languageserver';
import { lookup } from '../format';
import type { Report } from '../parse/types';
import { cellValueEdit, fillAfterKey, hasText, inBlankRow, numberText, replaceSpan } from './edits';
import { flowValue } from './yamlText';
import type { ValueOf } from './yamlText';

const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/'));

/** `本年新收:` (or `本年新收: ~`) becomes `本年新收: {自然人: 0, …}` with the given values. */
export function fillBlankRow(report: Report, rowPath: string, valueOf: ValueOf): TextEdit | undefined {
  const entry = report.entries.get(rowPath);
  const loc = lookup(report.format, rowPath);
  if (!entry || !loc || loc.node.kind !== 'row') return undefined;
  const value = flowValue(loc.node, rowPath, valueOf) as string;
  if (hasText(entry.valueSpan)) return replaceSpan(report, entry.valueSpan, value);
  return fillAfterKey(report, entry.keySpan, value);
}

/**
 * Edits setting each cell of `values` (path → number). Cells of a blank row are written together,
 * the row's other cells as 0, so edits never overlap.
 */
export function writeCells(report: Report, values: Map<string, number>): TextEdit[] {
  const edits: TextEdit[] = [];
  const blankRows = new Set<string>();
  for (const [path, n] of values) {
    const cell = report.cells.get(path);
    if (!cell) continue;
    if (inBlankRow(cell)) {
      blankRows.add(parentOf(path));
      continue;
    }
    const edit = cellValueEdit(report, cell, numberText(n));
    if (edit) edits.push(edit);
  }
  for (const row of blankRows) {
    const edit = fillBlankRow(report, row, (p) => {
      const v = values.get(p);
      return v === undefined ? '0' : numberText(v);
    });
    if (edit) edits.push(edit);
  }
  return edits;
}
