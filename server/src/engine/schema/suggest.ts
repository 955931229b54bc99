/**
 * "Did you mean" for unknown keys: official long labels and known aliases map to their short key;
 * otherwise the nearest key by edit distance, if it is near enough to be a typo.
 */
import { allNodes } from '../format';
import type { FormatDef, Node } from '../format';
import { bareLabel } from '../format/bareLabel';

const bare = bareLabel;

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export function suggestKey(key: string, candidates: Node[]): string | undefined {
  const k = bare(key);
  if (!k) return undefined;
  for (const c of candidates) {
    if (c.key === k || bare(c.label) === k || (c.aliases ?? []).some((a) => bare(a) === k)) return c.key;
  }
  let best: { key: string; d: number } | undefined;
  for (const c of candidates) {
    for (const name of [c.key, bare(c.label), ...(c.aliases ?? []).map(bare)]) {
      const d = name.includes(k) || k.includes(name) ? Math.abs(name.length - k.length) * 0.5 : distance(k, name);
      if (!best || d < best.d) best = { key: c.key, d };
    }
  }
  return best && best.d <= Math.max(1, Math.floor(k.length / 2)) ? best.key : undefined;
}

/** Exact label or alias matches anywhere in the definition below `parentPath`: the path to use. */
export function suggestElsewhere(def: FormatDef, key: string, parentPath: string): string | undefined {
  const k = bare(key);
  const prefix = parentPath ? parentPath + '/' : '';
  for (const loc of allNodes(def)) {
    if (!loc.path.startsWith(prefix) || loc.node.kind === 'cell') continue;
    const n = loc.node;
    if (n.key === k || bare(n.label) === k || (n.aliases ?? []).some((a) => bare(a) === k)) return loc.path.slice(prefix.length);
  }
  return undefined;
}
