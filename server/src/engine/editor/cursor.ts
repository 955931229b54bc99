/**
 * Which YAML key path is at a position. Two questions, for any feature:
 * - `targetAt`: which written key or value is under the cursor (hover, go-to, rename…), read from
 *   the parsed report's spans;
 * - `slotAt`: where the user is typing, i.e. which mapping a key (or which key's value) goes into,
 *   and which keys that mapping already has (completion). Typing leaves the YAML half-written or
 *   broken, so this reads the raw lines by indentation and uses the AST only when it parsed cleanly
 *   (it then also finds flow mappings spanning several lines).
 * Paths are `/`-joined keys as in the report (`依申请公开/本年新收/自然人`); list items add their
 * index (`总体情况/0/标题`).
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { lookup } from '../format';
import type { LineIndex } from '../parse/lines';
import type { Report, Span } from '../parse/types';
import { isAscii } from './pinyin';

/** A written key, or the value written after it. */
export interface Target {
  path: string;
  on: 'key' | 'value';
  span: Span;
}

const inside = (span: Span, offset: number) => span[0] <= offset && offset < span[1];

/** The written key at `offset`, else the innermost written value containing it. */
export function targetAt(report: Report, offset: number): Target | undefined {
  let value: Target | undefined;
  for (const e of report.entries.values()) {
    if (inside(e.keySpan, offset)) return { path: e.path, on: 'key', span: e.keySpan };
    if (inside(e.valueSpan, offset) && (!value || e.valueSpan[1] - e.valueSpan[0] < value.span[1] - value.span[0])) {
      value = { path: e.path, on: 'value', span: e.valueSpan };
    }
  }
  return value;
}

/** Where the cursor is typing. */
export interface Slot {
  /** A key goes here, or the value of `key`. */
  kind: 'key' | 'value';
  /** Path of the mapping at the cursor ('' = top level). */
  parent: string;
  /** For 'value': the key whose value is being typed (its path is `parent/key`). */
  key?: string;
  /** Inside `{…}`. */
  flow: boolean;
  /** What was typed of the key or value before the cursor, and its span (a completion replaces it). */
  typed: string;
  span: Span;
  /** Keys already written in that mapping (the one being typed excluded). */
  present: Set<string>;
  /**
   * A written key that starts at or after the cursor (`{zrr‸商业企业: 0`): it is not part of what is
   * being typed, so a completion goes in front of it and must end with a separator.
   */
  follows?: string;
  /** Column of the keys of the block mapping (for multi-line insertions). */
  column: number;
}

export const joinPath = (parent: string, key: string): string => (parent ? `${parent}/${key}` : key);

export function slotAt(report: Report, doc: Document.Parsed | undefined, offset: number): Slot | undefined {
  const { text, lines } = report;
  const line = lines.position(offset).line;
  const before = text.slice(lines.lineStart(line), offset);
  const flow = flowAt(lines, doc, offset, line, before);
  if (flow) return flowSlot(report, flow, offset);
  if (flow === null) return undefined;
  return blockSlot(report, line, before, offset);
}

// ---------------------------------------------------------------------------------------------
// Replaced spans

/**
 * What a key completion replaces: the typed part and, when the cursor sits inside a word, the rest
 * of that key with its `: ` (the insertion brings its own). A key written after the cursor is never
 * part of the word: at a word start, after spaces, where pinyin meets Chinese (`zrr‸商业企业: 0`,
 * typed in front of an existing key), or when the rest is a whole key of the mapping. Replacing it
 * would delete that key and hand its value to the completed one.
 */
