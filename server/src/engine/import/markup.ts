/**
 * A small element tree from HTML or XML, built with htmlparser2's streaming parser (it closes
 * implied tags such as <p>, <td>, <tr> the way browsers do, and decodes entities). The readers of
 * HTML and of Word's document.xml both walk this tree, and both expand merged cells with `grid`.
 */
import { Parser } from 'htmlparser2';

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Child[];
}
export type Child = Element | string;

/** What a reader had to cap on an odd document (said in the notes, so a cut is never silent). */
export interface Limits {
  /** Elements nested deeper than MAX_DEPTH were flattened into their ancestor at that depth. */
  depth?: boolean;
  /** A colspan or rowspan beyond MAX_COLSPAN / MAX_ROWSPAN was cut to it. */
  span?: boolean;
  /** A table beyond MAX_GRID_CELLS slots: its further rows were dropped. */
  cells?: boolean;
}

/** Deeper nesting than any real page has (Word's HTML nests a few tens): beyond it, walks would risk the stack. */
export const MAX_DEPTH = 256;
/** Where flattening beyond MAX_DEPTH must keep a boundary: a line break, or a space between cells. */
const FLAT_BREAK = new Set(['br', 'p', 'div', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'w:p', 'w:tr', 'w:br']);
const FLAT_SPACE = new Set(['td', 'th', 'w:tc', 'w:tab']);

/** End tags browsers may leave out: these do not count as nesting in `flattenDeep` (sloppy pages never close them). */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rp', 'rt']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Tags nested beyond MAX_DEPTH replaced by a line break or a space, in one linear pass over the
 * source, before the parser sees it: the parser keeps its open elements in an array it shifts and
 * unshifts, quadratic on a page nested tens of thousands deep. Comments, scripts and styles are
 * passed over; an approximation is enough, real pages stay far below the cap.
 */
function flattenDeep(source: string, xml: boolean, limits: Limits): string {
  const tag = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([A-Za-z][\w:.-]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let out = '';
  let last = 0;
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    if (m[1] || !m[3]) continue;
    const name = xml ? m[3] : m[3].toLowerCase();
    if (m[4] || (!xml && (VOID.has(name) || OPTIONAL_END.has(name)))) {
      if (depth >= MAX_DEPTH && !VOID.has(name)) {
        out += source.slice(last, m.index) + (FLAT_SPACE.has(name) ? ' ' : '\n');
        last = m.index + m[0].length;
      }
      continue;
    }
    const closing = m[2] === '/';
    if (closing) depth = Math.max(0, depth - 1);
    if (depth >= MAX_DEPTH) {
      limits.depth = true;
      out += source.slice(last, m.index) + (FLAT_BREAK.has(name) ? '\n' : FLAT_SPACE.has(name) ? ' ' : '');
      last = m.index + m[0].length;
    }
    if (!closing) depth++;
  }
  return last === 0 ? source : out + source.slice(last);
}

export function parseMarkup(source: string, xml: boolean, limits: Limits = {}): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  /** Names of elements opened beyond MAX_DEPTH, so their closing tags close nothing real. */
  const flat: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const top = stack[stack.length - 1];
        if (stack.length > MAX_DEPTH) {
          limits.depth = true;
          flat.push(name);
          if (FLAT_BREAK.has(name)) top.children.push('\n');
          else if (FLAT_SPACE.has(name)) top.children.push(' ');
          return;
        }
        const el: Element = { name, attrs, children: [] };
        top.children.push(el);
        stack.push(el);
      },
      ontext(text) {
        stack[stack.length - 1].children.push(text);
      },
      onclosetag(name) {
        const f = flat.lastIndexOf(name);
        if (f >= 0) {
          flat.length = f;
          return;
        }
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i].name === name) {
            stack.length = i;
            break;
          }
        }
      },
    },
    { xmlMode: xml, decodeEntities: true, lowerCaseTags: !xml, lowerCaseAttributeNames: !xml, recognizeSelfClosing: xml },
  );
  parser.write(flattenDeep(source, xml, limits));
  parser.end();
  return root;
}

export const isElement = (c: Child): c is Element => typeof c !== 'string';

/** Descendant elements named `name`, not looking inside elements named in `stopAt`. */
export function descendants(el: Element, name: string, stopAt: ReadonlySet<string> = new Set()): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    if (!stopAt.has(c.name)) out.push(...descendants(c, name, stopAt));
  }
  return out;
}

/** A cell as read from a table row: its text and how far it spans. */
export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
  /** Word's vertical merge continuation: the slot is covered by the cell above. */
  covered?: boolean;
}

/** Spans beyond these are treated as errors of the document, not honoured. */
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 200;
/** Slots of one table (a report's largest is about 30 × 15): beyond, rows are dropped. */
const MAX_GRID_CELLS = 20000;

/** The caps, for the notes that say one was hit. */
export const CAPS = { depth: MAX_DEPTH, colspan: MAX_COLSPAN, rowspan: MAX_ROWSPAN, cells: MAX_GRID_CELLS } as const;

/**
 * Rows of cells with spans into a rectangular-ish grid of texts: a merged cell's text sits in its
 * top-left slot, the slots it covers are ''. (Repeating it would turn a row-group label such as
 * （三）不予公开 into part of every row's label, harmless, but a repeated number would be wrong.)
 */
export function grid(rows: SpanCell[][], limits: Limits = {}): string[][] {
  const out: string[][] = [];
  /** Column → rows still covered by a rowspan from above. */
  const pending = new Map<number, number>();
  let slots = 0;
  for (const cells of rows) {
    const line: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((pending.get(col) ?? 0) > 0) {
        pending.set(col, (pending.get(col) ?? 1) - 1);
        line[col++] = '';
      }
    };
    for (const cell of cells) {
      if (slots + col > MAX_GRID_CELLS) {
        limits.cells = true;
        break;
      }
      skipCovered();
      if (cell.colspan > MAX_COLSPAN || cell.rowspan > MAX_ROWSPAN) limits.span = true;
      const colspan = Math.min(Math.max(1, cell.colspan || 1), MAX_COLSPAN);
      const rowspan = Math.min(Math.max(1, cell.rowspan || 1), MAX_ROWSPAN);
      for (let k = 0; k < colspan; k++) {
        line[col + k] = k === 0 && !cell.covered ? cell.text : '';
        if (rowspan > 1) pending.set(col + k, rowspan - 1);
      }
      col += colspan;
    }
    skipCovered();
    // Trailing slots still covered by rowspans from above.
    for (const [c, left] of pending) {
      if (c >= col && left > 0) {
        pending.set(c, left - 1);
        line[c] = '';
      }
    }
    slots += line.length;
    if (slots > MAX_GRID_CELLS) {
      limits.cells = true;
      break;
    }
    out.push(Array.from({ length: line.length }, (_, i) => line[i] ?? ''));
  }
  return out;
}
