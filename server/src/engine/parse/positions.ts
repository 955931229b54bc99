/**
 * Places in the source text: spans (offsets) and LSP-shaped positions. Their own file so the line
 * index (lines.ts) and the parsed report (types.ts) both use them without importing each other.
 */

/** [start, end) UTF-16 offsets into the text (after a BOM, if any, was removed). */
export type Span = readonly [number, number];

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
