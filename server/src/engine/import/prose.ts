/**
 * The prose of a section from its text blocks: lines of a PDF copy re-joined into paragraphs,
 * short numbered lines ("（一）主动公开情况", "二、工作机制保障") taken as sub-headings, which the
 * source writes as a list of {标题, 正文} items (the preview numbers them again).
 */
import { LEADING_NUMBER, stripLeadingNumber, tidy } from './normalize';
import type { TextBlock } from './types';

export interface ProseItem {
  /** Sub-heading without its number (the preview numbers items again). */
  title?: string;
  /** The sub-heading as written, with its number. */
  heading?: string;
  paragraphs: string[];
}

/** A sub-heading: numbered, short, not a sentence. */
export function isSubHeading(text: string): boolean {
  return LEADING_NUMBER.test(text) && text.length <= 40 && !/[。；;！？]/.test(text) && stripLeadingNumber(text).trim().length > 0;
}

/** The end of a sentence at the end of a line: the paragraph may end here. */
const SENTENCE_END = /(?:[。！？!?；;：:]|[。！？!?][”’」』）)])$/;
/** A line that starts a paragraph whatever came before it: a numbered point, "一是…". */
const PARAGRAPH_START = new RegExp(`${LEADING_NUMBER.source}|^\\s*[一二三四五六七八九十]是`);

/** Median length of the physical lines: a line much shorter than that ended its paragraph. */
function lineWidth(blocks: readonly TextBlock[]): number {
  const lengths = blocks
    .filter((b) => b.line)
    .map((b) => b.text.length)
    .filter((n) => n >= 10)
    .sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length / 2)] : 0;
}

/** An item being assembled: each paragraph as its lines, joined once at the end. */
interface Pieces {
  title?: string;
  heading?: string;
  paragraphs: string[][];
}

/**
 * Linear in the text: a paragraph is kept as its lines and joined once. Testing the end of a
 * growing joined string each line (as this did) made 1.9 MB of lines take 56 s.
 */
export function assembleProse(blocks: readonly TextBlock[], width = lineWidth(blocks)): ProseItem[] {
  const items: Pieces[] = [{ paragraphs: [] }];
  let open = false;
  let lastLength = 0;
  for (const b of blocks) {
    const text = b.text.trim();
    if (!text) continue;
    if (isSubHeading(tidy(text))) {
      items.push({ title: tidy(stripLeadingNumber(tidy(text))), heading: tidy(text), paragraphs: [] });
      open = false;
      continue;
    }
    const item = items[items.length - 1];
    const lines = item.paragraphs[item.paragraphs.length - 1];
    // The end of the paragraph so far is the end of its last line.
    const prev = lines?.[lines.length - 1];
    // A physical line continues the paragraph above unless something says the paragraph ended.
    const joins = open && b.line && !b.afterBlank && prev !== undefined && !SENTENCE_END.test(prev) && !PARAGRAPH_START.test(text) && lastLength >= width * 0.8;
    if (joins) lines.push((/[A-Za-z0-9]$/.test(prev) && /^[A-Za-z]/.test(text) ? ' ' : '') + text);
    else item.paragraphs.push([text]);
    open = b.line === true;
    lastLength = text.length;
  }
  return items
    .map((i) => ({ ...i, paragraphs: i.paragraphs.map((p) => tidy(p.join(''))).filter(Boolean) }))
    .filter((i) => i.title !== undefined || i.paragraphs.length > 0);
}

/** Plain text of prose items (sub-headings as lines of their own), for a part that takes a string. */
export function proseText(items: readonly ProseItem[]): string {
  return items
    .flatMap((i) => [...(i.heading ? [i.heading] : []), ...i.paragraphs])
    .join('\n\n');
}
