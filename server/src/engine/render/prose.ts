/**
 * Paragraphs and sub-sections. A prose value is a string (paragraphs) or a list of {标题, 正文}
 * items; the parser already split both into `report.paragraphs` with paths, so this only groups
 * them back and numbers the sub-headings （一）（二）… the way published reports do.
 */
import { SUBSECTION_KEYS } from '../format';
import { chineseNumeral } from '../format/numerals';
import type { Paragraph, Report } from '../parse/types';
import { lineAt, marksOf, spanDiagnostics } from './context';
import type { RenderContext } from './context';
import { classes, el, escapeHtml } from './escape';

export { chineseNumeral };

/** Headings the author numbered already: （一） (1) （１） 一、 1. 1、 第一， … */
const NUMBERED = /^\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十百零〇]+\s*[）)]|[一二三四五六七八九十百]+\s*[、.．]|[0-9０-９]+\s*[、.．]|第[一二三四五六七八九十百]+[、，,：:])/;

export function isNumbered(heading: string): boolean {
  return NUMBERED.test(heading);
}

/** Single line breaks inside a paragraph are kept: in a YAML `|` block they are the author's. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

function renderParagraph(ctx: RenderContext, p: Paragraph, tag: 'p' | 'h3', text: string, className?: string): string {
  const marks = marksOf(spanDiagnostics(ctx, p.span));
  return el(
    tag,
    {
      class: classes(className, marks.className),
      'data-line': lineAt(ctx.report, p.span[0]),
      'data-path': p.path,
      'data-diagnostics': marks.messages.join('\n'),
      title: marks.messages.join('\n'),
    },
    textHtml(text),
  );
}

interface Item {
  headings: Paragraph[];
  body: Paragraph[];
}

/** One printed paragraph of prose: body text, or a numbered sub-heading （一）… */
export interface ProseBlock {
  kind: 'text' | 'heading';
  /** The source paragraph (the first one of a heading written over several). */
  paragraph: Paragraph;
  /** Text as printed (a heading with its number). */
  text: string;
}

/** Everything written at `base` (a section, a text field, a note), in print order. */
export function proseBlocks(report: Report, base: string): ProseBlock[] {
  const plain: Paragraph[] = [];
  const items = new Map<string, Item>();
  const itemPath = new RegExp(`^(\\d+)/(${SUBSECTION_KEYS.title}|${SUBSECTION_KEYS.body})$`);
  for (const p of report.paragraphs) {
    if (p.path === base) {
      plain.push(p);
      continue;
    }
    if (!p.path.startsWith(base + '/')) continue;
    const m = itemPath.exec(p.path.slice(base.length + 1));
    if (!m) continue;
    const item = items.get(m[1]) ?? { headings: [], body: [] };
    items.set(m[1], item);
    (m[2] === SUBSECTION_KEYS.title ? item.headings : item.body).push(p);
  }

  const text = (p: Paragraph): ProseBlock => ({ kind: 'text', paragraph: p, text: p.text });
  const blocks = plain.map(text);
  let number = 0;
  for (const item of items.values()) {
    if (item.headings.length > 0) {
      const heading = item.headings.map((h) => h.text).join(' ');
      number += 1;
      blocks.push({ kind: 'heading', paragraph: item.headings[0], text: isNumbered(heading) ? heading : `（${chineseNumeral(number)}）${heading}` });
    }
    blocks.push(...item.body.map(text));
  }
  return blocks;
}

/** Everything written at `base` (a section, a text field, a note), as HTML. */
export function renderProse(ctx: RenderContext, base: string, className?: string): string {
  return proseBlocks(ctx.report, base)
    .map((b) => (b.kind === 'heading' ? renderParagraph(ctx, b.paragraph, 'h3', b.text) : renderParagraph(ctx, b.paragraph, 'p', b.text, className)))
    .join('');
}
