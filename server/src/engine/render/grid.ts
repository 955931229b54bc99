/**
 * Table grids: each layout kind of the definition turned into rows of cells with their spans,
 * once, for every output (the HTML renderer and the .docx writer print the same grid). Nothing
 * here names a row or column: headers, spans and row order all come from the definition tree, so
 * another format revision lays out unchanged. Pure: depends on the definition only, not on a report.
 */
import { lookup } from '../format';
import type { CellNode, FormatDef, Node, PartDef, RowNode, TableLayout } from '../format';

/** What a header cell is, for styling (HTML class) and alignment. */
export type GridRole = 'caption' | 'corner' | 'label' | 'group-label';

export interface GridCell {
  /** A label (header cell): printed as is. Absent for a numeric cell. */
  text?: string;
  /** Path of the numeric cell printed here (the value comes from the report). */
  cell?: string;
  rowSpan: number;
  colSpan: number;
  /** A label cell (`<th>`), as opposed to a value (`<td>`). */
  header: boolean;
  /** Row labels read left-aligned like the official template; everything else is centered. */
  align: 'left' | 'center';
  role?: GridRole;
  /** Source key of a row-span group label (a preview jumps to it). */
  path?: string;
}

export interface GridRow {
  cells: GridCell[];
  /** Key path whose source line the row belongs to (the part itself for header rows). */
  path: string;
  /** Part of the table head (repeated on every page when printed). */
  head: boolean;
  /** The single value row of a `wide` table. */
  role?: 'data';
}

export interface TableGrid {
  kind: TableLayout['kind'];
  /** Key of the part the table prints. */
  part: string;
  rows: GridRow[];
  /** Width in grid columns: every row covers exactly this many once row spans from above count. */
  columns: number;
}

type Layout<K extends TableLayout['kind']> = Extract<TableLayout, { kind: K }>;

const label = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, rowSpan: 1, colSpan: 1, header: true, align: 'center', ...extra });
const value = (cell: string): GridCell => ({ cell, rowSpan: 1, colSpan: 1, header: false, align: 'center' });

function childrenOf(node: Node): Node[] {
  return node.kind === 'group' ? node.children : node.kind === 'row' ? node.cells : [];
}

/** Numeric cells under a node, in column order, with their paths. */
function leafCells(node: Node, path: string): { path: string; cell: CellNode }[] {
  if (node.kind === 'cell') return [{ path, cell: node }];
  return childrenOf(node).flatMap((c) => leafCells(c, `${path}/${c.key}`));
}

function leafRows(node: Node, path: string): { path: string; node: RowNode }[] {
  if (node.kind === 'row') return [{ path, node }];
  return node.kind === 'group' ? node.children.flatMap((c) => leafRows(c, `${path}/${c.key}`)) : [];
}

/** Several small tables, each: caption row, header row, one row per item (table 2). */
export function captionedGrids(format: FormatDef, part: PartDef, layout: Layout<'captioned'>): TableGrid[] {
  const base = part.node.key;
  return layout.blocks.map((block) => {
    const items = block.rows.flatMap((key) => {
      const loc = lookup(format, `${base}/${key}`);
      return loc && (loc.node.kind === 'row' || loc.node.kind === 'cell') ? [{ path: loc.path, node: loc.node }] : [];
    });
    const first = items[0]?.node;
    const columns = !first ? [] : first.kind === 'row' ? first.cells.map((c) => c.label) : [first.valueLabel ?? ''];
    const rows: GridRow[] = [
      { path: base, head: true, cells: [label(block.caption, { role: 'caption', colSpan: columns.length + 1 })] },
      { path: base, head: true, cells: [block.firstHeader, ...columns].map((text) => label(text)) },
      ...items.map(({ path, node }) => ({
        path,
        head: false,
        cells: [label(node.label, { role: 'label', align: 'left' }), ...leafCells(node, path).map((c) => value(c.path))],
      })),
    ];
    return { kind: 'captioned', part: base, rows, columns: columns.length + 1 };
  });
}

/** Rows of cells under a node (the numeric rows a row-span label must cover). */
function rowCount(node: Node): number {
  return node.kind === 'row' ? 1 : node.kind === 'group' ? node.children.reduce((n, c) => n + rowCount(c), 0) : 0;
}

/** Label columns the tree needs: a row at nesting level k uses column k and at least one more. */
function labelDepth(node: Node, level: number): number {
  if (node.kind === 'row') return level + 1;
  if (node.kind !== 'group') return 0;
  return node.children.reduce((d, c) => Math.max(d, labelDepth(c, level + 1)), 0);
}

/** The column headers of a matrix: one row, or two when adjacent columns share a group label. */
function matrixColumnHeads(columns: CellNode[]): GridCell[][] {
  if (!columns.some((c) => c.group !== undefined)) return [columns.map((c) => label(c.label))];
  // Adjacent columns with the same group share one merged header; the others span both rows.
  const groups: GridCell[] = [];
  for (let i = 0; i < columns.length; ) {
    const group = columns[i].group;
    let j = i + 1;
    while (group !== undefined && j < columns.length && columns[j].group === group) j++;
    groups.push(group === undefined ? label(columns[i].label, { rowSpan: 2 }) : label(group, { colSpan: j - i }));
    i = j;
  }
  return [groups, columns.filter((c) => c.group !== undefined).map((c) => label(c.label))];
}

