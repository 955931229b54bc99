/**
 * Reads what the tests need out of word/document.xml with plain string matching: the tables as
 * rows of cells (text, gridSpan, vMerge), runs with their fonts and sizes, and a well-formedness check.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);

/** Text of the `w:t` elements inside a fragment. */
export function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join('');
}

const elements = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}>[\\s\\S]*?</${name}>`, 'g'))].map((m) => m[0]);

export interface WordCell {
  text: string;
  gridSpan: number;
  vMerge?: 'restart' | 'continue';
}

export interface WordRow {
  header: boolean;
  cells: WordCell[];
}

/** Tables in document order (the export never nests them). */
export function tables(xml: string): WordRow[][] {
  return elements(xml, 'w:tbl').map((tbl) =>
    elements(tbl, 'w:tr').map((tr) => ({
      header: tr.includes('<w:tblHeader/>'),
      cells: elements(tr, 'w:tc').map((tc) => {
        const merge = /<w:vMerge w:val="(restart|continue)"\/>/.exec(tc)?.[1] as WordCell['vMerge'];
        return { text: textOf(tc), gridSpan: Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1), vMerge: merge };
      }),
    })),
  );
}

/** The table holding a cell with this text. */
export function tableWith(xml: string, text: string): WordRow[] {
  const found = tables(xml).find((t) => t.some((r) => r.cells.some((c) => c.text === text)));
  if (!found) throw new Error(`no table with a cell ${text}`);
  return found;
}

/** The first run (`w:r`) whose text is `text`. */
export function runWith(xml: string, text: string): string {
  const run = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]).find((r) => textOf(r) === text);
  if (!run) throw new Error(`no run ${text}`);
  return run;
}

/** Throws unless tags nest properly and text holds no raw `<`, bare `&` or control character (what Word refuses). */
export function assertWellFormed(xml: string): void {
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(xml);
  if (control) throw new Error(`a character XML 1.0 cannot hold (U+${control[0].charCodeAt(0).toString(16)}) at ${control.index}`);
  const stack: string[] = [];
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<\?xml[^>]*\?>/g;
  let last = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const text = xml.slice(last, m.index);
    if (/[<>]|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bad text at ${last}: ${text.slice(0, 40)}`);
    last = tag.lastIndex;
    if (!m[2] || m[4]) continue;
    if (!m[1]) stack.push(m[2]);
    else if (stack.pop() !== m[2]) throw new Error(`</${m[2]}> closes the wrong element at ${m.index}`);
  }
  if (stack.length || xml.slice(last).trim()) throw new Error(`unclosed: ${stack.join(' ')}`);
}
