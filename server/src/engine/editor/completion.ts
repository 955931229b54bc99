/**
 * Completion: the keys allowed where the cursor is and not yet written (with pinyin so `zrr`
 * finds 自然人), whole rows and tables of zeros, the report skeleton in an empty file, and values:
 * the computed sum on a 总计, the formats after 格式, recent years after 年度. Everything offered
 * comes from the format definition.
 */
import type { CompletionItem, MarkupContent, Position } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind } from 'vscode-languageserver-types';
import { childKeys, formats, lookup, SUBSECTION_KEYS, TABLE_NOTE_KEY } from '../format';
import type { FormatDef, Node, RowNode, ScalarNode } from '../format';
import { formatNumber as num } from '../i18n/messages';
import type { Report } from '../parse/types';
import type { Analysis } from './analysis';
import { docLink } from './analysis';
import { joinPath, slotAt } from './cursor';
import type { Slot } from './cursor';
import { eolOf } from '../write/edits';
import { equationsAt, explain, neededFrom } from './explain';
import { filterText, isAscii, matchRank } from './pinyin';
import { escapeSnippet, render, skeleton, tableText } from '../write/snippet';
import { COMPLETION_TEXT as TEXT } from '../i18n/completion';


/** Words offered besides the definition's keys (their pinyin is in pinyin-table.json). */
export const COMPLETION_WORDS = [TEXT['zh-CN'].skeleton];

/** `{自然人: ${1:0}, …, 总计: ${7:0}}`: every cell of the row, a tab stop on each zero. */
function rowSnippet(row: RowNode): string {
  return `{${row.cells.map((c, j) => `${escapeSnippet(c.key)}: \${${j + 1}:0}`).join(', ')}\\}$0`;
}

const markdown = (value: string): MarkupContent => ({ kind: MarkupKind.Markdown, value });
const order = (i: number) => String(i).padStart(3, '0');

export function complete(a: Analysis, pos: Position, now: Date = new Date()): CompletionItem[] {
  const { report, doc } = a.result;
  const text = TEXT[a.t.locale];
  if (report.text.trim() === '') return [skeletonItem(report, text, now)];
  const offset = report.lines.offset(pos);
  const slot = slotAt(report, doc, offset);
  if (!slot) return [];
  return slot.kind === 'key' ? keyItems(report, slot, text) : valueItems(a, slot, now);
}

/** One item replacing the whole (blank) file with the skeleton. */
function skeletonItem(report: Report, text: (typeof TEXT)['en'], now: Date): CompletionItem {
  const body = render(skeleton(report.format, now.getFullYear() - 1), true, eolOf(report.text));
  return {
    label: text.skeleton,
    kind: CompletionItemKind.Snippet,
    detail: text.skeletonDetail,
    filterText: [filterText(TEXT['zh-CN'].skeleton), TEXT.en.skeleton].join(' '),
    preselect: true,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    insertText: body,
    textEdit: { range: report.lines.range([0, report.text.length]), newText: body },
  };
}

const KIND: Record<Node['kind'], CompletionItemKind> = {
  group: CompletionItemKind.Module,
  row: CompletionItemKind.Struct,
  cell: CompletionItemKind.Field,
  text: CompletionItemKind.Text,
  section: CompletionItemKind.Text,
  scalar: CompletionItemKind.Property,
};

/** Keys of the mapping at the slot: the definition's children, plus 备注 on tables and 标题/正文 in sub-sections. */
function allowedKeys(def: FormatDef, parent: string, text: (typeof TEXT)['en']): Node[] {
  const segs = parent.split('/');
  const owner = segs.length > 1 ? lookup(def, segs.slice(0, -1).join('/')) : undefined;
  if (owner?.node.kind === 'section' && /^\d+$/.test(segs[segs.length - 1])) {
    return Object.values(SUBSECTION_KEYS).map((key) => ({ kind: 'text', key, label: key }));
  }
  // A copy: childKeys hands out the definition's own array.
  const nodes = [...childKeys(def, parent)];
  const loc = parent ? lookup(def, parent) : undefined;
  if (loc && loc.depth === 0 && loc.part.layout) nodes.push({ kind: 'text', key: TABLE_NOTE_KEY, label: TABLE_NOTE_KEY, description: text.note, optional: true });
  return nodes;
}

function documentation(node: Node, text: (typeof TEXT)['en']): MarkupContent | undefined {
  const lines = [node.description, node.kind === 'cell' ? text.unit(node.unit) : undefined].filter((l): l is string => !!l);
  return lines.length ? markdown(lines.join('\n\n')) : undefined;
}

