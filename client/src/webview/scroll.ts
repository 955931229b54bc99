/// <reference lib="dom" />
/**
 * Source line ↔ scroll position, from the `data-line` of the printed blocks (title, headings,
 * paragraphs, table rows). Lines are 0-based and fractional. A block covers its source lines
 * [line, endLine + 1) from top to bottom (endLine from the server's map.blocks); between two blocks
 * the lines in between map linearly onto the gap. Geometry is injected: happy-dom has no layout.
 */

/** One printed block and the source lines it comes from. */
export interface LineElement {
  element: Element;
  line: number;
  endLine: number;
  /** Position in document order. */
  index: number;
}

/** Page coordinates (top from the start of the document) of an element. */
export interface Geometry {
  top(element: Element): number;
  height(element: Element): number;
}

/** Blocks that carry a line; cells and sections are inside them and would only add noise. */
export const LINE_SELECTOR = 'h1[data-line], h2[data-line], h3[data-line], p[data-line], tr[data-line]';

export function domGeometry(win: Window): Geometry {
  return {
    top: (el) => el.getBoundingClientRect().top + win.scrollY,
    height: (el) => el.getBoundingClientRect().height,
  };
}

export class LineMap {
  /** Document order (which is also top-to-bottom order). */
  readonly entries: LineElement[];
  /** By line, ties in document order. */
  private readonly byLine: LineElement[];

  constructor(root: ParentNode, blocks: readonly { line: number; endLine: number }[] = []) {
    const ends = new Map<number, number>();
    for (const b of blocks) ends.set(b.line, Math.max(b.endLine, ends.get(b.line) ?? b.line));
    this.entries = [];
    for (const element of Array.from(root.querySelectorAll(LINE_SELECTOR))) {
      const line = Number(element.getAttribute('data-line'));
      if (!Number.isInteger(line) || line < 0) continue;
      this.entries.push({ element, line, endLine: Math.max(line, ends.get(line) ?? line), index: this.entries.length });
    }
    this.byLine = this.entries.slice().sort((a, b) => a.line - b.line); // stable: ties keep document order
  }

  /**
   * The block at or before `line` (the one with the greatest start line ≤ line; the first printed
   * when several share it) and the first block after it.
   */
  elementsForLine(line: number): { previous?: LineElement; next?: LineElement } {
    const list = this.byLine;
    // First index whose line > floor(line).
    let lo = 0;
    let hi = list.length;
    const whole = Math.floor(line);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].line <= whole) lo = mid + 1;
      else hi = mid;
    }
    const next = list[lo];
    if (lo === 0) return { next };
    let first = lo - 1;
    while (first > 0 && list[first - 1].line === list[lo - 1].line) first--;
    return { previous: list[first], next };
  }

  /** Scroll top that brings `line` to the top of the view; undefined when nothing carries a line. */
  scrollTopForLine(line: number, geo: Geometry): number | undefined {
    const { previous, next } = this.elementsForLine(line);
    if (!previous) {
      // Above the first block (comments, 格式, 年度…): the space above it.
      if (!next) return undefined;
      return next.line > 0 ? geo.top(next.element) * Math.min(1, Math.max(0, line) / next.line) : 0;
    }
    const { top, bottom } = this.extent(previous.index, geo);
    const bottomLine = previous.endLine + 1;
    if (line < bottomLine) return top + ((line - previous.line) / (bottomLine - previous.line)) * (bottom - top);
    if (next && next.line > bottomLine) {
      const nextTop = geo.top(next.element);
      if (nextTop > bottom) return bottom + Math.min(1, (line - bottomLine) / (next.line - bottomLine)) * (nextTop - bottom);
    }
    return bottom;
  }

  /** The (fractional) source line shown at `scrollTop`; undefined when nothing carries a line. */
  lineAtScrollTop(scrollTop: number, geo: Geometry): number | undefined {
    const list = this.entries;
    if (list.length === 0) return undefined;
    // Last block whose top ≤ scrollTop (tops grow in document order).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (geo.top(list[mid].element) <= scrollTop) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) {
      const first = list[0];
      const top = geo.top(first.element);
      return top > 0 ? Math.max(0, Math.min(1, scrollTop / top) * first.line) : first.line;
    }
    const e = list[lo - 1];
    const { top, bottom, last } = this.extent(lo - 1, geo);
    const bottomLine = e.endLine + 1;
    if (scrollTop < bottom) return e.line + ((scrollTop - top) / (bottom - top)) * (bottomLine - e.line);
    const next = list[last + 1];
    if (next && next.line > bottomLine) {
      const nextTop = geo.top(next.element);
      if (nextTop > bottom) return bottomLine + Math.min(1, (scrollTop - bottom) / (nextTop - bottom)) * (next.line - bottomLine);
    }
    return bottomLine;
  }

  /**
   * Blocks next to each other with the same line (a part's heading and its table's header rows)
   * act as one: from the top of the first to the bottom of the last.
   */
  private extent(index: number, geo: Geometry): { top: number; bottom: number; last: number } {
    const list = this.entries;
    const line = list[index].line;
    let first = index;
    while (first > 0 && list[first - 1].line === line) first--;
    let last = index;
    while (last + 1 < list.length && list[last + 1].line === line) last++;
    const top = geo.top(list[first].element);
    const end = list[last].element;
    return { top, bottom: Math.max(top, geo.top(end) + geo.height(end)), last };
  }
}
