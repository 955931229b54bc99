/// <reference lib="dom" />
/**
 * The preview's tables as spreadsheets. The server renders them as ARIA grids (`role=grid`, each
 * number cell a focusable `role=gridcell` with its `data-cell` path); this module moves the focus,
 * edits a cell in an `<input>`, reads pasted blocks, and hands every change to the host, which sends
 * it to the language server. It never writes a number into the page for good: the next update
 * from the server does (an edited cell shows the typed value, marked pending, until then).
 *
 * Keys on a cell: arrows, Tab/Shift+Tab, Home/End move; Enter or F2 edits; typing a character
 * starts editing with it; Delete/Backspace blanks; Ctrl+Enter opens the source there; Ctrl+.
 * writes the computed value of a wrong total. While editing: Enter/Shift+Enter, Tab/Shift+Tab and
 * Up/Down write and move, Esc cancels.
 */
import { placeBlock, readCell } from '../../../server/src/engine/write/tsv';
import type { CellChange } from '../../../server/src/engine/write/tsv';
import { refusalText } from '../../../server/src/engine/i18n/sheet';
import type { GridWords, SheetLocale } from '../../../server/src/engine/i18n/sheet';

export interface GridHost {
  /** Cells to write (one undo step in the editor). */
  edit(cells: CellChange[]): void;
  /** The same fix as the editor's quick fix on a wrong total. */
  fixTotal(path: string): void;
  /** Put the editor's cursor on this cell. */
  open(path: string): void;
  /** An edit closed: updates held back meanwhile can be applied. */
  idle(): void;
  words: GridWords;
  locale: SheetLocale;
}

const CELL = 'td[role="gridcell"][data-cell]';
/** How long a refusal stays in its cell. */
const MESSAGE_MS = 4000;

const isCell = (el: Element | null | undefined): el is HTMLTableCellElement => !!el && typeof el.matches === 'function' && el.matches(CELL);

/** Rows of a grid's number cells, top to bottom (header rows have none and are left out). */
function cellRows(table: Element): HTMLTableCellElement[][] {
  const rows: HTMLTableCellElement[][] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const cells = Array.from(tr.children).filter(isCell);
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

/** Where a cell is in its grid: row and column among the number cells. */
function locate(cell: Element): { rows: HTMLTableCellElement[][]; r: number; c: number } | undefined {
  const table = cell.closest('[role="grid"]');
  if (!table) return undefined;
  const rows = cellRows(table);
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].indexOf(cell as HTMLTableCellElement);
    if (c >= 0) return { rows, r, c };
  }
  return undefined;
}

/** The written value of a cell: its first text, without the computed value shown beside a wrong total. */
function shownValue(cell: Element): string {
  const first = cell.firstChild;
  return first && first.nodeType === 3 ? (first.nodeValue ?? '').trim() : '';
}

interface Editing {
  cell: HTMLTableCellElement;
  input: HTMLInputElement;
  /** The cell's children before editing, put back afterwards. */
  saved: Node[];
  original: string;
}

