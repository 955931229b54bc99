/**
 * A PDF into blocks, rebuilt from the geometry of its text layer: the PDF has no paragraphs, rows
 * or cells, only runs of text at positions. Text runs are grouped into physical lines by baseline;
 * a line that ends in numbers set apart from its label is a table row; consecutive rows form a
 * table, whose columns are the x-positions of the fullest row, so a blank cell (nothing drawn) keeps
 * its column. Label lines between rows (a label wrapped over two or three lines, a merged label set
 * vertically or with spaces between its characters, a group label beside its rows) belong to the
 * row whose numbers are nearest. Page numbers ("-3-", "第 3 页") and running headers are dropped, so a
 * table continues across a page break. Everything else becomes a text line, marked as starting a
 * paragraph when it is indented.
 */
import { tidy } from './normalize';
import type { PdfLoader, PdfTextItem } from './pdfLib';
import { isTextItem } from './pdfLib';
import { bandAt, pageRules, postBetween } from './pdfRules';
import type { Post, Rule } from './pdfRules';
import type { Block, TableBlock, TextBlock } from './types';
import { READER_TEXT } from '../i18n/import';
import type { ReaderRefusal } from '../i18n/import';

/** The PDF cannot be read: broken, encrypted, without a text layer (a scan), or too large. */
export class PdfError extends Error {
  constructor(readonly refusal: ReaderRefusal) {
    super(READER_TEXT.en(refusal));
  }
}

/** Bounds: annual reports run to a few dozen pages and a few thousand runs of text per page. */
export const MAX_PDF_PAGES = 300;
const MAX_ITEMS = 400_000;
/** Rule look-ups allowed per table (its rules and posts × its runs): a report's tables need far fewer. */
const MAX_LOOKUPS = 5_000_000;

interface Run {
  text: string;
  x: number;
  /** Right edge. */
  r: number;
  y: number;
  size: number;
}

interface Line {
  runs: Run[];
  y: number;
  size: number;
  page: number;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Marks printed in a numeric cell for "nothing". */
const BLANK_MARK = /^(?:[-—–―─/\\]{1,3}|无|空|（空）|\(空\))$/;
const PAGE_NUMBER = /^[-—–－―_\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[/／]\s*\d{1,3})?(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?[-—–－―_\s]*$/;

const isValue = (t: string) => {
  const s = t.normalize('NFKC').replace(/，/g, ',');
  return NUMBER.test(s) || BLANK_MARK.test(t.trim());
};

/** Splits a run holding several space-separated tokens ("0 0 0") at estimated positions. */
function splitRun(item: PdfTextItem, size: number): Run[] {
  const x = item.transform[4];
  const y = item.transform[5];
  const text = item.str;
  const parts = [...text.matchAll(/\S+/g)];
  if (parts.length <= 1) {
    const t = text.trim();
    return t ? [{ text: t, x, r: x + item.width, y, size }] : [];
  }
  const per = text.length ? item.width / text.length : 0;
  return parts.map((m) => ({ text: m[0], x: x + per * (m.index ?? 0), r: x + per * ((m.index ?? 0) + m[0].length), y, size }));
}

/** Groups runs into lines by baseline (runs of a row drawn at a larger size sit slightly lower). */
function linesOf(runs: Run[], page: number): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - run.y) <= 0.45 * Math.min(line.size, run.size)) {
      line.runs.push(run);
      // The line's baseline and size are those of its text (labels), not of larger numbers.
      if (run.size < line.size) line.size = run.size;
    } else lines.push({ runs: [run], y: run.y, size: run.size, page });
  }
  for (const l of lines) {
    l.runs.sort((a, b) => a.x - b.x);
    l.runs = mergeDigits(l.runs);
  }
  return lines;
}

/**
 * Digits drawn as separate runs that touch ("1" "1" = 11, as some PDF writers set a number) are one
 * number: numbers in neighbouring cells are always apart by the cells' padding.
 */
