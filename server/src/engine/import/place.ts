/**
 * Placing a table section's rows into the cells of its definition, one function per layout kind
 * of the definition (captioned blocks: table 2; matrix: table 3; wide: table 4). Rows and columns
 * are found by the definition's labels and aliases; nothing here names a row.
 */
import { allCells, allNodes, rowsUnder } from '../format';
import type { CellNode, FormatDef, Located, Node, PartDef, RowNode } from '../format';
import type { CellText } from './cellValue';
import { rowAdmits } from './rowRules';
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

/** An exact hit by another wording than the node's own label or key (an alias: the other format's label). */
const byOtherWording = (hit: Hit<unknown>, node: Node) => hit.how === 'exact' && hit.form !== undefined && hit.form !== normalizeLabel(node.label) && hit.form !== normalizeLabel(node.key);

/** rowAdmits (rowRules.ts) over a row's cells as read: a cell not read as a number leaves its relations open. */
function rowRules(def: FormatDef, rowPath: string, cells: readonly CellRef[]): (values: readonly CellText[]) => boolean {
  const admits = rowAdmits(def, rowPath, cells.map((c) => c.path));
  return (values) => admits(values.map((c) => (c?.kind === 'number' ? c.value : undefined)));
}

/** Leaves a row's cells blank (it was not found or could not be read). */
function blankRow(sink: Sink, cells: readonly CellRef[]): void {
  for (const c of cells) if (!sink.values.has(c.path)) sink.values.set(c.path, null);
}

/**
 * A viewer's copy that printed several row labels, then all their numbers ("规章", "行政规范性文件",
 * 0 0 0 3 0 8): the run is cut when the last lines above it each name a row, in order, and those
 * rows' widths add up to the run.
 */
function cutCaptionedRuns(region: Region, targets: readonly Target<Node>[]): void {
  const widthOf = (n: Node) => cellsOf(n, '').length;
  region.rows = region.rows.flatMap((row) => {
    if (!row.run || row.used || row.label) return [row];
    const lines = row.context.split('\n').filter((l) => l.trim());
    const named: Node[] = [];
    let total = 0;
    for (let i = lines.length - 1; i >= 0 && total < row.cells.length; i--) {
      const hits = findTargets(normalizeLabel(lines[i]), targets, false);
      if (hits.length !== 1) break;
      named.unshift(hits[0].value);
      total += widthOf(hits[0].value);
    }
    if (named.length < 2 || total !== row.cells.length) return [row];
    const out: DataRow[] = [];
    let k = 0;
    named.forEach((node, i) => {
      const w = widthOf(node);
      const context = i === 0 ? lines.slice(0, lines.length - named.length + 1).join('\n') : lines[lines.length - named.length + i];
      out.push({ ...row, context, cells: row.cells.slice(k, k + w), raw: row.raw.slice(k, k + w) });
      k += w;
    });
    return out;
  });
}

/** Table 2: small captioned tables; each row is found by its label, anywhere in the section. */
export function placeCaptioned(def: FormatDef, part: PartDef, region: Region, sink: Sink): void {
  if (part.node.kind !== 'group') return;
  const children = part.node.children;
  const targets: Target<Node>[] = children.map((c) => ({ value: c, forms: formsOf(c) }));
  const placed = new Set<Node>();
  cutCaptionedRuns(region, targets);
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
    const written = row.label || lastLine(row.context);
    // A row placed by a near or partial label: its numbers are to check (an alias is an official wording).
    const fuzzy = hit?.how === 'typo' || !hit;
    if (fuzzy) sink.notes.push({ kind: 'note', path, message: hit ? sink.m.rowByTypo(target.label, written) : sink.m.rowByFragment(target.label, written) });
    else if (byOtherWording(hit, target)) sink.notes.push({ kind: 'note', path, message: sink.m.rowByAlias(target.label, written) });
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
  /** That label is written with a typo (found by `findTargets`' tolerance). */
  contextTypo?: boolean;
  /**
   * The row is labelled with a group of rows alone (the other format's single "（六）其他处理" row):
   * its numbers are the group's, not one of its rows'. Index in the group list.
   */
  group?: number;
}

/** Lines of context tried, from the end, for a label printed above the numbers with a typo. */
const CONTEXT_LINES = 3;

/**
 * `targets` are the expected rows (values 0…n−1) followed by the groups of rows (values n…): a
 * group's label is found and consumed before a shorter row label inside it ("其他" in "其他处理").
 */
function evidence(row: DataRow, targets: readonly Target<number>[], rows: number): Evidence {
  const isRow = (h: Hit<number>) => h.value < rows;
  const own = normalizeLabel(row.label);
  const ownAll = own ? findTargets(own, targets) : [];
  const ownHits = ownAll.filter(isRow);
  const rowTargets = targets.slice(0, rows);
  const fragments = own && ownAll.length === 0 ? fragmentOf(own, rowTargets) : [];
  const ctx = normalizeLabel(row.context);
  const contextAll = findTargets(ctx, targets, false);
  const context = contextAll.filter(isRow);
  const end = contextAll.reduce<Hit<number> | undefined>((best, h) => (!best || h.end > best.end ? h : best), undefined);
  const ev: Evidence = {
    own: ownHits,
    ownFragments: fragments.length <= 3 ? fragments : [],
    ownForeign: own.length > 0 && ownAll.length === 0 && (fragments.length === 0 || fragments.length > 3),
    context,
  };
  if (ownAll.length > 0 && ownHits.length === 0) ev.group = ownAll[0].value - rows;
  else if (!own && end && end.end >= ctx.length - 2) {
    // A group label between a row's label and its numbers (a merged cell centred beside the row).
    const before = isRow(end) ? undefined : context.find((h) => h.end <= end.start && h.end >= end.start - 2);
    if (isRow(end)) ev.contextEnd = end.value;
    else if (before) ev.contextEnd = before.value;
    else ev.group = end.value - rows;
  } else if (!own) {
    // The label above the numbers, written with a typo: the last line(s) of the context alone.
    const lines = row.context.split('\n').filter((l) => l.trim());
    for (let k = 1; k <= Math.min(CONTEXT_LINES, lines.length) && ev.contextEnd === undefined; k++) {
      const tail = normalizeLabel(lines.slice(-k).join(''));
      const hits = findTargets(tail, rowTargets);
      if (hits.length === 1 && hits[0].end >= tail.length - 2) {
        ev.contextEnd = hits[0].value;
        ev.contextTypo = hits[0].how === 'typo';
      }
    }
  }
  return ev;
}

