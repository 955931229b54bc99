/**
 * A block of copied cells pasted in the editor: on a row key it fills that row and the rows after
 * it (definition order); on an empty line inside a table part (under `依申请公开:`) it starts at the
 * row after the last row written above the line, or at the first row. Table 4 prints as one long
 * row, so there the rows after the cursor's row continue its line of cells.
 */
import { lookup, rowsUnder } from '../format';
import type { Report } from '../parse/types';
import { placeBlock } from './tsv';
import type { CellChange, PasteRefusal } from './tsv';

/** The cell paths a paste starting at `startRow` fills, one list per row of the copy. */
function targetsFrom(report: Report, part: string, startRow: number): string[][] {
  const loc = lookup(report.format, part);
  const rows = rowsUnder(report.format, part).slice(startRow);
  const cellsOf = (r: (typeof rows)[number]) => r.node.cells.map((c) => `${r.path}/${c.key}`);
  if (loc?.part.layout?.kind === 'wide') return [rows.flatMap(cellsOf)];
  return rows.map(cellsOf);
}

/** Top-level table part and first row index for a paste on line `line`; undefined off the tables. */
function pastePoint(report: Report, line: number): { part: string; row: number } | undefined {
  const at = (offset: number) => report.lines.position(offset).line;
  // On a row key: that row.
  for (const e of report.entries.values()) {
    if (at(e.keySpan[0]) !== line) continue;
    const loc = lookup(report.format, e.path);
    if (!loc?.part.layout || loc.node.kind !== 'row') continue;
    const part = loc.part.node.key;
    const row = rowsUnder(report.format, part).findIndex((r) => r.path === e.path);
    if (row >= 0) return { part, row };
  }
  if (!Number.isInteger(line) || line < 0 || line >= report.lines.lineCount || report.lines.lineText(line).trim() !== '') return undefined;
  // An empty line: inside the nearest top-level key above it, if that is a table.
  let part: string | undefined;
  let partLine = -1;
  for (const e of report.entries.values()) {
    if (e.path.includes('/')) continue;
    const l = at(e.keySpan[0]);
    if (l < line && l > partLine) {
      partLine = l;
      part = e.path;
    }
  }
  if (part === undefined || !lookup(report.format, part)?.part.layout) return undefined;
  const rows = rowsUnder(report.format, part);
  let row = 0;
  rows.forEach((r, i) => {
    const e = report.entries.get(r.path);
    if (e && at(e.keySpan[0]) < line) row = Math.max(row, i + 1);
  });
  return row < rows.length ? { part, row } : undefined;
}

/** The cells a paste at `line` sets, a refusal, or undefined when the line is not on a table row. */
export function pasteCells(report: Report, line: number, text: string): { changes: CellChange[] } | { refused: PasteRefusal } | undefined {
  const point = pastePoint(report, line);
  if (!point) return undefined;
  return placeBlock(text, targetsFrom(report, point.part, point.row));
}
