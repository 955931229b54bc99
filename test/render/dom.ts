/**
 * A tiny element tree for asserting on the renderer's output without a DOM dependency. It relies
 * on what the renderer guarantees: attribute values are quoted and escaped, so no raw `"`, `<`, `>`.
 */

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  /** Text directly and in descendants, entities decoded. */
  text: string;
  parent?: El;
}

const VOID = new Set(['meta', 'br', 'link', 'img', 'hr', 'input']);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

export function parse(html: string): El {
  const root: El = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[\w-]+="[^"]*")*)\s*>|<!DOCTYPE[^>]*>/g;
  let last = 0;
  const addText = (raw: string) => {
    const text = decode(raw);
    for (const el of stack) el.text += text;
  };
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    addText(html.slice(last, m.index));
    last = tag.lastIndex;
    if (!m[2]) continue;
    const name = m[2].toLowerCase();
    if (m[1]) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`unbalanced </${name}> (open: ${open?.name})`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3].matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    const parent = stack[stack.length - 1];
    const el: El = { name, attrs, children: [], text: '', parent };
    parent.children.push(el);
    if (name === 'br') addText('\n');
    if (!VOID.has(name)) stack.push(el);
  }
  addText(html.slice(last));
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

/** Descendants matching a predicate, in document order. */
export function all(el: El, pred: (e: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** `tag.class` or `tag` selector, class matched as a whole word. */
export function $$(el: El, selector: string): El[] {
  const [name, cls] = selector.split('.');
  return all(el, (e) => (!name || e.name === name) && (!cls || hasClass(e, cls)));
}

export function hasClass(el: El, cls: string): boolean {
  return (el.attrs.class ?? '').split(/\s+/).includes(cls);
}

export const span = (el: El, attr: 'colspan' | 'rowspan'): number => Number(el.attrs[attr] ?? '1');
