/**
 * The registry of format definitions and the queries every feature uses to read them.
 */
import { format2019 } from './format2019';
import { format2021 } from './format2021';
import { bareLabel } from './bareLabel';
import type { CellNode, Equation, FormatDef, Node, PartDef, RowNode } from './types';

export * from './types';

export const formats: Record<string, FormatDef> = { [format2021.id]: format2021, [format2019.id]: format2019 };
export const defaultFormat = format2021;

export function getFormat(id: unknown): FormatDef | undefined {
  return formats[String(id ?? defaultFormat.id)];
}

/** The newest format issued for a report of `year` (undefined before the first format). */
export function currentFormat(year: number): FormatDef | undefined {
  return Object.values(formats)
    .filter((f) => f.appliesFrom <= year)
    .sort((a, b) => b.appliesFrom - a.appliesFrom)[0];
}

/** A node of the definition tree with its `/`-joined key path. */
export interface Located<N extends Node = Node> {
  path: string;
  node: N;
  part: PartDef;
  parent?: Located;
  depth: number;
}

interface FormatIndex {
  all: Map<string, Located>;
  cells: Located<CellNode>[];
  equations: Equation[];
}

const indexes = new WeakMap<FormatDef, FormatIndex>();

function childrenOf(node: Node): Node[] {
  if (node.kind === 'group') return node.children;
  if (node.kind === 'row') return node.cells;
  return [];
}

function buildIndex(def: FormatDef): FormatIndex {
  const all = new Map<string, Located>();
  const cells: Located<CellNode>[] = [];
  const visit = (node: Node, part: PartDef, parent: Located | undefined) => {
    const path = parent ? `${parent.path}/${node.key}` : node.key;
    const loc: Located = { path, node, part, parent, depth: parent ? parent.depth + 1 : 0 };
    all.set(path, loc);
    if (node.kind === 'cell') cells.push(loc as Located<CellNode>);
    for (const child of childrenOf(node)) visit(child, part, loc);
  };
  for (const part of def.parts) visit(part.node, part, undefined);
  const index: FormatIndex = { all, cells, equations: [] };
  indexes.set(def, index);
  index.equations = expandRelations(def);
  return index;
}

function indexOf(def: FormatDef): FormatIndex {
  return indexes.get(def) ?? buildIndex(def);
}

/** The path of the item holding `path` ('' for a top-level key). */
export function parentPath(path: string): string {
  return path.slice(0, Math.max(0, path.lastIndexOf('/')));
}

