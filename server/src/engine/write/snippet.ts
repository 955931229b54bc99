/**
 * Insertions built as pieces (literal text and numbered tab stops), so one generator gives both
 * plain text (tests, checks) and LSP snippets (completion) without two code paths drifting apart.
 * The report skeleton lives here; tables and rows come from yamlText.ts, which walks the format
 * definition, so no row or label is written in this file.
 */
import { parse } from 'yaml';
import type { FormatDef, Node } from '../format';
import { blockLines, flowValue, zeros } from './yamlText';
import type { BlockStyle, ValueOf } from './yamlText';

/** A tab stop: `${tab:text}` in a snippet, `text` in plain output. */
export interface TabStop {
  tab: number;
  text: string;
}
export type Piece = string | TabStop;

/** Layout of generated tables, as in source-format.md: two-space steps, rows on one line. */
export const TABLE_STYLE: BlockStyle = { step: '  ', flowRows: true };
/**
 * A new report's tables: no 总计 cells. The engine computes an omitted total and the inlay hint
 * shows it, so typing a row's first numbers does not make written zero totals wrong mid-entry.
 */
const SKELETON_STYLE: BlockStyle = { ...TABLE_STYLE, omitTotals: true };

/** Literal snippet text must escape `$`, `}` and `\` (LSP snippet grammar). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

export function render(pieces: Piece[], snippet: boolean, eol = '\n'): string {
  const out = pieces.map((p) => {
    if (typeof p === 'string') return snippet ? escapeSnippet(p) : p;
    if (!snippet) return p.text;
    return p.text ? `\${${p.tab}:${escapeSnippet(p.text)}}` : `\${${p.tab}}`;
  });
  return out.join('').replace(/\n/g, eol);
}

/** `key:` and its zero-filled block (or flow row), at `indent`; the first line unindented. */
export function tableText(node: Node, path: string, indent: number, valueOf: ValueOf = zeros, style: BlockStyle = TABLE_STYLE): string | undefined {
  const lines = blockLines(node, path, ' '.repeat(indent), style, valueOf);
  if (!lines) return undefined;
  return lines.join('\n').slice(indent);
}

/** `{自然人: 0, …, 总计: 0}` for a row (every cell from the definition). */
export function zeroRow(node: Node, path: string): string | undefined {
  return node.kind === 'row' ? flowValue(node, path) : undefined;
}

/** Whether `value` reads back as itself when written unquoted after `key: ` (no quotes needed). */
function plainSafe(value: string): boolean {
  if (value === '' || /[\r\n\t]/.test(value) || value !== value.trim()) return false;
  try {
    const back: unknown = parse(`k: ${value}`);
    return typeof back === 'object' && back !== null && (back as Record<string, unknown>).k === value;
  } catch {
    return false;
  }
}

/** Inside a single-quoted YAML scalar only `'` needs escaping (doubled); line breaks would fold. */
function singleQuoted(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').replace(/'/g, "''");
}

/**
 * The whole report: the scalar selecting the format (the one whose enum lists `def.id`), every
 * required part, tables with zeros and no 总计 cells, prose as empty literal blocks with a tab stop to type into.
 * Nothing is a placeholder word: the artifact rule would rightly flag `XX` left in a report.
 * `strings` pre-fills string scalars by key (a new report's 机关); an optional one given there is
 * written too (next year's 上年报告). `valueOf` gives the cells' numbers (0 unless told).
 */
export function skeleton(def: FormatDef, year: number, strings: Readonly<Record<string, string>> = {}, valueOf: ValueOf = zeros): Piece[] {
  const pieces: Piece[] = [];
  let tab = 1;
  const prose = (key: string, indent: string): Piece[] => [`${indent}${key}: |\n${indent}  `, { tab: tab++, text: '' }];
  for (const part of def.parts) {
    const node = part.node;
    const selectsFormat = node.kind === 'scalar' && (node.enum ?? []).map(String).includes(def.id);
    if (node.optional && !selectsFormat && !(node.kind === 'scalar' && node.key in strings)) continue;
    if (pieces.length) pieces.push('\n');
    if (selectsFormat) pieces.push(`${node.key}: ${def.id}`);
    else if (node.kind === 'scalar' && node.type === 'integer') pieces.push(`${node.key}: `, { tab: tab++, text: String(year) });
    // A name that needs no quotes is written as people write it (`机关: 江州市生态环境局`); an empty
    // one keeps its quotes, so an untouched string stays a string ('' not null).
    else if (node.kind === 'scalar' && plainSafe(strings[node.key] ?? '')) pieces.push(`${node.key}: `, { tab: tab++, text: strings[node.key] });
    else if (node.kind === 'scalar') pieces.push(`${node.key}: '`, { tab: tab++, text: singleQuoted(strings[node.key] ?? '') }, "'");
    else if (node.kind === 'section' || node.kind === 'text') pieces.push(...prose(node.key, ''));
    else if (node.kind === 'group' && node.children.some((c) => c.kind === 'text')) {
      // A part mixing numbers and prose (六、其他事项): zeros for rows, a tab stop for the text.
      pieces.push(`${node.key}:`);
      for (const child of node.children) {
        if (child.optional) continue;
        pieces.push('\n');
        if (child.kind === 'text' || child.kind === 'section') pieces.push(...prose(child.key, TABLE_STYLE.step));
        else pieces.push(TABLE_STYLE.step + (tableText(child, `${node.key}/${child.key}`, TABLE_STYLE.step.length, valueOf, SKELETON_STYLE) ?? `${child.key}:`));
      }
    } else pieces.push(tableText(node, node.key, 0, valueOf, SKELETON_STYLE) ?? `${node.key}:`);
  }
  pieces.push('\n', { tab: 0, text: '' });
  return pieces;
}
