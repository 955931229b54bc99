/**
 * The rows of a table section as one stream, whatever the layout: real tables (HTML, Word, tab
 * cells and rows, pipe rows, Markdown) and loose lines of text ("行政许可 97", a run of numbers). A data row
 * is a label (the row's own text cells, possibly empty) and the value cells after it; the text
 * lines since the previous data row are kept as its context, because PDF copies print a row's
 * label on lines of its own above the numbers, or misplace it. Values one per line (a PDF viewer's
 * copy) make one row together, a run, which the placement cuts by the table's number of columns.
 */
import { isEvidence, isUnit, isValueLike, parseCell } from './cellValue';
import { tidy } from './normalize';
import type { CellText } from './cellValue';
import type { Block, TextBlock } from './types';

export interface DataRow {
  /** The row's own label cells, joined by line breaks ('' when the row is numbers only). */
  label: string;
  /** Text lines since the previous data row. */
  context: string;
  cells: CellText[];
  /** The value cells as written (notes quote them). */
  raw: string[];
  /** The cells stand in table columns (see TableBlock.grid): surplus blanks are on the left. */
  aligned?: boolean;
  /**
   * The values came one per line (a PDF viewer's copy): a run of them may hold several table rows,
   * which the placement cuts by the table's number of columns.
   */
  run?: boolean;
  /** Set by the placement that took this row. */
  used?: boolean;
}

export interface Region {
  rows: DataRow[];
  /** Every text of the region (header cells, labels, lines) in order: header checks read it. */
  texts: string[];
  /** "注：…" lines: the table's footnotes. */
  footnotes: string[];
  /** Text after the last data row. */
  trailing: TextBlock[];
}

const FOOTNOTE = /^\s*(?:注|备注|说明)\s*\d*\s*[:：]/;
/** A whole line in brackets: the note of the number above it ("（其中修订16件）"). */
const BRACKETED = /^\s*[（(][^（()）]*[)）]\s*$/;

/** Cells of a loose line: " | "-separated, or a label followed by numbers ("行政许可 97", "0 0 0"). */
export function splitLine(text: string): string[] {
  if (/\s\|\s/.test(text)) return text.split(/\s+\|\s+/).map(tidy);
  const tokens: string[] = [];
  // "97 件": a unit written apart belongs to its number.
  for (const t of text.trim().split(/\s+/)) {
    if (tokens.length && isUnit(t) && isEvidence(parseCell(tokens[tokens.length - 1]))) tokens[tokens.length - 1] += t;
    else tokens.push(t);
  }
  let k = tokens.length;
  while (k > 0 && isEvidence(parseCell(tokens[k - 1]))) k--;
  // "第 1 项" or "2024 年" end in a word, not a number: the line is text.
  if (k === tokens.length) return [tidy(text)];
  const label = tidy(tokens.slice(0, k).join(' '));
  return label ? [label, ...tokens.slice(k)] : tokens.slice(k);
}

/** A row of cells as a data row, or undefined when it carries no values (a header, a caption). */
export function dataRow(cells: readonly string[], isKnownLabel: (label: string) => boolean): Omit<DataRow, 'context'> | undefined {
  const parsed = cells.map(parseCell);
  let k = parsed.length;
  while (k > 0 && isValueLike(parsed[k - 1])) k--;
  const labels = cells.slice(0, k).filter((c) => c.trim());
  const label = labels.join('\n');
  const values = parsed.slice(k);
  if (values.length === 0) return undefined;
  // A row of blanks is data only under one known label (上年结转 left empty); a header such as
  // "行政复议 | | | | | 行政诉讼 | …" (merged cells expanded) has several labels and is layout.
  if (!values.some(isEvidence) && !(labels.length <= 1 && isKnownLabel(label))) return undefined;
  return { label, cells: values, raw: cells.slice(k).map((c) => c.trim()) };
}

export function region(blocks: readonly Block[], isKnownLabel: (label: string) => boolean): Region {
  const out: Region = { rows: [], texts: [], footnotes: [], trailing: [] };
  let context: string[] = [];
  let pending: TextBlock[] = [];
  let lastWasData = false;

  const text = (t: string, block: TextBlock) => {
    if (!t.trim()) return;
    out.texts.push(t);
    if (FOOTNOTE.test(t)) {
      out.footnotes.push(t.trim());
      lastWasData = false;
      return;
    }
    const prev = out.rows[out.rows.length - 1];
    const last = prev?.cells[prev.cells.length - 1];
    if (lastWasData && BRACKETED.test(t) && last?.kind === 'number' && !last.note) {
      // The note of a number, on its own line in a PDF copy.
      prev.cells[prev.cells.length - 1] = { ...last, note: tidy(t) };
      prev.raw[prev.raw.length - 1] += tidy(t);
      return;
    }
    lastWasData = false;
    context.push(t);
    pending.push(block);
  };
  const cellsRow = (cells: readonly string[], block: TextBlock, aligned: boolean, single = false, known = isKnownLabel) => {
    const row = dataRow(cells, known);
    if (!row) {
      text(cells.filter((c) => c.trim()).join(' '), block);
      return;
    }
    const prev = out.rows[out.rows.length - 1];
    if (single && !row.label && lastWasData && prev?.run) {
      // One value per line: the next cell of the same run.
      prev.cells.push(...row.cells);
      prev.raw.push(...row.raw);
      return;
    }
    if (row.label) out.texts.push(row.label);
    out.rows.push({ ...row, context: context.join('\n'), ...(aligned ? { aligned } : {}), ...(single && !row.label ? { run: true } : {}) });
    context = [];
    pending = [];
    lastWasData = true;
  };

  for (const b of blocks) {
    if (b.kind === 'table') {
      for (const cells of b.rows) cellsRow(cells, { kind: 'text', text: cells.filter((c) => c.trim()).join(' ') }, b.grid === true, false, b.data ? () => true : isKnownLabel);
    } else {
      const cells = splitLine(b.text);
      cellsRow(cells, b, false, cells.length === 1);
    }
  }
  out.trailing = pending;
  return out;
}