function keySpan(report: Report, parent: string, offset: number, typed: string): { span: Span; follows?: string } {
  const { text } = report;
  const after = text.slice(offset, offset + 200);
  const next = /^([ \t]*)([^\s:：#{}[\],]+)[ \t]*[:：]/.exec(after);
  if (next) {
    const key = next[2];
    const separate = !typed || next[1] !== '' || (isAscii(typed) && !isAscii(key[0])) || lookup(report.format, joinPath(parent, key)) !== undefined;
    if (separate) return { span: [offset - typed.length, offset], follows: key };
  }
  if (!typed) return { span: [offset, offset] };
  const rest = /^[^\s:：#{}[\],]*(?:(?::|：) ?)?/.exec(after) as RegExpExecArray;
  return { span: [offset - typed.length, offset + rest[0].length] };
}

/** What a value completion replaces: the value token around the cursor (`9` in `总计: 9}`). */
function valueSpan(text: string, offset: number, typed: string): Span {
  const rest = /^[^\s,{}#]*/.exec(text.slice(offset, offset + 200)) as RegExpExecArray;
  return [offset - typed.length, offset + rest[0].length];
}

// ---------------------------------------------------------------------------------------------
// Raw lines

/** One line read as YAML block structure. Undefined for blank and comment-only lines. */
interface LineInfo {
  indent: number;
  /** Column of `-` when the line starts a list item. */
  dash?: number;
  /** Column where the key (or the content) starts. */
  keyCol: number;
  key?: string;
  /** Text after the colon, comment removed ('' for `key:` opening a nested block). */
  value?: string;
}

/** A key, then `:` plus space/end (or an IME `：`); the value may be empty. */
const KEY_LINE = /^([^\s:：#{}[\],'"|>&*!%@`][^:：#{}[\]]*?)\s*(?::(?:\s+(.*))?|：\s*(.*))$/;
/** Characters a key being typed may hold. */
const PARTIAL_KEY = /^[^\s:：#{}[\],'"|>&*!%@`]*$/;

export function lineInfo(raw: string): LineInfo | undefined {
  if (/^\s*(#.*)?$/.test(raw)) return undefined;
  const m = /^(\s*)(?:(-)(\s+|$))?(.*)$/.exec(raw) as RegExpExecArray;
  const indent = m[1].length;
  const dash = m[2] ? indent : undefined;
  const keyCol = indent + (m[2] ? 1 + m[3].length : 0);
  const k = KEY_LINE.exec(m[4]);
  if (!k) return { indent, dash, keyCol };
  const value = (k[2] ?? k[3] ?? '').replace(/(^|\s)#.*$/, '').trim();
  return { indent, dash, keyCol, key: k[1].trim(), value };
}

/** A mapping's position in the lines: the key path, the line of its key and where its block ends. */
interface Owner {
  path: string[];
  /** Line of the parent key or list item (-1: top level). */
  line: number;
  /** Column at or left of which a line ends the block (-1: never). */
  column: number;
  /** Dash column when the mapping is a list item (a dash there starts the next item). */
  dash?: number;
}

/**
 * Key path of the block mapping whose keys sit at `col` on `line`, read upwards by indentation.
 * Undefined when the line continues a scalar (a `|` block, a plain multi-line value) instead.
 */
export function ownerAt(lines: LineIndex, line: number, col: number, dashHere?: number): Owner | undefined {
  const segs: string[] = [];
  let target = col;
  let owner: Owner | undefined;
  // Inside a list item whose dash is at this column, looking for the key that holds the list.
  let item = dashHere;
  let index = 0;
  if (item !== undefined) owner = { path: [], line, column: item, dash: item };
  for (let i = line - 1; i >= 0 && (target > 0 || item !== undefined); i--) {
    const info = lineInfo(lines.lineText(i));
    if (!info) continue;
    if (item !== undefined) {
      if (info.dash === item) {
        index++;
        continue;
      }
      if (info.indent > item) continue;
      if (info.key === undefined || info.value !== '') return undefined;
      segs.unshift(info.key, String(index));
      target = info.keyCol;
      item = info.dash;
      index = 0;
      continue;
    }
    if (info.keyCol < target) {
      if (info.key === undefined || info.value !== '') return undefined;
      segs.unshift(info.key);
      owner ??= { path: [], line: i, column: info.keyCol };
      target = info.keyCol;
      item = info.dash;
      index = 0;
    } else if (info.dash !== undefined && info.dash < target) {
      // The first line of the list item the cursor is in (`- 标题: …` above `  正文`).
      owner ??= { path: [], line: i, column: info.dash, dash: info.dash };
      item = info.dash;
      index = 0;
    }
  }
  if (item !== undefined) return undefined;
  return { ...(owner ?? { line: -1, column: -1 }), path: segs };
}

/** Keys written at `col` in the block of `owner` (the cursor's own line excluded). */
function blockKeys(lines: LineIndex, owner: Owner, col: number, cursorLine: number): Set<string> {
  const keys = new Set<string>();
  for (let i = owner.line + 1; i < lines.lineCount; i++) {
    const info = lineInfo(lines.lineText(i));
    if (!info) continue;
    if (info.indent <= owner.column) break;
    if (i !== cursorLine && info.keyCol === col && info.key !== undefined) keys.add(info.key);
  }
  if (owner.dash !== undefined) {
    // The item's first line holds a key too (`- 标题: …`).
    const first = lineInfo(lines.lineText(owner.line));
    if (owner.line !== cursorLine && first?.key !== undefined && first.keyCol === col) keys.add(first.key);
  }
  return keys;
}

function blockSlot(report: Report, line: number, before: string, offset: number): Slot | undefined {
  const m = /^(\s*)(?:(-)(\s+))?(.*)$/.exec(before) as RegExpExecArray;
  const dash = m[2] ? m[1].length : undefined;
  const column = m[1].length + (m[2] ? 1 + m[3].length : 0);
  const rest = m[4];
  const owner = ownerAt(report.lines, line, column, dash);
  if (!owner) return undefined;
  const parent = owner.path.join('/');
  const kv = KEY_LINE.exec(rest);
  if (kv) {
    const typed = (kv[2] ?? kv[3] ?? '').trimStart();
    return { kind: 'value', parent, key: kv[1].trim(), flow: false, typed, span: valueSpan(report.text, offset, typed), present: new Set(), column };
  }
  if (!PARTIAL_KEY.test(rest)) return undefined;
  const present = blockKeys(report.lines, owner, column, line);
  for (const k of writtenChildren(report, parent, line)) present.add(k);
  const { span, follows } = keySpan(report, parent, offset, rest);
  if (follows) present.add(follows);
  return { kind: 'key', parent, flow: false, typed: rest, span, present, column, ...(follows ? { follows } : {}) };
}

/** Keys the parser read under `parent` (covers layouts the line reading does not), except on `line`. */
function writtenChildren(report: Report, parent: string, line: number): string[] {
  const out: string[] = [];
  const depth = parent ? parent.split('/').length + 1 : 1;
  for (const e of report.entries.values()) {
    const segs = e.path.split('/');
    if (segs.length !== depth || segs.slice(0, -1).join('/') !== parent) continue;
    if (report.lines.position(e.keySpan[0]).line === line) continue;
    out.push(segs[segs.length - 1]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Flow mappings

interface Flow {
  /** Offset of `{` and of the matching `}` (or the end of the line when unclosed). */
  open: number;
  close: number;
  path: string;
}

/**
 * The flow mapping around the cursor: from the AST when the document parsed cleanly, else from the
 * current line (`  本年新收: {自然人: 1, |`). Null when the cursor is in a flow the format cannot
 * have (a nested or keyless one); undefined when not in a flow at all.
 */
function flowAt(lines: LineIndex, doc: Document.Parsed | undefined, offset: number, line: number, before: string): Flow | null | undefined {
  if (doc && doc.errors.length === 0) {
    const found = astFlow(doc.contents, [], offset);
    if (found) return found;
  }
  const open = unmatchedBrace(before);
  if (open === undefined) return undefined;
  const lineStart = lines.lineStart(line);
  const head = lineInfo(before.slice(0, open));
  if (!head || head.key === undefined || head.value !== '') return null;
  const owner = ownerAt(lines, line, head.keyCol, head.dash);
  if (!owner) return null;
  const lineText = lines.lineText(line);
  let depth = 0;
  let close = lineStart + lineText.length;
  for (let i = before.length; i < lineText.length; i++) {
    if (lineText[i] === '{') depth++;
    else if (lineText[i] === '}' && depth-- === 0) {
      close = lineStart + i;
      break;
    }
  }
  return { open: lineStart + open, close, path: [...owner.path, head.key].join('/') };
}

/** Column of the last `{` not closed before the end of `s` (quoted text skipped). */
function unmatchedBrace(s: string): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) break;
    else if (c === '{') stack.push(i);
    else if (c === '}') stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : undefined;
}

/** Innermost flow mapping of the AST whose braces enclose `offset`, with its key path. */
function astFlow(node: unknown, path: string[], offset: number): Flow | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const found = astFlow(pair.value, [...path, String(pair.key.value)], offset);
      if (found) return found;
    }
    const r = node.range;
    if (node.flow && r && r[0] < offset && offset < r[1]) return { open: r[0], close: r[1] - 1, path: path.join('/') };
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const found = astFlow(node.items[i], [...path, String(i)], offset);
      if (found) return found;
    }
  }
  return undefined;
}

/** Entries of a one-level flow mapping between `{` and `}`: [start, end) of each, split at commas. */
function flowEntries(text: string, flow: Flow): Span[] {
  const out: Span[] = [];
  let start = flow.open + 1;
  for (let i = start; i <= flow.close; i++) {
    if (i === flow.close || text[i] === ',') {
      out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

function flowSlot(report: Report, flow: Flow, offset: number): Slot {
  const { text } = report;
  const present = new Set<string>();
  let current: Span = [flow.open + 1, offset];
  for (const span of flowEntries(text, flow)) {
    if (span[0] <= offset && offset <= span[1]) {
      current = span;
      continue;
    }
    const key = text.slice(span[0], span[1]).split(/[:：]/)[0].trim();
    if (key) present.add(key);
  }
  const column = report.lines.position(flow.open).character;
  const seg = text.slice(current[0], offset);
  const colon = seg.search(/[:：]/);
  if (colon !== -1) {
    const typed = seg.slice(colon + 1).trimStart();
    return { kind: 'value', parent: flow.path, key: seg.slice(0, colon).trim(), flow: true, typed, span: valueSpan(text, offset, typed), present, column };
  }
  const typed = seg.trimStart();
  const { span, follows } = keySpan(report, flow.path, offset, typed);
  if (follows) present.add(follows);
  return { kind: 'key', parent: flow.path, flow: true, typed, span, present, column, ...(follows ? { follows } : {}) };
}
