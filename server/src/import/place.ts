/**
 * Placing a table section's rows into the cells of its definition, one function per layout kind
 * of the definition (captioned blocks: table 2; matrix: table 3; wide: table 4). Rows and columns
 * are found by the definition's labels and aliases; nothing here names a row.
 */
import { allCells, allNodes, equations, rowsUnder } from '../format';
import type { CellNode, FormatDef, Located, Node, PartDef, RowNode } from '../format';
import type { CellText } from './cellValue';
import { align, NEVER } from './align';
import { spellings } from './detect';
import { assign, fitValues } from './fit';
import type { Sink } from './fit';
import { findTargets, fragmentOf, normalizeLabel } from './normalize';
import type { Hit, Target } from './normalize';
import type { DataRow, Region } from './rows';

interface CellRef {
  path: string;
  node: CellNode;
}

const lastLine = (text: string) => text.split('\n').pop() ?? '';

function cellsOf(node: Node, path: string): CellRef[] {
  if (node.kind === 'row') return node.cells.map((c) => ({ path: `${path}/${c.key}`, node: c }));
  if (node.kind === 'cell') return [{ path, node }];
  return [];
}

const formsOf = (node: Node) => [...new Set([node.label, node.key, ...(node.aliases ?? [])].map(normalizeLabel).filter(Boolean))];

/**
 * What the format says a row's values must satisfy on their own, to choose among the readings of a
 * row with a cell split in two: every equation whose cells all lie in the row (总计 = the six columns),
 * and an inventory's stock never below this year's additions less removals (the stock of last year
 * is not negative). Cells not read as numbers leave their relation open.
 */
function rowRules(def: FormatDef, rowPath: string, cells: readonly CellRef[]): (values: readonly CellText[]) => boolean {
  const index = new Map(cells.map((c, k) => [c.path, k]));
  const inRow = (paths: readonly string[]) => paths.every((p) => index.has(p));
  const sums = equations(def).filter((eq) => inRow([...eq.lhs, ...eq.rhs]));
  const stocks = (def.crossYear?.inventory?.rows ?? []).filter((r) => r.row === rowPath);
  return (values) => {
    const value = (path: string): number | undefined => {
      const c = values[index.get(path) ?? -1];
      return c?.kind === 'number' ? c.value : undefined;
    };
    const total = (paths: readonly string[]) => paths.reduce<number | undefined>((a, p) => (a === undefined || value(p) === undefined ? undefined : a + (value(p) as number)), 0);
    for (const eq of sums) {
      const l = total(eq.lhs);
      const r = total(eq.rhs);
      if (l !== undefined && r !== undefined && Math.abs(l - r) > 1e-9) return false;
    }
    for (const s of stocks) {
      const [stock, added, removed] = [s.stock, s.added, s.removed].map((c) => value(`${rowPath}/${c}`));
      if (stock !== undefined && added !== undefined && removed !== undefined && stock < added - removed) return false;
    }
    return true;
  };
}

/** Leaves a row's cells blank (it was not found or could not be read). */
function blankRow(sink: Sink, cells: readonly CellRef[]): void {
  for (const c of cells) if (!sink.values.has(c.path)) sink.values.set(c.path, null);
}

