/**
 * Pinyin spellings of keys, so a key can be found by typing `ziran` or `zrr` for 自然人 without
 * switching the input method. The keys are few and fixed by the format definitions, so their
 * pinyin is computed at build time (`npm run pinyin`, with the pinyin-pro library) into
 * pinyin-table.json; the dictionary itself stays out of the server bundle.
 */
import table from './pinyin-table.json';

export interface Spellings {
  /** Full pinyin without spaces or tones (ü as v, as IMEs type it), e.g. `ziranren`, `falvfuwujigou`. */
  full: string;
  /** The same with ü as u (`falufuwujigou`), when that differs. */
  fullU?: string;
  /** First letters, e.g. `zrr`. */
  initials: string;
}

const spelled: Record<string, string[] | undefined> = table;

/** Spellings of a word of the table; a word that is not in it (not a key) has none. */
export function spellings(text: string): Spellings {
  const [full, initials] = spelled[text] ?? ['', ''];
  const fullU = full.replace(/v/g, 'u');
  return { full, initials, ...(fullU !== full ? { fullU } : {}) };
}

/** filterText for a key: the key, its full pinyin and its initials (clients filter on it). */
export function filterText(key: string, extra: string[] = []): string {
  const s = spellings(key);
  return [key, s.full, s.fullU, s.initials, ...extra].filter(Boolean).join(' ');
}

export const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/**
 * How well a typed ASCII prefix matches a key: 0 = the key, pinyin or initials start with it,
 * 1 = one of them contains it, undefined = no match. Case-insensitive.
 */
export function matchRank(typed: string, key: string, extra: string[] = []): number | undefined {
  const q = typed.toLowerCase();
  if (!q) return 0;
  const s = spellings(key);
  const forms = [key.toLowerCase(), s.full, s.fullU ?? '', s.initials, ...extra.map((e) => e.toLowerCase())].filter(Boolean);
  if (forms.some((f) => f.startsWith(q))) return 0;
  if (forms.some((f) => f.includes(q))) return 1;
  return undefined;
}
