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

export function parseMarkup(source: string, xml: boolean): Element {
  const root: Element = { name: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: Element = { name, attrs, children: [] };
        stack[stack.length - 1].children.push(el);
        stack.push(el);
      },
      ontext(text) {
        stack[stack.length - 1].children.push(text);
      },
      onclosetag(name) {
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
  parser.write(source);
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

/**
 * Rows of cells with spans into a rectangular-ish grid of texts: a merged cell's text sits in its
 * top-left slot, the slots it covers are ''. (Repeating it would turn a row-group label such as
 * （三）不予公开 into part of every row's label, harmless, but a repeated number would be wrong.)
 */
export function grid(rows: SpanCell[][]): string[][] {
  const out: string[][] = [];
  /** Column → rows still covered by a rowspan from above. */
  const pending = new Map<number, number>();
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
      skipCovered();
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
    out.push(Array.from({ length: line.length }, (_, i) => line[i] ?? ''));
  }
  return out;
}