/** The last key of a path. */
export function lastKey(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function lookup(def: FormatDef, path: string): Located | undefined {
  return indexOf(def).all.get(path);
}

export function allNodes(def: FormatDef): Located[] {
  return [...indexOf(def).all.values()];
}

export function allCells(def: FormatDef): Located<CellNode>[] {
  return indexOf(def).cells;
}

export function equations(def: FormatDef): Equation[] {
  return indexOf(def).equations;
}

/** Rows (mappings of cells) at or below `path`, in document order. */
const rowsCache = new WeakMap<FormatDef, Map<string, Located<RowNode>[]>>();

export function rowsUnder(def: FormatDef, path: string): Located<RowNode>[] {
  // Asked for again and again by the rules (each prose number, each total): kept per format.
  let byPath = rowsCache.get(def);
  if (!byPath) rowsCache.set(def, (byPath = new Map()));
  const hit = byPath.get(path);
  if (hit) return hit;
  const out: Located<RowNode>[] = [];
  byPath.set(path, out);
  for (const loc of indexOf(def).all.values()) {
    if (loc.node.kind === 'row' && (loc.path === path || loc.path.startsWith(path + '/'))) out.push(loc as Located<RowNode>);
  }
  return out;
}

/** Expand the compact relation declarations into one equation per row or column. */
function expandRelations(def: FormatDef): Equation[] {
  const out: Equation[] = [];
  for (const rel of def.relations) {
    if (rel.kind === 'row-sum') {
      for (const row of rowsUnder(def, rel.table)) {
        const total = row.node.cells.find((c) => c.total);
        if (!total) continue;
        out.push({
          code: rel.code,
          lhs: [`${row.path}/${total.key}`],
          rhs: row.node.cells.filter((c) => c !== total).map((c) => `${row.path}/${c.key}`),
          anchor: `${row.path}/${total.key}`,
          isSum: true,
        });
      }
    } else if (rel.kind === 'column-sum') {
      const totalRow = `${rel.group}/${rel.total}`;
      const rows = rowsUnder(def, rel.group).filter((r) => r.path !== totalRow);
      const total = lookup(def, totalRow);
      if (!total || total.node.kind !== 'row') throw new Error(`format ${def.id}: ${totalRow} is not a row`);
      for (const cell of total.node.cells) {
        out.push({
          code: rel.code,
          lhs: [`${totalRow}/${cell.key}`],
          rhs: rows.map((r) => `${r.path}/${cell.key}`),
          anchor: `${totalRow}/${cell.key}`,
          isSum: true,
        });
      }
    } else {
      const anchorRow = lookup(def, rel.anchor);
      if (!anchorRow || anchorRow.node.kind !== 'row') throw new Error(`format ${def.id}: ${rel.anchor} is not a row`);
      for (const cell of anchorRow.node.cells) {
        out.push({
          code: rel.code,
          lhs: rel.lhs.map((p) => `${p}/${cell.key}`),
          rhs: rel.rhs.map((p) => `${p}/${cell.key}`),
          anchor: `${rel.anchor}/${cell.key}`,
          isSum: false,
        });
      }
    }
  }
  return out;
}

/** All keys a user may write at `parentPath` ('' for the top level), with their definition nodes. */
export function childKeys(def: FormatDef, parentPath: string): Node[] {
  if (parentPath === '') return def.parts.map((p) => p.node);
  const loc = lookup(def, parentPath);
  return loc ? childrenOf(loc.node) : [];
}

/**
 * The child of `parentPath` that `key` names by its official label or an alias (属于国家秘密 for
 * 国家秘密), if any: such a key is an error (unknown-key) but its values are the row's.
 */
export function labelledChild(def: FormatDef, parentPath: string, key: string): Node | undefined {
  const k = bareLabel(key);
  if (!k) return undefined;
  return childKeys(def, parentPath).find((c) => c.key !== key && (bareLabel(c.label) === k || (c.aliases ?? []).some((a) => bareLabel(a) === k)));
}

/** Keys allowed on any table in addition to its rows. */
export const TABLE_NOTE_KEY = '备注';
/** Keys of a sub-section item in a prose section. */
export const SUBSECTION_KEYS = { title: '标题', body: '正文' } as const;

/**
 * Short name of a term within its equation: what varies between the equation's cells (the column
 * of a row total, the row of a column total). A row sharing its key with one of its columns (the
 * 总计 row, the 其他 row) is named by its official label so `总计` stays unambiguous.
 */
export function termName(def: FormatDef, eq: Equation, path: string): string {
  const all = [...eq.lhs, ...eq.rhs].map((p) => p.split('/'));
  const segs = path.split('/');
  let prefix = 0;
  while (all.every((s) => s.length > prefix + 1 && s[prefix] === all[0][prefix])) prefix++;
  let suffix = 0;
  while (all.every((s) => s.length > prefix + suffix + 1 && s[s.length - 1 - suffix] === all[0][all[0].length - 1 - suffix])) suffix++;
  const nodePath = segs.slice(0, segs.length - suffix).join('/');
  const node = lookup(def, nodePath)?.node;
  const key = segs[segs.length - 1 - suffix];
  if (node?.kind === 'row' && node.cells.some((c) => c.key === node.key)) return node.label;
  return key;
}
