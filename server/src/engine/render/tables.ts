/**
 * Tables as HTML: prints the grids of ./grid (the layout derivation the .docx export shares) as
 * `<table>`s, adding what only a preview needs: source lines, cell states and diagnostics.
 */
import type { PartDef, TableLayout } from '../format';
import { renderCell } from './cells';
import { keyLine } from './context';
import type { RenderContext } from './context';
import { el, escapeHtml } from './escape';
import { tableGrids } from './grid';
import type { GridCell, GridRow, TableGrid } from './grid';

/** A span of 1 is the default; leaving it out keeps the markup like a hand-written table. */
const span = (n: number): number | undefined => (n > 1 ? n : undefined);

function renderGridCell(ctx: RenderContext, cell: GridCell, head: boolean): string {
  if (cell.cell !== undefined) return renderCell(ctx, cell.cell);
  return el(
    'th',
    {
      class: cell.role,
      // The preview's tables are ARIA grids; labels are headers there, never edited.
      role: ctx.publish ? undefined : head ? 'columnheader' : 'rowheader',
      'aria-readonly': ctx.publish ? undefined : 'true',
      scope: cell.role === 'label' ? 'row' : undefined,
      rowspan: span(cell.rowSpan),
      colspan: span(cell.colSpan),
      'data-line': cell.path === undefined ? undefined : keyLine(ctx.report, cell.path),
    },
    escapeHtml(cell.text ?? ''),
  );
}

const renderRow = (ctx: RenderContext, row: GridRow): string =>
  el(
    'tr',
    { class: row.role, 'data-line': keyLine(ctx.report, row.path), role: ctx.publish ? undefined : 'row' },
    row.cells.map((c) => renderGridCell(ctx, c, row.head)).join(''),
  );

export function renderGrid(ctx: RenderContext, grid: TableGrid): string {
  const rows = (head: boolean) => grid.rows.filter((r) => r.head === head).map((r) => renderRow(ctx, r)).join('');
  const attrs = ctx.publish ? {} : { role: 'grid', tabindex: 0 };
  const table = el('table', { class: `xxgk-table ${grid.kind}`, 'data-part': grid.part, ...attrs }, `<thead>${rows(true)}</thead><tbody>${rows(false)}</tbody>`);
  // A table wider than a narrow pane scrolls on its own; the page around it never scrolls sideways.
  return el('div', { class: 'xxgk-table-scroll', 'data-part': grid.part }, table);
}

export function renderTable(ctx: RenderContext, part: PartDef, layout: TableLayout): string {
  return tableGrids(ctx.report.format, part, layout)
    .map((grid) => renderGrid(ctx, grid))
    .join('');
}
