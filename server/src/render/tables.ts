/**
 * Tables, one function per layout kind. Nothing here names a row or column: headers, spans and
 * row order all come from the definition tree, so another format revision renders unchanged.
 */
import { lookup } from '../format';
import type { CellNode, Node, PartDef, RowNode, TableLayout } from '../format';
import { renderCell } from './cells';
import { keyLine } from './context';
import type { RenderContext } from './context';
import { el, escapeHtml } from './escape';

type Layout<K extends TableLayout['kind']> = Extract<TableLayout, { kind: K }>;

const th = (text: string, attributes: Record<string, string | number | undefined> = {}): string =>
  el('th', { ...attributes, colspan: span(attributes.colspan), rowspan: span(attributes.rowspan) }, escapeHtml(text));

/** A span of 1 is the default; leaving it out keeps the markup like a hand-written table. */
function span(n: string | number | undefined): number | undefined {
  return typeof n === 'number' && n > 1 ? n : undefined;
}

const tr = (line: number, cells: string, className?: string): string => el('tr', { class: className, 'data-line': line }, cells);

function table(kind: string, base: string, head: string[], body: string[]): string {
  return el('table', { class: `xxgk-table ${kind}`, 'data-part': base }, `<thead>${head.join('')}</thead><tbody>${body.join('')}</tbody>`);
}

function childrenOf(node: Node): Node[] {
  return node.kind === 'group' ? node.children : node.kind === 'row' ? node.cells : [];
}

/** Numeric cells under a node, in column order, with their paths. */
function leafCells(node: Node, path: string): { path: string; cell: CellNode }[] {
  if (node.kind === 'cell') return [{ path, cell: node }];
  return childrenOf(node).flatMap((c) => leafCells(c, `${path}/${c.key}`));
}

/** Several small tables, each: caption row, header row, one row per item (table 2). */
export function renderCaptioned(ctx: RenderContext, part: PartDef, layout: Layout<'captioned'>): string {
  const base = part.node.key;
  const headLine = keyLine(ctx.report, base);
  return layout.blocks
    .map((block) => {
      const items = block.rows.flatMap((key) => {
        const loc = lookup(ctx.report.format, `${base}/${key}`);
        return loc && (loc.node.kind === 'row' || loc.node.kind === 'cell') ? [{ path: loc.path, node: loc.node }] : [];
      });
      const first = items[0]?.node;
      const columns = !first ? [] : first.kind === 'row' ? first.cells.map((c) => c.label) : [first.valueLabel ?? ''];
      const head = [
        tr(headLine, th(block.caption, { class: 'caption', colspan: columns.length + 1 })),
        tr(headLine, [block.firstHeader, ...columns].map((label) => th(label)).join('')),
      ];
      const body = items.map(({ path, node }) =>
        tr(keyLine(ctx.report, path), th(node.label, { class: 'label', scope: 'row' }) + leafCells(node, path).map((c) => renderCell(ctx, c.path)).join('')),
      );
      return table('captioned', base, head, body);
    })
    .join('');
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

/** Rows down, one shared column set across, nested groups as row-span labels (table 3). */
export function renderMatrix(ctx: RenderContext, part: PartDef, layout: Layout<'matrix'>): string {
  const base = part.node.key;
  const top = childrenOf(part.node);
  const labelColumns = Math.max(layout.rowLabelColumns, ...top.map((c) => labelDepth(c, 0)));
  const firstRow = leafRows(part.node, base)[0];
  const columns = firstRow ? firstRow.node.cells : [];
  const grouped = columns.some((c) => c.group !== undefined);
  const headRows = grouped ? 3 : 2;
  const headLine = keyLine(ctx.report, base);

  const head = [
    tr(headLine, th(layout.corner, { class: 'corner', rowspan: headRows, colspan: labelColumns }) + th(layout.columnsHeader, { colspan: columns.length })),
  ];
  if (grouped) {
    // Adjacent columns with the same group share one merged header; the others span both rows.
    let second = '';
    for (let i = 0; i < columns.length; ) {
      const group = columns[i].group;
      let j = i + 1;
      while (group !== undefined && j < columns.length && columns[j].group === group) j++;
      second += group === undefined ? th(columns[i].label, { rowspan: 2 }) : th(group, { colspan: j - i });
      i = j;
    }
    head.push(tr(headLine, second), tr(headLine, columns.filter((c) => c.group !== undefined).map((c) => th(c.label)).join('')));
  } else {
    head.push(tr(headLine, columns.map((c) => th(c.label)).join('')));
  }

  // A group's label opens on the first row below it, so labels wait here until a row is written.
  const body: string[] = [];
  const pending: string[] = [];
  const walk = (nodes: Node[], path: string, level: number): void => {
    for (const node of nodes) {
      const p = `${path}/${node.key}`;
      if (node.kind === 'group') {
        const rows = rowCount(node);
        if (rows === 0) continue;
        pending.push(th(node.label, { class: 'group-label', rowspan: rows, 'data-line': keyLine(ctx.report, p) }));
        walk(node.children, p, level + 1);
      } else if (node.kind === 'row') {
        const label = th(node.label, { class: 'label', scope: 'row', colspan: labelColumns - level });
        body.push(tr(keyLine(ctx.report, p), pending.join('') + label + node.cells.map((c) => renderCell(ctx, `${p}/${c.key}`)).join('')));
        pending.length = 0;
      }
    }
  };
  walk(top, base, 0);
  return table('matrix', base, head, body);
}

function leafRows(node: Node, path: string): { path: string; node: RowNode }[] {
  if (node.kind === 'row') return [{ path, node }];
  return node.kind === 'group' ? node.children.flatMap((c) => leafRows(c, `${path}/${c.key}`)) : [];
}

/** Header rows a node needs below the table: its own label row(s) plus the cell labels. */
function headerDepth(node: Node): number {
  if (node.kind === 'cell') return 1;
  const below = childrenOf(node).reduce((d, c) => Math.max(d, headerDepth(c)), 0);
  return below === 0 ? 0 : below + 1;
}

/** One line of values under a header built from the group tree (table 4). */
export function renderWide(ctx: RenderContext, part: PartDef): string {
  const base = part.node.key;
  const top = childrenOf(part.node);
  const depth = top.reduce((d, c) => Math.max(d, headerDepth(c)), 0);
  const rows: string[] = Array.from({ length: depth }, () => '');
  // A node's label sits on header row `level`; cell labels stretch down to the last header row.
  const place = (node: Node, level: number): void => {
    if (node.kind === 'cell') {
      rows[level] += th(node.label, { rowspan: depth - level });
      return;
    }
    const width = leafCells(node, '').length;
    if (width === 0) return;
    rows[level] += th(node.label, { colspan: width, class: 'group-label' });
    for (const child of childrenOf(node)) place(child, level + 1);
  };
  for (const node of top) place(node, 0);
  const headLine = keyLine(ctx.report, base);
  const cells = top.flatMap((c) => leafCells(c, `${base}/${c.key}`));
  return table(
    'wide',
    base,
    rows.map((r) => tr(headLine, r)),
    [tr(headLine, cells.map((c) => renderCell(ctx, c.path)).join(''), 'data')],
  );
}

export function renderTable(ctx: RenderContext, part: PartDef, layout: TableLayout): string {
  switch (layout.kind) {
    case 'captioned':
      return renderCaptioned(ctx, part, layout);
    case 'matrix':
      return renderMatrix(ctx, part, layout);
    case 'wide':
      return renderWide(ctx, part);
  }
}
