/**
 * Pinyin spellings of keys, so a key can be found by typing `ziran` or `zrr` for 自然人 without
 * switching the input method. Spellings are cached: keys are few and fixed by the definition.
 */
import { pinyin } from 'pinyin-pro';

export interface Spellings {
  /** Full pinyin without spaces or tones (ü as v, as IMEs type it), e.g. `ziranren`, `falvfuwujigou`. */
  full: string;
  /** The same with ü as u (`falufuwujigou`), when that differs. */
  fullU?: string;
  /** First letters, e.g. `zrr`. */
  initials: string;
}

const cache = new Map<string, Spellings>();

export function spellings(text: string): Spellings {
  let s = cache.get(text);
  if (!s) {
    const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true }).map((p) => p.toLowerCase());
    const full = syllables.join('');
    const fullU = full.replace(/v/g, 'u');
    const initials = syllables.map((p) => p.charAt(0)).join('');
    s = { full, initials, ...(fullU !== full ? { fullU } : {}) };
    cache.set(text, s);
  }
  return s;
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
