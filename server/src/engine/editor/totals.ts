/**
 * The values every written total should have, for "fix all totals". Totals feed other totals (a
 * row's 总计 is a term of （七）总计's 总计 column), so the sums are re-evaluated with the values
 * already corrected until nothing changes: row totals first, then the column totals over them,
 * then the total row's own 总计 again, which then agrees with both.
 *
 * The `balance` relation is not fixed: it says that one of four rows is wrong, not which one, so
 * any automatic choice would be a guess. Its quick fix (one cell, on request) stays available.
 */
import { equations } from '../format';
import type { Report } from '../parse/types';

const EPSILON = 1e-9;
/** The relations are a shallow DAG (depth 2); a few passes always settle, the cap guards bugs. */
const MAX_PASSES = 8;

/** Path → corrected value, for every written total whose value is wrong. */
export function solveTotals(report: Report): Map<string, number> {
  const values = new Map<string, number>();
  // A blank total counts as its parts' sum in the rules, but here it has still to be written.
  for (const [path, cell] of report.cells) values.set(path, cell.state === 'blank' ? 0 : cell.value);
  const sums = equations(report.format).filter((eq) => eq.isSum);
  const changed = new Map<string, number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let dirty = false;
    for (const eq of sums) {
      const anchor = report.cells.get(eq.anchor);
      if (!anchor || anchor.state === 'missing') continue;
      const needed = eq.rhs.reduce((acc, p) => acc + (values.get(p) ?? 0), 0);
      if (Math.abs((values.get(eq.anchor) ?? 0) - needed) < EPSILON) continue;
      values.set(eq.anchor, needed);
      dirty = true;
      // Omitted totals are recomputed too (they feed other sums) but have nothing to edit.
      if (anchor.state !== 'computed') changed.set(eq.anchor, needed);
    }
    if (!dirty) break;
  }
  // A total can be changed in one pass and restored in the next: keep real changes only (a blank
  // total whose parts sum to 0 is not wrong either; blank-cell has its own fix).
  for (const [path, v] of changed) {
    const cell = report.cells.get(path);
    if (cell && Math.abs((cell.state === 'blank' ? 0 : cell.value) - v) < EPSILON) changed.delete(path);
  }
  return changed;
}
