/**
 * The generated source text, walking the format definition: settings, prose as literal blocks,
 * tables through the same generator as New Report and the quick fixes (yamlText.ts), rows in flow
 * style one per line, blank cells as `key:` with nothing after it. The notes come first, as comments.
 */
import { stringify } from 'yaml';
import { SUBSECTION_KEYS, TABLE_NOTE_KEY } from '../format';
import type { FormatDef, Node } from '../format';
import { TABLE_STYLE } from '../write/snippet';
import { blockLines } from '../write/yamlText';
import type { BlockStyle } from '../write/yamlText';
import type { Values } from './fit';
import type { ProseItem } from './prose';

export interface SourceModel {
  def: FormatDef;
  /** Comment lines (without `# `). */
  header: string[];
  /** Values of the settings (年度, 机关, 标题…) by key; absent ones are left out or empty. */
  scalars: Record<string, string | number | undefined>;
  /** What to fill in, by key, for a required setting left without a value (emitted as a commented-out line). */
  hints?: Record<string, string>;
  /** Free text by path: 前言, 其他事项/正文, `<table>/备注`. */
  texts: Map<string, string>;
  /** Prose sections by key. */
  sections: Map<string, ProseItem[]>;
  values: Values;
}

const INDENT = TABLE_STYLE.step;

/** A one-line YAML scalar, quoted when it must be. */
export function yamlString(value: string): string {
  return stringify(value.replace(/[\r\n]+/g, ' '), { lineWidth: 0 }).trimEnd();
}

/** Control characters (C0, C1, line separators) cannot stand in a YAML literal block or comment. */
const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, '');

/** `key: |` and the text indented under it; `key:` alone when there is no text. */
function literal(key: string, text: string, indent: string): string[] {
  const lines = clean(text)
    .split('\n')
    .map((l) => l.trim());
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  if (lines.length === 0) return [`${indent}${key}:`];
  return [`${indent}${key}: |`, ...lines.map((l) => (l ? `${indent}${INDENT}${l}` : ''))];
}

function section(key: string, items: readonly ProseItem[] | undefined): string[] {
  if (!items || items.length === 0) return [`${key}:`];
  const text = (i: ProseItem) => i.paragraphs.join('\n\n');
  if (items.every((i) => i.title === undefined)) return literal(key, items.map(text).join('\n\n'), '');
  const out = [`${key}:`];
  const item = INDENT + INDENT;
  for (const i of items) {
    const lines: string[] = [];
    if (i.title !== undefined) lines.push(`${item}${SUBSECTION_KEYS.title}: ${yamlString(i.title)}`);
    if (i.paragraphs.length) lines.push(...literal(SUBSECTION_KEYS.body, text(i), item));
    // The first key of a list item sits after "- ".
    lines[0] = `${INDENT}- ${lines[0].slice(item.length)}`;
    out.push(...lines);
  }
  return out;
}

export function emitSource(model: SourceModel): string {
  const { def, values } = model;
  const present = (path: string) => [...values.keys()].some((p) => p === path || p.startsWith(`${path}/`));
  const style: BlockStyle = { ...TABLE_STYLE, keepOptional: present };
  const valueOf = (path: string) => {
    const v = values.get(path);
    return typeof v === 'number' ? String(v) : '';
  };
  // A comment is one line: line breaks inside a note (or a document's stray ones) become spaces.
  const out: string[] = model.header.map((l) => clean(l).replace(/\s*\n\s*/g, ' ')).map((l) => (l ? `# ${l}` : '#'));

  const table = (node: Node, path: string, indent: string): string[] => blockLines(node, path, indent, style, valueOf) ?? [];
  for (const part of def.parts) {
    const node = part.node;
    const key = node.key;
    if (node.kind === 'scalar') {
      if ((node.enum ?? []).map(String).includes(def.id)) {
        out.push(`${key}: ${def.id}`);
        continue;
      }
      const v = model.scalars[key];
      if (v === undefined || v === '') {
        // An empty value fails validation as a wrong value; the missing key is reported as missing,
        // and the commented-out line says what to write.
        const hint = model.hints?.[key];
        if (!node.optional) out.push(hint ? `# ${key}:    # ← ${hint}` : `${key}:`);
      } else out.push(`${key}: ${typeof v === 'number' ? v : yamlString(v)}`);
    } else if (node.kind === 'text') {
      const t = model.texts.get(key);
      if (t || !node.optional) out.push(...literal(key, t ?? '', ''));
    } else if (node.kind === 'section') {
      out.push(...section(key, model.sections.get(key)));
    } else if (node.kind === 'group' && node.children.some((c) => c.kind === 'text' || c.kind === 'section')) {
      // A part mixing rows and prose (六、其他需要报告的事项).
      out.push(`${key}:`);
      for (const child of node.children) {
        const path = `${key}/${child.key}`;
        if (child.kind === 'text' || child.kind === 'section') {
          const t = model.texts.get(path);
          if (t || !child.optional) out.push(...literal(child.key, t ?? '', INDENT));
        } else if (!child.optional || present(path)) out.push(...table(child, path, INDENT));
      }
    } else {
      out.push(...table(node, key, ''));
    }
    const note = model.texts.get(`${key}/${TABLE_NOTE_KEY}`);
    if (note) out.push(...literal(TABLE_NOTE_KEY, note, INDENT));
  }
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}
