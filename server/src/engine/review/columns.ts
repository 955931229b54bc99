/**
 * The columns of review/tables.csv and tables.xlsx: one per cell path of the formats (the current
 * format's first, then the cells only an older format has), so reports of both formats share a table.
 */
import { allCells, defaultFormat, formats } from '../format';
import type { Report } from '../parse/types';

function cellPaths(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const def of [defaultFormat, ...Object.values(formats).filter((f) => f !== defaultFormat)]) {
    for (const cell of allCells(def)) {
      if (!seen.has(cell.path)) {
        seen.add(cell.path);
        out.push(cell.path);
      }
    }
  }
  return out;
}

/** Every cell path, in table order. */
export const CELL_COLUMNS: readonly string[] = cellPaths();

/**
 * A report's numbers, one per column: what is written, or a total computed from written parts.
 * A blank, missing or invalid cell, or a cell the report's format does not have, is null (not 0:
 * the table shows what the report says, and a sum skips it).
 */
export function rowValues(report: Report): (number | null)[] {
  return CELL_COLUMNS.map((p) => {
    const cell = report.cells.get(p);
    if (!cell) return null;
    if (cell.state === 'number' || (cell.state === 'computed' && cell.derived)) return cell.value;
    return null;
  });
}

/** Sums without float noise (fees are written to two decimals): rounded to six. */
export function addValue(sum: number | null, value: number | null): number | null {
  if (value === null) return sum;
  return Math.round(((sum ?? 0) + value) * 1e6) / 1e6;
}

export function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 1e6) / 1e6;
}
