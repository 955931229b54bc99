/**
 * A Word .docx into blocks. The package is a ZIP (fflate, synchronous and small); its main part
 * (word/document.xml) is read with the same markup parser as HTML. Tables keep their merged
 * cells: w:gridSpan spans columns, a w:vMerge continuation is an empty slot under the merged cell.
 * Deleted text (tracked changes), field codes and drawings are left out.
 */
import { strFromU8, Unzip, UnzipInflate } from 'fflate';
import { grid, isElement, parseMarkup } from './markup';
import type { Child, Element, SpanCell } from './markup';
import { tidy } from './normalize';
import type { Block } from './types';
import { READER_TEXT } from '../i18n/import';
import type { ReaderRefusal } from '../i18n/import';

export class DocxError extends Error {
  constructor(readonly refusal: ReaderRefusal) {
    super(READER_TEXT.en(refusal));
  }
}

/**
 * Bytes all wanted parts may inflate to. A report's document.xml is a few MB; a 600 KB "zip bomb"
 * inflating to 200 MB took 4.6 GB before this bound. Counted while inflating, so the bound holds
 * whatever sizes the ZIP headers claim.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: one step can add at most ~1,000 times this. */
const SLICE = 16 * 1024;
/** Element nesting the reader follows (real documents: about 20; nested tables add ~4 per level). */
export const MAX_DEPTH = 256;
/** Columns one cell may span: real tables have a dozen; a huge w:gridSpan would blow up the grid. */
const MAX_SPAN = 64;

/** Parts of a run that are not visible text (or duplicate it). */
const SKIP = new Set(['w:del', 'w:delText', 'w:instrText', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:pPr', 'w:rPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:tblGrid', 'w:sectPr', 'w:commentReference', 'w:footnoteReference']);
const HEADING_STYLE = /heading|title|标题/i;

const child = (el: Element, name: string) => el.children.find((c): c is Element => isElement(c) && c.name === name);

function mainPart(files: Record<string, Uint8Array>): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    const m = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(strFromU8(rels));
    const target = m?.[1] ?? m?.[2];
    if (target && files[target]) return target;
  }
  return 'word/document.xml';
}

/** The wanted parts of a ZIP, inflating in slices and stopping as soon as MAX_INFLATED_BYTES is passed. */
function unzipBounded(bytes: Uint8Array, want: (name: string) => boolean): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  let tooLarge = false;
  const unzip = new Unzip((file) => {
    if (!want(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (err) throw err;
      if (tooLarge) return;
      total += data.length;
      if (total > MAX_INFLATED_BYTES) {
        tooLarge = true;
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) files[file.name] = concat(chunks);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length && !tooLarge; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  if (tooLarge) throw new DocxError({ kind: 'inflated', mb: MAX_INFLATED_BYTES / 1024 / 1024 });
  return files;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function unpackDocx(bytes: Uint8Array): string {
  // A ZIP starts with a local file header ("PK\3\4"); the streaming reader would just find no parts.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4) throw new DocxError({ kind: 'noZipHeader' });
  let files: Record<string, Uint8Array>;
  try {
    files = unzipBounded(bytes, (name) => name === '_rels/.rels' || /^word\/[^/]+\.xml$/.test(name));
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError({ kind: 'notZip', detail: e instanceof Error ? e.message : String(e) });
  }
  const part = files[mainPart(files)];
  if (!part) throw new DocxError({ kind: 'notWord' });
  return strFromU8(part);
}

/** Visible text of a paragraph (or of anything holding runs). */
function runText(el: Element): string {
  let out = '';
  const walk = (c: Child) => {
    if (!isElement(c)) return; // Text outside w:t is XML white space.
    if (SKIP.has(c.name)) return;
    if (c.name === 'w:t') out += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (c.name === 'w:tab') out += ' ';
    else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
    else if (c.name === 'w:noBreakHyphen') out += '-';
    else c.children.forEach(walk);
  };
  el.children.forEach(walk);
  return out;
}

function isHeading(p: Element): boolean {
  const style = child(child(p, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:pStyle');
  return HEADING_STYLE.test(style?.attrs['w:val'] ?? '');
}

/** Rows of a table, looking through content controls and custom XML wrapping rows or cells. */
function items(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') out.push(...items(c, name));
  }
  return out;
}

function cellText(tc: Element): string {
  return items(tc, 'w:p')
    .map((p) => runText(p).split('\n').map(tidy).join('\n'))
    .join('\n')
    .trim();
}

const hasNestedTable = (tbl: Element) => items(tbl, 'w:tr').some((tr) => items(tr, 'w:tc').some((tc) => items(tc, 'w:tbl').length > 0));

function tableRows(tbl: Element): SpanCell[][] {
  return items(tbl, 'w:tr').map((tr) => {
    const before = Math.min(MAX_SPAN, Number.parseInt(child(child(tr, 'w:trPr') ?? tr, 'w:gridBefore')?.attrs['w:val'] ?? '0', 10) || 0);
    const cells: SpanCell[] = before > 0 ? [{ text: '', colspan: before, rowspan: 1 }] : [];
    for (const tc of items(tr, 'w:tc')) {
      const pr = child(tc, 'w:tcPr');
      const span = Math.min(MAX_SPAN, Number.parseInt((pr && child(pr, 'w:gridSpan')?.attrs['w:val']) ?? '1', 10) || 1);
      const vMerge = pr && child(pr, 'w:vMerge');
      // <w:vMerge/> or w:val="continue" continues the merged cell above; "restart" starts one.
      const covered = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
      cells.push({ text: covered ? '' : cellText(tc), colspan: span, rowspan: 1, covered });
    }
    return cells;
  });
}

/** Deepest element nesting under `root`, found without recursion (the tree may be 100,000 deep). */
function depthOf(root: Element): number {
  let max = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop() as [Element, number];
    if (d > max) max = d;
    for (const c of el.children) if (isElement(c)) stack.push([c, d + 1]);
  }
  return max;
}

/**
 * Whether the XML nests elements deeper than `max`, by one linear scan of its tags, before it is
 * parsed: building the tree of 100,000 nested tables is itself slower than linear.
 */
function nestsDeeper(xml: string, max: number): boolean {
  let depth = 0;
  const tag = /<([/?!])?[^<>]*?(\/)?>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[1] === '/') depth--;
    else if (m[1] === undefined && m[2] === undefined && ++depth > max) return true;
  }
  return false;
}

const tooDeep = () => new DocxError({ kind: 'tooDeep', max: MAX_DEPTH });

export function readDocx(bytes: Uint8Array): Block[] {
  const xml = unpackDocx(bytes);
  if (nestsDeeper(xml, MAX_DEPTH)) throw tooDeep();
  const doc = parseMarkup(xml, true);
  // Every walk below recurses along the nesting: bounded here, they cannot overflow the stack.
  if (depthOf(doc) > MAX_DEPTH) throw tooDeep();
  const blocks: Block[] = [];
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c) || SKIP.has(c.name)) continue;
      if (c.name === 'w:p') {
        const heading = isHeading(c);
        for (const line of runText(c).split('\n')) {
          const text = tidy(line);
          if (text) blocks.push({ kind: 'text', text, ...(heading ? { heading } : {}) });
        }
      } else if (c.name === 'w:tbl') {
        if (hasNestedTable(c)) for (const tr of items(c, 'w:tr')) for (const tc of items(tr, 'w:tc')) walk(tc);
        else blocks.push({ kind: 'table', rows: grid(tableRows(c)), grid: true });
      } else walk(c);
    }
  };
  walk(doc);
  return blocks;
}
