/**
 * Label normalisation and tolerant matching. Published reports spell the official labels in many
 * ways: "1." / "1、" / "1．" / "（1）" numbering, curly or straight quotes, spaces and line breaks
 * inside a label ("商业\n企业"), full-width letters, a typo. Everything is compared after folding
 * those differences away, and a typo is allowed in proportion to a label's length.
 */

const CJK = '\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef';

/**
 * Tidies extracted text: NBSP to space, no spaces between two CJK characters or between CJK and a
 * digit (PDF extraction inserts them: "2024 年" → "2024年"), runs of spaces collapsed.
 */
export function tidy(text: string): string {
  return text
    .replace(/[\u00a0\u2002-\u200b\u3000]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(new RegExp(`([${CJK}]) (?=[${CJK}0-9])`, 'g'), '$1')
    .replace(new RegExp(`([0-9]) (?=[${CJK}])`, 'g'), '$1')
    .trim();
}

/** Numbering in labels: （一） (3) 一、 1. 1、 1． (after NFKC: full-width brackets and dots are ASCII). */
const NUMBERING = [/\([一二三四五六七八九十\d]{1,3}\)/g, /[一二三四五六七八九十]{1,3}、/g, /\d{1,2}[.、](?!\d)/g];

/** Folds a label for comparison: width, numbering, punctuation, quotes and whitespace removed. */
export function normalizeLabel(text: string): string {
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  for (const re of NUMBERING) s = s.replace(re, '');
  return s.replace(/[\p{P}\p{S}]/gu, '');
}

/** Leading numbering of a heading line, e.g. "一、", "（三）", "3.", "(1)". */
export const LEADING_NUMBER = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d))\s*/;

export function stripLeadingNumber(text: string): string {
  return text.replace(LEADING_NUMBER, '');
}

/** Levenshtein distance (short strings only: labels and headings). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Edits tolerated in a label of this length: none for short ones, where one edit is another word. */
export function typoBudget(length: number): number {
  if (length < 6) return 0;
  if (length < 12) return 1;
  return Math.max(2, Math.floor(length / 8));
}

/**
 * Smallest edit distance between `needle` and any substring of `hay` (Sellers' algorithm), with the
 * end offset in `hay` of the best match.
 */
export function approximateFind(needle: string, hay: string): { cost: number; end: number } {
  let prev = Array.from({ length: needle.length + 1 }, (_, i) => i);
  let best = { cost: prev[needle.length], end: 0 };
  for (let j = 1; j <= hay.length; j++) {
    const cur = [0];
    for (let i = 1; i <= needle.length; i++) cur[i] = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (needle[i - 1] === hay[j - 1] ? 0 : 1));
    if (cur[needle.length] < best.cost) best = { cost: cur[needle.length], end: j };
    prev = cur;
  }
  return best;
}

/** A thing to find in text by any of its normalised spellings. */
export interface Target<T> {
  value: T;
  /** Normalised forms (label, aliases); empty forms are ignored. */
  forms: string[];
}

export interface Hit<T> {
  value: T;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  how: 'exact' | 'typo';
  /** The form found (exact hits): the label, or another spelling of it. */
  form?: string;
}

/**
 * Every target found in normalised `text`, longest forms first; a found span is consumed so a
 * shorter label inside a longer one ("其他" inside the 部分公开 label) is not found again.
 * Without an exact hit, a target may still be found with a typo (see `typoBudget`).
 */
export function findTargets<T>(text: string, targets: readonly Target<T>[], typos = true): Hit<T>[] {
  const forms = targets
    .flatMap((t) => t.forms.filter((f) => f.length > 0).map((form) => ({ form, value: t.value })))
    .sort((a, b) => b.form.length - a.form.length);
  const hits: Hit<T>[] = [];
  const found = new Set<T>();
  let rest = text;
  for (const { form, value } of forms) {
    if (found.has(value)) continue;
    const at = rest.indexOf(form);
    if (at < 0) continue;
    hits.push({ value, start: at, end: at + form.length, how: 'exact', form });
    found.add(value);
    rest = rest.slice(0, at) + '\u0000'.repeat(form.length) + rest.slice(at + form.length);
  }
  // Exact hits that explain most of the text stand; a short label inside a longer, misspelt one
  // ("其他" inside "其他法律行政止公开") does not stop the search for the longer one.
  // Only a label-sized text is searched again: in a line of prose an exact hit stands.
  const covered = hits.reduce((n, h) => n + h.end - h.start, 0);
  const labelSized = text.length <= (forms[0]?.form.length ?? 0) + 4;
  if (!typos || (hits.length > 0 && (covered * 2 >= text.length || !labelSized))) return hits.sort((a, b) => a.start - b.start);
  const fuzzy: Hit<T>[] = [];
  const fuzzyFound = new Set<T>();
  for (const { form, value } of forms) {
    const budget = typoBudget(form.length);
    if (fuzzyFound.has(value) || budget === 0 || text.length < form.length - budget) continue;
    const { cost, end } = approximateFind(form, text);
    if (cost > 0 && cost <= budget) {
      fuzzy.push({ value, start: Math.max(0, end - form.length), end, how: 'typo' });
      fuzzyFound.add(value);
    }
  }
  if (fuzzy.length === 0) {
    // Characters dropped from a label ("其他法律行政止公开" for 其他法律行政法规禁止公开): the whole
    // text, in order, inside one form only.
    const within = [...new Set(forms.filter(({ form }) => droppedFrom(text, form)).map((f) => f.value))];
    if (within.length === 1) fuzzy.push({ value: within[0], start: 0, end: text.length, how: 'typo' });
  }
  const kept = hits.filter((h) => !fuzzy.some((f) => f.value === h.value || (h.start < f.end && f.start < h.end)));
  return [...kept, ...fuzzy].sort((a, b) => a.start - b.start);
}

/**
 * Whether `text` is `form` with a few characters left out: every character of `text` in order in
 * `form`, at least six of them, and no more than a third of `form` missing.
 */
export function droppedFrom(text: string, form: string): boolean {
  if (text.length < 6 || text.length >= form.length || text.length * 3 < form.length * 2) return false;
  let i = 0;
  for (let j = 0; j < form.length && i < text.length; j++) if (form[j] === text[i]) i++;
  return i === text.length;
}

/** Targets of which normalised `text` (a piece of a wrapped label, ≥ 4 characters) is a part. */
export function fragmentOf<T>(text: string, targets: readonly Target<T>[]): T[] {
  if (text.length < 4) return [];
  return targets.filter((t) => t.forms.some((f) => f.length > text.length && f.includes(text))).map((t) => t.value);
}

/** Whether a heading line names `title` (both raw), tolerating numbering, a few edits and small additions. */
export function headingMatches(line: string, title: string): boolean {
  const a = normalizeLabel(line);
  const b = normalizeLabel(title);
  if (!a || !b || a.length > b.length + 8) return false;
  if (a === b) return true;
  // A caption such as "表二：主动公开政府信息情况" names the table, not the section.
  if (/^\s*表[一二三四五六\d]/.test(line.normalize('NFKC'))) return false;
  if (a.includes(b) && a.length <= b.length + 6) return true;
  const budget = b.length >= 8 ? Math.max(2, Math.floor(b.length * 0.2)) : b.length >= 4 ? 1 : 0;
  return distance(a, b) <= budget;
}
