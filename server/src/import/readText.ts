/**
 * Plain text copied from Word or extracted from a PDF, into blocks. Three table layouts are read:
 * - Word's copy as text: every cell on its own line starting with a tab, rows separated by an empty
 *   line, a line without a tab continuing the cell above (a label broken over lines);
 * - PDF extraction with cells separated by " | " on one line;
 * - Markdown tables (`| a | b |`, separator lines `|---|`).
 * Every other line stays one text block marked `line`: whether it is a paragraph piece, a table
 * label or a row like "行政许可 97" depends on the section, which the mapper knows.
 * Page furniture (page numbers "-3-", "— 4 —", "〔分页〕") is dropped.
 */
import { tidy } from './normalize';
import type { Block, TableBlock } from './types';

const PAGE_NUMBER = /^\s*[-—–－]\s*\d{1,3}\s*[-—–－]\s*$/;
const PAGE_BREAK = /^\s*(?:〔分页〕|\f)\s*$/;
const MD_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const MD_ROW = /^\s*\|.*\|\s*$/;
const PIPE_ROW = /\s\|\s/;

/** A line with nothing but spaces; a line holding a tab is an (empty) cell, not a blank line. */
const isBlank = (line: string) => !line.includes('\t') && line.trim() === '';

const cellText = (text: string) =>
  text
    .split('\n')
    .map((l) => tidy(l))
    .join('\n')
    .trim();

export function readText(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
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
  const tableRow = (cells: string[]) => {
    afterBlank = false;
    if (table?.grid) endTable();
    if (!table) table = { kind: 'table', rows: [] };
    table.rows.push(cells.map(cellText));
  };

  for (const line of lines) {
    if (isBlank(line)) {
      endRow();
      afterBlank = true;
      continue;
    }
    if (line.startsWith('\t')) {
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
    if (MD_SEPARATOR.test(line) && line.includes('-')) continue;
    if (MD_ROW.test(line)) {
      tableRow(line.trim().slice(1, -1).split('|'));
      continue;
    }
    if (PIPE_ROW.test(line)) {
      // An annotation at the end ("〔注：… 1 | 0 | 11〕") may hold separators itself: it stays one cell's note.
      const note = /\s*〔[^〔〕]*〕\s*$/.exec(line);
      const cells = (note ? line.slice(0, note.index) : line).split(/\s+\|\s+/);
      if (note) cells[cells.length - 1] += ` ${note[0].trim()}`;
      tableRow(cells);
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
