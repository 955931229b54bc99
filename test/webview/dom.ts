/**
 * A happy-dom page for the webview modules (typed against the browser DOM). happy-dom is an ES
 * module and the tests are CommonJS, hence the dynamic import.
 */
import assert from 'node:assert/strict';

type HappyDom = typeof import('happy-dom', { with: { 'resolution-mode': 'import' } });
export type HappyWindow = InstanceType<HappyDom['Window']>;

export interface Page {
  window: HappyWindow;
  document: Document;
  /** `<main id="xxgk-root">`, as in the page shell. */
  root: HTMLElement;
  close(): Promise<void>;
}

export async function page(html = ''): Promise<Page> {
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'https://localhost/' });
  // happy-dom implements the DOM the webview code uses; its own declarations differ in detail.
  const document = window.document as unknown as Document;
  document.body.innerHTML = `<main id="xxgk-root">${html}</main>`;
  const root = document.getElementById('xxgk-root') as HTMLElement;
  return { window, document, root, close: () => window.happyDOM.close() };
}

/** Serialization with attributes sorted: attribute order is not part of DOM equality. */
function normalized(node: Node): string {
  if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const attrs = el.getAttributeNames().sort().map((n) => ` ${n}=${JSON.stringify(el.getAttribute(n))}`).join('');
  return `<${el.tagName.toLowerCase()}${attrs}>${Array.from(el.childNodes).map(normalized).join('')}</${el.tagName.toLowerCase()}>`;
}

/** The children of `root` equal a fresh parse of `html` (the target of every patch). */
export function assertTree(root: Element, html: string): void {
  const fresh = root.ownerDocument.createElement('template');
  fresh.innerHTML = html;
  const expected = Array.from(fresh.content.childNodes).map(normalized).join('');
  assert.equal(Array.from(root.childNodes).map(normalized).join(''), expected);
}
