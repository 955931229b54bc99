/**
 * Rules that read the prose: period-year, prose-contradiction, duplicate-paragraph and artifact
 * (numbers are read in proseNumbers.ts, lists in numbering.ts). Phrases come from the format
 * definition (semantic.prose) or are patterns of the language of these reports, not of one format.
 */
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import { locate } from '../parse/locate';
import type { Cell, Finding, Paragraph, Report, Span } from '../parse/types';
import { amount, cellSpan } from './cells';

/** Source span of `length` characters at `index` in a paragraph's text. */
export function spanIn(report: Report, para: Paragraph, index: number, length: number): Span {
  return [sourceOffset(report, para, index), sourceOffset(report, para, index + length)];
}

const lineMaps = new WeakMap<Paragraph, { textStart: number; sourceStart: number }[]>();

/**
 * Paragraph text index → source offset. Each line of the text is found in the source in order
 * (block scalars keep lines verbatim apart from indentation); a line that cannot be found (escaped
 * or folded text) maps to the start of the paragraph.
 */
function sourceOffset(report: Report, para: Paragraph, index: number): number {
  let map = lineMaps.get(para);
  if (!map) {
    map = [];
    let textStart = 0;
    let from = para.span[0];
    for (const line of para.text.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const trimmed = line.trim();
      const at = trimmed ? report.text.indexOf(trimmed, from) : -1;
      const ok = at !== -1 && at < para.span[1];
      map.push({ textStart: textStart + lead, sourceStart: ok ? at : map.length ? map[map.length - 1].sourceStart : para.span[0] });
      if (ok) from = at + trimmed.length;
      textStart += line.length + 1;
    }
    lineMaps.set(para, map);
  }
  // Last line starting at or before `index` (binary search: long notes have thousands of lines).
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map[mid].textStart <= index) lo = mid;
    else hi = mid - 1;
  }
  const entry = map[lo];
  return Math.min(entry.sourceStart + Math.max(0, index - entry.textStart), para.span[1]);
}

/** Every claim below contains one of these: paragraphs without any are skipped in one test. */
const CLAIM_WORDS = /办结|办理完毕|办理完成|答复完毕|维持|行政复议|行政诉讼|申请/;

/** Words of a corrected outcome (复议纠错, 诉讼败诉): the sentence is about 结果纠正. */
const ADVERSE = /纠错|纠正|败诉|撤销|确认违法/;

const body = (report: Report) => report.paragraphs.filter((p) => !p.heading);

/**
 * The years the report names for itself, one mention per sentence (the first year in it that is
 * not the reference year, else its first year), and the reference: 年度, unless the title and the
 * sentences agree on another year more often than they agree with 年度 (a 年度 taken from a stale
 * 统计期限 sentence). A finding per sentence whose year is not the reference.
 */
export function checkPeriodYear(report: Report, t: I18n): Finding[] {
  const declared = report.year;
  if (declared === undefined) return [];
  // Each sentence: its years in order (4-digit spans), and the label of the place.
  const sentences: { years: { year: number; span: Span }[]; where: string }[] = [];
  const evidence: number[] = [];
  const title = report.entries.get('标题');
  if (title && report.titleWritten) {
    const years = [...report.title.matchAll(/(\d{4})\s*年/g)].map((m) => ({ year: Number(m[1]), span: locate(report.text, title.valueSpan, m[1]) }));
    if (years.length) sentences.push({ years, where: t.p.title });
  }
  for (const para of body(report)) {
    if (!/\d{4}/.test(para.text)) continue;
    const seen = new Set<number>();
    const push = (start: number, years: { year: number; at: number }[], where: string) => {
      if (seen.has(start) || years.length === 0) return;
      seen.add(start);
      sentences.push({ years: years.map((y) => ({ year: y.year, span: spanIn(report, para, y.at, 4) })), where });
    };
    for (const sentence of para.text.matchAll(/[^。；;！？!?\n]+/g)) {
      const at = sentence.index!;
      const text = sentence[0];
      const period = /统计(?:期限|周期|时限|时段)[^。；]*/.exec(text);
      if (period) {
        push(at, [...period[0].matchAll(/(\d{4})\s*年/g)].map((y) => ({ year: Number(y[1]), at: at + period.index + y.index! })), t.p.statPeriod);
        continue;
      }
      const doc = /(\d{4})\s*年度?(?:政府信息公开|政务公开)(?:工作)?年度报告/.exec(text);
      if (doc) {
        push(at, [{ year: Number(doc[1]), at: at + doc.index }], t.p.document);
        continue;
      }
      if (para.part !== '总体情况') continue;
      if (at === 0) {
        const lead = /^(\d{4})\s*年[，,]/.exec(text);
        if (lead) push(at, [{ year: Number(lead[1]), at: 0 }], t.p.overview);
        if (lead) continue;
      }
      // 2021年，… / 2021年我区…: the year the overview reports on; a vote, not itself checked.
      const said = /^\s*(\d{4})\s*年(?![度底初末]|\d|以来)/.exec(text);
      if (said) evidence.push(Number(said[1]));
    }
  }
  const votes = new Map<number, number>([[declared, 1]]);
  for (const y of [...sentences.map((s) => s.years[0].year), ...evidence]) votes.set(y, (votes.get(y) ?? 0) + 1);
  let year = declared;
  for (const [y, n] of votes) if (n > (votes.get(year) ?? 0)) year = y;
  const out: Finding[] = [];
  if (year !== declared) {
    const e = report.entries.get('年度');
    if (e) out.push({ code: 'period-year', span: e.valueSpan, message: t.m.yearOutvoted(declared, year, votes.get(year)!), data: { written: declared, computed: year } });
  }
  for (const s of sentences) {
    const wrong = s.years.find((y) => y.year !== year);
    if (wrong) out.push({ code: 'period-year', span: wrong.span, message: t.m.periodYear(wrong.year, year, s.where), data: { written: wrong.year, computed: year } });
  }
  return out;
}