/** Table 2: small captioned tables; each row is found by its label, anywhere in the section. */
export function placeCaptioned(def: FormatDef, part: PartDef, region: Region, sink: Sink): void {
  if (part.node.kind !== 'group') return;
  const children = part.node.children;
  const targets: Target<Node>[] = children.map((c) => ({ value: c, forms: formsOf(c) }));
  const placed = new Set<Node>();
  for (const row of region.rows) {
    if (row.used) continue;
    const text = normalizeLabel(row.label || lastLine(row.context));
    const hits = findTargets(text, targets);
    // Of several labels on the line, the one nearest the numbers.
    const hit = hits.sort((a, b) => b.end - a.end)[0];
    const fragments = hit ? [] : fragmentOf(text, targets);
    const target = hit?.value ?? (fragments.length === 1 ? fragments[0] : undefined);
    if (!target) continue;
    row.used = true;
    const path = `${part.node.key}/${target.key}`;
    const cells = cellsOf(target, path);
    if (placed.has(target)) {
      sink.notes.push({ kind: 'unplaced', path, message: sink.m.rowTwice(target.label, row.raw.join(' | ')) });
      continue;
    }
    placed.add(target);
    const fuzzy = hit?.how === 'typo' || !hit;
    if (fuzzy) sink.notes.push({ kind: 'note', path, message: hit ? sink.m.rowByTypo(target.label, row.label) : sink.m.rowByFragment(target.label, row.label) });
    const fit = fitValues(row.cells, row.raw, cells.length, target.label, sink.m, row.aligned, rowRules(def, path, cells));
    if (!fit.ok) {
      sink.notes.push({ kind: 'unplaced', path, message: fit.note });
      blankRow(sink, cells);
      continue;
    }
    if (fit.note) sink.notes.push({ kind: fit.ambiguous ? 'unplaced' : 'note', path, message: fit.note });
    assign(sink, path, target.label, cells, fit.cells, { row: fuzzy, cell: fit.merged });
  }
  for (const child of children) {
    if (placed.has(child) || child.optional) continue;
    const path = `${part.node.key}/${child.key}`;
    sink.notes.push({ kind: 'unplaced', path, message: sink.m.rowNotFound(child.label) });
    blankRow(sink, cellsOf(child, path));
  }
}

/** What a label says about which expected rows a document row can be. */
interface Evidence {
  own: Hit<number>[];
  ownFragments: number[];
  /** The row has an own label that names no row of the table (a subtotal row an agency added). */
  ownForeign: boolean;
  context: Hit<number>[];
  /** The context hit that ends the context: the label printed right above the numbers. */
  contextEnd?: number;
}

function evidence(row: DataRow, targets: readonly Target<number>[]): Evidence {
  const own = normalizeLabel(row.label);
  const ownHits = own ? findTargets(own, targets) : [];
  const fragments = own && ownHits.length === 0 ? fragmentOf(own, targets) : [];
  const ctx = normalizeLabel(row.context);
  const context = findTargets(ctx, targets, false);
  const end = context.reduce<Hit<number> | undefined>((best, h) => (!best || h.end > best.end ? h : best), undefined);
  return {
    own: ownHits,
    ownFragments: fragments.length <= 3 ? fragments : [],
    ownForeign: own.length > 0 && ownHits.length === 0 && (fragments.length === 0 || fragments.length > 3),
    context,
    contextEnd: end && end.end >= ctx.length - 2 ? end.value : undefined,
  };
}

/** Score of document row (evidence `e`) as expected row `j` (see align.ts). */
function score(e: Evidence, j: number): number {
  if (e.own.length) {
    const hit = e.own.find((h) => h.value === j);
    if (!hit) return NEVER;
    if (e.own.length > 1) return 4;
    return hit.how === 'typo' ? 8 : 10;
  }
  if (e.ownFragments.length) return e.ownFragments.includes(j) ? 5 : NEVER;
  if (e.ownForeign) return NEVER;
  if (e.contextEnd === j) return 4;
  if (e.context.some((h) => h.value === j)) return 2;
  return e.context.length ? 0 : 1;
}

/** Groups of rows (不予公开, 其他处理, …) under a table, by their labels; groups of groups (办理结果) are headings. */
function groupTargets(def: FormatDef, part: PartDef): Target<Located>[] {
  return allNodes(def)
    .filter((l) => l.node.kind === 'group' && l.path.startsWith(`${part.node.key}/`) && l.node.children.length > 1 && l.node.children.every((c) => c.kind === 'row'))
    .map((l) => ({ value: l, forms: formsOf(l.node).filter((f) => f.length >= 3) }));
}

