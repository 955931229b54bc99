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

/** What remains of a title once the year and the generic words are removed: the agency. */
export function agencyOf(title: string): string {
  return tidy(title)
    .replace(/[（(][^）)]*[)）]$/, '')
    .replace(/((?:19|20)\d{2})\s*年度?/, '')
    .replace(TITLE_TAIL, '')
    .replace(/(?:政府信息公开|政府信息|政务公开)$/, '')
    .replace(/^[\s，,、的]+|[\s，,、的]+$/g, '');
}

function findTitle(blocks: Block[]): { title: string; start: number; end: number } | undefined {
  const limit = Math.min(blocks.length, 60);
  for (let i = 0; i < limit; i++) {
    const b = blocks[i];
    if (b.kind !== 'text' || b.text.length > MAX_TITLE_LINE || !TITLE_END.test(b.text)) continue;
    let title = tidy(b.text);
    let start = i;
    // A title broken over lines: take the line(s) above while the year or the agency is missing.
    while (start > 0 && i - start < 2 && (!YEAR.test(title) || !agencyOf(title))) {
      const prev = blocks[start - 1];
      if (prev.kind !== 'text' || prev.text.length > MAX_TITLE_LINE) break;
      title = tidy(prev.text) + title;
      start--;
    }
    // A breadcrumb "政务公开 > 年度报告" ends in 报告 too: a title has a year and says what is disclosed.
    if (!YEAR.test(title) || !/公开/.test(title)) continue;
    return { title, start, end: i + 1 };
  }
  return undefined;
}

/** The report year quoted in the text: the statistics period first, then any "YYYY年". */
export function yearInText(texts: readonly string[]): number | undefined {
  const all = tidy(texts.join(''));
  const period = /((?:19|20)\d{2})年\s*1\s*月\s*1\s*日/.exec(all) ?? YEAR.exec(all);
  return period ? Number(period[1]) : undefined;
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
    const year = YEAR.exec(title.title);
    if (year) out.year = Number(year[1]);
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
