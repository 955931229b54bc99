/**
 * Rule prose-trend: a change over last year written after a count of the prose (收到申请34件，比上年
 * 增长12%; 同比减少3件; 较2023年增加5件) against this year's table and last year's report. The
 * count's category is read as prose-number reads it; the change is compared when last year's
 * format has the same rows and its cells are known.
 */
import { lookup } from '../format';
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Finding, Report, Span } from '../parse/types';
import { cellSpan } from './cells';
import { elsewhere, previousName } from './crossYear';
import type { Previous } from './crossYear';
import { spanIn } from './prose';
import { proseCounts, shownAs, valuesOf, withinRounding } from './proseNumbers';
import type { ProseCount } from './proseNumbers';

const TREND = /^\s*[，,（(]?\s*(?:(?:比|较)(?:上年|上一年|去年|(\d{4})\s*年)度?(?:同期)?|同比)\s*(增长|增加|上升|提高|多|减少|下降|降低|少)了?\s*(\d+(?:\.\d+)?)\s*([%％]|件|个百分点)?/;
const UP = new Set(['增长', '增加', '上升', '提高', '多']);

/** A change over last year written after a count, with both years' values (see proseTrends). */
export interface Trend {
  count: ProseCount;
  /** The phrase quoted in messages and hovers (the count and its change). */
  phrase: string;
  /** Written direction, amount (as written and as a number) and whether it is a percentage. */
  up: boolean;
  word: string;
  amountText: string;
  amount: number;
  percent: boolean;
  /** Offset of the written amount in the paragraph's text. */
  at: number;
  mine: CountValue;
  theirs: CountValue;
  /** This year's value minus last year's. */
  diff: number;
  /** The change as the text would write it (a percentage shown with the digits written). */
  change: number;
  ok: boolean;
}

type CountValue = ReturnType<typeof valuesOf>[number];

/** Every change over last year the prose writes that can be compared, right or wrong, in text order. */
export function proseTrends(report: Report, previous: Previous): Trend[] {
  const last = previous.report;
  const out: Trend[] = [];
  for (const count of proseCounts(report)) {
    const m = TREND.exec(count.para.text.slice(count.end, count.end + 40));
    if (!m || m[4] === '个百分点') continue;
    if (m[1] && report.year !== undefined && Number(m[1]) !== report.year - 1) continue;
    const paths = [...count.reading.paths];
    if (!paths.every((p) => lookup(last.format, p))) continue;
    const [mine] = valuesOf(report, count.reading);
    const [theirs] = valuesOf(last, count.reading);
    if (!mine.known || !theirs.known) continue;
    const up = UP.has(m[2]);
    const amount = Number(m[3]);
    const diff = mine.value - theirs.value;
    const percent = m[4] === '%' || m[4] === '％';
    let ok: boolean;
    let change: number;
    if (percent) {
      if (theirs.value <= 0) continue;
      change = (Math.abs(diff) / theirs.value) * 100;
      ok = (diff === 0 ? amount === 0 : up === diff > 0) && withinRounding(amount, m[3], change);
      change = shownAs(change, m[3]);
    } else {
      if (m[3].includes('.')) continue;
      change = Math.abs(diff);
      ok = (diff === 0 ? amount === 0 : up === diff > 0) && amount === change;
    }
    const at = count.end + m.index + m[0].lastIndexOf(m[3]);
    const phrase = count.para.text.slice(count.at, count.end + m[0].length).trim();
    out.push({ count, phrase, up, word: m[2], amountText: m[3], amount, percent, at, mine, theirs, diff, change, ok });
  }
  return out;
}

/** Where a trend's written amount stands in the source. */
export const trendSpan = (report: Report, trend: Trend): Span => spanIn(report, trend.count.para, trend.at, trend.amountText.length);

export function checkProseTrend(report: Report, previous: Previous, t: I18n): Finding[] {
  const file = previousName(previous);
  return proseTrends(report, previous)
    .filter((tr) => !tr.ok)
    .map((tr) => ({
      code: 'prose-trend',
      span: trendSpan(report, tr),
      message: t.m.proseTrend(tr.phrase, tr.count.reading.name, tr.mine.value, tr.theirs.value, file, tr.diff, tr.change, tr.percent),
      related: [
        ...tr.mine.cells.map((c) => ({ span: cellSpan(report, c), message: `${displayName(c.path)} = ${c.value}`, cell: c.path })),
        ...tr.theirs.cells.flatMap((c) => elsewhere(previous, c, t.m.lastYearCell(displayName(c.path), c.value, file))),
      ],
      data: { written: tr.amount, computed: tr.change, difference: tr.amount - tr.change },
    }));
}
