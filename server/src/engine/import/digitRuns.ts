/**
 * Splitting a run of digits whose cell separators were lost (`6000017`, `2648-18538`) into the
 * cells of a row, and choosing between the possible splits with the table's own equations.
 *
 * A split is a reading of the run as exactly one number per cell, where a number never starts
 * with 0 unless it is 0 itself (or 0.x for a decimal cell), a sign (- or +) starts a cell that may
 * be negative and nothing else, and whitespace or a comma that the dump kept is always a boundary.
 * Equations whose cells all lie in the run (a row total) must hold in every reading; equations
 * across runs only narrow runs that have several readings, and only when the document satisfies
 * them for some choice (a published total can be wrong, and a unique split is never overridden).
 * Every search is bounded: past the budget a run counts as having too many readings, and no cell
 * is longer than MAX_CELL characters.
 */

export interface CellSpec {
  signed?: boolean;
  decimal?: boolean;
}

/** An equation over cells: Σ lhs = Σ rhs. */
export interface CellEquation<K> {
  lhs: K[];
  rhs: K[];
  /** Said in notes when the equation decided a split (the rule code). */
  name?: string;
}

export interface RunSplit {
  /** Every reading (cell texts), or undefined when there were too many to enumerate. */
  readings?: string[][];
}

/** Steps of the search per run, and readings kept; beyond either the run is too ambiguous to list. */
const MAX_STEPS = 200_000;
const MAX_READINGS = 500;
const EPSILON = 1e-9;
/** Longest cell read: beyond any count or amount in a report, and it keeps each step short. */
const MAX_CELL = 15;

const SIGNED_DECIMAL = /^(?:0|[-+]?[1-9]\d*)(?:\.\d+)?$|^[-+]0\.\d+$/;
const DECIMAL = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
const SIGNED = /^(?:0|[-+]?[1-9]\d*)$/;
const COUNT = /^(?:0|[1-9]\d*)$/;
const LEADING_ZERO = /^[-+]?0\d/;

function validCell(text: string, spec: CellSpec): boolean {
  return (spec.decimal ? (spec.signed ? SIGNED_DECIMAL : DECIMAL) : spec.signed ? SIGNED : COUNT).test(text);
}

/** Pieces of a run that no cell crosses: whitespace and commas are separators the dump kept. */
export function segmentsOf(run: string): string[] {
  return run
    .normalize('NFKC')
    .replace(/[−－–—]/g, '-')
    .replace(/＋/g, '+')
    .split(/[\s,，]+/)
    .filter((s) => s.length > 0);
}

/**
 * All splits of `run` into `specs.length` cells satisfying `equations` (indices into the cells).
 * Depth-first, left to right; an equation is tested as soon as its last cell is read.
 */
