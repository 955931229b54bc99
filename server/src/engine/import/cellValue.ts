/**
 * Reading one table cell (G1–G3 of the format reference): a number; a blank; a dash, "/" or "无"
 * (blank, with a note: published reports should print 0); a number followed by a note in brackets
 * ("22（其中修订16件）" → 22, note kept); two numbers in one cell (a cell split into two runs by a PDF
 * extraction, never guessed); anything else is text (a label).
 */

export type CellText =
  | { kind: 'number'; value: number; note?: string }
  | { kind: 'blank'; mark?: string }
  | { kind: 'split'; parts: string[] }
  | { kind: 'text'; text: string };

/** Marks that stand for "nothing" in a numeric cell (after NFKC: "（空）" is "(空)", "－" is "-"); pasted cells read them too (write/tsv.ts). */
export const BLANK_MARK = /^(?:[-—–―─━‐/\\]+|无|空|空白|\(空\)|\(无\)|暂无|N\/?A)$/i;
/** Units sometimes written after the number; dropped silently. */
const UNIT = /^(?:件|个|项|条|次|宗|份|家|篇|万元|元)$/;

/** A unit written apart from its number ("97 件"): the two are one cell. */
export function isUnit(text: string): boolean {
  return UNIT.test(text.normalize('NFKC').trim());
}
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

function toNumber(text: string): number | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const value = Number(`${m[1]}${m[2].replace(/,/g, '')}${m[3] ?? ''}`);
  return Number.isFinite(value) ? value : undefined;
}

export function parseCell(raw: string): CellText {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'blank' };
  if (BLANK_MARK.test(text)) return { kind: 'blank', mark: raw.trim() };
  const whole = toNumber(text);
  if (whole !== undefined) return { kind: 'number', value: whole };
  if (/^\d+(?: \d+)+$/.test(text)) return { kind: 'split', parts: text.split(' ') };
  // A number, then a unit or a bracketed note: "22（其中修订16件）", "1 〔注：…〕", "3 件".
  const m = /^([+-]?[\d,]+(?:\.\d+)?)\s*(.+)$/.exec(text);
  if (m) {
    const value = toNumber(m[1]);
    // "22件（其中修订16件）": the unit, then the note.
    const rest = m[2].trim().replace(new RegExp(`^${UNIT.source.slice(1, -1)}\\s*(?=[([{〔【<《])`), '');
    if (value !== undefined && UNIT.test(rest)) return { kind: 'number', value };
    if (value !== undefined && /^[([{〔【<《]/.test(rest)) {
      // Keep the note as written (original width), without the number.
      const note = raw.trim().replace(/^[+\-－]?[\d０-９,，.．]+\s*/, '');
      return { kind: 'number', value, note };
    }
  }
  return { kind: 'text', text: raw.trim() };
}

/** Cells that can stand in the numeric part of a row (everything but a label). */
export function isValueLike(c: CellText): boolean {
  return c.kind !== 'text';
}

/** Cells that show the row carries data (a blank alone does not). */
export function isEvidence(c: CellText): boolean {
  return c.kind === 'number' || c.kind === 'split' || (c.kind === 'blank' && c.mark !== undefined);
}
