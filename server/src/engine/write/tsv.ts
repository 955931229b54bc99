/**
 * Cells copied from Excel, WPS or a Word table: tab-separated rows, read as numbers for the report's
 * tables. Pure, and it imports only import/cellValue.ts (dependency-free too): the preview's webview script
 * bundles it as well.
 *
 * What the copies hold: Excel and WPS quote a cell that contains a tab, a line break or a quote
 * (`"1,234"`, `""` for a quote inside); rows end in CRLF (Windows) or LF, usually with one after the
 * last row; Word ends its rows in CR LF too and may leave a trailing tab or cell-end marks. Numbers
 * come with thousands separators, in full-width digits from Chinese input, or as a dash for "none".
 */
import { BLANK_MARK } from '../import/cellValue';

/** One pasted cell, read. */
export type PastedCell = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'text'; text: string };

/** Longest paste read (characters): the largest table is a few hundred cells, a paste of megabytes is a mistake. */
export const MAX_PASTE_CHARS = 200_000;

/** Characters Word and web pages leave around cell text: BOM, zero-width space, Word's cell mark. */
const INVISIBLE = /[\ufeff\u200b\u0007]/g;

const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A cell's text read as a non-negative number, a blank, or text (anything else). Full-width digits,
 * commas and spaces are read through NFKC and blank marks are the importer's (import/cellValue.ts);
 * unlike an imported cell, a pasted one takes no sign, unit or note: those are refused, not guessed.
 */
export function readCell(raw: string): PastedCell {
  const visible = raw.replace(INVISIBLE, '');
  const text = visible.normalize('NFKC').trim();
  if (text === '' || BLANK_MARK.test(text)) return { kind: 'blank' };
  if (PLAIN.test(text)) return { kind: 'number', value: Number(text) };
  if (GROUPED.test(text)) return { kind: 'number', value: Number(text.replace(/,/g, '')) };
  return { kind: 'text', text: visible.trim() };
}

/**
 * Rows of raw cell texts. Quoted cells (starting with `"`) may hold tabs and line breaks; a final
 * line break does not start a row. One pass over the text.
 */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && cell === '') {
      // Quoted: up to the closing quote that is not doubled.
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < n) {
        const q = text.indexOf('"', j);
        if (q === -1) break;
        quoted += text.slice(j, q);
        if (text[q + 1] === '"') {
          quoted += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        closed = true;
        break;
      }
      if (closed && (j === n || text[j] === '\t' || text[j] === '\r' || text[j] === '\n')) {
        cell = quoted;
        i = j;
        continue;
      }
      // Not a well-formed quoted cell: the quote is text.
    }
    if (c === '\t') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Up to the next special character in one slice (linear, no per-character concatenation).
      let j = i + 1;
      while (j < n && text[j] !== '\t' && text[j] !== '\r' && text[j] !== '\n') j++;
      cell += text.slice(i, j);
      i = j;
    }
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** A pasted block, each cell read. */
export function parseBlock(text: string): PastedCell[][] {
  return splitTsv(text).map((r) => r.map(readCell));
}

/** One cell to write: a number, or null for a blank. */
export interface CellChange {
  path: string;
  value: number | null;
}

/** Why a block does not fit where it was pasted (row and column are 1-based within the block). */
export type PasteRefusal =
  | { kind: 'empty' }
  | { kind: 'tooLarge' }
  | { kind: 'tooManyRows'; rows: number; available: number }
  | { kind: 'tooManyColumns'; columns: number; available: number; row: number }
  | { kind: 'notNumber'; text: string; row: number; column: number }
  /** In the editor: the cursor is on no row of a table. */
  | { kind: 'noRow' };

/**
 * The cells a block fills: `targets[r]` are the cell paths of the r-th row from the paste point on,
 * left to right. Trailing blank cells past a row's end (a Word row's last tab) are ignored;
 * anything else that does not fit refuses the whole block.
 */
export function placeBlock(text: string, targets: readonly (readonly string[])[]): { changes: CellChange[] } | { refused: PasteRefusal } {
  if (text.length > MAX_PASTE_CHARS) return { refused: { kind: 'tooLarge' } };
  const block = parseBlock(text);
  // Rows that are wholly blank at the end (a copy ending in empty lines) carry nothing.
  while (block.length > 0 && block[block.length - 1].every((c) => c.kind === 'blank')) block.pop();
  if (block.length === 0) return { refused: { kind: 'empty' } };
  if (block.length > targets.length) return { refused: { kind: 'tooManyRows', rows: block.length, available: targets.length } };
  const changes: CellChange[] = [];
  for (let r = 0; r < block.length; r++) {
    const row = block[r];
    const paths = targets[r];
    let width = row.length;
    while (width > paths.length && row[width - 1].kind === 'blank') width--;
    if (width > paths.length) return { refused: { kind: 'tooManyColumns', columns: width, available: paths.length, row: r + 1 } };
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (cell.kind === 'text') return { refused: { kind: 'notNumber', text: cell.text, row: r + 1, column: c + 1 } };
      changes.push({ path: paths[c], value: cell.kind === 'number' ? cell.value : null });
    }
  }
  return { changes };
}
