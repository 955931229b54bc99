/**
 * Hover on a `prose-trend` warning: the change the sentence claims, this year's value from the
 * table, last year's value from last year's report, and the change they make. Only the connecting
 * words are written here; the values, names and phrase come from the rule (rules/proseTrend.ts).
 */
import { TREND_TEXT as TEXT } from '../i18n/hover';
import { formatNumber as num } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Span } from '../parse/types';
import { previousName } from '../rules/crossYear';
import { proseTrends, trendSpan } from '../rules/proseTrend';
import type { Trend } from '../rules/proseTrend';
import type { Analysis } from './analysis';
import { docLink } from './analysis';
import { escapeMarkdown as md } from './markdown';

/**
 * The explanation of the `prose-trend` warning at `offset`, with the warning's span; undefined when
 * no such warning is there (none reported, or turned off by the settings).
 */
export function trendHover(a: Analysis, offset: number): { blocks: string[]; span: Span } | undefined {
  const { report, previous, diagnostics } = a.result;
  if (!previous) return undefined;
  const lines = report.lines;
  const at = (d: (typeof diagnostics)[number]) => [lines.offset(d.range.start), lines.offset(d.range.end)] as Span;
  const warned = diagnostics.filter((d) => d.code === 'prose-trend').map(at);
  const hit = warned.find(([s, e]) => s <= offset && offset <= e);
  if (!hit) return undefined;
  const trend = proseTrends(report, previous).find((tr) => !tr.ok && sameSpan(trendSpan(report, tr), hit));
  if (!trend) return undefined;
  return { blocks: explainTrend(a, trend), span: hit };
}

const sameSpan = (x: Span, y: Span) => x[0] === y[0] && x[1] === y[1];

function explainTrend(a: Analysis, tr: Trend): string[] {
  const { previous } = a.result;
  const text = TEXT[a.t.locale];
  const unit = tr.percent ? '%' : text.count;
  const name = md(tr.count.reading.name);
  const file = md(previous ? previousName(previous) : '');
  const sum = `${num(tr.mine.value)} − ${num(tr.theirs.value)} = ${num(tr.diff)}`;
  const change = text.change(tr.diff, num(tr.change), unit) + (tr.percent && tr.diff !== 0 ? text.share(num(Math.abs(tr.diff)), num(tr.theirs.value)) : '');
  return [
    `**${text.title}** ${docLink(a, 'prose-trend')}`,
    md(text.text(tr.phrase)),
    `${md(text.claimed(tr.word, tr.amountText, unit, tr.up))} ✗`,
    `${text.thisYear(name, num(tr.mine.value))}${cellsOf(tr.mine.cells, text.colon)}`,
    `${text.lastYear(name, num(tr.theirs.value), file)}${cellsOf(tr.theirs.cells, text.colon)}`,
    text.computed(sum, change),
  ];
}

/** The cells a value is summed from, when it is more than the one named. */
function cellsOf(cells: Trend['mine']['cells'], colon: string): string {
  return cells.length > 1 ? `${colon}${cells.map((c) => `${md(displayName(c.path))} ${num(c.value)}`).join(' + ')}` : '';
}
