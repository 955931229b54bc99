/// <reference lib="dom" />
/**
 * In-place DOM patching (what Markdown's preview does with morphdom): the new HTML is parsed into
 * a <template>, and the live tree is brought to the same state while keeping every node it can as
 * the same object, so the scroll position, the hovered cell and the text selection survive.
 *
 * Per list of children:
 *   0. same length, and same keys and tags pairwise (the usual edit: a value, a paragraph's text,
 *      lines shifted): morph them pairwise; otherwise
 *   1. common prefix and suffix of unchanged nodes (same kind, same key, same text; attributes
 *      such as data-line may differ and are updated) are kept in place: an inserted or removed
 *      paragraph does not disturb its siblings;
 *   2. in the middle, a keyed node is matched by its key only; an unkeyed one by identical text (a
 *      block that moved), else by tag and data-line (edited in place), else positionally with the
 *      next unkeyed old node of the same tag; the rest is inserted / removed.
 *
 * Keys are the identities that survive edits: `data-cell` (cell path), `data-part` (section,
 * table) and, for a table row, the path of its first cell. `data-line` is only a hint (step 2),
 * not a key: every line inserted above shifts it, which would make all later nodes look new; it
 * is an attribute like any other, updated in place.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const COMMENT_NODE = 8;

export interface PatchStats {
  /** Nodes from the new HTML inserted as they are (no old node to reuse). */
  inserted: number;
  removed: number;
  /** Attributes set or removed, text nodes rewritten. */
  updated: number;
}

/** Replaces the children of `root` by `html`, reusing the existing nodes where possible. */
export function patch(root: Element, html: string): PatchStats {
  const template = root.ownerDocument.createElement('template');
  template.innerHTML = html;
  return patchFrom(root, template.content);
}

/** Same, from parsed nodes; the children of `source` are moved into `root` where needed. */
export function patchFrom(root: Element, source: ParentNode): PatchStats {
  const stats: PatchStats = { inserted: 0, removed: 0, updated: 0 };
  patchChildren(root, source, stats);
  return stats;
}

const isElement = (n: Node): n is Element => n.nodeType === ELEMENT_NODE;

/** Key of one node, before duplicates among its siblings are numbered. */
function baseKey(node: Node): string | undefined {
  if (!isElement(node)) return undefined;
  const cell = node.getAttribute('data-cell');
  if (cell !== null) return `cell:${cell}`;
  const part = node.getAttribute('data-part');
  // A section and its table(s) share the part; table 2 has several tables for one part.
  if (part !== null) return `${node.tagName}:${part}`;
  if (node.tagName === 'TR') {
    // Cells are direct children of their row; a walk is cheaper than a selector query.
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      const path = c.getAttribute('data-cell');
      if (path !== null) return `row:${path}`;
    }
  }
  return undefined;
}

/** Keys of a child list, duplicates numbered in order (`…#1`, `…#2`) so each is unique. */
function keysOf(nodes: Node[]): (string | undefined)[] {
  const seen = new Map<string, number>();
  return nodes.map((n) => {
    const key = baseKey(n);
    if (key === undefined) return undefined;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    return count === 0 ? key : `${key}#${count}`;
  });
}

/** Can `a` be morphed into `b`? */
function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  return !isElement(a) || a.tagName === (b as Element).tagName;
}

/** A hint for unkeyed elements whose text changed: tag and source line. */
function lineKey(el: Element): string | undefined {
  const line = el.getAttribute('data-line');
  return line === null ? undefined : `${el.tagName}@${line}`;
}

/** Weak identity for unkeyed elements: tag and text (a paragraph that only moved). */
const contentKey = (el: Element): string => `${el.tagName}\u0000${el.textContent ?? ''}`;

/**
 * Prefix/suffix test: 'equal' (nothing to do), 'alike' (same identity and text; attributes such
 * as data-line to update), or false (the aligned run ends here).
 */
function compare(a: Node, b: Node, keyA: string | undefined, keyB: string | undefined): 'equal' | 'alike' | false {
  if (keyA !== keyB || !sameKind(a, b)) return false;
  if (a.isEqualNode(b)) return 'equal';
  // A key is identity enough; unkeyed blocks (paragraphs) align by their text.
  if (keyA !== undefined) return 'alike';
  return a.textContent === b.textContent ? 'alike' : false;
}

