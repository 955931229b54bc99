/**
 * The prose vocabulary of a format: every word a report uses for a row, group or column of the
 * tables named in `semantic.prose`, read from the definition (keys, official labels, aliases) and
 * the phrases it adds. Built once per format.
 */
import { allNodes, lookup } from './index';
import { bareLabel } from './bareLabel';
import type { FormatDef, Node } from './types';

export interface ProseTerm {
  word: string;
  /** A row or group (its total), or columns of the row named before it in the sentence. */
  kind: 'row' | 'column';
  /** kind row: the row or group path. */
  path: string;
  /** kind column: the column keys summed (a merged column header names several). */
  columns: string[];
  generic: boolean;
  alternatives: string[][];
  /** The total a share written after the number is a share of. */
  shareOf?: string;
}

export interface ProseTerms {
  byWord: Map<string, ProseTerm>;
  /** Every word, longest first, as one alternation (a global regex finds the leftmost-longest). */
  source: string;
  /** Compiled once: the words (global), a unit right after a number, any count in a text. */
  words: RegExp;
  unit: RegExp;
  anyCount: RegExp;
}

const cache = new WeakMap<FormatDef, ProseTerms>();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function proseTerms(def: FormatDef): ProseTerms {
  const hit = cache.get(def);
  if (hit) return hit;
  const vocab = def.semantic.prose;
  const byWord = new Map<string, ProseTerm>();
  const shareOf = (path: string) => vocab.shares.find((s) => path.startsWith(s.under + '/') && path !== s.total)?.total;
  const add = (word: string, term: Omit<ProseTerm, 'word'>) => {
    // A word of the definition stays with its first node; explicit phrases were added first.
    if (word.length < 2 || vocab.notWords.includes(word) || byWord.has(word)) return;
    byWord.set(word, { word, ...term });
  };
  for (const p of vocab.phrases) {
    for (const w of p.words) add(w, { kind: 'row', path: p.path, columns: [], generic: !!p.generic, alternatives: p.alternatives ?? [], shareOf: shareOf(p.path) });
  }
  const namesOf = (n: Node) => [n.key, bareLabel(n.label).replace(/[（(][^）)]*[）)]$/, ''), ...(n.aliases ?? []).map(bareLabel)];
  for (const loc of allNodes(def)) {
    if (!vocab.tables.some((t) => loc.path.startsWith(t + '/'))) continue;
    const n = loc.node;
    if (n.kind === 'row' || n.kind === 'group') {
      if (vocab.notWords.includes(n.key)) continue;
      for (const w of namesOf(n)) add(w, { kind: 'row', path: loc.path, columns: [], generic: false, alternatives: [], shareOf: shareOf(loc.path) });
    } else if (n.kind === 'cell' && !n.total && lookup(def, loc.path.slice(0, loc.path.lastIndexOf('/')))?.node.kind === 'row') {
      const row = loc.parent!.node;
      if (row.kind !== 'row' || vocab.notWords.includes(n.key)) continue;
      for (const w of namesOf(n)) add(w, { kind: 'column', path: '', columns: [n.key], generic: false, alternatives: [] });
      if (n.group) add(n.group, { kind: 'column', path: '', columns: row.cells.filter((c) => c.group === n.group).map((c) => c.key), generic: false, alternatives: [] });
    }
  }
  const source = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  const units = vocab.units.map(escape).join('|');
  const terms = { byWord, source, words: new RegExp(source || '(?!)', 'g'), unit: new RegExp(`^\\s*(?:${units})`), anyCount: new RegExp(`\\d\\s*(?:${units})`) };
  cache.set(def, terms);
  return terms;
}
