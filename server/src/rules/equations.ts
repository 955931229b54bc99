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
  const lhs = sum(report, eq.lhs);
  const rhs = sum(report, eq.rhs);
  const written = anchor?.value ?? 0;
  const anchorOnLeft = eq.lhs.includes(eq.anchor);
  const needed = anchorOnLeft ? rhs - (lhs - written) : lhs - (rhs - written);
  const skipped = !anchor || anchor.state === 'missing' || anchor.state === 'computed';
  return { eq, lhs, rhs, written, needed, ok: skipped || Math.abs(lhs - rhs) < EPSILON, skipped };
}

const rowOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

export function checkEquations(report: Report, t: I18n): Finding[] {
  const out: Finding[] = [];
  for (const eq of equations(report.format)) {
    const ev = evaluate(report, eq);
    if (ev.ok) continue;
    const anchor = report.cells.get(eq.anchor) as Cell;
    const terms = [...eq.lhs, ...eq.rhs].filter((p) => p !== eq.anchor).map((p) => report.cells.get(p)).filter((c): c is Cell => !!c);
    const blanks = [anchor, ...terms].filter((c) => c.state === 'blank' || c.state === 'missing').map((c) => c.path);
    const name = displayName(eq.anchor);
    const names = (paths: string[]) => paths.map((p) => termName(report.format, eq, p));
    const message = eq.isSum
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
        message: t.m.term(t.p.cellTerm(displayName(c.path), c.value, c.state === 'blank' || c.state === 'missing')),
        cell: c.path,
      })),
      data: { written: anchor.state === 'blank' ? null : ev.written, computed: ev.needed, difference: ev.written - ev.needed, ...(blanks.length ? { blanks } : {}) },
    });
  }
  return out;
}