function patchChildren(parent: Node, source: Node, stats: PatchStats): void {
  const olds = Array.from(parent.childNodes);
  const news = Array.from(source.childNodes);
  const oldKeys = keysOf(olds);
  const newKeys = keysOf(news);

  // Same shape (the usual edit: a value, a paragraph's text, lines shifted): pair them up.
  let paired = olds.length === news.length;
  for (let i = 0; paired && i < olds.length; i++) paired = oldKeys[i] === newKeys[i] && sameKind(olds[i], news[i]);
  if (paired) {
    for (let i = 0; i < olds.length; i++) morph(olds[i], news[i], stats);
    return;
  }

  let start = 0;
  for (; start < olds.length && start < news.length; start++) {
    const c = compare(olds[start], news[start], oldKeys[start], newKeys[start]);
    if (!c) break;
    if (c === 'alike') update(olds[start], news[start], stats);
  }
  let oldEnd = olds.length;
  let newEnd = news.length;
  for (; oldEnd > start && newEnd > start; oldEnd--, newEnd--) {
    const c = compare(olds[oldEnd - 1], news[newEnd - 1], oldKeys[oldEnd - 1], newKeys[newEnd - 1]);
    if (!c) break;
    if (c === 'alike') update(olds[oldEnd - 1], news[newEnd - 1], stats);
  }
  if (start === oldEnd && start === newEnd) return;

  // Middle: olds[start, oldEnd) become news[start, newEnd).
  const byKey = new Map<string, Node>();
  const byContent = new Map<string, Node[]>();
  const byLine = new Map<string, Node>();
  for (let i = start; i < oldEnd; i++) {
    const key = oldKeys[i];
    const node = olds[i];
    if (key !== undefined) byKey.set(key, node);
    else if (isElement(node)) {
      const c = contentKey(node);
      const list = byContent.get(c);
      if (list) list.push(node);
      else byContent.set(c, [node]);
      const l = lineKey(node);
      if (l !== undefined && !byLine.has(l)) byLine.set(l, node);
    }
  }
  // Old nodes with the text of some new node: kept for that match, not for positional reuse.
  const claimed = new Set<Node>();
  const newContent: (string | undefined)[] = [];
  for (let i = start; i < newEnd; i++) {
    const node = news[i];
    const c = newKeys[i] === undefined && isElement(node) ? contentKey(node) : undefined;
    newContent[i] = c;
    if (c !== undefined) for (const o of byContent.get(c) ?? []) claimed.add(o);
  }

  const used = new Set<Node>();
  let cursor = start;
  let previous: Node | null = start > 0 ? olds[start - 1] : null;
  for (let i = start; i < newEnd; i++) {
    const node = news[i];
    const key = newKeys[i];
    let match: Node | undefined;
    if (key !== undefined) {
      const o = byKey.get(key);
      if (o && !used.has(o) && sameKind(o, node)) match = o;
    } else {
      const c = newContent[i];
      const list = c !== undefined ? byContent.get(c) : undefined;
      while (list && list.length > 0 && !match) {
        const o = list.shift();
        if (o && !used.has(o)) match = o;
      }
      // Text changed but still on its line (lines above unchanged): most likely the same block.
      const l = match || !isElement(node) ? undefined : lineKey(node);
      const o = l !== undefined ? byLine.get(l) : undefined;
      if (o && !used.has(o) && !claimed.has(o)) match = o;
    }
    if (!match) {
      // Positional, unkeyed with unkeyed only (a cell never turns into another cell): the next
      // old node neither taken nor reserved for a later content match.
      while (cursor < oldEnd && (used.has(olds[cursor]) || claimed.has(olds[cursor]) || oldKeys[cursor] !== undefined)) cursor++;
      const o = olds[cursor];
      if (key === undefined && cursor < oldEnd && sameKind(o, node)) {
        match = o;
        cursor++;
      }
    }
    if (match) {
      used.add(match);
      morph(match, node, stats);
    } else {
      stats.inserted++;
    }
    // The new node itself moves out of the template: no clone needed.
    const placed = match ?? node;
    const expected: Node | null = previous ? previous.nextSibling : parent.firstChild;
    if (placed !== expected) parent.insertBefore(placed, expected);
    previous = placed;
  }
  for (let i = start; i < oldEnd; i++) {
    if (used.has(olds[i])) continue;
    parent.removeChild(olds[i]);
    stats.removed++;
  }
}

/** Makes `target` equal to `source` (same kind), keeping `target` and what it can below it. */
function morph(target: Node, source: Node, stats: PatchStats): void {
  if (isElement(target) && target.isEqualNode(source)) return;
  update(target, source, stats);
}

/** `morph` without the equality shortcut (the caller knows they differ). */
function update(target: Node, source: Node, stats: PatchStats): void {
  if (target.nodeType === TEXT_NODE || target.nodeType === COMMENT_NODE) {
    if (target.nodeValue !== source.nodeValue) {
      target.nodeValue = source.nodeValue;
      stats.updated++;
    }
    return;
  }
  if (!isElement(target) || !isElement(source)) return;
  syncAttributes(target, source, stats);
  patchChildren(target, source, stats);
}

function syncAttributes(target: Element, source: Element, stats: PatchStats): void {
  for (const name of target.getAttributeNames()) {
    if (source.hasAttribute(name)) continue;
    target.removeAttribute(name);
    stats.updated++;
  }
  for (const name of source.getAttributeNames()) {
    const value = source.getAttribute(name) ?? '';
    if (target.getAttribute(name) === value) continue;
    target.setAttribute(name, value);
    stats.updated++;
  }
}