/**
 * The group a row's own label names when it names nothing else: "（六）其他处理" alone is the group
 * printed as one row, while "（六）其他处理 3.其他" (a group label beside its row) names the row 其他.
 */
function groupRow(row: DataRow, rows: readonly Target<number>[], groups: readonly Target<Located>[]): Located | undefined {
  const own = normalizeLabel(row.label);
  if (!own || groups.length === 0) return undefined;
  const [group] = findTargets(own, groups, false);
  if (!group) return undefined;
  const rest = own.slice(0, group.start) + own.slice(group.end);
  return findTargets(rest, rows, false).length === 0 && fragmentOf(rest, rows).length === 0 ? group.value : undefined;
}

/** Table 3: rows down, one column set across; rows aligned in order with the definition's rows. */
export function placeMatrix(def: FormatDef, part: PartDef, region: Region, sink: Sink): void {
  const expected: Located<RowNode>[] = rowsUnder(def, part.node.key);
  if (expected.length === 0) return;
  const width = expected[0].node.cells.length;
  const targets: Target<number>[] = expected.map((loc, j) => ({ value: j, forms: [...new Set([...spellings(loc), normalizeLabel(loc.node.key)])] }));
  const candidates: { row: DataRow; ev: Evidence; cells: ReturnType<typeof fitValues> }[] = [];
  const groups = groupTargets(def, part);
  for (const row of region.rows) {
    if (row.used) continue;
    const group = groupRow(row, targets, groups);
    if (group) {
      // A group printed as one row (（六）其他处理 in the 2019 layout): its numbers belong to no single
      // row of this format, so none is written; the rows stay blank and the note quotes the numbers.
      row.used = true;
      const children = expected.filter((l) => l.path.startsWith(`${group.path}/`));
      sink.notes.push({ kind: 'unplaced', path: group.path, message: sink.m.groupAsRow(group.node.label, row.raw.join(' | '), children.map((c) => c.node.label)) });
      for (const c of children) blankRow(sink, cellsOf(c.node, c.path));
      continue;
    }
    const ev = evidence(row, targets);
    const named = ev.own.length === 1 ? expected[ev.own[0].value] : undefined;
    // Before alignment the row is not known yet: a row total holds for every row of this table.
    const rules = rowRules(def, expected[0].path, cellsOf(expected[0].node, expected[0].path));
    const fit = fitValues(row.cells, row.raw, width, named?.node.label ?? lastLine(row.label || row.context), sink.m, row.aligned, rules);
    if (fit.ok) candidates.push({ row, ev, cells: fit });
    else if (named) {
      // A row of this table by its label, with the wrong number of values: said, not guessed.
      row.used = true;
      sink.notes.push({ kind: 'unplaced', path: named.path, message: fit.note });
      blankRow(sink, cellsOf(named.node, named.path));
    }
  }
  const matches = align(candidates.length, expected.length, (i, j) => score(candidates[i].ev, j));
  const placed = new Set<number>();
  matches.forEach((j, i) => {
    if (j === undefined || score(candidates[i].ev, j) <= NEVER) return;
    const { row, ev, cells } = candidates[i];
    if (!cells.ok) return;
    const loc = expected[j];
    row.used = true;
    placed.add(j);
    const own = ev.own.find((h) => h.value === j);
    let fuzzy = true;
    if (own?.how === 'typo') sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByTypo(loc.node.label, row.label) });
    else if (!own && ev.ownFragments.length) sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByFragment(loc.node.label, row.label) });
    else if (!own && ev.contextEnd !== j) sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByPosition(loc.node.label, row.context.replace(/\n/g, '')) });
    else fuzzy = false;
    if (cells.note) sink.notes.push({ kind: cells.ambiguous ? 'unplaced' : 'note', path: loc.path, message: cells.note });
    assign(sink, loc.path, loc.node.label, cellsOf(loc.node, loc.path), cells.cells, { row: fuzzy, cell: cells.merged });
  });
  expected.forEach((loc, j) => {
    if (placed.has(j) || loc.node.optional || [...sink.values.keys()].some((p) => p.startsWith(`${loc.path}/`))) return;
    sink.notes.push({ kind: 'unplaced', path: loc.path, message: sink.m.rowNotFound(loc.node.label) });
    blankRow(sink, cellsOf(loc.node, loc.path));
  });
  // The column headers, for the record: values are read in the definition's column order.
  const header = normalizeLabel(region.texts.join(''));
  const missing = expected[0].node.cells.filter((c) => !formsOf(c).some((f) => header.includes(f))).map((c) => c.label);
  if (missing.length && placed.size) sink.notes.push({ kind: 'note', path: part.node.key, message: sink.m.columnsNotFound(missing) });
}

