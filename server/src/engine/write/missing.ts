/**
 * Inserting an absent section, row or cell (`missing-item`), generated from the definition and
 * placed in definition order: after the nearest written sibling that comes before it, else before
 * the nearest that comes after. Flow mappings get `, 键: 0` inline; block mappings get lines at
 * the siblings' indentation, with rows in the style the file already uses.
 */
import type { TextEdit } from 'vscode-languageserver';
import { childKeys, lookup, parentPath } from '../format';
import type { Node } from '../format';
import type { Entry, Report } from '../parse/types';
import { afterColon, columnOf, contentEnd, eolOf, hasText, insertAt, lineEndAt, lineStartAt } from './edits';
import { blockLines, flowValue } from './yamlText';
import type { BlockStyle } from './yamlText';

/**
 * What an inserted item is written as: by default the definition's zeros (the missing-item fix);
 * the preview's cell edits write only the cells they set.
 */
export interface ItemText {
  flow(node: Node, path: string): string | undefined;
  block(node: Node, path: string, indent: string, style: BlockStyle): string[] | undefined;
}

const zeroItems: ItemText = { flow: (node, path) => flowValue(node, path), block: (node, path, indent, style) => blockLines(node, path, indent, style) };

const DEFAULT_STEP = 2;

const isFlow = (report: Report, e: Entry): boolean => report.text[e.valueSpan[0]] === '{';

/** Last character of an entry (its value, or the colon of an empty `key:`). */
function entryEnd(report: Report, e: Entry): number {
  if (hasText(e.valueSpan)) return contentEnd(report.text, e.valueSpan);
  return afterColon(report.text, e.keySpan[1]) ?? e.keySpan[1];
}

/** Indentation step the file uses: the first nested key's offset from its parent key. */
function indentStep(report: Report): number {
  const lines = report.lines;
  for (const [path, e] of report.entries) {
    const parent = report.entries.get(parentPath(path));
    if (!parent || lines.position(parent.keySpan[0]).line === lines.position(e.keySpan[0]).line) continue;
    const step = columnOf(report.text, e.keySpan[0]) - columnOf(report.text, parent.keySpan[0]);
    if (step > 0) return step;
  }
  return DEFAULT_STEP;
}

/** Rows in flow style unless the nearest written row (same parent, then same part, then any) is not. */
function flowRows(report: Report, parentPath: string): boolean {
  const rows = [...report.entries.values()].filter((e) => lookup(report.format, e.path)?.node.kind === 'row' && hasText(e.valueSpan));
  const part = parentPath.split('/')[0];
  const near =
    rows.find((e) => e.path.slice(0, e.path.lastIndexOf('/')) === parentPath) ??
    rows.find((e) => part !== '' && e.path.startsWith(part + '/')) ??
    rows[0];
  return near ? isFlow(report, near) : true;
}

/** A block mapping starts on a line after its key (a scalar or a blank value does not). */
function blockMapping(report: Report, e: Entry): boolean {
  return hasText(e.valueSpan) && report.lines.position(e.valueSpan[0]).line > report.lines.position(e.keySpan[0]).line;
}

export function missingItemEdit(report: Report, path: string, item: ItemText = zeroItems): TextEdit | undefined {
  const loc = lookup(report.format, path);
  // Written but empty (a prose part with no text): only the writer can fill it.
  if (!loc || report.entries.has(path)) return undefined;
  const text = report.text;
  const parentPath = loc.parent?.path ?? '';
  const parent = parentPath ? report.entries.get(parentPath) : undefined;
  // An absent parent has its own diagnostic (and fix), which brings this item along.
  if (parentPath && !parent) return undefined;
  const siblings = childKeys(report.format, parentPath);
  const index = siblings.findIndex((n) => n.key === loc.node.key);
  const entryOf = (key: string) => report.entries.get(parentPath ? `${parentPath}/${key}` : key);
  const before = siblings.slice(0, index).reverse().map((n) => entryOf(n.key)).find((e) => e !== undefined);
  const after = siblings.slice(index + 1).map((n) => entryOf(n.key)).find((e) => e !== undefined);

  if (parent && isFlow(report, parent)) {
    const value = item.flow(loc.node, path);
    if (value === undefined) return undefined;
    const pair = `${loc.node.key}: ${value}`;
    if (before) return insertAt(report, entryEnd(report, before), `, ${pair}`);
    if (after) return insertAt(report, after.keySpan[0], `${pair}, `);
    return insertAt(report, parent.valueSpan[0] + 1, pair);
  }
  // A parent written as a scalar or left blank is reported as such; nothing to insert into.
  if (parent && !before && !after && !blockMapping(report, parent)) return undefined;

  const step = indentStep(report);
  const column = before
    ? columnOf(text, before.keySpan[0])
    : after
      ? columnOf(text, after.keySpan[0])
      : parent
        ? columnOf(text, parent.keySpan[0]) + step
        : 0;
  const style: BlockStyle = { step: ' '.repeat(step), flowRows: flowRows(report, parentPath) };
  const lines = item.block(loc.node, path, ' '.repeat(column), style);
  if (!lines) return undefined;
  const eol = eolOf(text);
  const block = lines.join(eol);
  if (before) return insertAt(report, lineEndAt(text, entryEnd(report, before)), eol + block);
  if (after) return insertAt(report, lineStartAt(text, after.keySpan[0]), block + eol);
  if (parent) return insertAt(report, lineEndAt(text, parent.keySpan[1]), eol + block);
  const end = contentEnd(text, [0, text.length]);
  return end === 0 ? insertAt(report, 0, block + eol) : insertAt(report, lineEndAt(text, end), eol + block);
}