export function splitRun(run: string, specs: readonly CellSpec[], equations: readonly CellEquation<number>[] = []): RunSplit {
  const segs = segmentsOf(run);
  const n = specs.length;
  const totalChars = segs.reduce((a, s) => a + s.length, 0);
  if (n === 0 || segs.length > n || totalChars < n || totalChars > n * MAX_CELL) return { readings: [] };
  const byLast = new Map<number, CellEquation<number>[]>();
  for (const eq of equations) {
    const last = Math.max(...eq.lhs, ...eq.rhs);
    if (last >= n) continue;
    byLast.set(last, [...(byLast.get(last) ?? []), eq]);
  }
  const cells: string[] = [];
  const values: number[] = [];
  const readings: string[][] = [];
  let steps = 0;
  let overflow = false;

  const holds = (k: number) =>
    (byLast.get(k) ?? []).every((eq) => {
      const sum = (xs: number[]) => xs.reduce((a, i) => a + values[i], 0);
      return Math.abs(sum(eq.lhs) - sum(eq.rhs)) < EPSILON;
    });

  const visit = (k: number, seg: number, pos: number, charsLeft: number): void => {
    if (overflow) return;
    if (++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (k === n) {
      if (seg === segs.length) {
        readings.push([...cells]);
        if (readings.length > MAX_READINGS) overflow = true;
      }
      return;
    }
    if (seg === segs.length) return;
    // Each remaining cell needs a character, and each remaining segment a cell.
    const cellsLeft = n - k;
    if (charsLeft < cellsLeft || segs.length - seg > cellsLeft) return;
    const s = segs[seg];
    for (let end = pos + 1; end <= Math.min(s.length, pos + MAX_CELL); end++) {
      const text = s.slice(pos, end);
      if (!validCell(text, specs[k])) {
        // A leading 0 (or a sign where none may be) makes every longer cell invalid too.
        if (LEADING_ZERO.test(text) || (/^[-+]/.test(text) && !specs[k].signed) || (text === '0' && !specs[k].decimal)) break;
        continue;
      }
      cells[k] = text;
      values[k] = Number(text);
      if (holds(k)) {
        if (end === s.length) visit(k + 1, seg + 1, 0, charsLeft - text.length);
        else visit(k + 1, seg, end, charsLeft - text.length);
      }
      if (overflow) return;
    }
  };
  visit(0, 0, 0, totalChars);
  return overflow ? {} : { readings };
}

/** A run being decided: its cells (keys) and its readings as numbers. */
export interface Candidate<K> {
  cells: K[];
  readings?: number[][];
}

/** Products of distinct readings tried at once for one equation. */
const MAX_COMBINATIONS = 20_000;

/**
 * Narrows runs that have several readings with equations across runs. An equation is used only
 * when every cell it names lies in a run with readings, at least one of them is still ambiguous,
 * and some choice of readings satisfies it; a run with one reading never changes. Returns, per
 * candidate index, the equations that narrowed it.
 */
export function narrow<K>(candidates: Candidate<K>[], equations: readonly CellEquation<K>[]): Map<number, CellEquation<K>[]> {
  const where = new Map<K, { run: number; index: number }>();
  candidates.forEach((c, run) => c.cells.forEach((key, index) => where.set(key, { run, index })));
  const used = new Map<number, CellEquation<K>[]>();
  let changed = true;
  for (let pass = 0; changed && pass < 8; pass++) {
    changed = false;
    for (const eq of equations) {
      const terms = [...eq.lhs.map((k) => ({ k, sign: 1 })), ...eq.rhs.map((k) => ({ k, sign: -1 }))];
      const located = terms.map((t) => ({ ...t, at: where.get(t.k) }));
      if (located.some((t) => !t.at || !candidates[t.at.run].readings?.length)) continue;
      const runs = [...new Set(located.map((t) => t.at!.run))];
      if (runs.length < 2) continue;
      const open = runs.filter((r) => (candidates[r].readings?.length ?? 0) > 1);
      if (open.length === 0) continue;
      // The fixed part of the equation, and each open run's contribution per distinct reading.
      let fixed = 0;
      for (const t of located) if (!open.includes(t.at!.run)) fixed += t.sign * candidates[t.at!.run].readings![0][t.at!.index];
      const options = open.map((r) => {
        const own = located.filter((t) => t.at!.run === r);
        const byValue = new Map<number, number[]>();
        candidates[r].readings!.forEach((reading, i) => {
          const v = own.reduce((a, t) => a + t.sign * reading[t.at!.index], 0);
          byValue.set(v, [...(byValue.get(v) ?? []), i]);
        });
        return [...byValue.entries()];
      });
      if (options.reduce((a, o) => a * o.length, 1) > MAX_COMBINATIONS) continue;
      const keep = options.map(() => new Set<number>());
      const choose = (i: number, acc: number, picked: number[]): void => {
        if (i === options.length) {
          if (Math.abs(acc) < EPSILON) picked.forEach((o, j) => keep[j].add(o));
          return;
        }
        options[i].forEach(([v], o) => choose(i + 1, acc + v, [...picked, o]));
      };
      choose(0, fixed, []);
      // No choice satisfies it: the document breaks this equation; it decides nothing.
      if (keep[0].size === 0) continue;
      open.forEach((r, j) => {
        const kept = [...keep[j]].flatMap((o) => options[j][o][1]).sort((a, b) => a - b);
        const c = candidates[r];
        if (kept.length === c.readings!.length) return;
        c.readings = kept.map((i) => c.readings![i]);
        used.set(r, [...(used.get(r) ?? []), eq]);
        changed = true;
      });
    }
  }
  return used;
}
