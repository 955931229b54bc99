/**
 * Fitting a row's value cells to the number of columns it should have, and writing them into the
 * cell map with notes: blanks stay blank, dashes become blank with a note, a number with a note
 * keeps the number (G3), one value too many is read as a cell split into two runs, resolved only
 * when a single reading makes sense.
 */
import type { CellNode } from '../format';
import type { CellText } from './cellValue';
import type { ImportMessages } from '../i18n/import';
import type { ImportNote } from './types';

/** Cell values by path: a number, or null for a blank cell. */
export type Values = Map<string, number | null>;

export interface Sink {
  values: Values;
  notes: ImportNote[];
  m: ImportMessages;
  /** Row paths whose blank cells a note already explains (cells of a dump that could not be split). */
  explained?: ReadonlySet<string>;
  /** Cells whose number was inferred or placed by a fuzzy label: to check, like the blank ones. */
  inferred: Set<string>;
}

/** Why a row's numbers need checking: the whole row placed by a fuzzy label, or one cell rebuilt. */
export interface Doubt {
  row?: boolean;
  /** Index (among the row's cells) of a cell read from two runs of digits. */
  cell?: number;
}

export type Fit =
  | { ok: true; cells: (CellText | undefined)[]; note?: string; ambiguous?: boolean; merged?: number }
  | { ok: false; note: string };

const plainBlank = (c: CellText) => c.kind === 'blank' && c.mark === undefined;
const show = (c: CellText | undefined) => (c?.kind === 'number' ? String(c.value) : '□');

/**
 * `raw` fitted to `n` columns: surplus plain blanks dropped (on the left in a grid: slots of merged
 * label cells; at the end otherwise: Markdown's trailing `|  |`), then one surplus number read as a
 * split cell. Undefined cells are ambiguous.
 */
export function fitValues(cells: readonly CellText[], raw: readonly string[], n: number, row: string, m: ImportMessages, aligned = false, admissible?: (cells: readonly CellText[]) => boolean): Fit {
  const c = [...cells];
  const dropLeft = () => {
    while (c.length > n && plainBlank(c[0])) c.shift();
  };
  const dropRight = () => {
    while (c.length > n && plainBlank(c[c.length - 1])) c.pop();
  };
  if (aligned) {
    dropLeft();
    dropRight();
  } else {
    dropRight();
    dropLeft();
  }
  const written = raw.join(' | ');
  if (c.length === n) return { ok: true, cells: c };
  if (c.length !== n + 1) return { ok: false, note: m.wrongCount(row, written, n) };
  const readings: { cells: CellText[]; at: number }[] = [];
  for (let i = 0; i < n; i++) {
    const a = c[i];
    const b = c[i + 1];
    // Two runs of one integer: "1" "1" = 11; never "0" "1" (no number is written with a leading zero).
    if (a.kind !== 'number' || b.kind !== 'number' || a.note || a.value <= 0 || b.value < 0) continue;
    if (!Number.isInteger(a.value) || !Number.isInteger(b.value)) continue;
    const merged: CellText = { kind: 'number', value: Number(`${a.value}${b.value}`), ...(b.note ? { note: b.note } : {}) };
    readings.push({ cells: [...c.slice(0, i), merged, ...c.slice(i + 2)], at: i });
  }
  if (readings.length === 0) return { ok: false, note: m.wrongCount(row, written, n) };
  // The table's own arithmetic rules readings out (a row total, 现行有效 ≥ 本年制发 − 本年废止); when
  // it rules out every reading, the document contradicts itself and all readings stay open.
  if (admissible && readings.length > 1) {
    const kept = readings.filter((r) => admissible(r.cells));
    if (kept.length > 0) readings.splice(0, readings.length, ...kept);
  }
  const text = (r: CellText[]) => r.map(show).join(' | ');
  if (readings.length === 1) return { ok: true, cells: readings[0].cells, merged: readings[0].at, note: m.splitRowResolved(row, written, text(readings[0].cells)) };
  // Cells every reading agrees on are kept; the others stay blank.
  const agreed = readings[0].cells.map((cell, k) => (readings.every((r) => show(r.cells[k]) === show(cell)) ? cell : undefined));
  return { ok: true, cells: agreed, note: m.splitRow(row, written, readings.map((r) => text(r.cells))), ambiguous: true };
}

/**
 * Writes a fitted row into `sink.values` under `paths`, with a note per changed or blank cell; the
 * numbers in doubt (`doubt`, or a number with a note dropped) go to `sink.inferred`.
 */
export function assign(sink: Sink, rowPath: string, rowLabel: string, cells: readonly { path: string; node: CellNode }[], values: readonly (CellText | undefined)[], doubt: Doubt = {}): void {
  const blanks: string[] = [];
  cells.forEach(({ path, node }, k) => {
    const c = values[k];
    const name = cells.length === 1 && node.label === rowLabel ? rowLabel : `${rowLabel}·${node.label}`;
    if (!c) {
      sink.values.set(path, null);
      return;
    }
    switch (c.kind) {
      case 'number':
        sink.values.set(path, c.value);
        if (c.note) sink.notes.push({ kind: 'note', path, message: sink.m.cellNote(name, c.value, c.note) });
        if (c.note || doubt.row || doubt.cell === k) sink.inferred.add(path);
        break;
      case 'blank':
        sink.values.set(path, null);
        if (c.mark !== undefined) sink.notes.push({ kind: 'note', path, message: sink.m.dashBlank(name, c.mark) });
        else blanks.push(node.label);
        break;
      case 'split':
        sink.values.set(path, null);
        sink.notes.push({ kind: 'note', path, message: sink.m.splitCell(name, c.parts.join(' ')) });
        break;
      case 'text':
        sink.values.set(path, null);
        sink.notes.push({ kind: 'note', path, message: sink.m.textCell(name, c.text) });
        break;
    }
  });
  if (blanks.length && !sink.explained?.has(rowPath)) sink.notes.push({ kind: 'note', path: rowPath, message: sink.m.blankCells(rowLabel, blanks) });
}
