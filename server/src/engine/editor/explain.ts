/**
 * Equations spelled out for people: which relations a cell takes part in, each term named the way
 * the table reads (the column in a row total, the row in a column total, `（七）总计` where a row
 * shares its key with a column), and a whole relation written with its values and verdict:
 * `总计 = 自然人 3 + 商业企业 1 + … = 4 ✓`. Hover and completion both use it.
 */
import { equations, termName } from '../format';
import type { Equation, FormatDef } from '../format';
import { formatNumber as num } from '../i18n/messages';
import type { Locale } from '../i18n/messages';
import type { Cell, Report } from '../parse/types';
import { evaluate } from '../rules/equations';
import type { Evaluation } from '../rules/equations';
import { WORDS } from '../i18n/explain';

export { WORDS } from '../i18n/explain';

export type Words = (typeof WORDS)['en'];
export const wordsFor = (locale: Locale): Words => WORDS[locale];

const byCell = new WeakMap<FormatDef, Map<string, Equation[]>>();

/** Every equation a cell takes part in (as a term or as the anchor), in definition order. */
export function equationsWith(def: FormatDef, path: string): Equation[] {
  let index = byCell.get(def);
  if (!index) {
    index = new Map();
    for (const eq of equations(def)) {
      for (const p of new Set([...eq.lhs, ...eq.rhs])) index.set(p, [...(index.get(p) ?? []), eq]);
    }
    byCell.set(def, index);
  }
  return index.get(path) ?? [];
}

/** Equations checked on this cell (its total, its balance), sums first. */
export function equationsAt(def: FormatDef, path: string): Equation[] {
  return equationsWith(def, path)
    .filter((eq) => eq.anchor === path)
    .sort((a, b) => Number(b.isSum) - Number(a.isSum));
}


/** `自然人 3`, `自然人 空白(按0计)`, `（七）总计 5(自动计算)`. */
export function termText(name: string, cell: Cell | undefined, w: Words): string {
  if (!cell || cell.state === 'number') return `${name} ${num(cell?.value ?? 0)}`;
  if (cell.state === 'computed') return `${name} ${num(cell.value)}(${w.computed})`;
  return `${name} ${w.state[cell.state]}`;
}

function side(report: Report, eq: Equation, paths: string[], w: Words): string {
  return paths.map((p) => termText(termName(report.format, eq, p), report.cells.get(p), w)).join(' + ');
}

/** The verdict after a relation: ✓, ✗ with written/computed/difference, or 自动计算. */
function verdict(report: Report, ev: Evaluation, w: Words): string {
  const anchor = report.cells.get(ev.eq.anchor);
  if (ev.skipped) return ev.eq.isSum ? `(${w.computed})` : `(${w.unchecked})`;
  if (ev.ok) return '✓';
  const written = anchor?.state === 'blank' ? w.blankWritten : num(ev.written);
  return `✗ ${w.wrong(written, num(ev.needed), num(ev.written - ev.needed))}`;
}

/**
 * One relation with values: `总计 = 自然人 3 + … = 4 ✓` for a sum, `本年新收 5 + 上年结转 1 =
 * （七）总计 5 + 结转下年度 1 ✓` for a balance (`≠` and both sums when it does not hold).
 */
export function explain(report: Report, eq: Equation, locale: Locale): { text: string; ev: Evaluation } {
  const w = wordsFor(locale);
  const ev = evaluate(report, eq);
  if (eq.isSum) {
    const name = termName(report.format, eq, eq.anchor);
    return { text: `${name} = ${side(report, eq, eq.rhs, w)} = ${num(ev.rhs)} ${verdict(report, ev, w)}`, ev };
  }
  const lhs = side(report, eq, eq.lhs, w);
  const rhs = side(report, eq, eq.rhs, w);
  const text = ev.ok ? `${lhs} = ${rhs} ${verdict(report, ev, w)}` : `${lhs} (= ${num(ev.lhs)}) ≠ ${rhs} (= ${num(ev.rhs)}) ${verdict(report, ev, w)}`;
  return { text, ev };
}

/**
 * How the value an equation needs in its anchor is obtained: `= 3 + 1 + 0` for a sum, the other
 * terms with names and signs for a balance (`= 本年新收 5 + 上年结转 1 − （七）总计 5`).
 */
export function neededFrom(report: Report, eq: Equation): string {
  const value = (p: string) => num(report.cells.get(p)?.value ?? 0);
  if (eq.isSum) return `= ${eq.rhs.map(value).join(' + ')}`;
  const anchorLeft = eq.lhs.includes(eq.anchor);
  const plus = (anchorLeft ? eq.rhs : eq.lhs).filter((p) => p !== eq.anchor);
  const minus = (anchorLeft ? eq.lhs : eq.rhs).filter((p) => p !== eq.anchor);
  const named = (p: string) => `${termName(report.format, eq, p)} ${value(p)}`;
  return `= ${plus.map(named).join(' + ')}${minus.map((p) => ` − ${named(p)}`).join('')}`;
}
