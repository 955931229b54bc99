/**
 * The outline of an imported document: its title (and from it 年度 and 机关), the opening text, and
 * the six numbered sections found by their titles from the format definition. Titles are matched
 * by wording, not by number: reports renumber sections ("一、主动公开政府信息情况" as the second),
 * promote sub-topics to top level, or shorten a title ("六、其他报告的事项").
 */
import type { PartDef } from '../format';
import { headingMatches, normalizeLabel, tidy } from './normalize';
import type { Block, TextBlock } from './types';

export interface Section {
  part: PartDef;
  heading: string;
  blocks: Block[];
}

export interface Outline {
  title?: string;
  year?: number;
  agency?: string;
  /** Text before the title (site navigation, an extraction's header), not imported. */
  skipped: string[];
  /** Between the title and the first section: the opening paragraph(s). */
  preface: Block[];
  /** Found sections by part key, in document order. */
  sections: Map<string, Section>;
}

/** Titles end in 报告; only a short line can be (part of) one. */
const TITLE_END = /报告\s*(?:[（(][^）)]*[)）])?$/;
const MAX_TITLE_LINE = 48;
const YEAR = /((?:19|20)\d{2})\s*年/;
/** The generic end of a title, removed to leave the agency's name. */
const TITLE_TAIL = /(?:关于)?(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度)?(?:工作)?报告$/;
/** Punctuation no title line has: a breadcrumb (>), an info bar (：), a sentence. */
const NOT_TITLE = /[，。；：:！？>›»|｜]/;
/**
 * How the name of a reporting body ends (人民政府, 办公室, 委员会, 局, 街道办事处…): a line alone
 * above or below a title is taken as the agency only when it ends so.
 */
const AGENCY_END = /(?:政府|办公室|办公厅|委员会|管委会|委|局|厅|署|院|办事处|街道|镇|乡|中心|公司|所|站|处|会|部|馆|社|队|区|县|市|旗|盟|州|行|团|校)$/;

/** A line that can be (part of) a report's title: short, ending in 报告 (a bracketed note allowed). */
export function titleLine(text: string): boolean {
  return text.length <= MAX_TITLE_LINE && TITLE_END.test(text) && !NOT_TITLE.test(text);
}

/** A line that is an agency's name alone (淮安市洪泽区人民政府): no punctuation, no digits, an agency's ending. */
export function agencyLine(text: string): boolean {
  const t = tidy(text);
  return t.length >= 3 && t.length <= 40 && /^[\p{Script=Han}A-Za-z（）()·]+$/u.test(t) && AGENCY_END.test(t) && !/报告|公开/.test(t);
}

/** What remains of a title once the year and the generic words are removed: the agency. */
export function agencyOf(title: string): string {
  return tidy(title)
    .replace(/[（(][^）)]*[)）]$/, '')
    .replace(/((?:19|20)\d{2})\s*年度?/, '')
    .replace(TITLE_TAIL, '')
    .replace(/(?:政府信息公开|政府信息|政务公开)$/, '')
    .replace(/^[\s，,、的]+|[\s，,、的]+$/g, '');
}

/** Whether a title names its year and says what is disclosed (a breadcrumb "政务公开 > 年度报告" does not). */
export const completeTitle = (title: string) => YEAR.test(title) && /公开/.test(title);

function findTitle(blocks: Block[]): { title: string; start: number; end: number } | undefined {
  const limit = Math.min(blocks.length, 60);
  const textAt = (k: number) => {
    const b = blocks[k];
    return b?.kind === 'text' ? tidy(b.text) : undefined;
  };
  for (let i = 0; i < limit; i++) {
    const line = textAt(i);
    if (line === undefined || !titleLine(line)) continue;
    let title = line;
    let start = i;
    let end = i + 1;
    // A title broken over lines: take the line(s) above while the year or the agency is missing;
    // with the year there, only an agency's name alone ("淮安市洪泽区人民政府" / "2024年……报告").
    while (start > 0 && i - start < 2 && (!YEAR.test(title) || !agencyOf(title))) {
      const prev = textAt(start - 1);
      if (prev === undefined || prev.length > MAX_TITLE_LINE || NOT_TITLE.test(prev)) break;
      if (YEAR.test(title) && !agencyLine(prev)) break;
      title = prev + title;
      start--;
    }
    // Or the agency's name on the line below ("2024年政府信息公开工作年度报告" / "淮安市洪泽区人民政府").
    const next = textAt(end);
    if (!agencyOf(title) && next !== undefined && agencyLine(next)) {
      title = next + title;
      end++;
    }
    if (!completeTitle(title)) continue;
    return { title, start, end };
  }
  return undefined;
}