/** Rows down, one shared column set across, nested groups as row-span labels (table 3). */
export function matrixGrid(part: PartDef, layout: Layout<'matrix'>): TableGrid {
  const base = part.node.key;
  const top = childrenOf(part.node);
  const labelColumns = Math.max(layout.rowLabelColumns, ...top.map((c) => labelDepth(c, 0)));
  const firstRow = leafRows(part.node, base)[0];
  const columns = firstRow ? firstRow.node.cells : [];
  const heads = matrixColumnHeads(columns);
  const rows: GridRow[] = [
    {
      path: base,
      head: true,
      cells: [
        label(layout.corner, { role: 'corner', rowSpan: heads.length + 1, colSpan: labelColumns }),
        label(layout.columnsHeader, { colSpan: columns.length }),
      ],
    },
    ...heads.map((cells) => ({ path: base, head: true, cells })),
  ];

  // A group's label opens on the first row below it, so labels wait here until a row is written.
  const pending: GridCell[] = [];
  const walk = (nodes: Node[], path: string, level: number): void => {
    for (const node of nodes) {
      const p = `${path}/${node.key}`;
      if (node.kind === 'group') {
        const count = rowCount(node);
        if (count === 0) continue;
        pending.push(label(node.label, { role: 'group-label', rowSpan: count, path: p }));
        walk(node.children, p, level + 1);
      } else if (node.kind === 'row') {
        const rowLabel = label(node.label, { role: 'label', align: 'left', colSpan: labelColumns - level });
        rows.push({ path: p, head: false, cells: [...pending, rowLabel, ...node.cells.map((c) => value(`${p}/${c.key}`))] });
        pending.length = 0;
      }
    }
  };
  walk(top, base, 0);
  return { kind: 'matrix', part: base, rows, columns: labelColumns + columns.length };
}

/** Header rows a node needs below the table: its own label row(s) plus the cell labels. */
function headerDepth(node: Node): number {
  if (node.kind === 'cell') return 1;
  const below = childrenOf(node).reduce((d, c) => Math.max(d, headerDepth(c)), 0);
  return below === 0 ? 0 : below + 1;
}

/** One line of values under a header built from the group tree (table 4). */
export function wideGrid(part: PartDef): TableGrid {
  const base = part.node.key;
  const top = childrenOf(part.node);
  const depth = top.reduce((d, c) => Math.max(d, headerDepth(c)), 0);
  const heads: GridCell[][] = Array.from({ length: depth }, () => []);
  // A node's label sits on header row `level`; cell labels stretch down to the last header row.
  const place = (node: Node, level: number): void => {
    if (node.kind === 'cell') {
      heads[level].push(label(node.label, { rowSpan: depth - level }));
      return;
    }
    const width = leafCells(node, '').length;
    if (width === 0) return;
    heads[level].push(label(node.label, { colSpan: width, role: 'group-label' }));
    for (const child of childrenOf(node)) place(child, level + 1);
  };
  for (const node of top) place(node, 0);
  const cells = top.flatMap((c) => leafCells(c, `${base}/${c.key}`));
  const rows: GridRow[] = [
    ...heads.map((h) => ({ path: base, head: true, cells: h })),
    { path: base, head: false, role: 'data', cells: cells.map((c) => value(c.path)) },
  ];
  return { kind: 'wide', part: base, rows, columns: cells.length };
}

/** The grids of a part printed as a table (several for a `captioned` layout). */
export function tableGrids(format: FormatDef, part: PartDef, layout: TableLayout): TableGrid[] {
  switch (layout.kind) {
    case 'captioned':
      return captionedGrids(format, part, layout);
    case 'matrix':
      return [matrixGrid(part, layout)];
    case 'wide':
      return [wideGrid(part)];
  }
}

/** A cell at its grid position; `continued` marks the rows a row span reaches below its start. */
export interface PlacedCell {
  cell: GridCell;
  column: number;
  continued: boolean;
}

/**
 * Every row of the grid with each cell at its column, including a `continued` entry wherever a
 * row span from above covers the row (Word's vertical merge needs a cell there). Throws when the
 * grid is not rectangular: a definition the layout cannot print.
 */
export function placeCells(grid: TableGrid): PlacedCell[][] {
  // spans[r][c]: the cell whose row span covers row r from column c (its first column) on.
  const spans: Map<number, GridCell>[] = grid.rows.map(() => new Map());
  const fail = (r: number, why: string): never => {
    throw new Error(`table ${grid.part}: row ${r + 1} ${why}`);
  };
  return grid.rows.map((row, r) => {
    const out: PlacedCell[] = [];
    let column = 0;
    const skipSpans = (): void => {
      for (let above = spans[r].get(column); above; above = spans[r].get(column)) {
        out.push({ cell: above, column, continued: true });
        column += above.colSpan;
      }
    };
    for (const cell of row.cells) {
      skipSpans();
      for (const start of spans[r].keys()) if (start > column && start < column + cell.colSpan) fail(r, 'has a cell under a row span');
      out.push({ cell, column, continued: false });
      for (let k = 1; k < cell.rowSpan; k++) {
        if (r + k >= grid.rows.length) fail(r, 'has a row span past the last row');
        spans[r + k].set(column, cell);
      }
      column += cell.colSpan;
    }
    skipSpans();
    if (column !== grid.columns) fail(r, `is ${column} columns wide, not ${grid.columns}`);
    return out;
  });
}
