/**
 * Rule `numbering`: a list written inside the prose (一是…二是…, 第一，…, （1）…, 1.…) whose ordinals
 * repeat, skip or go backwards. How lists are numbered and introduced is format data
 * (`semantic.lists`); this file reads the lists out of the paragraphs and finds where one breaks.
 *
 * A list is a run of items of one system within one part, over consecutive paragraphs, until a
 * heading. An item of another system that comes after it opens a list nested in it, which ends
 * when the outer list goes on; an item of the outer system ends the lists nested in it. A list
 * starts again at its first ordinal when that item starts a line, is the first of its system in
 * its paragraph, or follows an introduction (a sentence with 以下, 如下… or ending in ：).
 */
import type { ListConventions, OrdinalSystem } from '../format';
import { chineseNumeral, parseChineseNumeral } from '../format/numerals';
import type { I18n } from '../i18n/messages';
import type { Finding, Paragraph, Report, Span } from '../parse/types';
import { spanIn } from './prose';

/** The value of a closing word (最后): right after any item, and it ends the list. */
const LAST = -1;
/** Above this the ordinals are not written back (九十九是 is already far beyond real lists). */
const MAX = 99;

export interface Item {
  system: OrdinalSystem;
  /** The position the ordinal names (1 for 一是), or LAST. */
  value: number;
  para: Paragraph;
  /** Where the ordinal stands in the paragraph's text. */
  index: number;
  text: string;
  /** The number (or word) inside `text`. */
  numberAt: number;
  numberText: string;
  /** Starts a line, or is the first item of its system in its paragraph: a list may start here. */
  fresh: boolean;
}

export interface NumberingBreak {
  kind: 'repeat' | 'skip' | 'backwards';
  item: Item;
  previous: Item;
  expected: number;
  /** The ordinal as it should be written here (same brackets and digits as written). */
  expectedText: string;
  /** The list renumbered from the break on: the items whose number changes. Absent when one cannot be written. */
  renumber?: { item: Item; numberText: string }[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (xs: string[] | undefined) => (xs && xs.length ? `(?:${xs.map(escapeRe).join('|')})` : '');
const FULLWIDTH_ZERO = 0xff10;
const toAscii = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - FULLWIDTH_ZERO + 48));
const toFullwidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 48 + FULLWIDTH_ZERO));

const patterns = new WeakMap<OrdinalSystem, RegExp>();

function patternOf(system: OrdinalSystem): RegExp {
  let re = patterns.get(system);
  if (!re) {
    const words = [...(system.words ?? []), ...(system.last ? [system.last] : [])];
    const number = system.numerals === 'chinese' ? '[一二三四五六七八九十]{1,3}' : system.numerals === 'digits' ? '[0-9０-９]{1,2}' : words.map(escapeRe).join('|');
    re = new RegExp(`(${oneOf(system.prefix)})(${number})${oneOf(system.suffix)}`, 'g');
    patterns.set(system, re);
  }
  return re;
}

function valueOf(system: OrdinalSystem, numberText: string): number | undefined {
  if (system.numerals === 'chinese') return parseChineseNumeral(numberText);
  if (system.numerals === 'digits') {
    const n = Number(toAscii(numberText));
    return n >= 1 ? n : undefined;
  }
  if (numberText === system.last) return LAST;
  const i = (system.words ?? []).indexOf(numberText);
  return i === -1 ? undefined : i + 1;
}

