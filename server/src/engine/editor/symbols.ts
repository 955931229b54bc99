/**
 * Outline and folding. The outline follows the definition (sections → tables → row groups →
 * rows; the cells of a row are too many to list), named by key with the official label as detail,
 * placed by the written keys in `report.entries`. Folding follows the YAML itself: every mapping,
 * list item or scalar that spans lines.
 */
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YNode } from 'yaml';
import { SUBSECTION_KEYS } from '../format';
import type { Node, PartDef } from '../format';
import type { Entry, Report } from '../parse/types';
import { chineseNumeral, isNumbered } from '../render/prose';
import type { Analysis } from './analysis';
import { contentEnd, entryExtent, hasText } from '../write/edits';

function kindOf(node: Node, part: PartDef, depth: number): SymbolKind {
  switch (node.kind) {
    case 'scalar':
      return SymbolKind.Property;
    case 'text':
    case 'section':
      return SymbolKind.String;
    case 'row':
      return SymbolKind.Array;
    case 'cell':
      return SymbolKind.Number;
    case 'group':
      return depth > 0 ? SymbolKind.Namespace : part.layout ? SymbolKind.Struct : SymbolKind.Module;
  }
}

const byStart = (x: DocumentSymbol, y: DocumentSymbol) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character;

/** Sub-sections of a section written as a list: one symbol per item, named by its 标题. */
function subsections(report: Report, doc: Document.Parsed | undefined, e: Entry): DocumentSymbol[] {
  if (!doc || !hasText(e.valueSpan)) return [];
  let seq: YNode | undefined;
  visit(doc, {
    Seq(_, node) {
      if (node.range && node.range[0] === e.valueSpan[0]) {
        seq = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (!seq || !isSeq(seq)) return [];
  const out: DocumentSymbol[] = [];
  seq.items.forEach((item, i) => {
    if (!isMap(item) || !item.range) return;
    const titleNode = item.get(SUBSECTION_KEYS.title, true);
    const title = isScalar(titleNode) && typeof titleNode.value === 'string' ? titleNode.value.trim() : '';
    const number = `（${chineseNumeral(i + 1)}）`;
    const range = report.lines.range([item.range[0], contentEnd(report.text, [item.range[0], item.range[1]])]);
    const selection = isScalar(titleNode) && titleNode.range ? report.lines.range([titleNode.range[0], titleNode.range[1]]) : { start: range.start, end: range.start };
    out.push({
      name: title || number,
      ...(title && !isNumbered(title) ? { detail: number } : {}),
      kind: SymbolKind.String,
      range,
      selectionRange: selection,
    });
  });
  return out;
}

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const report = a.result.report;
  const build = (node: Node, path: string, part: PartDef, depth: number): DocumentSymbol | undefined => {
    const e = report.entries.get(path);
    if (!e) return undefined;
    const children: DocumentSymbol[] = [];
    if (node.kind === 'group') {
      for (const child of node.children) {
        const s = build(child, `${path}/${child.key}`, part, depth + 1);
        if (s) children.push(s);
      }
    } else if (node.kind === 'section') children.push(...subsections(report, a.result.doc, e));
    return {
      name: node.key,
      ...(node.label !== node.key ? { detail: node.label } : {}),
      kind: kindOf(node, part, depth),
      range: report.lines.range(entryExtent(report, e)),
      selectionRange: report.lines.range(e.keySpan),
      ...(children.length ? { children: children.sort(byStart) } : {}),
    };
  };
  const out: DocumentSymbol[] = [];
  for (const part of report.format.parts) {
    const s = build(part.node, part.node.key, part, 0);
    if (s) out.push(s);
  }
  return out.sort(byStart);
}

export function foldingRanges(a: Analysis): FoldingRange[] {
  const { report, doc } = a.result;
  if (!doc) return [];
  const lineOf = (offset: number) => report.lines.position(offset).line;
  const ends = new Map<number, number>();
  const comments: FoldingRange[] = [];
  const scalars: [number, number][] = [];
  const inScalar = (offset: number) => scalars.some(([s, e]) => offset > s && offset < e);
  const add = (start: number, node: YNode | null | undefined) => {
    if (!node || !node.range) return;
    const startLine = lineOf(start);
    const endLine = lineOf(Math.max(start, contentEnd(report.text, [node.range[0], node.range[1]]) - 1));
    if (endLine > startLine) ends.set(startLine, Math.max(endLine, ends.get(startLine) ?? 0));
  };
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as YNode | null;
      if (key && key.range) add(key.range[0], pair.value as YNode | null);
    },
    // `#` lines inside a block scalar are text, not comments.
    Scalar(_, node) {
      if (node.range && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) scalars.push([node.range[0], node.range[1]]);
    },
    // List items (sub-sections) fold on their own, from the `-` line.
    Map(_, node, path) {
      if (node.range && isSeq(path[path.length - 1])) add(node.range[0], node);
    },
  });
  // Runs of two or more comment lines (the notes people keep above a table).
  for (let line = 0, first = -1; line <= report.lines.lineCount; line++) {
    const comment = line < report.lines.lineCount && /^\s*#/.test(report.lines.lineText(line)) && !inScalar(report.lines.lineStart(line));
    if (comment && first === -1) first = line;
    if (!comment && first !== -1) {
      if (line - 1 > first) comments.push({ startLine: first, endLine: line - 1, kind: FoldingRangeKind.Comment });
      first = -1;
    }
  }
  const nested = [...ends].map(([startLine, endLine]): FoldingRange => ({ startLine, endLine }));
  return [...nested, ...comments].sort((x, y) => x.startLine - y.startLine);
}
