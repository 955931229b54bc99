/**
 * Hover: what a key or cell is in the national format (official label, where it sits, what it
 * must contain) and, for cells, its unit, state and every relation it takes part in; on a total
 * or a balance cell the whole computation with its verdict. Labels and descriptions come from the
 * format definition; only the connecting words are written here.
 */
import type { Hover, Position } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver-types';
import { lookup } from '../format';
import type { CellNode, Equation, Located, Node } from '../format';
import { formatNumber as num } from '../i18n/messages';
import type { Locale } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Cell, Report } from '../parse/types';
import { carryOverPairs, inventoryTerms, previousName } from '../rules/crossYear';
import type { Analysis } from './analysis';
import { docLink } from './analysis';
import { targetAt } from './cursor';
import { equationsWith, explain, wordsFor } from './explain';
import { HOVER_TEXT as TEXT } from '../i18n/hover';
import { trendHover } from './trendHover';
import { escapeMarkdown as md } from './markdown';

type Text = (typeof TEXT)['en'];

export function hover(a: Analysis, pos: Position): Hover | null {
  const { report } = a.result;
  const offset = report.lines.offset(pos);
  // A prose-trend warning explains itself: the claim, both years' values and the change.
  const trend = trendHover(a, offset);
  if (trend) return { contents: { kind: MarkupKind.Markdown, value: trend.blocks.join('\n\n') }, range: report.lines.range(trend.span) };
  const target = targetAt(report, offset);
  if (!target) return null;
  const loc = lookup(report.format, target.path);
  if (!loc) return null;
  const isCell = loc.node.kind === 'cell';
  // Keys explain themselves; of values only numbers have something to say.
  if (target.on === 'value' && !isCell) return null;
  const text = TEXT[a.t.locale];
  const blocks = isCell ? cellHover(a, loc as Located<CellNode>, text) : nodeHover(a, loc, text);
  return { contents: { kind: MarkupKind.Markdown, value: blocks.filter(Boolean).join('\n\n') }, range: report.lines.range(target.span) };
}

/** Labels of the enclosing table, groups and row, outermost first. */
function trail(loc: Located, skip = 0): string {
  const labels: string[] = [];
  for (let p = loc.parent; p; p = p.parent) labels.unshift(md(p.node.label));
  return labels.slice(0, labels.length - skip).join(' › ');
}

function cellTitle(loc: Located<CellNode>): string {
  const cell = loc.node;
  const row = loc.parent?.node.kind === 'row' ? loc.parent.node : undefined;
  const parts = row ? [row.label, cell.group, cell.label] : [cell.label, cell.valueLabel];
  return `**${parts.filter(Boolean).map((p) => md(p as string)).join(' · ')}**`;
}

function ruleLink(a: Analysis, eq: Equation): string {
  return docLink(a, eq.code);
}

function cellHover(a: Analysis, loc: Located<CellNode>, text: Text): string[] {
  const { report } = a.result;
  const cell = report.cells.get(loc.path);
  const row = loc.parent?.node.kind === 'row';
  // A wrong total or balance leads with its computation in words: that is what the hover is opened for.
  const wrong = equationsWith(report.format, loc.path)
    .filter((eq) => eq.anchor === loc.path)
    .map((eq) => explain(report, eq, a.t.locale))
    .filter((e) => !e.ev.ok)
    .map((e) => md(e.text));
  const blocks = [...wrong, cellTitle(loc), trail(loc, row ? 1 : 0), loc.node.description ? md(loc.node.description) : '', `${text.unit(loc.node.unit)} · ${stateText(cell, a.t.locale)}`];
  blocks.push(...relations(a, loc.path, text), ...lastYear(a, loc.path, text));
  return blocks;
}

/**
 * A cell compared with last year's report (上年结转, 现行有效): last year's value, the file it is
 * in, and the verdict. Only when the engine compared the two (a previous report was found).
 */