export function checkProseContradiction(report: Report, t: I18n): Finding[] {
  const s = report.format.semantic;
  const out: Finding[] = [];
  const carriedOut = amount(report, s.carriedOut);
  const adverse = [s.reviewRow, ...s.litigationRows].flatMap((row) =>
    [s.correctedColumn, s.pendingColumn].map((col) => report.cells.get(`${row}/${col}`)).filter((c) => c && c.value > 0),
  );
  const received = amount(report, s.newRequests);
  // Named as the cells are everywhere else (结转下年度·总计), from the definition's paths.
  const totalOf = (rowOrGroup: string) => displayName(`${rowOrGroup}/${s.totalColumn}`);
  const litigationGroup = s.litigationRows[0].slice(0, s.litigationRows[0].lastIndexOf('/'));
  const claims: { re: RegExp; test: (m: RegExpMatchArray) => { fact: string; cells: { path: string; value: number }[] } | undefined }[] = [
    {
      re: /(?:均已|全部|已全部|均)(?:按时|按期|按要求|按规定|依法)?(?:办结|办理完毕|办理完成|答复完毕)/g,
      test: () => (carriedOut.known && carriedOut.value > 0 ? { fact: `${totalOf(s.carriedOut)} = ${carriedOut.value}`, cells: carriedOut.cells } : undefined),
    },
    {
      re: /(?:均|全部|都)(?:获|被|予以)?维持/g,
      test: () =>
        adverse.length > 0
          ? { fact: adverse.map((c) => `${displayName(c!.path)} = ${c!.value}`).join('，'), cells: adverse.map((c) => ({ path: c!.path, value: c!.value })) }
          : undefined,
    },
    {
      re: /(?:未发生|没有发生|未出现|无)[^。；，]{0,20}?(?:行政复议|行政诉讼)[^。；]*/g,
      test: (m) => {
        // 未发生…被复议纠错或诉讼败诉 denies corrected outcomes, not cases: compare 结果纠正 then.
        const corrected = ADVERSE.test(m[0]);
        const facts: string[] = [];
        const cells: { path: string; value: number }[] = [];
        const add = (rows: string[], name: string) => {
          if (corrected) {
            const hits = rows.map((r) => report.cells.get(`${r}/${s.correctedColumn}`)).filter((c): c is Cell => !!c && c.value > 0);
            for (const c of hits) facts.push(`${displayName(c.path)} = ${c.value}`);
            cells.push(...hits);
            return;
          }
          const all = rows.map((r) => amount(report, r));
          const total = all.reduce((a, x) => a + x.value, 0);
          if (total > 0) {
            facts.push(`${name} = ${total}`);
            cells.push(...all.flatMap((x) => x.cells));
          }
        };
        if (m[0].includes('行政复议')) add([s.reviewRow], totalOf(s.reviewRow));
        if (m[0].includes('行政诉讼')) add(s.litigationRows, totalOf(litigationGroup));
        return facts.length ? { fact: facts.join('，'), cells } : undefined;
      },
    },
    {
      re: /(?:未收到|没有收到|无)[^。；，]{0,10}?(?:政府信息公开)?申请/g,
      test: () => (received.value > 0 ? { fact: `${totalOf(s.newRequests)} = ${received.value}`, cells: received.cells } : undefined),
    },
  ];
  for (const para of body(report)) {
    if (para.part === '问题与改进' || !CLAIM_WORDS.test(para.text)) continue;
    for (const claim of claims) {
      for (const m of para.text.matchAll(claim.re)) {
        const hit = claim.test(m);
        if (!hit) continue;
        const phrase = m[0].length > 30 ? m[0].slice(0, 30) + '…' : m[0];
        out.push({
          code: 'prose-contradiction',
          span: spanIn(report, para, m.index!, m[0].length),
          message: t.m.proseContradiction(phrase, hit.fact),
          related: hit.cells.map((c) => {
            const cell = report.cells.get(c.path);
            return { span: cellSpan(report, cell), message: `${displayName(c.path)} = ${c.value}`, cell: c.path };
          }),
        });
      }
    }
  }
  return out;
}