export class SheetGrid {
  private editing: Editing | undefined;
  /** Last focused cell path per grid, so Tab into a grid comes back to it. */
  private readonly lastCell = new Map<string, string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly root: HTMLElement,
    private readonly host: GridHost,
  ) {}

  attach(): void {
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    this.root.addEventListener('focusin', (e) => this.onFocus(e));
    this.root.addEventListener('paste', (e) => this.onPaste(e));
    this.root.addEventListener('click', (e) => {
      const target = e.target as Element | null;
      const fix = target?.closest?.('.xxgk-should-be');
      const cell = fix?.closest(CELL);
      if (fix && cell) {
        e.preventDefault();
        this.host.fixTotal(cell.getAttribute('data-cell') ?? '');
      }
    });
  }

  /** An edit is open: the page must not be patched under it (main.ts holds updates back). */
  get isEditing(): boolean {
    return this.editing !== undefined;
  }

  /** Double-click on a number cell edits it (true); elsewhere the caller jumps to the source. */
  dblclick(target: Element): boolean {
    const cell = target.closest(CELL);
    if (!isCell(cell)) return false;
    if (this.editing?.cell === cell) return true;
    cell.focus();
    this.startEdit(cell, undefined);
    return true;
  }

  /** After a patch: keep the focus where it was (the patched cell is the same node when it can be). */
  afterPatch(focusedPath: string | undefined): void {
    if (!focusedPath) return;
    const active = this.root.ownerDocument.activeElement;
    if (isCell(active) && active.getAttribute('data-cell') === focusedPath) return;
    const cell = this.root.querySelector<HTMLElement>(`${CELL}[data-cell="${cssEscape(focusedPath)}"]`);
    cell?.focus();
  }

  /** Path of the focused cell, if a cell has the focus. */
  focusedPath(): string | undefined {
    const active = this.root.ownerDocument.activeElement;
    const cell = active?.closest?.(CELL);
    return cell ? (cell.getAttribute('data-cell') ?? undefined) : undefined;
  }

  /** A refusal from the server (or the paste reader), shown in the cell for a few seconds. */
  showMessage(path: string, message: string): void {
    const cell = this.root.querySelector(`${CELL}[data-cell="${cssEscape(path)}"]`);
    if (cell) this.message(cell, message);
  }

  private onFocus(e: FocusEvent): void {
    const target = e.target as Element | null;
    if (!target) return;
    if (isCell(target)) {
      const grid = target.closest('[role="grid"]')?.getAttribute('data-part');
      if (grid) this.lastCell.set(grid + gridIndex(target), target.getAttribute('data-cell') ?? '');
      return;
    }
    // The grid itself is the Tab stop: the focus goes on to its last (or first) cell. Coming back
    // from one of its own cells (Shift+Tab at the first cell) it stays, so the next Shift+Tab leaves.
    const from = e.relatedTarget as Node | null;
    if (target.getAttribute('role') === 'grid' && !(from && target.contains(from))) {
      const part = target.getAttribute('data-part') ?? '';
      const remembered = this.lastCell.get(part + gridIndex(target.querySelector(CELL) ?? target));
      const cell = (remembered && target.querySelector<HTMLElement>(`${CELL}[data-cell="${cssEscape(remembered)}"]`)) || target.querySelector<HTMLElement>(CELL);
      cell?.focus();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editing && e.target === this.editing.input) {
      this.onEditKey(e);
      return;
    }
    const cell = (e.target as Element | null)?.closest?.(CELL);
    if (!isCell(cell)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End':
        if (this.move(cell, e.key)) e.preventDefault();
        return;
      case 'Tab':
        // At the grid's edge the focus leaves the grid as usual.
        if (this.move(cell, e.shiftKey ? 'previous' : 'next')) e.preventDefault();
        return;
      case 'Enter':
        e.preventDefault();
        if (ctrl) this.host.open(cell.getAttribute('data-cell') ?? '');
        else this.startEdit(cell, undefined);
        return;
      case 'F2':
        e.preventDefault();
        this.startEdit(cell, undefined);
        return;
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        if (shownValue(cell) !== '') this.commit(cell, null);
        return;
      case '.':
        if (ctrl) {
          e.preventDefault();
          if (cell.querySelector('.xxgk-should-be')) this.host.fixTotal(cell.getAttribute('data-cell') ?? '');
          return;
        }
        break;
    }
    // A printable character starts editing with it (as in a spreadsheet); shortcuts stay shortcuts.
    if (e.key.length === 1 && !ctrl && !e.altKey && !e.isComposing) {
      e.preventDefault();
      this.startEdit(cell, e.key);
    }
  }

  private onEditKey(e: KeyboardEvent): void {
    const editing = this.editing;
    if (!editing || e.isComposing) return;
    const { cell } = editing;
    const leave = (direction: Direction | undefined) => {
      e.preventDefault();
      // At the edge of the grid the focus stays on the cell just written.
      if (this.finish(true) && !(direction && this.move(cell, direction))) cell.focus();
    };
    switch (e.key) {
      case 'Escape':
        e.preventDefault();
        this.finish(false);
        cell.focus();
        return;
      case 'Enter':
        return leave(e.shiftKey ? 'ArrowUp' : 'ArrowDown');
      case 'Tab':
        return leave(e.shiftKey ? 'previous' : 'next');
      case 'ArrowUp':
      case 'ArrowDown':
        return leave(e.key);
    }
  }

  private startEdit(cell: HTMLTableCellElement, typed: string | undefined): void {
    if (this.editing) this.finish(true);
    const doc = cell.ownerDocument;
    const original = shownValue(cell);
    const input = doc.createElement('input');
    input.type = 'text';
    input.className = 'xxgk-cell-input';
    input.setAttribute('inputmode', 'decimal');
    input.setAttribute('aria-label', cell.getAttribute('title') || cell.getAttribute('data-cell') || '');
    input.value = typed ?? original;
    const saved = Array.from(cell.childNodes);
    for (const n of saved) cell.removeChild(n);
    cell.appendChild(input);
    cell.classList.add('editing');
    this.editing = { cell, input, saved, original };
    input.focus();
    if (typed === undefined) input.select();
    else input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('blur', () => {
      // Clicking elsewhere keeps what was typed if it is a number, like a spreadsheet.
      if (this.editing?.input === input) this.finish(true, true);
    });
  }

  /**
   * Ends the edit. `write`: send the value (a non-number keeps the edit open with a message, and
   * returns false). `quiet`: on blur, a non-number is dropped instead.
   */
  private finish(write: boolean, quiet = false): boolean {
    const editing = this.editing;
    if (!editing) return true;
    const { cell, input, saved, original } = editing;
    let value: number | null | undefined;
    if (write && input.value.trim() !== original) {
      const read = readCell(input.value);
      if (read.kind === 'text') {
        if (!quiet) {
          this.message(cell, this.host.words.notNumber);
          return false;
        }
      } else value = read.kind === 'number' ? read.value : null;
    }
    this.editing = undefined;
    cell.removeChild(input);
    cell.classList.remove('editing');
    for (const n of saved) cell.appendChild(n);
    if (value !== undefined) this.commit(cell, value);
    this.host.idle();
    return true;
  }

  /** Sends one cell and shows the value until the server's rendering replaces it. */
  private commit(cell: HTMLTableCellElement, value: number | null): void {
    const path = cell.getAttribute('data-cell');
    if (!path) return;
    this.show(cell, value === null ? '' : String(value));
    this.host.edit([{ path, value }]);
  }

  private show(cell: HTMLTableCellElement, text: string): void {
    const first = cell.firstChild;
    if (first && first.nodeType === 3) first.nodeValue = text;
    else cell.insertBefore(cell.ownerDocument.createTextNode(text), first);
    cell.classList.add('pending');
  }

  private onPaste(e: ClipboardEvent): void {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    const editing = this.editing;
    // One value typed into the open input pastes as text there.
    if (editing && e.target === editing.input && !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''))) return;
    const cell = editing?.cell ?? (e.target as Element | null)?.closest?.(CELL);
    if (!isCell(cell)) return;
    e.preventDefault();
    if (editing) this.finish(false);
    this.pasteBlock(cell, text);
  }

  /** A block pasted on `cell`: fills right and down from it, or says why it does not fit. */
  pasteBlock(cell: HTMLTableCellElement, text: string): boolean {
    const at = locate(cell);
    if (!at) return false;
    const targets = at.rows.slice(at.r).map((row, i) => row.slice(i === 0 ? at.c : Math.min(at.c, row.length)).map((c) => c.getAttribute('data-cell') ?? ''));
    const placed = placeBlock(text, targets);
    if ('refused' in placed) {
      this.message(cell, refusalText(placed.refused, this.host.locale));
      return false;
    }
    const byPath = new Map(at.rows.flat().map((c) => [c.getAttribute('data-cell') ?? '', c]));
    for (const change of placed.changes) {
      const target = byPath.get(change.path);
      if (target) this.show(target, change.value === null ? '' : String(change.value));
    }
    this.host.edit(placed.changes);
    return true;
  }

  /** Moves the focus from `cell`; false when there is nowhere to go (the edge of the grid). */
  private move(cell: HTMLTableCellElement, direction: Direction): boolean {
    const at = locate(cell);
    if (!at) return false;
    const { rows, r, c } = at;
    let target: HTMLTableCellElement | undefined;
    switch (direction) {
      case 'ArrowLeft':
        target = rows[r][c - 1];
        break;
      case 'ArrowRight':
        target = rows[r][c + 1];
        break;
      case 'ArrowUp':
        target = rows[r - 1]?.[Math.min(c, rows[r - 1].length - 1)];
        break;
      case 'ArrowDown':
        target = rows[r + 1]?.[Math.min(c, rows[r + 1].length - 1)];
        break;
      case 'Home':
        target = rows[r][0];
        break;
      case 'End':
        target = rows[r][rows[r].length - 1];
        break;
      case 'next':
        target = rows[r][c + 1] ?? rows[r + 1]?.[0];
        break;
      case 'previous':
        target = rows[r][c - 1] ?? rows[r - 1]?.[rows[r - 1].length - 1];
        break;
    }
    if (!target) return false;
    target.focus();
    return true;
  }

  private message(cell: Element, text: string): void {
    const doc = cell.ownerDocument;
    cell.querySelector('.xxgk-cell-message')?.remove();
    const box = doc.createElement('span');
    box.className = 'xxgk-cell-message';
    box.setAttribute('role', 'alert');
    box.textContent = text;
    cell.appendChild(box);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      box.remove();
    }, MESSAGE_MS);
    this.timers.add(timer);
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'next' | 'previous';

/** Table 2 is several grids of one part: their order tells them apart. */
function gridIndex(el: Element): string {
  const grid = el.closest('[role="grid"]');
  const part = grid?.getAttribute('data-part');
  if (!grid || !part) return '';
  const all = Array.from(grid.ownerDocument.querySelectorAll(`[role="grid"][data-part="${cssEscape(part)}"]`));
  return `#${all.indexOf(grid)}`;
}

/** Attribute values in selectors: paths hold CJK and `/`, quotes and backslashes would break out. */
function cssEscape(s: string): string {
  return s.replace(/["\\]/g, (c) => `\\${c}`);
}
