/// <reference lib="dom" />
/**
 * Diagnostics in the preview. The server marks cells, headings and paragraphs with
 * `has-error|has-warning|has-info` (the CSS colours them) and puts the messages in
 * `data-diagnostics` and `title`. Here: a small hover tooltip in the editor's hover colours that
 * appears at once (the native title tooltip is late and unthemed, so it is held back while ours
 * shows).
 */

export type Severity = 'error' | 'warning' | 'info';

export const MARKED_SELECTOR = '.has-error, .has-warning, .has-info';

/** Where the `title` waits while the tooltip shows (a patch may rewrite both meanwhile). */
const HELD_TITLE = 'data-xxgk-title';

export function severityOf(el: Element): Severity | undefined {
  if (el.classList.contains('has-error')) return 'error';
  if (el.classList.contains('has-warning')) return 'warning';
  if (el.classList.contains('has-info')) return 'info';
  return undefined;
}

/** The messages on an element, one per line of `data-diagnostics`. */
export function diagnosticsOf(el: Element): string[] {
  return (el.getAttribute('data-diagnostics') ?? '').split('\n').filter((m) => m.trim() !== '');
}

/** Event targets, checked by shape (the page's and a test window's classes differ). */
const asNode = (t: EventTarget | null): Node | null => (t !== null && typeof (t as Node).nodeType === 'number' ? (t as Node) : null);
const asElement = (t: EventTarget | null): Element | null => {
  const node = asNode(t);
  return node && node.nodeType === 1 ? (node as Element) : null;
};

export class DiagnosticTooltip {
  readonly element: HTMLElement;
  private target: Element | undefined;

  constructor(private readonly doc: Document) {
    this.element = doc.createElement('div');
    this.element.className = 'xxgk-tooltip';
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    doc.body.appendChild(this.element);
  }

  /** Hover handling for everything under `root` (delegated: survives patches). */
  attach(root: Element): void {
    root.addEventListener('mouseover', (e) => {
      const target = asElement(e.target)?.closest(MARKED_SELECTOR);
      if (target && root.contains(target)) this.show(target);
    });
    root.addEventListener('mouseout', (e) => {
      if (!this.target) return;
      const to = asNode((e as MouseEvent).relatedTarget);
      if (to && this.target.contains(to)) return;
      this.hide();
    });
  }

  /** Shows the messages of a marked element; does nothing for an element without any. */
  show(target: Element): void {
    const severity = severityOf(target);
    const messages = diagnosticsOf(target);
    if (!severity || messages.length === 0) {
      this.hide();
      return;
    }
    if (this.target && this.target !== target) this.restoreTitle(this.target);
    this.target = target;
    const title = target.getAttribute('title');
    if (title !== null) {
      target.setAttribute(HELD_TITLE, title);
      target.removeAttribute('title');
    }
    this.element.className = `xxgk-tooltip ${severity}`;
    this.element.replaceChildren(
      ...messages.map((m) => {
        const line = this.doc.createElement('div');
        line.textContent = m;
        return line;
      }),
    );
    this.element.hidden = false;
    this.place(target);
  }

  hide(): void {
    if (this.target) this.restoreTitle(this.target);
    this.target = undefined;
    this.element.hidden = true;
  }

  /** After a patch: the hovered element may be gone, or carry other messages now. */
  refresh(): void {
    const target = this.target;
    if (!target) return;
    if (!target.isConnected) this.hide();
    else this.show(target);
  }

  get current(): Element | undefined {
    return this.target;
  }

  private restoreTitle(el: Element): void {
    const held = el.getAttribute(HELD_TITLE);
    if (held === null) return;
    el.removeAttribute(HELD_TITLE);
    // A patch may have written a newer title meanwhile: that one wins.
    if (!el.hasAttribute('title')) el.setAttribute('title', held);
  }

  /** Below the element, kept inside the viewport (CSSOM styles: allowed by the CSP). */
  private place(target: Element): void {
    const view = this.doc.defaultView;
    const rect = target.getBoundingClientRect();
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    const box = this.element.getBoundingClientRect();
    let top = rect.bottom + 4;
    if (height > 0 && top + box.height > height) top = Math.max(0, rect.top - box.height - 4);
    const left = width > 0 ? Math.max(0, Math.min(rect.left, width - box.width - 4)) : rect.left;
    this.element.style.top = `${top}px`;
    this.element.style.left = `${left}px`;
  }
}
