/**
 * Rule prose-trend: a change over last year written after a count of the prose (收到申请34件，比上年
 * 增长12%; 同比减少3件; 较2023年增加5件) against this year's table and last year's report. The
 * count's category is read as prose-number reads it; the change is compared when last year's
 * format has the same rows and its cells are known.
 */
import { lookup } from '../format';
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Finding } from '../parse/types';
import { cellSpan } from './cells';
import { elsewhere, previousName } from './crossYear';
import type { Previous } from './crossYear';
import { spanIn } from './prose';
import { proseCounts, shownAs, valuesOf, withinRounding } from './proseNumbers';

const TREND = /^\s*[，,（(]?\s*(?:(?:比|较)(?:上年|上一年|去年|(\d{4})\s*年)度?(?:同期)?|同比)\s*(增长|增加|上升|提高|多|减少|下降|降低|少)了?\s*(\d+(?:\.\d+)?)\s*([%％]|件|个百分点)?/;
const UP = new Set(['增长', '增加', '上升', '提高', '多']);

export function checkProseTrend(report: Previous['report'], previous: Previous, t: I18n): Finding[] {
  const last = previous.report;
  const file = previousName(previous);
  const out: Finding[] = [];
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
    if (ok) continue;
    const at = count.end + m.index + m[0].lastIndexOf(m[3]);
    const phrase = count.para.text.slice(count.at, count.end + m[0].length).trim();
    out.push({
      code: 'prose-trend',
      span: spanIn(report, count.para, at, m[3].length),
      message: t.m.proseTrend(phrase, count.reading.name, mine.value, theirs.value, file, diff, change, percent),
      related: [
        ...mine.cells.map((c) => ({ span: cellSpan(report, c), message: `${displayName(c.path)} = ${c.value}`, cell: c.path })),
        ...theirs.cells.flatMap((c) => elsewhere(previous, c, t.m.lastYearCell(displayName(c.path), c.value, file))),
      ],
      data: { written: amount, computed: change, difference: amount - change },
    });
  }
  return out;
}