/** Where a year of the report was read, strongest first (ties are settled in this order). */
export type YearSource = 'title' | 'period' | 'opening' | 'published';

/** A statistics period's start: 统计期限自2024年1月1日…, 2024年1月1日至12月31日. */
const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/;
/** A paragraph opening on the year it reports on: "2024年，", "2024年度，", "2024年我局…" (not a date). */
const OPENING = /^\s*((?:19|20)\d{2})\s*年度?(?![\d\s]*月|[\d）)])/;
/** A closing date line (落款): "2025年1月20日". */
const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$/;

/** The year of the statistics period quoted in the text. */
export function periodYear(texts: readonly string[]): number | undefined {
  const m = PERIOD.exec(tidy(texts.join('')));
  return m ? Number(m[1]) : undefined;
}

/** The year most paragraphs open on (the first such paragraph's on a tie). */
export function openingYear(texts: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of texts) {
    const m = OPENING.exec(t);
    if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/** The report year a closing date line implies (a report is published after its year ends). */
export function closingYear(texts: readonly string[]): number | undefined {
  const last = texts[texts.length - 1];
  const m = last === undefined ? null : DATE_LINE.exec(last);
  return m ? Number(m[1]) - 1 : undefined;
}

export const titleYear = (title: string | undefined) => {
  const m = title === undefined ? null : YEAR.exec(title);
  return m ? Number(m[1]) : undefined;
};

/**
 * The year most sources agree on; a tie goes to the stronger source (the title over the period,
 * the period over the opening sentences, those over the publication date). A stale statistics
 * period left from last year's text thus loses to the title and the rest.
 */
export function decideYear(votes: readonly { source: YearSource; year: number }[]): number | undefined {
  const order: YearSource[] = ['title', 'period', 'opening', 'published'];
  const sorted = [...votes].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  const count = (y: number) => votes.filter((v) => v.year === y).length;
  let best: number | undefined;
  for (const v of sorted) if (best === undefined || count(v.year) > count(best)) best = v.year;
  return best;
}

/** The six numbered parts, in order (the definitions of both formats share their titles). */
export function numberedParts(parts: readonly PartDef[]): PartDef[] {
  return parts.filter((p) => p.number !== undefined);
}

/** Longest heading line considered: a numbered title plus a few extra words. */
const MAX_HEADING = 40;

export function outline(blocks: Block[], parts: readonly PartDef[]): Outline {
  const title = findTitle(blocks);
  const out: Outline = { skipped: [], preface: [], sections: new Map() };
  let from = 0;
  if (title) {
    out.title = title.title;
    out.agency = agencyOf(title.title) || undefined;
    out.year = titleYear(title.title);
    out.skipped = blocks
      .slice(0, title.start)
      .filter((b): b is TextBlock => b.kind === 'text')
      .map((b) => b.text);
    from = title.end;
  }
  const numbered = numberedParts(parts);
  let current: Section | undefined;
  let index = -1;
  for (const b of blocks.slice(from)) {
    if (b.kind === 'text' && normalizeLabel(b.text).length <= MAX_HEADING) {
      // Sections come in order: a later part's title only (an earlier one is a caption or prose).
      const k = numbered.findIndex((p, i) => i > index && headingMatches(b.text, p.node.label));
      if (k >= 0) {
        index = k;
        current = { part: numbered[k], heading: b.text, blocks: [] };
        out.sections.set(numbered[k].node.key, current);
        continue;
      }
    }
    if (current) current.blocks.push(b);
    else out.preface.push(b);
  }
  return out;
}
