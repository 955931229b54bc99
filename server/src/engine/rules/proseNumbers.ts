/**
 * Rule prose-number: counts written in the prose (收到申请34件, 予以公开及部分公开208件（17.46%）,
 * 行政复议351件，其中结果维持72件) against the tables. Each number is read with the category
 * named nearest before it in its clause: a category word wins over a verb that only names the grand
 * total (同意公开答复9件 is 予以公开, not 答复); categories joined by 及/和/、 are added; a column
 * word (结果维持, 自然人) is a column of the category named before it in the sentence; a share
 * after the number is compared with the table's, within the rounding the text uses. The words are
 * the format's (format/prose.ts); a category whose cells are all blank or absent is not compared.
 */
import { proseTerms } from '../format/prose';
import type { ProseTerm } from '../format/prose';
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Cell, Finding, Paragraph, Report } from '../parse/types';
import { amount, cellSpan } from './cells';
import { spanIn } from './prose';

/** Farthest a category word may stand before its number (characters between them). */
const MAX_GAP = 20;
const SENTENCE_END = /[。；;！？!?\n]/g;
/** Between a category and its number: a clause boundary ends the category's reach. */
const CLAUSE_BREAK = /[，,：:。；;（()）！？!?\n]/;
const SHARE_AFTER = /^\s*[（(，,]?\s*(?:占(?:比)?(?:为)?)?\s*(\d+(?:\.\d+)?)\s*[%％]/;

interface WordHit {
  start: number;
  end: number;
  term: ProseTerm;
}

export interface Reading {
  /** Rows or groups summed, or a parent row with columns. */
  paths: string[];
  columns?: string[];
  name: string;
  /** Where the phrase quoted in the message starts (the first category joined). */
  start: number;
  alternatives: string[][];
  shareOf?: string;
}

/** A count of the prose read with its category. */
export interface ProseCount {
  para: Paragraph;
  /** Offsets of the number, and the end of its unit, in the paragraph's text. */
  at: number;
  numberText: string;
  end: number;
  written: number;
  reading: Reading;
  /** The phrase quoted in messages (category … number and unit). */
  phrase: string;
}

const counted = new WeakMap<Report, ProseCount[]>();

/** Every count of the prose whose category is known, in text order (read once per report). */
export function proseCounts(report: Report): ProseCount[] {
  const hit = counted.get(report);
  if (hit) return hit;
  const out: ProseCount[] = [];
  counted.set(report, out);
  const terms = proseTerms(report.format);
  if (!terms.source) return out;
  const vocab = report.format.semantic.prose;
  const { unit: unitRe, words: wordRe, anyCount } = terms;
  for (const para of report.paragraphs) {
    if (para.heading || (para.part !== '总体情况' && para.part !== '前言') || !anyCount.test(para.text)) continue;
    const text = para.text;
    const words: WordHit[] = [];
    for (const m of text.matchAll(wordRe)) words.push({ start: m.index!, end: m.index! + m[0].length, term: terms.byWord.get(m[0])! });
    if (words.length === 0) continue;
    const ends: number[] = [];
    for (const m of text.matchAll(SENTENCE_END)) ends.push(m.index!);
    let endIdx = 0;
    let sentenceStart = 0;
    let prevNumberEnd = 0;
    let wordIdx = 0;
    let parent: Reading | undefined;
    for (const n of text.matchAll(/\d+(?:\.\d+)?/g)) {
      const at = n.index!;
      const numberEnd = at + n[0].length;
      while (endIdx < ends.length && ends[endIdx] < at) {
        sentenceStart = ends[endIdx] + 1;
        endIdx++;
        parent = undefined;
      }
      const windowStart = Math.max(prevNumberEnd, sentenceStart, at - MAX_GAP - 20);
      prevNumberEnd = numberEnd;
      const unit = unitRe.exec(text.slice(numberEnd, numberEnd + 4));
      if (!unit || n[0].includes('.')) continue;
      while (wordIdx < words.length && words[wordIdx].end <= windowStart) wordIdx++;
      const candidates: number[] = [];
      for (let i = wordIdx; i < words.length && words[i].end <= at; i++) {
        const w = words[i];
        if (w.start < windowStart || at - w.end > MAX_GAP || CLAUSE_BREAK.test(text.slice(w.end, at))) continue;
        candidates.push(i);
      }
      const specific = candidates.filter((i) => !words[i].term.generic);
      const chosen = specific.length ? specific[specific.length - 1] : candidates[candidates.length - 1];
      if (chosen === undefined) continue;
      const reading = readingOf(words, chosen, text, vocab.conjunctions, parent);
      if (!reading) continue;
      if (!reading.columns) parent = reading;
      const end = numberEnd + unit[0].length;
      out.push({ para, at, numberText: n[0], end, written: Number(n[0]), reading, phrase: text.slice(reading.start, end) });
    }
  }
  return out;
}

/** The table's value for a reading, in one report: its main paths and the alternatives. */
export function valuesOf(report: Report, reading: Reading) {
  return [reading.paths, ...reading.alternatives].map((paths) => {
    const parts = paths.map((p) => amount(report, p, reading.columns));
    return { value: parts.reduce((a, x) => a + x.value, 0), cells: parts.flatMap((x) => x.cells), known: parts.some((x) => x.known) };
  });
}

export function checkProseNumbers(report: Report, t: I18n): Finding[] {
  const out: Finding[] = [];
  const related = (cells: Cell[]) => cells.map((c) => ({ span: cellSpan(report, c), message: `${displayName(c.path)} = ${c.value}`, cell: c.path }));
  for (const { para, at, numberText, end, written, reading, phrase } of proseCounts(report)) {
    const text = para.text;
    const options = valuesOf(report, reading);
    const main = options[0];
    if (!main.known) continue;
    const blankSum = main.cells.some((c) => c.state === 'blank' && c.derived);
    if (!options.some((o) => o.known && o.value === written)) {
      out.push({
        code: 'prose-number',
        span: spanIn(report, para, at, numberText.length),
        message: t.m.proseNumber(phrase, written, main.value, reading.name + (blankSum ? t.p.blankSum : '')),
        related: related(main.cells),
        data: { written, computed: main.value, difference: written - main.value },
      });
      // The share of a wrong count is wrong by consequence: one finding.
      continue;
    }
    const share = SHARE_AFTER.exec(text.slice(end, end + 16));
    if (!share || !reading.shareOf) continue;
    const base = amount(report, reading.shareOf);
    if (!base.known || base.value <= 0) continue;
    const percent = Number(share[1]);
    const computed = (main.value / base.value) * 100;
    if (withinRounding(percent, share[1], computed)) continue;
    const shown = shownAs(computed, share[1]);
    const percentAt = end + share.index + share[0].indexOf(share[1]);
    out.push({
      code: 'prose-number',
      span: spanIn(report, para, percentAt, share[1].length),
      message: t.m.proseShare(reading.name, main.value, displayName(reading.shareOf), base.value, percent, shown),
      related: related([...main.cells, ...base.cells]),
      data: { written: percent, computed: shown, difference: percent - shown },
    });
  }
  return out;
}

const decimalsOf = (text: string) => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

/** `written` (as the text wrote it) is `computed` rounded or cut off to the digits written. */
export function withinRounding(written: number, text: string, computed: number): boolean {
  const unitOfLast = 10 ** -decimalsOf(text);
  return Math.abs(computed - written) <= unitOfLast / 2 + 1e-9 || (written <= computed + 1e-9 && computed < written + unitOfLast);
}

/** A computed share to show beside a written one: as many decimals, at least two. */
export function shownAs(computed: number, text: string): number {
  const d = Math.max(decimalsOf(text), 2);
  return Math.round(computed * 10 ** d) / 10 ** d;
}

/** The category a chosen word names, with the categories joined to it (A及B); undefined if none. */
function readingOf(words: WordHit[], chosen: number, text: string, conjunctions: string[], parent: Reading | undefined): Reading | undefined {
  const w = words[chosen];
  if (w.term.kind === 'column') {
    if (!parent || parent.columns) return undefined;
    const name = `${parent.name}·${w.term.word}`;
    return { paths: parent.paths, columns: w.term.columns, name, start: w.start, alternatives: [] };
  }
  const hits = [w];
  for (let i = chosen - 1; i >= 0; i--) {
    const prev = words[i];
    const between = text.slice(prev.end, hits[0].start).trim();
    if (prev.term.kind !== 'row' || prev.term.generic || !conjunctions.includes(between)) break;
    if (hits.some((h) => h.term.path === prev.term.path)) break;
    hits.unshift(prev);
  }
  const paths = hits.map((h) => h.term.path);
  const shares = new Set(hits.map((h) => h.term.shareOf));
  return {
    paths,
    name: paths.map(displayName).join(' + '),
    start: hits[0].start,
    alternatives: hits.length === 1 ? w.term.alternatives : [],
    shareOf: shares.size === 1 ? [...shares][0] : undefined,
  };
}
