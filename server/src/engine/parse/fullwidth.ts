/**
 * Full-width forms typed with a Chinese IME where YAML syntax or a number needs ASCII.
 * U+FF01–U+FF5E map to U+0021–U+007E; U+3000 (ideographic space) maps to a space.
 */

export function isFullwidth(ch: number): boolean {
  return (ch >= 0xff01 && ch <= 0xff5e) || ch === 0x3000;
}

export function toHalfwidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3000) out += ' ';
    else if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += text[i];
  }
  return out;
}

/** Replacement for a run: a colon or comma gets the space YAML needs after it. */
export function replacementFor(run: string): string {
  const half = toHalfwidth(run);
  return half === ':' || half === ',' ? `${half} ` : half;
}

/** Runs of full-width characters in `text`, as [start, end) offsets relative to `text`. */
export function fullwidthRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < text.length) {
    if (!isFullwidth(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    // Digits group into one number (１２); punctuation is reported one character at a time.
    const digit = (c: number) => c >= 0xff10 && c <= 0xff19;
    if (digit(text.charCodeAt(i))) while (j < text.length && (digit(text.charCodeAt(j)) || text.charCodeAt(j) === 0xff0e)) j++;
    // Ideographic spaces typed as indentation are one run.
    else if (text.charCodeAt(i) === 0x3000) while (j < text.length && text.charCodeAt(j) === 0x3000) j++;
    runs.push([i, j]);
    i = j;
  }
  return runs;
}