const MIN_REPEAT = 20;
const SENTENCE = /[^。！？；!?;]+[。！？；!?;]?/g;
const normalize = (s: string) => (/\s/.test(s) ? s.replace(/\s+/g, '') : s);

export function checkDuplicates(report: Report, t: I18n): Finding[] {
  const out: Finding[] = [];
  const paragraphs = new Map<string, Span>();
  // Where a sentence was first seen; its span is worked out only when it repeats.
  // The raw match is kept; its trimmed span is worked out only when it repeats.
  const sentences = new Map<string, { para: Paragraph; index: number; raw: string }>();
  const spanOf = (s: { para: Paragraph; index: number; raw: string }) => {
    const lead = s.raw.length - s.raw.trimStart().length;
    return spanIn(report, s.para, s.index + lead, s.raw.trim().length);
  };
  for (const para of body(report)) {
    // Shorter than MIN_REPEAT, it holds no sentence that long either.
    if (para.text.length < MIN_REPEAT) continue;
    const whole = normalize(para.text);
    if (whole.length < MIN_REPEAT) continue;
    const firstPara = paragraphs.get(whole);
    if (firstPara) {
      // One finding for a repeated paragraph, not one per sentence in it.
      out.push(dup(report, t, para.span, firstPara));
      continue;
    }
    paragraphs.set(whole, para.span);
    // No white space in the paragraph: none in its sentences either.
    const spaced = whole !== para.text;
    for (const m of para.text.matchAll(SENTENCE)) {
      const raw = m[0];
      if (raw.length < MIN_REPEAT) continue;
      const sentence = spaced ? normalize(raw) : raw;
      if (sentence.length < MIN_REPEAT) continue;
      const here = { para, index: m.index!, raw };
      const first = sentences.get(sentence);
      if (first) out.push(dup(report, t, spanOf(here), spanOf(first)));
      else sentences.set(sentence, here);
    }
  }
  return out;
}

function dup(report: Report, t: I18n, span: Span, first: Span): Finding {
  return {
    code: 'duplicate-paragraph',
    span,
    message: t.m.duplicate(report.lines.position(first[0]).line + 1),
    related: [{ span: first, message: t.m.firstOccurrence() }],
  };
}

/** Word leftovers and unreplaced placeholders, as one pattern: one pass over each paragraph. */
const ARTIFACT = /\[bookmark:[^\]]*\]|[XＸ]{2,}|x{3,}|[×＊*]{2,}|某某|[（(][^）)]{0,30}此处[^）)]{0,30}[）)]/g;
/** The characters ARTIFACT's matches start with: a paragraph without any is skipped in one scan. */
const ARTIFACT_START = /[[XＸx×＊*某（(]/;

export function checkArtifacts(report: Report, t: I18n): Finding[] {
  const out: Finding[] = [];
  const texts: { para: Paragraph }[] = report.paragraphs.map((para) => ({ para }));
  const title = report.entries.get('标题');
  if (title && report.titleWritten) texts.push({ para: { path: '标题', part: '标题', text: report.title, span: title.valueSpan } });
  for (const { para } of texts) {
    if (!ARTIFACT_START.test(para.text)) continue;
    for (const m of para.text.matchAll(ARTIFACT)) {
      out.push({ code: 'artifact', span: spanIn(report, para, m.index!, m[0].length), message: t.m.artifact(m[0]), data: { replacement: '' } });
    }
  }
  return out;
}