/** Score of document row (evidence `e`) as expected row `j` (see align.ts). */
function score(e: Evidence, j: number): number {
  if (e.group !== undefined) return NEVER;
  if (e.own.length) {
    const hit = e.own.find((h) => h.value === j);
    if (!hit) return NEVER;
    if (e.own.length > 1) return 4;
    return hit.how === 'typo' ? 8 : 10;
  }
  if (e.ownFragments.length) return e.ownFragments.includes(j) ? 5 : NEVER;
  if (e.ownForeign) return NEVER;
  if (e.contextEnd === j) return e.contextTypo ? 3 : 4;
  if (e.context.some((h) => h.value === j)) return 2;
  return e.context.length ? 0 : 1;
}

/**
 * Rows of a PDF viewer's copy come as one run of values per label; a run of several times the
 * table's width (labels printed apart from their numbers) is cut into rows of that width. The
 * lines above the run are their labels, one line each, in order; what precedes stays with the first.
 */
function cutRuns(region: Region, width: number): void {
  region.rows = region.rows.flatMap((row) => {
    if (!row.run || row.used || row.cells.length <= width || row.cells.length % width !== 0) return [row];
    const count = row.cells.length / width;
    const lines = row.context.split('\n');
    const labels = lines.length >= count ? [lines.slice(0, lines.length - count + 1).join('\n'), ...lines.slice(lines.length - count + 1)] : [row.context];
    const out: DataRow[] = [];
    for (let k = 0; k < count; k++) {
      const cells = row.cells.slice(k * width, (k + 1) * width);
      out.push({ ...row, context: labels[k] ?? '', cells, raw: row.raw.slice(k * width, (k + 1) * width) });
    }
    return out;
  });
}

/** Table 3: rows down, one column set across; rows aligned in order with the definition's rows. */
export function placeMatrix(def: FormatDef, part: PartDef, region: Region, sink: Sink): void {
  const expected: Located<RowNode>[] = rowsUnder(def, part.node.key);
  if (expected.length === 0) return;
  const width = expected[0].node.cells.length;
  const groups = allNodes(def).filter((l) => l.path.startsWith(`${part.node.key}/`) && l.node.kind === 'group' && l.node.children.some((c) => c.kind === 'row'));
  const targets: Target<number>[] = [
    ...expected.map((loc, j) => ({ value: j, forms: [...new Set([...spellings(loc), normalizeLabel(loc.node.key)])] })),
    ...groups.map((loc, g) => ({ value: expected.length + g, forms: spellings(loc) })),
  ];
  cutRuns(region, width);
  // Whether the document prints any row of group `g` (forms of three characters or more: "其他" is
  // a column label too).
  const printed = normalizeLabel(region.texts.join(''));
  const childSeen = (g: number) => rowsUnder(def, groups[g].path).some((r) => spellings(r).some((f) => f.length >= 3 && printed.includes(f)));
  const candidates: { row: DataRow; ev: Evidence; cells: ReturnType<typeof fitValues> }[] = [];
  for (const row of region.rows) {
    if (row.used) continue;
    const ev = evidence(row, targets, expected.length);
    // A group label printed just above numbers, when the group's rows are printed too, is the
    // label of a misplaced row, not a row of its own.
    if (ev.group !== undefined && !row.label && childSeen(ev.group)) ev.group = undefined;
    if (ev.group !== undefined) {
      // One row for a group the format divides (the 2019 format's single （六）其他处理 in a 2021 table):
      // its numbers belong to no single row of this format, so none is written.
      const loc = groups[ev.group];
      const rowsOf = rowsUnder(def, loc.path).map((r) => r.node.label);
      row.used = true;
      sink.notes.push({ kind: 'unplaced', path: loc.path, message: sink.m.groupRow(loc.node.label, rowsOf, row.raw.join(' | ').replace(/^(?:\s*\|)+\s*/, '')) });
      continue;
    }
    // The row's label: its own, or in a viewer's copy (values one per line, several of them) the
    // line right above; a lone number under a label is no such row (a stray of an extraction).
    const namedBy = ev.own.length === 1 ? ev.own[0].value : row.run && row.cells.length > 1 ? ev.contextEnd : undefined;
    const named = namedBy !== undefined ? expected[namedBy] : undefined;
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
    else if (!own && ev.contextEnd === j && ev.contextTypo) sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByTypo(loc.node.label, lastLine(row.context)) });
    else if (!own && ev.ownFragments.length) sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByFragment(loc.node.label, row.label) });
    else if (!own && ev.contextEnd !== j) sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByPosition(loc.node.label, row.context.replace(/\n/g, '')) });
    else {
      fuzzy = false;
      if (own && byOtherWording(own, loc.node)) sink.notes.push({ kind: 'note', path: loc.path, message: sink.m.rowByAlias(loc.node.label, row.label) });
    }
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
