/**
 * What the format says one row's values must satisfy on their own, shared by every reader that has
 * to choose among several readings of a row (a cell split into two runs, a web-archive digit run):
 * the equations whose cells all lie in the row (总计 = the six columns, a table-4 total), and an
 * inventory's stock never below this year's additions less removals (last year's stock is not
 * negative). Derived from the format definition: nothing here names a row.
 */
import { equations } from '../format';
import type { FormatDef, RuleCode } from '../format';
import type { CellEquation } from './digitRuns';

const EPSILON = 1e-9;

/** An equation over a row's cells, as indices into the row's cell paths. */
export interface RowEquation extends CellEquation<number> {
  code: RuleCode;
}

/** The format's equations whose cells are all among `paths` (a row's cells), by index. */
export function rowEquations(def: FormatDef, paths: readonly string[]): RowEquation[] {
  const index = new Map(paths.map((p, i) => [p, i]));
  return equations(def)
    .filter((eq) => [...eq.lhs, ...eq.rhs].every((p) => index.has(p)))
    .map((eq) => ({ code: eq.code, lhs: eq.lhs.map((p) => index.get(p) as number), rhs: eq.rhs.map((p) => index.get(p) as number) }));
}

/**
 * Whether a reading of the row at `rowPath` (cell paths `paths`, values by index, undefined where
 * not a number) can be right: a relation with an unknown cell stays open.
 */
export function rowAdmits(def: FormatDef, rowPath: string, paths: readonly string[]): (values: readonly (number | undefined)[]) => boolean {
  const sums = rowEquations(def, paths);
  const at = (key: string) => paths.indexOf(`${rowPath}/${key}`);
  const stocks = (def.crossYear?.inventory?.rows ?? []).filter((r) => r.row === rowPath).map((r) => [at(r.stock), at(r.added), at(r.removed)]);
  return (values) => {
    const total = (xs: readonly number[]) => xs.reduce<number | undefined>((a, i) => (a === undefined || values[i] === undefined ? undefined : a + (values[i] as number)), 0);
    for (const eq of sums) {
      const l = total(eq.lhs);
      const r = total(eq.rhs);
      if (l !== undefined && r !== undefined && Math.abs(l - r) > EPSILON) return false;
    }
    for (const [stock, added, removed] of stocks) {
      const [s, a, r] = [values[stock], values[added], values[removed]];
      if (s !== undefined && a !== undefined && r !== undefined && s < a - r) return false;
    }
    return true;
  };
}
