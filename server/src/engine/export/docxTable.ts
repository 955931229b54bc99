/**
 * A table grid (../render/grid, the derivation the HTML renderer prints too) as a Word table:
 * row spans become vertical merges (a `restart` cell, then a `continue` cell in every row below),
 * column spans `w:gridSpan`; all borders single black; values centered; head rows repeat on each page.
 */
import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, VerticalMergeType, WidthType } from 'docx';
import type { Paragraph } from 'docx';
import type { Report } from '../parse/types';
import { cellText } from '../render/cells';
import { placeCells } from '../render/grid';
import type { GridCell, PlacedCell, TableGrid } from '../render/grid';
import { FONT, SIZE, TABLE, TABLE_LINE, TEXT_WIDTH } from './docxStyle';
import { paragraph } from './docxText';

/**
 * Column widths in twips: the row-label column takes the share the HTML stylesheet gives it, the
 * group-label columns left of it stay narrow, value columns share the rest. Read from the grid, so a
 * new layout needs no change here.
 */
export function columnWidths(grid: TableGrid, placed: PlacedCell[][]): number[] {
  const isValue: boolean[] = Array.from({ length: grid.columns }, () => false);
  for (const row of placed) for (const p of row) if (p.cell.cell !== undefined) isValue[p.column] = true;
  const labels = isValue.flatMap((v, i) => (v ? [] : [i]));
  const values = grid.columns - labels.length;
  const widths: number[] = Array.from({ length: grid.columns }, () => 0);
  if (values === 0) return widths.map(() => Math.floor(TEXT_WIDTH / grid.columns));
  labels.forEach((i, k) => (widths[i] = k === labels.length - 1 ? Math.round(TEXT_WIDTH * TABLE.labelShare) : TABLE.groupLabelWidth));
  const rest = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const each = Math.floor(rest / values);
  isValue.forEach((v, i) => v && (widths[i] = each));
  // Rounding leftovers go to the last column, so the table is exactly as wide as the text block.
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function content(report: Report, cell: GridCell): Paragraph {
  // Blank and missing cells print empty; computed totals print their value (cellText decides).
  const written = cell.cell !== undefined ? report.cells.get(cell.cell) : undefined;
  const text = cell.cell !== undefined ? (written ? cellText(written, report.text) : '') : (cell.text ?? '');
  const size = cell.role === 'corner' ? SIZE.xiaowu : SIZE.wuhao;
  return paragraph(text, { font: FONT.table, latin: FONT.latin, size, bold: cell.role === 'caption' }, { align: cell.align, line: TABLE_LINE });
}

const border = { style: BorderStyle.SINGLE, size: TABLE.border.size, color: TABLE.border.color };

export function gridTable(report: Report, grid: TableGrid): Table {
  const placed = placeCells(grid);
  const widths = columnWidths(grid, placed);
  const spanWidth = (p: PlacedCell) => widths.slice(p.column, p.column + p.cell.colSpan).reduce((a, b) => a + b, 0);
  const rows = placed.map(
    (cells, r) =>
      new TableRow({
        tableHeader: grid.rows[r].head || undefined,
        cantSplit: true,
        children: cells.map(
          (p) =>
            new TableCell({
              // A continued cell holds an empty paragraph: OOXML wants one in every cell.
              children: [p.continued ? paragraph('', { font: FONT.table, size: SIZE.wuhao }, { line: TABLE_LINE }) : content(report, p.cell)],
              columnSpan: p.cell.colSpan > 1 ? p.cell.colSpan : undefined,
              verticalMerge: p.continued ? VerticalMergeType.CONTINUE : p.cell.rowSpan > 1 ? VerticalMergeType.RESTART : undefined,
              width: { size: spanWidth(p), type: WidthType.DXA },
              verticalAlign: VerticalAlign.CENTER,
            }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: TABLE.cellMarginX, right: TABLE.cellMarginX, top: TABLE.cellMarginY, bottom: TABLE.cellMarginY },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}
