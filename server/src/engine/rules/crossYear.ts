/**
 * Rules between this year's report and last year's: carry-over (table 3, 上年结转 = last year's
 * 结转下年度) and inventory (table 2, 现行有效 = last 现行有效 + 本年制发 − 本年废止), plus the
 * check that the two reports belong together (年度 − 1, same 机关). Which cells are compared is
 * read from the formats' `crossYear` declarations; see CrossYearDef for the cross-format rule.
 */
import type { RefRefusal } from '../workflows/previousReport';
import { lookup } from '../format';
import type { CrossYearDef } from '../format';
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Cell, Finding, RelatedInfo, Report, Span } from '../parse/types';
import { cellSpan } from './cells';

const EPSILON = 1e-9;

/** Last year's report as the rules see it. */
export interface Previous {
  report: Report;
  /** As the edge named the file (a path or a URI); absent when the caller gave none. */
  path?: string;
}

/** Last year's declaration of the same kind and meaning, or undefined (the cells are not comparable). */
function counterpart<K extends keyof CrossYearDef>(report: Report, last: Report, kind: K): [NonNullable<CrossYearDef[K]>, NonNullable<CrossYearDef[K]>] | undefined {
  const mine = report.format.crossYear[kind];
  const theirs = last.format.crossYear[kind];
  if (!mine || !theirs || mine.meaning !== theirs.meaning) return undefined;
  return [mine, theirs];
}

export interface CarryPair {
  /** This year's 上年结转 cell and last year's 结转下年度 cell of the same column. */
  this: string;
  last: string;
}

/** The carry-over cell pairs that apply between the two reports (one per column), if any. */
export function carryOverPairs(report: Report, last: Report): CarryPair[] {
  const pair = counterpart(report, last, 'carryOver');
  if (!pair) return [];
  const [mine, theirs] = pair;
  const row = lookup(report.format, mine.this);
  if (!row || row.node.kind !== 'row') return [];
  return row.node.cells.map((c) => ({ this: `${mine.this}/${c.key}`, last: `${theirs.last}/${c.key}` })).filter((p) => last.cells.has(p.last));
}

export interface InventoryTerms {
  stock: string;
  added: string;
  removed: string;
  lastStock: string;
}

/** The inventory equations that apply between the two reports (one per declared row), if any. */
export function inventoryTerms(report: Report, last: Report): InventoryTerms[] {
  const pair = counterpart(report, last, 'inventory');
  if (!pair) return [];
  const [mine, theirs] = pair;
  const out: InventoryTerms[] = [];
  for (const r of mine.rows) {
    // Same meaning, so the rows correspond; a row last year's format lacks is skipped.
    const l = theirs.rows.find((x) => x.row === r.row);
    if (l) out.push({ stock: `${r.row}/${r.stock}`, added: `${r.row}/${r.added}`, removed: `${r.row}/${r.removed}`, lastStock: `${l.row}/${l.stock}` });
  }
  return out.filter((t) => [t.stock, t.added, t.removed].every((p) => report.cells.has(p)) && last.cells.has(t.lastStock));
}

/** A cell whose value can be compared: written (blank counts as 0) or computed, not absent or unreadable. */
const usable = (c: Cell | undefined): c is Cell => !!c && c.state !== 'missing' && c.state !== 'invalid';
/** This year's side must be written: an omitted total is computed from cells already compared. */
const written = (c: Cell | undefined): c is Cell => usable(c) && c.state !== 'computed';

/** The file name shown in messages: the last segment of the path or URI, else last year's title. */
export function previousName(previous: Previous): string {
  if (!previous.path) return `《${previous.report.title}》`;
  const base = previous.path.split(/[\\/]/).pop() ?? previous.path;
  try {
    return /^[a-z][\w+.-]*:/i.test(previous.path) ? decodeURIComponent(base) : base;
  } catch {
    return base;
  }
}

export function elsewhere(previous: Previous, cell: Cell, message: string): RelatedInfo[] {
  // Without a name the location cannot be opened; the message still gives the value.
  if (!previous.path) return [];
  return [{ span: cellSpan(previous.report, cell), message, cell: cell.path, other: { path: previous.path, lines: previous.report.lines } }];
}

