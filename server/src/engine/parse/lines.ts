/**
 * Offset ↔ LSP position mapping. Offsets and characters are UTF-16 code units (JavaScript string
 * indices), which is what LSP positions count; lines end at '\n' so CRLF keeps '\r' as the last
 * character of its line.
 */
import type { Position, Range, Span } from './positions';

export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  /** Made on first use: a clean report's check never asks for a position. */
  private get starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    let end = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13 && end < this.text.length) end--;
    return Math.min(start + Math.max(0, pos.character), end);
  }

  range(span: Span): Range {
    return { start: this.position(span[0]), end: this.position(span[1]) };
  }

  /** Offset where line `line` starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(0, line), this.starts.length - 1)];
  }

  /** Text of a line without its line break ('\r\n' or '\n'). */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    const raw = this.text.slice(start, end);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  }
}
