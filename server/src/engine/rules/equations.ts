/**
 * The arithmetic relations of the format (row-total, outcome-total, balance, appeal-total):
 * every equation the definition expands to is evaluated in one pass over the cell values.
 */
import { equations, termName } from '../format';
import type { Equation } from '../format';
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Cell, Finding, Report } from '../parse/types';
import { cellSpan } from './cells';

const EPSILON = 1e-9;

export interface Evaluation {
  eq: Equation;
  lhs: number;
  rhs: number;
  /** Value written in (or computed for) the anchor cell, and the value the equation needs there. */
  written: number;
  needed: number;
  ok: boolean;
  /** The relation could not be judged (its anchor is absent). */
  skipped: boolean;
}

const sum = (report: Report, paths: string[]) => paths.reduce((a, p) => a + (report.cells.get(p)?.value ?? 0), 0);

export function evaluate(report: Report, eq: Equation): Evaluation {
  const anchor = report.cells.get(eq.anchor);
  // A blank total counts as the sum of its parts everywhere (one root cause, one error) except in
  // the sum that defines it: that row-total says it is blank and carries the fix.
  const ownSum = eq.isSum && anchor?.state === 'blank';
  const lhs = ownSum ? 0 : sum(report, eq.lhs);
  const rhs = sum(report, eq.rhs);
  const written = ownSum ? 0 : (anchor?.value ?? 0);
  const anchorOnLeft = eq.lhs.includes(eq.anchor);
  const needed = anchorOnLeft ? rhs - (lhs - written) : lhs - (rhs - written);
  const skipped = !anchor || anchor.state === 'missing' || anchor.state === 'computed';
  return { eq, lhs, rhs, written, needed, ok: skipped || Math.abs(lhs - rhs) < EPSILON, skipped };
}

const rowOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
/** Blank or absent and counted as 0 (a blank total with written parts counts as their sum). */
const countedAsZero = (c: Cell) => (c.state === 'blank' || c.state === 'missing') && !c.derived;

/**
 * A failed relation whose terms include a total that is itself wrong is reported only when it
 * still fails with that total corrected: otherwise it is the consequence of the first error.
 */
function consequence(report: Report, ev: Evaluation, corrected: Map<string, number>): boolean {
  const { eq } = ev;
  let touched = false;
  const value = (p: string) => {
    if (p !== eq.anchor && corrected.has(p)) {
      touched = true;
      return corrected.get(p)!;
    }
    return p === eq.anchor ? ev.written : (report.cells.get(p)?.value ?? 0);
  };
  const lhs = eq.lhs.reduce((a, p) => a + value(p), 0);
  const rhs = eq.rhs.reduce((a, p) => a + value(p), 0);
  return touched && Math.abs(lhs - rhs) < EPSILON;
}

export function checkEquations(report: Report, t: I18n): Finding[] {
  const out: Finding[] = [];
  const failed = equations(report.format).map((eq) => evaluate(report, eq)).filter((ev) => !ev.ok);
  // Corrections come from root errors only: a total wrong by consequence would "correct" others
  // with a wrong value. Totals nest two deep, so this settles within a few passes.
  let roots = failed;
  for (let pass = 0; pass < 4; pass++) {
    const corrected = new Map<string, number>();
    for (const ev of roots) if (ev.eq.isSum && !corrected.has(ev.eq.anchor)) corrected.set(ev.eq.anchor, ev.needed);
    const next = failed.filter((ev) => !consequence(report, ev, corrected));
    if (next.length === roots.length) break;
    roots = next;
  }
  for (const ev of roots) {
    const eq = ev.eq;
    const anchor = report.cells.get(eq.anchor) as Cell;
    const terms = [...eq.lhs, ...eq.rhs].filter((p) => p !== eq.anchor).map((p) => report.cells.get(p)).filter((c): c is Cell => !!c);
    const blanks = [anchor, ...terms].filter((c) => countedAsZero(c) || (eq.isSum && c === anchor && c.state === 'blank')).map((c) => c.path);
    const name = displayName(eq.anchor);
    const names = (paths: string[]) => paths.map((p) => termName(report.format, eq, p));
    const message = eq.isSum && anchor.state === 'blank'
      ? t.m.sumBlank(eq.code as 'row-total', name, names(eq.rhs), ev.needed)
      : eq.isSum
      ? t.m.sumMismatch(eq.code as 'row-total', name, names(eq.rhs), ev.written, ev.needed, blanks.length)
      : t.m.balance(eq.anchor.split('/').pop() as string, names(eq.lhs), ev.lhs, names(eq.rhs), ev.rhs, name, ev.written, ev.needed, blanks.length);
    out.push({
      code: eq.code,
      span: cellSpan(report, anchor),
      message,
      cell: eq.anchor,
      // Related information only for terms in other rows: the message already names the anchor's own
      // row and columns, and a list of `file(line, col): Part of the sum` rows would only repeat it.
      related: terms.filter((c) => rowOf(c.path) !== rowOf(eq.anchor)).map((c) => ({
        span: cellSpan(report, c),
        message: t.m.term(t.p.cellTerm(displayName(c.path), c.value, countedAsZero(c))),
        cell: c.path,
      })),
      data: { written: anchor.state === 'blank' ? null : ev.written, computed: ev.needed, difference: ev.written - ev.needed, ...(blanks.length ? { blanks } : {}) },
    });
  }
  return out;
}
