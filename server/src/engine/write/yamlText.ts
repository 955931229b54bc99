/**
 * YAML source for definition nodes (rows of zeros, whole groups, empty sections), generated from
 * the format definition so no row or column is named here. Flow style (`{自然人: 0, …}`) or
 * block style (one key per line) to match what the file already uses.
 */
import type { Node } from '../format';

/** The number written into a generated cell, by cell path (0 unless a fix knows better). */
export type ValueOf = (path: string) => string;

export const zeros: ValueOf = () => '0';

/** Children a generated mapping gets: required ones; optional rows are left for the user unless `keep` says. */
function generatedChildren(node: Node, keep?: (child: Node) => boolean, omitTotals = false): Node[] {
  if (node.kind === 'row') return omitTotals ? node.cells.filter((c) => !c.total) : node.cells;
  if (node.kind === 'group') return node.children.filter((c) => !c.optional || (keep?.(c) ?? false));
  return [];
}

/** A value on one line: `0`, `{自然人: 0, …}`, `{行: {…}}`; undefined for settings (年度, 机关). */
export function flowValue(node: Node, path: string, valueOf: ValueOf = zeros, omitTotals = false): string | undefined {
  switch (node.kind) {
    case 'cell':
      return valueOf(path);
    case 'row':
    case 'group': {
      const items = generatedChildren(node, undefined, omitTotals).map((c) => {
        const v = flowValue(c, `${path}/${c.key}`, valueOf, omitTotals);
        return v === undefined ? undefined : `${c.key}: ${v}`;
      });
      return `{${items.filter((i) => i !== undefined).join(', ')}}`;
    }
    case 'text':
    case 'section':
      return '""';
    case 'scalar':
      return undefined;
  }
}

export interface BlockStyle {
  /** One indentation step, e.g. two spaces. */
  step: string;
  /** Rows written as flow mappings (`行: {…}`) rather than one cell per line. */
  flowRows: boolean;
  /** Optional children to write anyway, by path (the importer keeps a （七）总计 the document has). */
  keepOptional?: (path: string) => boolean;
  /** Leave out the total cells (`total` in the definition): the engine computes them and the inlay hint shows them. */
  omitTotals?: boolean;
}

/**
 * Lines (without line breaks) of `key: value` at `indent`. Prose parts get an empty value (YAML
 * null, which the format accepts for drafts); settings have no sensible default and give undefined.
 */
export function blockLines(node: Node, path: string, indent: string, style: BlockStyle, valueOf: ValueOf = zeros): string[] | undefined {
  const head = `${indent}${node.key}:`;
  switch (node.kind) {
    case 'cell':
      return [`${head} ${valueOf(path)}`];
    case 'text':
    case 'section':
      return [head];
    case 'scalar':
      return undefined;
    case 'row':
    case 'group': {
      if (node.kind === 'row' && style.flowRows) return [`${head} ${flowValue(node, path, valueOf, style.omitTotals)}`];
      // A block row is a mapping of cells, one per line, like a group of rows.
      const lines = [head];
      const keep = style.keepOptional;
      const children = generatedChildren(node, keep && ((c) => keep(`${path}/${c.key}`)), style.omitTotals);
      for (const child of children) lines.push(...(blockLines(child, `${path}/${child.key}`, indent + style.step, style, valueOf) ?? []));
      return lines;
    }
  }
}