function keyItems(report: Report, slot: Slot, text: (typeof TEXT)['en']): CompletionItem[] {
  const def = report.format;
  const range = report.lines.range(slot.span);
  const ascii = slot.typed !== '' && isAscii(slot.typed);
  const eol = eolOf(report.text);
  // Before a written key: `, ` in a flow mapping, a new line at the key column in a block.
  const sep = !slot.follows ? '' : slot.flow ? ', ' : eol + ' '.repeat(slot.column);
  const out: CompletionItem[] = [];
  allowedKeys(def, slot.parent, text).forEach((node, i) => {
    if (slot.present.has(node.key)) return;
    const rank = ascii ? matchRank(slot.typed, node.key) : 0;
    if (rank === undefined) return;
    const path = joinPath(slot.parent, node.key);
    const base = {
      kind: KIND[node.kind],
      detail: node.label,
      documentation: documentation(node, text),
      filterText: filterText(node.key),
    };
    // In front of a written key the insertion ends with its own separator and leaves the cursor on the value.
    const plain = sep ? { insertTextFormat: InsertTextFormat.Snippet, insert: `${escapeSnippet(node.key)}: $0${sep}` } : { insert: `${node.key}: ` };
    const rowFirst = node.kind === 'row' && !slot.flow;
    out.push({
      ...base,
      label: node.key,
      sortText: `${rank}${order(i)}${rowFirst ? 1 : 0}`,
      ...(plain.insertTextFormat ? { insertTextFormat: plain.insertTextFormat } : {}),
      insertText: plain.insert,
      textEdit: { range, newText: plain.insert },
    });
    if (slot.flow) return;
    // The same key with its whole value: a row of zeros, or a group/table scaffolded with zeros.
    let snippet: string | undefined;
    let detail: string | undefined;
    if (node.kind === 'row') {
      snippet = `${escapeSnippet(node.key)}: ${rowSnippet(node)}`;
      detail = text.row;
    } else if (node.kind === 'group') {
      const body = tableText(node, path, slot.column);
      if (body) snippet = escapeSnippet(body).replace(/\n/g, eol) + '$0';
      detail = slot.parent === '' ? text.table : text.group;
    }
    if (!snippet) return;
    snippet += sep;
    out.push({
      ...base,
      label: node.kind === 'row' ? `${node.key}: {…}` : `${node.key}: …`,
      kind: CompletionItemKind.Snippet,
      detail: `${node.label} — ${detail}`,
      // Where a row is expected the whole row comes first, so Enter gives a row and not a bare `key: `.
      sortText: `${rank}${order(i)}${rowFirst ? 0 : 1}`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      insertText: snippet,
      textEdit: { range, newText: snippet },
    });
  });
  return out.sort((x, y) => (x.sortText as string).localeCompare(y.sortText as string));
}

function valueItems(a: Analysis, slot: Slot, now: Date): CompletionItem[] {
  const { report } = a.result;
  const path = joinPath(slot.parent, slot.key ?? '');
  const loc = lookup(report.format, path);
  if (!loc) return [];
  // `key:|` needs the space YAML wants after the colon.
  const lead = /[:：]$/.test(report.text.slice(Math.max(0, slot.span[0] - 1), slot.span[0])) ? ' ' : '';
  const item = (label: string, i: number, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind: CompletionItemKind.Value,
    sortText: order(i),
    insertText: lead + label,
    textEdit: { range: report.lines.range(slot.span), newText: lead + label },
    ...extra,
  });
  const node = loc.node;
  if (node.kind === 'cell') return sumItems(a, path, slot.typed, item);
  if (node.kind === 'scalar') return scalarItems(node, now, item, TEXT[a.t.locale]);
  if (node.kind === 'row' && !slot.flow) {
    const snippet = rowSnippet(node);
    return [
      item('{…}', 0, {
        kind: CompletionItemKind.Snippet,
        detail: `${node.label} — ${TEXT[a.t.locale].row}`,
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: lead + snippet,
        textEdit: { range: report.lines.range(slot.span), newText: lead + snippet },
      }),
    ];
  }
  return [];
}

type MakeItem = (label: string, i: number, extra?: Partial<CompletionItem>) => CompletionItem;

/** On a total (or a balance cell): the value each relation checked there needs, sums first. */
function sumItems(a: Analysis, path: string, typed: string, item: MakeItem): CompletionItem[] {
  const { report } = a.result;
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  for (const eq of equationsAt(report.format, path)) {
    const { ev, text } = explain(report, eq, a.t.locale);
    const value = num(ev.needed);
    if (seen.has(value)) continue;
    seen.add(value);
    const link = docLink(a, eq.code);
    out.push(
      item(value, out.length, {
        // Offered over a wrong number too: prefixing what was typed keeps clients from filtering it out.
        filterText: typed + value,
        detail: neededFrom(report, eq),
        documentation: markdown(`${TEXT[a.t.locale].sum} (${link})\n\n${text}`),
        preselect: out.length === 0,
      }),
    );
  }
  return out;
}

function scalarItems(node: ScalarNode, now: Date, item: MakeItem, text: (typeof TEXT)['en']): CompletionItem[] {
  if (node.enum) {
    return node.enum.map((v, i) =>
      item(String(v), i, { detail: formats[String(v)]?.source ?? node.label, documentation: node.description ? markdown(node.description) : undefined, preselect: i === 0 }),
    );
  }
  // A year setting: an integer whose allowed range holds years. Last year first: reports are
  // written in the spring after the year they cover.
  const last = now.getFullYear() - 1;
  const inRange = (y: number) => (node.minimum === undefined || y >= node.minimum) && (node.maximum === undefined || y <= node.maximum);
  if (node.type !== 'integer' || node.minimum === undefined || !inRange(last)) return [];
  return [last, last + 1, last - 1]
    .filter(inRange)
    .map((y, i) => item(String(y), i, { detail: i === 0 ? text.lastYear : node.label, preselect: i === 0 }));
}