function mergeDigits(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && /^[\d,.]+$/.test(prev.text) && /^[\d,.]+$/.test(r.text) && r.x - prev.r < 0.15 * Math.min(prev.size, r.size)) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text, r: r.r };
    } else out.push(r);
  }
  return out;
}

/** Text of runs, with a space where the gap is wider than a narrow space. */
function joinRuns(runs: readonly Run[]): string {
  let out = '';
  let prev: Run | undefined;
  for (const r of runs) {
    if (prev && r.x - prev.r > 0.25 * Math.min(prev.size, r.size)) out += ' ';
    out += r.text;
    prev = r;
  }
  return out;
}

/** Where a line's values start, when it is a table row: trailing values set apart from the label. */
function valueStart(line: Line): number | undefined {
  const runs = line.runs;
  let k = runs.length;
  while (k > 0 && isValue(runs[k - 1].text)) k--;
  if (k === runs.length) return undefined;
  const values = runs.slice(k);
  if (!values.some((v) => NUMBER.test(v.text.normalize('NFKC').replace(/，/g, ',')))) {
    // Only blank marks: a row of dashes is data when there are several of them, well apart.
    if (values.length < 2) return undefined;
  }
  if (k === 0) return values.length >= 2 || line.runs.length === 1 ? k : undefined;
  const gap = values[0].x - runs[k - 1].r;
  const size = line.size;
  // A prose line may end with a number after a space; a table's values stand well apart from the label.
  if (values.length >= 2 ? gap >= 1.2 * size : gap >= 3 * size) return k;
  return undefined;
}

/** Page furniture: page numbers in the top or bottom margin. */
function isPageNumber(line: Line, height: number): boolean {
  const inMargin = line.y < height * 0.12 || line.y > height * 0.9;
  return inMargin && PAGE_NUMBER.test(joinRuns(line.runs)) && /\d/.test(joinRuns(line.runs));
}

interface PageLines {
  lines: Line[];
  height: number;
  rules: Rule[];
  posts: Post[];
}

