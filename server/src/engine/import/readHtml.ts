/**
 * HTML as published on government sites, into blocks: paragraphs and headings as text, data tables
 * as grids with rowspan/colspan expanded. A table that holds other tables is page layout (whole
 * reports are often wrapped in one): its cells are read as running content.
 *
 * A saved page is mostly not the report: site header, menus, breadcrumb, sidebars, 相关链接, share
 * buttons, footer. The article is the smallest element holding (nearly) all the report's markers:
 * the section titles of the format and the tables of numbers. Class names (TRS_Editor, zoom…) are
 * only a fallback, for a page where too few markers are found. The title often stands outside the
 * article, above an info bar (发布机构：… 发布日期：…): it is looked for just before the article, and
 * the info bar and `<meta>` tags give the publication data (DocumentMeta).
 */
import { descendants, grid, isElement, parseMarkup } from './markup';
import type { Child, Element, Limits, SpanCell } from './markup';
import { headingMatches, normalizeLabel, tidy } from './normalize';
import { agencyLine, agencyOf, completeTitle, titleLine } from './structure';
import type { Block, DocumentMeta, ReadInfo } from './types';

/** Not content: scripts, styles, navigation and form controls. */
const SKIP = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'nav', 'form', 'select', 'button', 'iframe', 'svg', 'object', 'xml']);
/** Page chrome, except inside an <article> (whose own header holds the title). */
const CHROME = new Set(['header', 'footer', 'aside']);
/** Elements that end a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'caption', 'body', 'html',
  'header', 'footer', 'td', 'th', 'tr',
]);
const HEADING = /^h[1-6]$/;
/** Hidden by style (Word's mso-hide, a CMS's hidden templates): a browser shows none of it. */
const HIDDEN = /display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden/i;
/** Buttons and links of the page around an article: a line made only of these is dropped. */
const CHROME_LINE = /^(?:[【[]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|分享到|分享|返回顶部|返回|字号|字体|大|中|小|默认|扫一扫在手机打开当前页|扫一扫|微信|微博|QQ空间)\s*[】\]]?\s*[:：|｜]?\s*)+$/;
/** Containers government CMSs (TRS, 大汉, 拓尔思…) put the article in: a fallback only. */
const ARTICLE_CLASS = /\b(?:TRS_Editor|TRS_UEDITOR|zoom|UCAP-CONTENT|article[-_]?content|article|content|view|con|detail|main[-_]?text|text)\b/i;
/** Field labels of an info bar or a 信息公开目录 table, to the DocumentMeta they give. */
const AGENCY_FIELDS = ['发布机构', '发文机关', '发文单位', '公开主体', '来源', '信息来源'];
const DATE_FIELDS = ['发布日期', '发布时间', '成文日期', '发文日期', '公开日期', '生成日期'];
/** Other fields of an info bar: a value ends where one of these starts (tidy removed the spaces between). */
const OTHER_FIELDS = ['字号', '字体', '浏览次数', '浏览', '点击数', '点击', '访问量', '阅读', '作者', '责任编辑', '编辑', '索引号', '文号', '发文字号', '主题分类', '分类', '体裁分类', '关键词', '有效性', '时间', '日期'];
/** Source fields that name the website, not an agency. */
const NOT_AGENCY = /^(?:本网|本站|网站|原创|综合|转载|佚名|其他|无)/;

const hidden = (el: Element) => 'hidden' in el.attrs || HIDDEN.test(el.attrs.style ?? '');

