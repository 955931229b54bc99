/**
 * Where each note of an import points in the generated source: the line of its cell, row or section
 * (found by parsing the text like any source), so an editor can take the user there. Notes without
 * a path, or whose path is not written, point nowhere (their comment line is `ImportNote.line`).
 */
import { check } from '../check';
import type { ImportNote } from './types';

/** 0-based line of each note's path in `text`, or undefined. */
export function noteTargets(text: string, notes: readonly ImportNote[]): (number | undefined)[] {
  const { report } = check(text);
  const offsetOf = (path: string): number | undefined => {
    for (let p = path; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') {
      const cell = report.cells.get(p);
      const span = cell?.keySpan ?? cell?.containerSpan ?? report.entries.get(p)?.keySpan;
      if (span) return span[0];
    }
    return undefined;
  };
  return notes.map((n) => {
    const at = n.path === undefined ? undefined : offsetOf(n.path);
    return at === undefined ? undefined : report.lines.position(at).line;
  });
}