export function checkCarryOver(report: Report, previous: Previous, t: I18n): Finding[] {
  const out: Finding[] = [];
  const file = previousName(previous);
  for (const p of carryOverPairs(report, previous.report)) {
    const mine = report.cells.get(p.this);
    const theirs = previous.report.cells.get(p.last);
    if (!written(mine) || !usable(theirs) || Math.abs(mine.value - theirs.value) < EPSILON) continue;
    const lastName = displayName(p.last);
    const value = mine.state === 'blank' ? null : mine.value;
    out.push({
      code: 'carry-over',
      span: cellSpan(report, mine),
      message: t.m.carryOver(displayName(p.this), value, theirs.value, lastName, file, theirs.state === 'blank' ? 1 : 0),
      cell: p.this,
      related: elsewhere(previous, theirs, t.m.lastYearCell(lastName, theirs.value, file)),
      data: { written: value, computed: theirs.value, difference: mine.value - theirs.value },
    });
  }
  return out;
}

/** The last key of a cell path (its column in the row). */
const keyOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function checkInventory(report: Report, previous: Previous, t: I18n): Finding[] {
  const out: Finding[] = [];
  const file = previousName(previous);
  for (const terms of inventoryTerms(report, previous.report)) {
    const [stock, added, removed] = [terms.stock, terms.added, terms.removed].map((p) => report.cells.get(p));
    const lastStock = previous.report.cells.get(terms.lastStock);
    if (!written(stock) || !usable(added) || !usable(removed) || !usable(lastStock)) continue;
    const expected = lastStock.value + added.value - removed.value;
    if (Math.abs(stock.value - expected) < EPSILON) continue;
    const term = (c: Cell) => ({ span: cellSpan(report, c), message: t.m.term(t.p.cellTerm(displayName(c.path), c.value, c.state === 'blank')), cell: c.path });
    out.push({
      code: 'inventory',
      span: cellSpan(report, stock),
      message: t.m.inventory(displayName(terms.stock), stock.value, expected, keyOf(terms.stock), lastStock.value, keyOf(terms.added), added.value, keyOf(terms.removed), removed.value),
      cell: terms.stock,
      related: [term(added), term(removed), ...elsewhere(previous, lastStock, t.m.lastYearCell(displayName(terms.lastStock), lastStock.value, file))],
      data: { written: stock.state === 'blank' ? null : stock.value, computed: expected, difference: stock.value - expected },
    });
  }
  return out;
}

/** Where notices about last year's file go: on 上年报告 when written, else on 年度. */
function linkSpan(report: Report): Span {
  const e = report.entries.get('上年报告') ?? report.entries.get('年度');
  return e ? (e.valueSpan[1] > e.valueSpan[0] ? e.valueSpan : e.keySpan) : [0, 0];
}

/**
 * Whether the reports belong together. A wrong 年度 stops the comparison (an error: 上年报告
 * names the wrong file); another 机关 is only a warning, since bodies get renamed in reorganisations.
 */
export function checkLink(report: Report, previous: Previous, t: I18n): { findings: Finding[]; compare: boolean } {
  const last = previous.report;
  const file = previousName(previous);
  const findings: Finding[] = [];
  if (report.year !== undefined && last.year !== undefined && last.year !== report.year - 1) {
    findings.push({ code: 'carry-over', span: linkSpan(report), message: t.m.previousWrongYear(file, last.year, report.year - 1) });
    return { findings, compare: false };
  }
  if (report.agency && last.agency && report.agency !== last.agency) {
    findings.push({ code: 'carry-over', severity: 'warning', span: linkSpan(report), message: t.m.previousOtherAgency(file, last.agency, report.agency) });
  }
  return { findings, compare: true };
}

/** 上年报告 names a file that could not be read, or that does not parse: said once, on 上年报告. */
export function linkProblem(report: Report, name: string, kind: 'unreadable' | 'broken' | RefRefusal, t: I18n): Finding {
  const message = kind === 'unreadable' ? t.m.previousUnreadable(name) : kind === 'broken' ? t.m.previousBroken(name) : t.m.previousRefused(name, kind);
  return { code: 'carry-over', severity: 'warning', span: linkSpan(report), message };
}