/** Table 4: one line of values under a header; 1–5 复议, 6–10 直接起诉, 11–15 复议后起诉. */
export function placeWide(def: FormatDef, part: PartDef, region: Region, sink: Sink): void {
  const rows: Located<RowNode>[] = rowsUnder(def, part.node.key);
  const all = allCells(def).filter((c) => c.path.startsWith(`${part.node.key}/`));
  const writeAll = (cells: ReturnType<typeof fitValues>) => {
    if (!cells.ok) return;
    let k = 0;
    for (const loc of rows) {
      const refs = cellsOf(loc.node, loc.path);
      const merged = cells.merged !== undefined && cells.merged >= k && cells.merged < k + refs.length ? cells.merged - k : undefined;
      assign(sink, loc.path, loc.node.label, refs, cells.cells.slice(k, k + refs.length), { cell: merged });
      k += refs.length;
    }
  };
  const free = region.rows.filter((r) => !r.used);
  // One row holding all the values.
  for (const row of free) {
    const fit = fitValues(row.cells, row.raw, all.length, part.node.label, sink.m, row.aligned);
    if (!fit.ok) continue;
    row.used = true;
    if (fit.note) sink.notes.push({ kind: fit.ambiguous ? 'unplaced' : 'note', path: part.node.key, message: fit.note });
    writeAll(fit);
    return;
  }
  // One row per 复议/诉讼 kind, found by label.
  const targets: Target<number>[] = rows.map((loc, j) => ({ value: j, forms: spellings(loc) }));
  const byLabel = new Map<number, DataRow>();
  for (const row of free) {
    const hits = findTargets(normalizeLabel(row.label || lastLine(row.context)), targets, false);
    const j = hits.sort((a, b) => b.end - a.end)[0]?.value;
    if (j !== undefined && !byLabel.has(j) && fitValues(row.cells, row.raw, rows[j].node.cells.length, '', sink.m, row.aligned).ok) byLabel.set(j, row);
  }
  if (byLabel.size === rows.length) {
    for (const [j, row] of byLabel) {
      const loc = rows[j];
      const fit = fitValues(row.cells, row.raw, loc.node.cells.length, loc.node.label, sink.m, row.aligned);
      row.used = true;
      if (!fit.ok) continue;
      if (fit.note) sink.notes.push({ kind: fit.ambiguous ? 'unplaced' : 'note', path: loc.path, message: fit.note });
      assign(sink, loc.path, loc.node.label, cellsOf(loc.node, loc.path), fit.cells, { cell: fit.merged });
    }
    return;
  }
  // The run broken over several lines of numbers.
  for (let start = 0; start < free.length; start++) {
    let count = 0;
    for (let end = start; end < free.length && !free[end].label && count < all.length; end++) {
      count += free[end].cells.length;
      if (count !== all.length) continue;
      const run = free.slice(start, end + 1);
      for (const r of run) r.used = true;
      writeAll({ ok: true, cells: run.flatMap((r) => r.cells) });
      return;
    }
  }
  sink.notes.push({ kind: 'unplaced', path: part.node.key, message: sink.m.appealNotFound() });
  for (const c of all) sink.values.set(c.path, null);
}
