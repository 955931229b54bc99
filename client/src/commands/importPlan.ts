/**
 * The parts of the import command that need no editor (unit-tested under plain node): which files
 * the command was given, and the list of places to check once they are imported.
 */
import type { ImportReportNote } from '../../../server/src/shared/protocol';

/** Extensions the open dialog offers (package.json's explorer `when` clause lists the same). */
export const IMPORT_EXTENSIONS = ['docx', 'pdf', 'html', 'htm', 'shtml', 'txt', 'md'] as const;

/**
 * The inputs of a run. From the explorer: `(clicked, selected[])`, the selection when it holds
 * several files; from a caller (tests, other extensions): `(input, target)`; from the palette:
 * nothing, so a dialog asks.
 */
export function chosenInputs<T>(resource: unknown, second: unknown, isUri: (x: unknown) => x is T): { inputs: T[]; target?: T } {
  if (!isUri(resource)) return { inputs: [] };
  if (Array.isArray(second)) {
    const selected = second.filter(isUri);
    return { inputs: selected.length ? selected : [resource] };
  }
  return isUri(second) ? { inputs: [resource], target: second } : { inputs: [resource] };
}

export interface ImportedFile<T> {
  file: T;
  name: string;
  notes: readonly ImportReportNote[];
}

export interface PlaceToCheck<T> {
  file: T;
  name: string;
  note: ImportReportNote;
  /** Line to reveal: the cell's, else the note's comment. */
  line: number;
}

/** Every note of every file, in the order of the files and of their header comments. */
export function placesToCheck<T>(files: readonly ImportedFile<T>[]): PlaceToCheck<T>[] {
  return files.flatMap(({ file, name, notes }) =>
    [...notes].sort((a, b) => a.line - b.line).map((note) => ({ file, name, note, line: note.target ?? note.line })),
  );
}