/** Lines drawn at the same place on most pages (a running header or footer), keyed by text and height. */
function runningLines(pages: readonly PageLines[]): Set<string> {
  const out = new Set<string>();
  if (pages.length < 3) return out;
  const count = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) {
      if (l.y > p.height * 0.12 && l.y < p.height * 0.9) continue;
      const key = `${Math.round(l.y / 4)}:${joinRuns(l.runs).replace(/\d+/g, '#')}`;
      if (!seen.has(key)) count.set(key, (count.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  for (const [k, n] of count) if (n >= Math.max(3, pages.length * 0.6)) out.add(k);
  return out;
}

interface Row {
  line: Line;
  /** Index of the first value run. */
  at: number;
  labels: Run[];
}

/** No report table has more columns than this (table 4 has 15): beyond it, values go to the nearest. */
const MAX_COLUMNS = 40;

/** Index of the anchor nearest to x. */
function nearestAnchor(anchors: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < anchors.length; i++) if (Math.abs(anchors[i] - x) < Math.abs(anchors[best] - x)) best = i;
  return best;
}

/** Column positions of a table: centres of the fullest row's values, others added as met. */
function columns(rows: readonly Row[]): number[] {
  const centres = (r: Row) => r.line.runs.slice(r.at).map((v) => (v.x + v.r) / 2);
  const fullest = rows.reduce((a, b) => (b.line.runs.length - b.at > a.line.runs.length - a.at ? b : a));
  const anchors = centres(fullest);
  const pitch = anchors.length > 1 ? Math.min(...anchors.slice(1).map((c, i) => c - anchors[i])) : Infinity;
  const tolerance = Math.min(pitch / 2, 4 * fullest.line.size);
  for (const r of rows) {
    for (const c of centres(r)) {
      if (anchors.length < MAX_COLUMNS && !anchors.some((a) => Math.abs(a - c) <= tolerance)) anchors.push(c);
    }
  }
  return anchors.sort((a, b) => a - b);
}

function tableOf(rows: Row[], anchors: readonly number[], posts: readonly Post[]): TableBlock {
  const out: string[][] = [];
  for (const r of rows) {
    const cells = new Array<string>(anchors.length).fill('');
    for (const v of r.line.runs.slice(r.at)) {
      const best = nearestAnchor(anchors, (v.x + v.r) / 2);
      cells[best] = cells[best] ? `${cells[best]} ${v.text}` : v.text;
    }
    out.push([tidy(labelColumns([...r.labels, ...r.line.runs.slice(0, r.at)], posts).map(joinLabel).join(' ')), ...cells]);
  }
  return { kind: 'table', rows: out, grid: true };
}

/**
 * Label runs in reading order: by column (a group label stands left of its rows' labels), then top
 * to bottom within a column (a wrapped label reads in order). A column is made of line segments
 * (runs of one line without a wide gap) whose left edges are close; a continuation line may start a
 * character or two further right.
 */
function labelColumns(runs: readonly Run[], posts: readonly Post[]): Run[][] {
  const segments: Run[][] = [];
  const byLine = [...runs].sort((a, b) => (Math.abs(a.y - b.y) <= 0.45 * Math.min(a.size, b.size) ? a.x - b.x : b.y - a.y));
  for (const r of byLine) {
    const seg = segments[segments.length - 1];
    const last = seg?.[seg.length - 1];
    const sameCell = last && Math.abs(last.y - r.y) <= 0.45 * Math.min(last.size, r.size) && r.x - last.r <= 2 * r.size && !postBetween(posts, last.r - 0.5, r.x + 0.5, r.y + 0.3 * r.size);
    if (last && sameCell) seg.push(r);
    else segments.push([r]);
  }
  const cols: Run[][][] = [];
  // Segments in order of their left edge: a column starts more than the tolerance right of the one
  // before, so only the last column can take a segment (one comparison each).
  for (const seg of [...segments].sort((a, b) => a[0].x - b[0].x)) {
    const col = cols[cols.length - 1];
    if (col && seg[0].x - col[0][0].x <= 1.2 * seg[0].size) col.push(seg);
    else cols.push([seg]);
  }
  return cols.map((c) => c.sort((a, b) => b[0].y - a[0].y).flat());
}

/** Label runs joined: runs on one line by joinRuns, lines by nothing (a wrapped label is one text). */
function joinLabel(runs: readonly Run[]): string {
  const lines: Run[][] = [];
  for (const r of runs) {
    const l = lines[lines.length - 1];
    if (l && Math.abs(l[0].y - r.y) <= 0.45 * Math.min(l[0].size, r.size)) l.push(r);
    else lines.push([r]);
  }
  return lines.map(joinRuns).join(' ');
}

/**
 * The column headings of a table, each read down its column: PDFs set "商业企业" as 商业 over 企业 and
 * "社会公益组织" over three lines, so the lines above the table never spell them. Short runs above the
 * values (headings are a few characters) go to the nearest column; undefined without such runs.
 */
function columnHeader(above: readonly Line[], rows: readonly Row[], anchors: readonly number[], labelEdge: number, pitch: number): string | undefined {
  if (anchors.length < 3) return undefined;
  const top = rows[0].line.y + 10 * pitch;
  const cols: Run[][] = anchors.map(() => []);
  for (const l of above) {
    if (l.y > top) continue;
    for (const r of l.runs) {
      const c = (r.x + r.r) / 2;
      if (c < labelEdge || r.text.length > 8) continue;
      cols[nearestAnchor(anchors, c)].push(r);
    }
  }
  if (cols.filter((c) => c.length).length < 2) return undefined;
  return cols.map((c) => joinLabel(c.sort((a, b) => b.y - a.y || a.x - b.x)).replace(/\s+/g, '')).filter(Boolean).join(' ');
}

/** Blocks of one page's lines: tables from runs of rows, text lines for the rest. */
function pageBlocks(lines: readonly Line[], left: number, rules: readonly Rule[], posts: readonly Post[]): Block[] {
  const starts = lines.map(valueStart);
  const blocks: Block[] = [];
  /** Indices of the lines emitted as the last text blocks (since the last table), in order. */
  let tail: number[] = [];
  let i = 0;
  const textLine = (k: number) => {
    const l = lines[k];
    const text = tidy(joinRuns(l.runs));
    if (!text) return;
    const indented = l.runs[0].x - left >= 1.5 * l.size;
    blocks.push({ kind: 'text', text, line: true, ...(indented ? { afterBlank: true } : {}) } satisfies TextBlock);
    tail.push(k);
  };
  while (i < lines.length) {
    if (starts[i] === undefined) {
      textLine(i);
      i++;
      continue;
    }
    // A table: rows, and between them lines that sit wholly in the label column.
    const rowIdx: number[] = [i];
    const between: number[] = [];
    let j = i + 1;
    let pending: number[] = [];
    const firstValueX = (k: number) => lines[k].runs[starts[k] ?? 0].x;
    let labelEdge = firstValueX(i);
    while (j < lines.length) {
      const s = starts[j];
      if (s !== undefined) {
        rowIdx.push(j);
        between.push(...pending);
        pending = [];
        labelEdge = Math.min(labelEdge, firstValueX(j));
      } else {
        const l = lines[j];
        const inLabelColumn = l.runs.every((r) => r.r <= labelEdge - 0.5 * l.size);
        if (!inLabelColumn) break;
        pending.push(j);
      }
      j++;
    }
    const rows: Row[] = rowIdx.map((k) => ({ line: lines[k], at: starts[k] ?? 0, labels: [] }));
    const pitch = rows.length > 1 ? (rows[0].line.y - rows[rows.length - 1].line.y) / (rows.length - 1) : 2 * rows[0].line.size;
    // Label lines just above the first row or just below the last belong to them when close enough.
    // Between rules (table borders), a label line above may be a whole row left blank: look further.
    const reach = rules.length ? 1.2 : 0.7;
    const before: number[] = [];
    for (let t = tail.length - 1; t >= 0; t--) {
      const k = tail[t];
      const l = lines[k];
      if (l.y - rows[0].line.y > reach * pitch || !l.runs.every((r) => r.r <= labelEdge - 0.5 * l.size)) break;
      before.unshift(k);
    }
    const after = pending.filter((k) => rows[rows.length - 1].line.y - lines[k].y <= reach * pitch);
    const taken = [...before, ...between, ...after];
    const blank = new Map<string, Row>();
    const middle = (r: Run) => r.y + 0.3 * r.size;
    // Rows run down the page: their numbers' heights descend, so a row is found by bisection.
    const rowMiddles = rows.map((r) => middle(r.line.runs[r.at] ?? r.line.runs[0]));
    const firstBelow = (y: number) => {
      let lo = 0;
      let hi = rowMiddles.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rowMiddles[mid] < y) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    // The rules and posts of this table only; a table drawn with more of them than its runs can
    // afford to look up (a hostile file) is read without them, by nearest row.
    const top = rows[0].line.y + 2 * pitch;
    const bottom = rows[rows.length - 1].line.y - 2 * pitch;
    const own = <T>(xs: readonly T[], at: (x: T) => [number, number]) =>
      xs.filter((x) => {
        const [lo, hi] = at(x);
        return hi >= bottom && lo <= top;
      });
    const runCount = taken.reduce((a, k) => a + lines[k].runs.length, 0) + rows.length;
    let tableRules = own(rules, (r) => [r.y, r.y]);
    let tablePosts = own(posts, (p) => [p.y1, p.y2]);
    if ((tableRules.length + tablePosts.length) * runCount > MAX_LOOKUPS) {
      tableRules = [];
      tablePosts = [];
    }
    for (const k of taken) {
      for (const run of lines[k].runs) {
        const band = bandAt(tableRules, (run.x + run.r) / 2, middle(run));
        if (band) {
          // The rows whose numbers stand in the same band: one (a wrapped label), several (a merged
          // group label: it goes with the first), none (a row whose cells are all blank).
          const first = firstBelow(band[0]);
          const inBand = first < rows.length && rowMiddles[first] > band[1] ? rows[first] : undefined;
          if (inBand) inBand.labels.push(run);
          else {
            const key = band.join(':');
            const row = blank.get(key) ?? { line: { runs: [], y: (band[0] + band[1]) / 2 - 0.3 * run.size, size: run.size, page: lines[k].page }, at: 0, labels: [] };
            row.labels.push(run);
            blank.set(key, row);
          }
          continue;
        }
        // The nearest row: the first below the run, or the one above it.
        const below = Math.min(firstBelow(middle(run)), rows.length - 1);
        const above = Math.max(below - 1, 0);
        const best = Math.abs(rowMiddles[above] - middle(run)) < Math.abs(rowMiddles[below] - middle(run)) ? above : below;
        rows[best].labels.push(run);
      }
    }
    if (blank.size) {
      rows.push(...blank.values());
      rows.sort((a, b) => b.line.y - a.line.y);
    }
    // Lines taken from above were already emitted as text: take them back.
    blocks.splice(blocks.length - before.length, before.length);
    const anchors = columns(rows);
    const header = columnHeader(tail.slice(0, tail.length - before.length).map((k) => lines[k]), rows, anchors, labelEdge, pitch);
    if (header) blocks.push({ kind: 'text', text: header, line: true });
    blocks.push(tableOf(rows, anchors, tablePosts));
    tail = [];
    // `after` is where `pending` starts (the lines nearest the last row); `before` is where `tail` ends.
    const rest = pending.slice(after.length);
    for (const k of rest) textLine(k);
    i = j;
  }
  return blocks;
}

/** The most common left edge of text lines: the page's margin, to tell indented first lines. */
function leftMargin(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const x = Math.round(l.runs[0].x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  let best = 0;
  let n = -1;
  for (const [x, c] of counts) if (c > n || (c === n && x < best)) [best, n] = [x, c];
  return best;
}

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

/** Reads a PDF's text layer into blocks. */
export async function readPdf(bytes: Uint8Array, load?: PdfLoader): Promise<Block[]> {
  if (!load) throw new PdfError({ kind: 'pdfUnavailable' });
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) throw new PdfError({ kind: 'notPdf' });
  const lib = await load();
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const task = lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, ...(lib.options ?? {}) });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = errorName(e);
    if (name === 'PasswordException') throw new PdfError({ kind: 'encrypted' });
    throw new PdfError({ kind: 'damagedPdf', detail: e instanceof Error ? e.message : String(e) });
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new PdfError({ kind: 'tooManyPages', pages: doc.numPages, max: MAX_PDF_PAGES });
    const pages: PageLines[] = [];
    let items = 0;
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      items += content.items.length;
      if (items > MAX_ITEMS) throw new PdfError({ kind: 'tooManyItems', max: MAX_ITEMS });
      const runs: Run[] = [];
      for (const it of content.items) {
        if (!isTextItem(it) || !it.str.trim()) continue;
        const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 10;
        for (const r of splitRun(it, size)) {
          runs.push(r);
          chars += r.text.length;
        }
      }
      const { rules, posts } = runs.length ? await pageRules(lib, page, width, height) : { rules: [], posts: [] };
      page.cleanup?.();
      const lines = linesOf(runs, p).filter((l) => !isPageNumber(l, height));
      pages.push({ lines, height, rules, posts });
    }
    if (chars < 20 * Math.max(1, Math.min(doc.numPages, 3))) {
      throw new PdfError({ kind: 'scanned' });
    }
    const running = runningLines(pages);
    const blocks: Block[] = [];
    for (const p of pages) {
      const lines = p.lines.filter((l) => !running.has(`${Math.round(l.y / 4)}:${joinRuns(l.runs).replace(/\d+/g, '#')}`));
      blocks.push(...pageBlocks(lines, leftMargin(lines), p.rules, p.posts));
    }
    return blocks;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