function lastYear(a: Analysis, path: string, text: Text): string[] {
  const { report, previous } = a.result;
  if (!previous) return [];
  const cell = report.cells.get(path);
  if (!cell) return [];
  const link = (code: string) => docLink(a, code);
  const head = `**${md(text.lastYear(previousName(previous)))}**`;
  const verdict = (ok: boolean) => (ok ? '✓' : '✗');
  const pair = carryOverPairs(report, previous.report).find((p) => p.this === path);
  if (pair) {
    const last = previous.report.cells.get(pair.last);
    if (!last) return [];
    return [`${head}${text.colon}${md(displayName(pair.last))} ${num(last.value)} ${verdict(last.value === cell.value)} ${link('carry-over')}`];
  }
  const terms = inventoryTerms(report, previous.report).find((t) => t.stock === path);
  if (!terms) return [];
  const value = (r: Report, p: string) => r.cells.get(p)?.value ?? 0;
  const [lastStock, added, removed] = [value(previous.report, terms.lastStock), value(report, terms.added), value(report, terms.removed)];
  const expected = lastStock + added - removed;
  const key = (p: string) => md(p.slice(p.lastIndexOf('/') + 1));
  const sum = `${text.last}${key(terms.lastStock)} ${num(lastStock)} + ${key(terms.added)} ${num(added)} − ${key(terms.removed)} ${num(removed)} = ${num(expected)}`;
  return [`${head}${text.colon}${sum} ${verdict(expected === cell.value)} ${link('inventory')}`];
}

function stateText(cell: Cell | undefined, locale: Locale): string {
  const w = wordsFor(locale);
  if (!cell) return '';
  if (cell.state === 'number' || cell.state === 'computed') return `${w.state[cell.state]} ${num(cell.value)}`;
  return w.state[cell.state];
}

/**
 * Every relation a cell takes part in, by rule code: the ones checked on this cell spelled out
 * with values and verdict, the others naming the cell they are checked on.
 */
function relations(a: Analysis, path: string, text: Text): string[] {
  const { report } = a.result;
  const eqs = equationsWith(report.format, path);
  if (!eqs.length) return [];
  const lines: string[] = [];
  const elsewhere = new Map<string, { eq: Equation; anchors: string[] }>();
  for (const eq of eqs) {
    if (eq.anchor === path) lines.push(`- ${ruleLink(a, eq)} ${md(explain(report, eq, a.t.locale).text)}`);
    else {
      const e = elsewhere.get(eq.code) ?? { eq, anchors: [] };
      e.anchors.push(md(displayName(eq.anchor)));
      elsewhere.set(eq.code, e);
    }
  }
  for (const { eq, anchors } of elsewhere.values()) {
    lines.push(`- ${ruleLink(a, eq)} ${text.checkedAt(anchors.join(text.sep))}`);
  }
  return [`**${text.rules}**\n\n${lines.join('\n')}`];
}

const childNodes = (node: Node): Node[] => (node.kind === 'group' ? node.children : node.kind === 'row' ? node.cells : []);

/** Sections, tables, groups, rows and settings: label, place in the format, what belongs there. */
function nodeHover(a: Analysis, loc: Located, text: Text): string[] {
  const { report } = a.result;
  const node = loc.node;
  const blocks = [`**${md(node.label)}**`];
  if (loc.depth === 0 && loc.part.number) blocks.push(text.part(loc.part.number, md(report.format.source)));
  else blocks.push(trail(loc));
  if (node.description) blocks.push(md(node.description));
  const children = childNodes(node);
  if (node.kind === 'row') blocks.push(`${text.columns}${text.colon}${children.map((c) => md(c.key)).join(text.sep)}`);
  else if (children.length && loc.depth > 0) blocks.push(`${text.contains}${text.colon}${children.map((c) => md(c.label)).join(text.sep)}`);
  if (node.kind === 'row') blocks.push(...computedTotals(a, loc, report));
  return blocks;
}

/** A row whose total is omitted: show how it is computed (there is no written cell to hover). */
function computedTotals(a: Analysis, loc: Located, report: Report): string[] {
  const out: string[] = [];
  for (const child of childNodes(loc.node)) {
    const path = `${loc.path}/${child.key}`;
    if (report.cells.get(path)?.state !== 'computed') continue;
    for (const eq of equationsWith(report.format, path)) {
      if (eq.anchor === path && eq.isSum) out.push(`${ruleLink(a, eq)} ${md(explain(report, eq, a.t.locale).text)}`);
    }
  }
  return out;
}

