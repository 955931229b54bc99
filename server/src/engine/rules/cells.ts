/**
 * Reading values out of a parsed report for the rules: totals of rows and groups, and where to
 * point at a cell (its value, else its key, else the row it should be in).
 */
import { lookup, rowsUnder } from '../format';
import type { Cell, Report, Span } from '../parse/types';

export function cellSpan(report: Report, cell: Cell | undefined): Span {
  if (!cell) return [0, 0];
  if (cell.valueSpan && cell.valueSpan[1] > cell.valueSpan[0]) return cell.valueSpan;
  return cell.keySpan ?? cell.containerSpan ?? parentSpan(report, cell.path);
}

/** Span of the nearest written ancestor key of `path` (for absent cells and rows). */
export function parentSpan(report: Report, path: string): Span {
  const parts = path.split('/');
  for (let i = parts.length; i > 0; i--) {
    const e = report.entries.get(parts.slice(0, i).join('/'));
    if (e) return e.keySpan;
  }
  return [0, 0];
}

/** The total cell of a row (the one marked `total` in the definition). */
export function totalCellOf(report: Report, rowPath: string): Cell | undefined {
  const loc = lookup(report.format, rowPath);
  if (!loc || loc.node.kind !== 'row') return undefined;
  const total = loc.node.cells.find((c) => c.total);
  return total ? report.cells.get(`${rowPath}/${total.key}`) : undefined;
}

/** A written number, or a total computed from written parts. */
export const known = (c: Cell) => c.state === 'number' || !!c.derived;

/**
 * Total of a row, or the sum of the totals of every row under a group; with `columns`, the sum of
 * those columns instead of the totals. `known` is false when no cell involved holds a written
 * number (the table is blank or absent there: nothing to compare).
 */
export function amount(report: Report, path: string, columns?: string[]): Amount {
  const cells: Cell[] = [];
  for (const row of rowsUnder(report.format, path)) {
    if (columns) {
      for (const col of columns) {
        const c = report.cells.get(`${row.path}/${col}`);
        if (c) cells.push(c);
      }
      continue;
    }
    const c = totalCellOf(report, row.path);
    if (c) cells.push(c);
  }
  return { value: cells.reduce((a, c) => a + c.value, 0), cells, known: cells.some(known) };
}

export interface Amount {
  value: number;
  cells: Cell[];
  known: boolean;
}

/** Whether any cell at or under `path` was written (the table or row is present). */
export function present(report: Report, path: string): boolean {
  return report.entries.has(path);
}
