/**
 * HTML as published on government sites, into blocks: paragraphs and headings as text, data tables
 * as grids with rowspan/colspan expanded. A table that holds other tables is page layout (whole
 * reports are often wrapped in one): its cells are read as running content.
 */
import { descendants, grid, isElement, parseMarkup } from './markup';
import type { Child, Element, SpanCell } from './markup';
import { tidy } from './normalize';
import type { Block } from './types';

/** Not content: scripts, styles, navigation and form controls. */
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'form', 'select', 'button', 'iframe', 'svg', 'object']);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'caption', 'body', 'html',
]);
const HEADING = /^h[1-6]$/;

/** Text of an element, <br> and block boundaries as line breaks, HTML white space collapsed. */
function textOf(el: Element): string {
  const parts: string[] = [];
  const walk = (c: Child) => {
    if (!isElement(c)) {
      parts.push(c.replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (SKIP.has(c.name)) return;
    if (c.name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(c.name) || c.name === 'tr';
    if (block) parts.push('\n');
    c.children.forEach(walk);
    if (block) parts.push('\n');
    if (c.name === 'td' || c.name === 'th') parts.push(' ');
  };
  el.children.forEach(walk);
  return parts
    .join('')
    .split('\n')
    .map((l) => tidy(l))
    .filter(Boolean)
    .join('\n');
}

const rowsOf = (table: Element) => descendants(table, 'tr', new Set(['table']));

function tableBlock(table: Element): Block {
  const rows: SpanCell[][] = rowsOf(table).map((tr) =>
    tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th').map((td) => ({
      text: textOf(td),
      colspan: Number.parseInt(td.attrs.colspan ?? '1', 10) || 1,
      rowspan: Number.parseInt(td.attrs.rowspan ?? '1', 10) || 1,
    })),
  );
  return { kind: 'table', rows: grid(rows), grid: true };
}

export function readHtml(source: string): Block[] {
  const root = parseMarkup(source, false);
  const blocks: Block[] = [];
  let inline: string[] = [];

  const flush = (heading = false) => {
    const text = inline.join('');
    inline = [];
    for (const line of text.split('\n')) {
      const t = tidy(line);
      if (t) blocks.push({ kind: 'text', text: t, ...(heading ? { heading } : {}) });
    }
  };

  const walk = (c: Child): void => {
    if (!isElement(c)) {
      inline.push(c.replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (SKIP.has(c.name)) return;
    if (c.name === 'br') {
      inline.push('\n');
      return;
    }
    if (c.name === 'table') {
      flush();
      if (descendants(c, 'table').length === 0) blocks.push(tableBlock(c));
      // Layout table: every cell is a container of running content.
      else for (const tr of rowsOf(c)) for (const td of tr.children) walk(td);
      return;
    }
    if (HEADING.test(c.name)) {
      flush();
      c.children.forEach(walk);
      flush(true);
      return;
    }
    const block = BLOCK.has(c.name) || c.name === 'td' || c.name === 'th' || c.name === 'tr';
    if (block) flush();
    c.children.forEach(walk);
    if (block) flush();
  };
  root.children.forEach(walk);
  flush();
  return blocks;
}
