/**
 * Plain text copied from Word, a browser, a spreadsheet or a PDF viewer, into blocks. Table layouts:
 * - Word's copy as text: every cell on its own line starting with a tab, rows separated by an empty
 *   line, a line without a tab continuing the cell above (a label broken over lines);
 * - tab-separated rows (a table copied from a browser, Word/WPS or Excel): one row per line, cells
 *   between tabs, an empty cell kept in its column (`自然人\t\t3`);
 * - pipe-separated rows: " | " from a PDF extraction, `a|b|c` without spaces, a leading or trailing
 *   pipe (`规章 | 0 | 0 | 0 |`), Markdown tables (`| a | b |`, separator lines `|---|`).
 * Every other line stays one text block marked `line`: whether it is a paragraph piece, a table
 * label, a row like "行政许可 97" or one cell of a PDF viewer's copy (one cell per line) depends on
 * the section, which the mapper knows.
 * Page furniture (page numbers "-3-", "— 4 —", "〔分页〕") is dropped.
 */
import { tidy } from './normalize';
import type { Block, TableBlock } from './types';

const PAGE_NUMBER = /^\s*[-—–－]\s*\d{1,3}\s*[-—–－]\s*$/;
const PAGE_BREAK = /^\s*(?:〔分页〕|\f)\s*$/;
/** A Markdown separator row, tested on the trimmed line (a leading \s* would rescan long blank runs). */
const MD_SEPARATOR = /^[|｜]?\s*:?-{3,}:?\s*(?:[|｜]\s*:?-{3,}:?\s*)*[|｜]?$/;
const PIPE = /[|｜]/;
/**
 * Where an annotation at the end of a row starts ("〔注：… 1 | 0 | 11〕", white space before it
 * included): it may hold pipes itself and stays one cell's note. Found from the end, in one pass
 * (a regular expression with a leading \s* would rescan every blank run).
 */
function annotationStart(line: string): number | undefined {
  const end = line.trimEnd();
  if (!end.endsWith('〕')) return undefined;
  const open = end.lastIndexOf('〔');
  if (open < 0 || end.indexOf('〕', open) !== end.length - 1) return undefined;
  return line.slice(0, open).trimEnd().length;
}

/** A line with nothing but spaces; a line holding a tab is an (empty) cell, not a blank line. */
const isBlank = (line: string) => !line.includes('\t') && line.trim() === '';

/** A line of Word's copy as text: one cell, introduced by a single tab. */
const isTabCell = (line: string) => line.startsWith('\t') && line.indexOf('\t', 1) < 0;

/**
 * A row of tab-separated cells: a tab anywhere but as the single first character, between at least
 * two cells with text (a paragraph indented with tabs is no row).
 */
const isTabRow = (line: string) => line.includes('\t') && !isTabCell(line) && line.split('\t').filter((c) => c.trim()).length >= 2;

const cellText = (text: string) =>
  text
    .split('\n')
    .map((l) => tidy(l))
    .join('\n')
    .trim();

/**
 * Cells of a pipe-separated line, or undefined when the line is not one: a pipe at either end, or
 * a pipe between two non-empty cells. Edge pipes delimit the row and make no cell.
 */
export function pipeCells(line: string): string[] | undefined {
  const noteAt = annotationStart(line);
  const body = (noteAt !== undefined ? line.slice(0, noteAt) : line).trim();
  if (!PIPE.test(body)) return undefined;
  const cells = body.split(/[|｜]/).map((c) => c.trim());
  const leading = cells[0] === '';
  const trailing = cells.length > 1 && cells[cells.length - 1] === '';
  if (leading) cells.shift();
  if (trailing) cells.pop();
  if (!leading && !trailing && cells.filter((c) => c !== '').length < 2) return undefined;
  if (!cells.some((c) => c !== '')) return undefined;
  if (noteAt !== undefined) cells[cells.length - 1] += ` ${line.slice(noteAt).trim()}`;
  return cells;
}

/** Lines a quoted spreadsheet cell may span (a label typed over a few lines). */
const MAX_QUOTED_LINES = 8;
const quotes = (line: string) => (line.match(/"/g) ?? []).length;
/** A quote opening a cell: at the start of the line or right after a tab. */
const opensQuotedCell = (line: string) => /(?:^|\t)"/.test(line) && quotes(line) % 2 === 1;

/**
 * Physical lines into logical ones: a spreadsheet (Excel, WPS) copies a cell holding a line break
 * in double quotes, so one table row spans several lines (`"（二）部分公开…，⏎不计其他情形）"⇥9⇥0`).
 * Such lines are joined when the quotes close within a few lines and the result is a tab row.
 */
function logicalLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (opensQuotedCell(line)) {
      let joined = line;
      let j = i + 1;
      while (j < lines.length && j - i < MAX_QUOTED_LINES && quotes(joined) % 2 === 1) joined += `\n${lines[j++]}`;
      if (quotes(joined) % 2 === 0 && isTabRow(joined)) {
        out.push(joined);
        i = j - 1;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

/** A spreadsheet's quoted cell without its quotes (`"a""b"` is `a"b`). */
const unquote = (cell: string) => (/^"[\s\S]*"$/.test(cell) ? cell.slice(1, -1).replace(/""/g, '"') : cell);

export function readText(source: string): Block[] {
  const lines = logicalLines(source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
  const blocks: Block[] = [];
  let table: TableBlock | undefined;
  let row: string[] | undefined;
  let afterBlank = false;

  const endRow = () => {
    if (row && table) table.rows.push(row.map(cellText));
    row = undefined;
  };
  const endTable = () => {
    endRow();
    if (table && table.rows.length) blocks.push(table);
    table = undefined;
  };
  /** A whole row on one line; `grid` rows keep their cells in columns (tabs), others do not (pipes). */
  const lineRow = (cells: string[], grid: boolean) => {
    afterBlank = false;
    endRow();
    if (table && (table.grid === true) !== grid) endTable();
    if (!table) table = { kind: 'table', rows: [], ...(grid ? { grid } : {}) };
    table.rows.push(cells.map(cellText));
  };

  for (const line of lines) {
    if (isBlank(line)) {
      endRow();
      afterBlank = true;
      continue;
    }
    if (isTabRow(line)) {
      lineRow(line.split('\t').map(unquote), true);
      continue;
    }
    if (isTabCell(line)) {
      if (!row) {
        // A tab-cell row after a table of another layout starts a new table.
        if (table && !table.grid) endTable();
        if (!table) table = { kind: 'table', rows: [], grid: true };
        row = [];
      }
      row.push(line.slice(1));
      afterBlank = false;
      continue;
    }
    if (row) {
      // Inside a tab-cell row, a line without a tab continues the last cell.
      row[row.length - 1] += `\n${line}`;
      continue;
    }
    if (PAGE_NUMBER.test(line) || PAGE_BREAK.test(line)) continue;
    if (line.includes('---') && MD_SEPARATOR.test(line.trim())) continue;
    const cells = pipeCells(line);
    if (cells) {
      lineRow(cells, false);
      continue;
    }
    endTable();
    const heading = /^\s*#{1,6}\s+/.test(line);
    // Spaces are kept (collapsed): "行政许可 97" is a label and a number; prose is tidied later.
    const text = line.replace(/^\s*#{1,6}\s+/, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (text) blocks.push({ kind: 'text', text, line: true, ...(heading ? { heading } : {}), ...(afterBlank ? { afterBlank } : {}) });
    afterBlank = false;
  }
  endTable();
  return blocks;
}