/** Text of an element, <br> and block boundaries as line breaks, HTML white space collapsed. */
function textOf(el: Element): string {
  const parts: string[] = [];
  const walk = (c: Child) => {
    if (!isElement(c)) {
      parts.push(c.replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (SKIP.has(c.name) || hidden(c)) return;
    if (c.name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(c.name);
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

function tableBlock(table: Element, limits: Limits): Block {
  const rows: SpanCell[][] = rowsOf(table).map((tr) =>
    tr.children.filter(isElement).filter((c) => (c.name === 'td' || c.name === 'th') && !hidden(c)).map((td) => ({
      text: textOf(td),
      colspan: Number.parseInt(td.attrs.colspan ?? '1', 10) || 1,
      rowspan: Number.parseInt(td.attrs.rowspan ?? '1', 10) || 1,
    })),
  );
  return { kind: 'table', rows: grid(rows, limits), grid: true };
}

/** A block and the innermost element it was read from. */
interface Placed {
  block: Block;
  owner: Element;
}

/** Every block of the page in document order, with its element (chrome included: chosen later). */
function allBlocks(root: Element, limits: Limits): Placed[] {
  const out: Placed[] = [];
  let inline: string[] = [];
  const owners: Element[] = [root];

  const flush = (heading = false) => {
    const text = inline.join('');
    inline = [];
    const owner = owners[owners.length - 1];
    for (const line of text.split('\n')) {
      const t = tidy(line);
      if (t) out.push({ block: { kind: 'text', text: t, ...(heading ? { heading } : {}) }, owner });
    }
  };

  const walk = (c: Child, inArticle: boolean): void => {
    if (!isElement(c)) {
      inline.push(c.replace(/[ \t\r\n]+/g, ' '));
      return;
    }
    if (SKIP.has(c.name) || hidden(c) || (CHROME.has(c.name) && !inArticle)) return;
    if (c.name === 'br') {
      inline.push('\n');
      return;
    }
    const article = inArticle || c.name === 'article';
    if (c.name === 'table') {
      flush();
      if (descendants(c, 'table').length === 0) out.push({ block: tableBlock(c, limits), owner: c });
      // Layout table: every cell is a container of running content.
      else for (const tr of rowsOf(c)) for (const td of tr.children) walk(td, article);
      return;
    }
    const block = BLOCK.has(c.name) || HEADING.test(c.name);
    if (block) {
      flush();
      owners.push(c);
    }
    for (const child of c.children) walk(child, article);
    if (block) {
      flush(HEADING.test(c.name));
      owners.pop();
    }
  };
  walk(root, false);
  flush();
  return out;
}

/** A data table of a report: several cells that are numbers. */
function numericTable(b: Block): boolean {
  if (b.kind !== 'table') return false;
  let n = 0;
  for (const row of b.rows) for (const cell of row) if (/^\d[\d,.]*$/.test(cell.trim()) && ++n >= 3) return true;
  return false;
}

/** A short line naming one of the report's section titles. */
function sectionMarker(b: Block, headings: readonly string[]): boolean {
  return b.kind === 'text' && normalizeLabel(b.text).length <= 40 && headings.some((h) => headingMatches(b.text, h));
}

function describe(el: Element): string {
  const id = el.attrs.id ? `#${el.attrs.id}` : '';
  const cls = (el.attrs.class ?? '').trim().split(/\s+/).filter(Boolean).map((c) => `.${c}`).join('');
  return `${el.name}${id}${cls}`;
}

/**
 * The article: the deepest element holding all but a tenth of the markers (section titles, tables
 * of numbers). Holding more than half, such elements lie on one chain of ancestors.
 */
function articleByMarkers(placed: readonly Placed[], parent: Map<Element, Element>, headings: readonly string[]): Element | undefined {
  const counts = new Map<Element, number>();
  let markers = 0;
  for (const p of placed) {
    if (!numericTable(p.block) && !sectionMarker(p.block, headings)) continue;
    markers++;
    for (let el: Element | undefined = p.owner; el; el = parent.get(el)) counts.set(el, (counts.get(el) ?? 0) + 1);
  }
  if (markers < 2) return undefined;
  const need = markers - Math.floor(markers / 10);
  let best: Element | undefined;
  let bestDepth = -1;
  for (const [el, n] of counts) {
    if (n < need) continue;
    let depth = 0;
    for (let e = parent.get(el); e; e = parent.get(e)) depth++;
    if (depth > bestDepth) {
      best = el;
      bestDepth = depth;
    }
  }
  return best;
}

/** Fallback: of the elements a CMS names as article containers, the one with the most text. */
function articleByClass(placed: readonly Placed[], parent: Map<Element, Element>): Element | undefined {
  const size = new Map<Element, number>();
  for (const p of placed) {
    const n = p.block.kind === 'text' ? p.block.text.length : p.block.rows.flat().join('').length;
    for (let el: Element | undefined = p.owner; el; el = parent.get(el)) {
      if (ARTICLE_CLASS.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`)) size.set(el, (size.get(el) ?? 0) + n);
    }
  }
  let best: Element | undefined;
  for (const [el, n] of size) if (!best || n > (size.get(best) ?? 0)) best = el;
  return best && (size.get(best) ?? 0) >= 200 ? best : undefined;
}

function parents(root: Element): Map<Element, Element> {
  const map = new Map<Element, Element>();
  const stack = [root];
  while (stack.length) {
    const el = stack.pop() as Element;
    for (const c of el.children) {
      if (!isElement(c)) continue;
      map.set(c, el);
      stack.push(c);
    }
  }
  return map;
}

/** A date as pages write it: 2025-01-20, 2025/1/20, 2025.01.20, 2025年1月20日. */
function dateOf(text: string): { year: number; month: number; day?: number } | undefined {
  const m = /((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})(?:\s*(?:[-/.月])\s*(\d{1,2}))?/.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(m[1]), month, ...(m[3] ? { day: Number(m[3]) } : {}) };
}

/** The value of a field after its label: the first run without spaces (an info bar puts several on a line). */
/** A line of an info bar: fields and their values only ("发布日期：2025-01-20 10:12 来源：本网 浏览次数：12"). */
const FIELD_LINE = new RegExp(`^(?:\\s*(?:${[...AGENCY_FIELDS, ...DATE_FIELDS, ...OTHER_FIELDS].join('|')})\\s*[：:]\\s*[^\\s：:]*?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*[|｜]?)+$`);
const NEXT_FIELD = new RegExp(`(?:${[...AGENCY_FIELDS, ...DATE_FIELDS, ...OTHER_FIELDS].join('|')})\\s*[：:]`);

function fieldValue(text: string, label: string): string | undefined {
  const m = new RegExp(`${label}\\s*[：:]\\s*`).exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const next = NEXT_FIELD.exec(rest);
  const value = /^[^\s|｜]*/.exec(next ? rest.slice(0, next.index) : rest)?.[0];
  return value || undefined;
}

/** Publication data from the page's `<meta>` tags, `<title>`, info bar and 信息公开目录 table. */
function metaOf(root: Element, placed: readonly Placed[]): DocumentMeta {
  const meta: DocumentMeta = {};
  const tags = new Map<string, string>();
  for (const el of descendants(root, 'meta')) {
    const name = (el.attrs.name ?? '').toLowerCase();
    if (name && el.attrs.content) tags.set(name, tidy(el.attrs.content));
  }
  const pageTitle = descendants(root, 'title')[0];
  const titleText = pageTitle ? tidy(textOf(pageTitle)) : '';
  const titles = [tags.get('articletitle'), ...titleText.split(/\s*[_|｜—–-]{1,2}\s*/)];
  const title = titles.find((t) => t && t.length <= 60 && /报告/.test(t) && completeTitle(t));
  if (title) meta.title = title;

  const agency = (name: string | undefined, label: string) => {
    const n = name ? tidy(name) : '';
    if (!meta.agency && n.length >= 2 && /\p{Script=Han}/u.test(n) && !NOT_AGENCY.test(n)) meta.agency = { name: n, label };
  };
  const date = (text: string | undefined, label: string) => {
    const d = text ? dateOf(text) : undefined;
    if (!meta.date && d) meta.date = { ...d, label };
  };
  // Fields: "发布机构：X" in a line, or a cell "发布机构" and the value in the next cell.
  const fields = new Map<string, string>();
  for (const { block } of placed) {
    const lines = block.kind === 'text' ? [block.text] : [];
    if (block.kind === 'table') {
      for (const row of block.rows) {
        const cells = row.map((c) => tidy(c)).filter(Boolean);
        cells.forEach((c, i) => {
          const label = c.replace(/[：:]\s*$/, '');
          if ([...AGENCY_FIELDS, ...DATE_FIELDS].includes(label) && cells[i + 1] !== undefined && !fields.has(label)) fields.set(label, cells[i + 1]);
          else lines.push(c);
        });
      }
    }
    for (const line of lines) {
      if (line.length > 200) continue;
      for (const label of [...AGENCY_FIELDS, ...DATE_FIELDS]) {
        const v = fieldValue(line, label);
        if (v !== undefined && !fields.has(label)) fields.set(label, v);
      }
    }
  }
  for (const label of AGENCY_FIELDS) agency(fields.get(label), label);
  agency(tags.get('contentsource'), 'ContentSource');
  for (const label of DATE_FIELDS) date(fields.get(label), label);
  date(tags.get('pubdate') ?? tags.get('firstpublishedtime'), 'PubDate');
  return meta;
}

export interface HtmlDocument extends ReadInfo {
  blocks: Block[];
}

/**
 * Blocks of a page. `headings` are the report's section titles (from the format definition): they
 * and the tables of numbers locate the article among the page's chrome.
 */
export function readHtml(source: string, headings: readonly string[] = []): HtmlDocument {
  const limits: Limits = {};
  const root = parseMarkup(source, false, limits);
  const every = allBlocks(root, limits);
  const meta = metaOf(root, every);
  // The info bar is read for its data, never imported, even inside the article.
  const placed = every.filter((p) => p.block.kind !== 'text' || !(CHROME_LINE.test(p.block.text) || FIELD_LINE.test(p.block.text)));
  const parent = parents(root);
  const article = articleByMarkers(placed, parent, headings) ?? articleByClass(placed, parent);
  const info: ReadInfo = { meta };
  if (limits.depth || limits.span || limits.cells) info.limits = { ...limits };
  if (!article) return { blocks: placed.map((p) => p.block), ...info };

  const inside = (el: Element) => {
    for (let e: Element | undefined = el; e; e = parent.get(e)) if (e === article) return true;
    return false;
  };
  const first = placed.findIndex((p) => inside(p.owner));
  let last = first;
  for (let i = first; i < placed.length; i++) if (inside(placed[i].owner)) last = i;
  const body = placed.slice(first, last + 1).map((p) => p.block);

  // The title above the article (its own heading outside the container), with an agency's name
  // on the line above or below it when the title has none.
  const before = placed.slice(Math.max(0, first - 40), first).map((p) => p.block);
  // A link is never the page's title: 相关链接 to other years' reports often stand above the article.
  const links = new Set(descendants(root, 'a').map((a) => tidy(textOf(a).replace(/\n/g, ''))));
  const lead: Block[] = [];
  if (!body.slice(0, 12).some((b) => b.kind === 'text' && titleLine(b.text))) {
    for (let i = before.length - 1; i >= 0; i--) {
      const b = before[i];
      if (b.kind !== 'text') continue;
      const line = b.text.replace(/^.*[>›»]\s*/, '');
      if (!titleLine(line) || links.has(b.text)) continue;
      const above = before[i - 1];
      const below = before[i + 1];
      if (!agencyOf(line) && above?.kind === 'text' && agencyLine(above.text)) lead.push(above);
      lead.push({ ...b, text: line });
      if (!agencyOf(line) && below?.kind === 'text' && agencyLine(below.text)) lead.push(below);
      break;
    }
  }
  const kept = new Set<Block>(body);
  for (const b of lead) kept.add(before.find((o) => o.kind === 'text' && b.kind === 'text' && (o.text === b.text || o.text.endsWith(b.text))) ?? b);
  const leftOut = placed
    .map((p) => p.block)
    .filter((b) => !kept.has(b))
    .reduce((n, b) => n + (b.kind === 'text' ? b.text.length : b.rows.flat().join('').length), 0);
  return { blocks: [...lead, ...body], ...info, ...(leftOut > 0 ? { article: { element: describe(article), leftOut } } : {}) };
}
