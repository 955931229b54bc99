/**
 * The rows of the review's tables (tables.csv, tables.xlsx), built as the reports are reviewed:
 * one per report in input order, then a total per 年度 and, for every 机关 whose last year's report
 * is among the reviewed ones, its change since last year. Only the rows of reports that take part in
 * a pair are kept until the end; the rest are written and dropped.
 */
import type { Locale } from '../i18n/messages';
import { addValue, CELL_COLUMNS, difference } from './columns';
import { REVIEW_STRINGS } from '../i18n/review';

export type TableCell = string | number | null;

export interface TableReport {
  agency?: string;
  year?: number;
  format: string;
  /** The input document, as the user named it. */
  input: string;
  errors: number;
  warnings: number;
  values: (number | null)[];
}

export function headerRow(locale: Locale): TableCell[] {
  return [...REVIEW_STRINGS[locale].tableHead, ...CELL_COLUMNS];
}

export function reportRow(r: TableReport): TableCell[] {
  return [r.agency ?? '', r.year ?? '', r.format, r.input, r.errors, r.warnings, ...r.values];
}

/** Accumulates the totals and the pairs' rows; `rows()` gives the closing rows. */
export class TableSummary {
  private readonly totals = new Map<number | undefined, (number | null)[]>();
  /** Values of the reports that are one side of a pair, by their index in the run. */
  private readonly kept = new Map<number, TableReport>();

  constructor(
    private readonly locale: Locale,
    /** For each report index, the index of last year's report among the reviewed ones. */
    private readonly previousOf: ReadonlyMap<number, number>,
    /** Report indexes that are last year's report of another. */
    private readonly isPrevious: ReadonlySet<number>,
  ) {}

  add(index: number, r: TableReport): void {
    const sum = this.totals.get(r.year) ?? CELL_COLUMNS.map(() => null);
    this.totals.set(r.year, sum.map((s, i) => addValue(s, r.values[i])));
    if (this.previousOf.has(index) || this.isPrevious.has(index)) this.kept.set(index, r);
  }

  rows(): TableCell[][] {
    const s = REVIEW_STRINGS[this.locale];
    const out: TableCell[][] = [];
    const years = [...this.totals.keys()].sort((a, b) => (a ?? 0) - (b ?? 0));
    for (const year of years) {
      const label = s.totalRow(year);
      out.push([label, year ?? '', '', '', '', '', ...(this.totals.get(year) as (number | null)[])]);
    }
    for (const [index, prevIndex] of [...this.previousOf].sort((a, b) => a[0] - b[0])) {
      const now = this.kept.get(index);
      const before = this.kept.get(prevIndex);
      if (!now || !before) continue;
      const label = s.changeRow(now.year, before.year);
      out.push([now.agency ?? '', label, now.format, now.input, now.errors - before.errors, now.warnings - before.warnings, ...now.values.map((v, i) => difference(v, before.values[i]))]);
    }
    return out;
  }
}

/**
 * A CSV line (RFC 4180): fields with a comma, quote or line break are quoted. A text that a
 * spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) gets a leading `'`: a 机关 or a
 * file name is never run.
 */
export function csvLine(cells: readonly TableCell[]): string {
  return (
    cells
      .map((c) => {
        const s = c === null ? '' : typeof c === 'number' ? String(c) : /^[=+\-@\t\r]/.test(c) ? `'${c}` : c;
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}
