/**
 * Cells set from outside the text (the preview's grid, a pasted block): the smallest text edits
 * that give each cell its new value, all or nothing.
 *
 * - A written cell gets its value characters replaced (or a value after the colon of `键:`).
 * - A blank (null) removes the value characters: `{自然人: 3, …}` → `{自然人: , …}`, `自然人: 3` →
 *   `自然人:`, the blank-cell convention of docs/source-format.md. Nothing is written for a cell
 *   that is already blank, missing or computed.
 * - A cell of a row written with no value (`本年新收:`) writes the row in flow style, the other
 *   cells blank and the total left out (computed) unless it is set too.
 * - An absent cell, row or group is inserted where the missing-item fix puts it (definition order,
 *   flow or block like its siblings), holding only the cells set: an omitted 总计 becomes `, 总计: 5`.
 */
import type { TextEdit } from 'vscode-languageserver';
import { allNodes, lookup, parentPath } from '../format';
import type { Node } from '../format';
import type { Report, Span } from '../parse/types';
import { displayName } from '../parse/report';
import { afterColon, cellValueEdit, fillAfterKey, hasText, inBlankRow, lineEndAt, numberText, replaceSpan } from './edits';
import { missingItemEdit } from './missing';
import type { ItemText } from './missing';
import type { EditRefusal } from '../i18n/sheet';
import type { CellChange } from './tsv';
import type { BlockStyle } from './yamlText';

export type { CellChange } from './tsv';

/** The written value checked against the cell's definition (a count is a non-negative integer). */
function refusal(report: Report, change: CellChange): EditRefusal | undefined {
  const loc = lookup(report.format, change.path);
  if (!loc || loc.node.kind !== 'cell' || !loc.part.layout) return { kind: 'unknownCell', path: change.path };
  const v = change.value;
  if (v === null) return undefined;
  const name = displayName(change.path);
  if (typeof v !== 'number' || !Number.isFinite(v)) return { kind: 'notNumber', name };
  if (v < 0 && !loc.node.signed) return { kind: 'negative', name };
  if (!Number.isInteger(v) && !loc.node.decimal) return { kind: 'fraction', name };
  return undefined;
}

/**
 * Text of items written for the set cells only: rows with their other cells blank (the total left
 * out unless set), groups with only the children holding set cells.
 */
function setCellsText(values: ReadonlyMap<string, number | null>): ItemText {
  const valueText = (path: string): string => {
    const v = values.get(path);
    return v === undefined || v === null ? '' : numberText(v);
  };
  const holds = (path: string): boolean => {
    for (const [p, v] of values) if (v !== null && (p === path || p.startsWith(`${path}/`))) return true;
    return false;
  };
  const rowCells = (node: Extract<Node, { kind: 'row' }>, path: string) => node.cells.filter((c) => !c.total || holds(`${path}/${c.key}`));
  const pair = (key: string, value: string) => (value === '' ? `${key}: ` : `${key}: ${value}`);
  const flow = (node: Node, path: string): string | undefined => {
    switch (node.kind) {
      case 'cell':
        return valueText(path);
      case 'row':
        return `{${rowCells(node, path).map((c) => pair(c.key, valueText(`${path}/${c.key}`))).join(', ')}}`;
      case 'group':
        return `{${node.children.filter((c) => holds(`${path}/${c.key}`)).map((c) => `${c.key}: ${flow(c, `${path}/${c.key}`) ?? ''}`).join(', ')}}`;
      default:
        return undefined;
    }
  };
  const block = (node: Node, path: string, indent: string, style: BlockStyle): string[] | undefined => {
    const head = `${indent}${node.key}:`;
    switch (node.kind) {
      case 'cell': {
        const v = valueText(path);
        return [v === '' ? head : `${head} ${v}`];
      }
      case 'row': {
        if (style.flowRows) return [`${head} ${flow(node, path)}`];
        return [head, ...rowCells(node, path).flatMap((c) => block(c, `${path}/${c.key}`, indent + style.step, style) ?? [])];
      }
      case 'group':
        return [head, ...node.children.filter((c) => holds(`${path}/${c.key}`)).flatMap((c) => block(c, `${path}/${c.key}`, indent + style.step, style) ?? [])];
      default:
        return undefined;
    }
  };
  return { flow, block };
}

