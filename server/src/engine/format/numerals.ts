/** Chinese numerals as reports write small counts and ordinals (一 … 九十九). */

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (sub-section counts stay far below 100). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99; anything else (零, 一一, 十十) → undefined. */
export function parseChineseNumeral(s: string): number | undefined {
  const m = /^(?:([二三四五六七八九])?(十)([一二三四五六七八九])?|([一二三四五六七八九]))$/.exec(s);
  if (!m) return undefined;
  if (m[4]) return DIGITS.indexOf(m[4]);
  return (m[1] ? DIGITS.indexOf(m[1]) : 1) * 10 + (m[3] ? DIGITS.indexOf(m[3]) : 0);
}