/** `value` written the way `like` writes its number (full-width digits stay full-width). */
function numberFor(system: OrdinalSystem, value: number, like: Item): string | undefined {
  if (value < 1 || value > MAX) return undefined;
  if (system.numerals === 'chinese') return chineseNumeral(value);
  if (system.numerals === 'digits') return /[０-９]/.test(like.numberText) ? toFullwidth(String(value)) : String(value);
  return system.words?.[value - 1];
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u3000';

function startsLine(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && isSpace(text[i])) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/** Whether the characters around an ordinal make it a list item (see OrdinalSystem). */
function standsAsItem(system: OrdinalSystem, text: string, index: number, end: number): boolean {
  const lineStart = startsLine(text, index);
  if (system.lineStart && !lineStart) return false;
  const before = index > 0 ? text[index - 1] : '';
  const after = text[end] ?? '';
  if (system.after !== undefined && !lineStart && !/\s/.test(before) && !system.after.includes(before)) return false;
  if (system.notAfter && before && system.notAfter.includes(before)) return false;
  if (system.followedBy !== undefined && !(after && system.followedBy.includes(after))) return false;
  if (system.notFollowedBy && after && system.notFollowedBy.includes(after)) return false;
  return true;
}

/** [open, close] index pairs of the quotations in a text; a mark never closed opens nothing. */
function quotations(text: string, quotes: [string, string][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [open, close] of quotes) {
    let at = text.indexOf(open);
    while (at !== -1) {
      const end = text.indexOf(close, at + open.length);
      if (end === -1) break;
      out.push([at, end]);
      at = text.indexOf(open, end + close.length);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** A system with what its look-ups need, made once per list conventions (not per paragraph). */
interface Prepared {
  system: OrdinalSystem;
  pattern: RegExp;
  /** Two sets of marks of which a paragraph needs one each (an empty set asks for nothing). */
  first: string[];
  second: string[];
  numeral?: RegExp;
}

const prepared = new WeakMap<ListConventions, Prepared[]>();

function prepare(lists: ListConventions): Prepared[] {
  let out = prepared.get(lists);
  if (!out) {
    out = lists.ordinals.map((system) => {
      const words = system.numerals === 'words';
      return {
        system,
        pattern: patternOf(system),
        first: words ? [...(system.words ?? []), ...(system.last ? [system.last] : [])] : (system.prefix ?? []),
        second: words ? [] : (system.suffix ?? []),
        ...(words ? {} : { numeral: system.numerals === 'chinese' ? CHINESE_NUMERAL : DIGIT }),
      };
    });
    prepared.set(lists, out);
  }
  return out;
}

/**
 * Whether `text` may hold an item of the system: a prefix and a suffix of it (or one of its
 * words), and a numeral right after a prefix or else right before a suffix. Most paragraphs fail
 * this for most systems, and `includes` and `indexOf` are much cheaper than running the pattern.
 */
function mayHold(p: Prepared, text: string): boolean {
  if (!some(p.first, text) || !some(p.second, text)) return false;
  if (!p.numeral) return true;
  const { prefix, suffix } = p.system;
  if (prefix?.length) return prefix.some((x) => besideMark(text, x, x.length, p.numeral!));
  if (suffix?.length) return suffix.some((x) => besideMark(text, x, -1, p.numeral!));
  return true;
}

const CHINESE_NUMERAL = /[一二三四五六七八九十]/;
const DIGIT = /[0-9０-９]/;

/** Whether some occurrence of `mark` has a numeral at `delta` from its start. */
function besideMark(text: string, mark: string, delta: number, numeral: RegExp): boolean {
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
    const ch = text[i + delta];
    if (ch !== undefined && numeral.test(ch)) return true;
  }
  return false;
}

function some(xs: string[], text: string): boolean {
  if (xs.length === 0) return true;
  for (const x of xs) if (text.includes(x)) return true;
  return false;
}

/** The list items of one paragraph, in text order. */
function itemsOf(para: Paragraph, lists: ListConventions, systems: Prepared[]): Item[] {
  const text = para.text;
  // One mark per character inside a quotation (the marks themselves excluded); worked out at the
  // first ordinal, since most paragraphs have none.
  let inQuote: Uint8Array | undefined | null = null;
  const quotedAt = (index: number): boolean => {
    if (inQuote === null) {
      const quoted = quotations(text, lists.quotes);
      inQuote = quoted.length ? new Uint8Array(text.length) : undefined;
      for (const [s, e] of quoted) inQuote!.fill(1, s + 1, e);
    }
    return !!inQuote?.[index];
  };
  const items: Item[] = [];
  for (const p of systems) {
    if (!mayHold(p, text)) continue;
    const system = p.system;
    let first = true;
    for (const m of text.matchAll(p.pattern)) {
      const index = m.index!;
      const end = index + m[0].length;
      const value = valueOf(system, m[2]);
      if (value === undefined || quotedAt(index) || !standsAsItem(system, text, index, end)) continue;
      items.push({ system, value, para, index, text: m[0], numberAt: m[1].length, numberText: m[2], fresh: first || startsLine(text, index) });
      first = false;
    }
  }
  return items.sort((a, b) => a.index - b.index);
}

/** The sentence right before an item (back to the previous item at most) introduces a list. */
function introduced(lists: ListConventions, prev: Item, item: Item): boolean {
  if (prev.para !== item.para) return false;
  const lead = item.para.text.slice(prev.index + prev.text.length, item.index).trimEnd();
  if (lists.introEndings.some((e) => lead.endsWith(e))) return true;
  const body = lead.replace(/[。；！？，、,;!?\s]+$/, '');
  const sentence = body.slice(Math.max(body.lastIndexOf('。'), body.lastIndexOf('；'), body.lastIndexOf('！'), body.lastIndexOf('？')) + 1);
  return lists.introPhrases.some((p) => sentence.includes(p));
}

interface List {
  system: OrdinalSystem;
  items: Item[];
  /** Index in `items` of the first ordinal out of sequence. */
  broken?: number;
}

function breakOf(list: List): NumberingBreak | undefined {
  const b = list.broken;
  if (b === undefined) return undefined;
  const item = list.items[b];
  const previous = list.items[b - 1];
  const expected = previous.value + 1;
  const number = numberFor(item.system, expected, item);
  if (number === undefined) return undefined;
  const expectedText = item.text.slice(0, item.numberAt) + number + item.text.slice(item.numberAt + item.numberText.length);
  const kind = item.value === previous.value ? 'repeat' : item.value > expected ? 'skip' : 'backwards';
  const renumber: NonNullable<NumberingBreak['renumber']> = [];
  let writable = true;
  list.items.slice(b).forEach((x, k) => {
    const n = numberFor(x.system, expected + k, x);
    if (n === undefined) writable = false;
    else if (n !== x.numberText) renumber.push({ item: x, numberText: n });
  });
  return { kind, item, previous, expected, expectedText, ...(writable ? { renumber } : {}) };
}

const cache = new WeakMap<Report, NumberingBreak[]>();

/** Every broken list of the report, one break per list (the first ordinal out of sequence). */
export function numberingBreaks(report: Report): NumberingBreak[] {
  const known = cache.get(report);
  if (known) return known;
  const lists = report.format.semantic.lists;
  const systems = prepare(lists);
  const all: List[] = [];
  let open: List[] = [];
  let part: string | undefined;
  for (const para of report.paragraphs) {
    if (para.heading || para.part !== part) open = [];
    part = para.part;
    if (para.heading) continue;
    for (const item of itemsOf(para, lists, systems)) {
      const depth = open.findIndex((l) => l.system === item.system);
      if (depth === -1) {
        if (item.value === LAST) continue;
        const list: List = { system: item.system, items: [item] };
        all.push(list);
        open.push(list);
        continue;
      }
      open.length = depth + 1;
      const list = open[depth];
      const prev = list.items[list.items.length - 1];
      if (item.value === LAST) {
        open.length = depth;
        continue;
      }
      if (item.value === 1 && (item.fresh || introduced(lists, prev, item))) {
        const fresh: List = { system: item.system, items: [item] };
        all.push(fresh);
        open[depth] = fresh;
        continue;
      }
      if (list.broken === undefined && item.value !== prev.value + 1) list.broken = list.items.length;
      list.items.push(item);
    }
  }
  const out = all.map(breakOf).filter((b): b is NumberingBreak => b !== undefined);
  cache.set(report, out);
  return out;
}

/** Start offsets of the non-overlapping occurrences of `want` in `s` within [from, to). */
function occurrences(s: string, want: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = s.indexOf(want, from); i !== -1 && i + want.length <= to; i = s.indexOf(want, i + want.length)) out.push(i);
  return out;
}

/** Per report: the paragraphs of each scalar that could not be placed line by line, and their occurrences of a string. */
const unplaced = new WeakMap<Report, { groups: Map<string, Paragraph[]>; found: Map<string, { before: Map<Paragraph, number>; inText: Map<Paragraph, number[]>; inSource: number[] }> }>();

function occurrenceIn(report: Report, para: Paragraph, want: string, index: number): Span | undefined {
  let memo = unplaced.get(report);
  if (!memo) {
    const groups = new Map<string, Paragraph[]>();
    for (const p of report.paragraphs) {
      const key = `${p.span[0]}:${p.span[1]}`;
      const group = groups.get(key);
      if (group) group.push(p);
      else groups.set(key, [p]);
    }
    memo = { groups, found: new Map() };
    unplaced.set(report, memo);
  }
  const key = `${para.span[0]}:${para.span[1]}`;
  const foundKey = `${key}\u0000${want}`;
  let found = memo.found.get(foundKey);
  if (!found) {
    const before = new Map<Paragraph, number>();
    const inText = new Map<Paragraph, number[]>();
    let total = 0;
    for (const p of memo.groups.get(key) ?? [para]) {
      const at = occurrences(p.text, want, 0, p.text.length);
      before.set(p, total);
      inText.set(p, at);
      total += at.length;
    }
    const inSource = occurrences(report.text, want, para.span[0], para.span[1]);
    // Escapes that hide an occurrence (\u4e00) would shift the count: then nothing is placed.
    found = { before, inText, inSource: inSource.length === total ? inSource : [] };
    memo.found.set(foundKey, found);
  }
  const mine = found.inText.get(para) ?? [];
  // Binary search: a renumbered list may place thousands of items in one paragraph.
  let lo = 0;
  let hi = mine.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mine[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  const at = mine[lo] === index ? found.inSource[(found.before.get(para) ?? 0) + lo] : undefined;
  return at === undefined ? undefined : [at, at + want.length];
}

/**
 * Exact source span of an ordinal (or of its number). Block scalars keep lines verbatim, so the
 * paragraph's line map finds it; in escaped or folded text it is the same occurrence, counted
 * over the scalar, when the source holds exactly as many as the text. Otherwise undefined.
 */
export function ordinalSpan(report: Report, item: Item, at = 0, length = item.text.length): Span | undefined {
  const want = item.text.slice(at, at + length);
  const index = item.index + at;
  const direct = spanIn(report, item.para, index, length);
  if (report.text.slice(direct[0], direct[1]) === want) return direct;
  return occurrenceIn(report, item.para, want, index);
}

export function checkNumbering(report: Report, t: I18n): Finding[] {
  return numberingBreaks(report).map((b) => {
    const span = ordinalSpan(report, b.item) ?? b.item.para.span;
    const previous = ordinalSpan(report, b.previous) ?? b.previous.para.span;
    return {
      code: 'numbering',
      span,
      message: t.m.numbering(b.kind, b.item.text, b.expectedText, b.previous.text),
      related: [{ span: previous, message: t.m.previousItem(b.previous.text) }],
      data: { written: b.item.value, computed: b.expected, replacement: b.expectedText },
    };
  });
}