/**
 * A written value removed. Where the value ends its line (block style) the space after the colon
 * goes too, so no line is left with trailing blanks; inside a flow mapping `键: ,` stays.
 */
function blankEdit(report: Report, keySpan: Span, valueSpan: Span): TextEdit {
  const text = report.text;
  const eol = lineEndAt(text, valueSpan[1]);
  const restOfLine = text.slice(valueSpan[1], eol);
  const colon = afterColon(text, keySpan[1]);
  const start = restOfLine.trim() === '' && colon !== undefined && colon <= valueSpan[0] ? colon : valueSpan[0];
  return replaceSpan(report, [start, valueSpan[1]], '');
}

/** Offsets of an edit's range, for ordering and merging. */
function offsets(report: Report, e: TextEdit): Span {
  return [report.lines.offset(e.range.start), report.lines.offset(e.range.end)];
}

/**
 * Edits sorted by position; an insertion right at the end of another edit (a cell inserted after
 * the one just replaced) is merged into it, so no two edits touch and any client applies them alike.
 */
function normalize(report: Report, edits: TextEdit[]): TextEdit[] {
  const spans = edits.map((e, i) => ({ e, s: offsets(report, e), i }));
  spans.sort((a, b) => a.s[0] - b.s[0] || a.s[1] - b.s[1] || a.i - b.i);
  const out: { s: [number, number]; text: string }[] = [];
  for (const { e, s } of spans) {
    const last = out[out.length - 1];
    if (last && s[0] === s[1] && s[0] === last.s[1]) last.text += e.newText;
    else out.push({ s: [s[0], s[1]], text: e.newText });
  }
  return out.map((o) => ({ range: report.lines.range(o.s), newText: o.text }));
}

/** Position of each definition node, to insert absent items in definition order. */
function definitionOrder(report: Report): Map<string, number> {
  const order = new Map<string, number>();
  allNodes(report.format).forEach((l, i) => order.set(l.path, i));
  return order;
}

export type EditCellsOutcome = { edits: TextEdit[] } | { refused: EditRefusal };

/** The edits setting every cell of `changes` (a later change of the same cell wins). */
export function editCells(report: Report, changes: readonly CellChange[]): EditCellsOutcome {
  const values = new Map<string, number | null>();
  for (const change of changes) {
    const why = refusal(report, change);
    if (why) return { refused: why };
    values.set(change.path, change.value);
  }
  const edits: TextEdit[] = [];
  const blankRows = new Set<string>();
  /** Highest absent item on the way to each set cell (inserted once, with all its set cells). */
  const absent = new Set<string>();
  for (const [path, value] of values) {
    const cell = report.cells.get(path);
    if (cell?.keySpan && !inBlankRow(cell)) {
      if (value === null) {
        if (hasText(cell.valueSpan) && cell.state !== 'blank') edits.push(blankEdit(report, cell.keySpan, cell.valueSpan));
        continue;
      }
      if (cell.state === 'number' && !cell.fullwidth && cell.value === value) continue;
      const edit = cellValueEdit(report, cell, numberText(value));
      if (!edit) return { refused: { kind: 'notWritable', name: displayName(path) } };
      edits.push(edit);
      continue;
    }
    if (value === null) continue; // already blank, missing or computed: nothing to remove
    if (cell && inBlankRow(cell)) {
      blankRows.add(parentPath(path));
      continue;
    }
    let top = path;
    for (let p = parentPath(path); p && !report.entries.has(p); p = parentPath(p)) top = p;
    absent.add(top);
  }
  const text = setCellsText(values);
  for (const row of blankRows) {
    const entry = report.entries.get(row);
    const loc = lookup(report.format, row);
    if (!entry || !loc) continue;
    const value = text.flow(loc.node, row) ?? '';
    const edit = hasText(entry.valueSpan) ? replaceSpan(report, entry.valueSpan, value) : fillAfterKey(report, entry.keySpan, value);
    if (!edit) return { refused: { kind: 'notWritable', name: displayName(row) } };
    edits.push(edit);
  }
  const order = definitionOrder(report);
  for (const item of [...absent].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))) {
    const edit = missingItemEdit(report, item, text);
    if (!edit) return { refused: { kind: 'notWritable', name: displayName(item) } };
    edits.push(edit);
  }
  return { edits: normalize(report, edits) };
}

