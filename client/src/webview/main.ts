/// <reference lib="dom" />
/**
 * Webview entry (bundled to media/preview.js). It never reads a report: it shows the server's
 * HTML, patches it in place on updates, maps scrolling to source lines and back, and reports
 * double-clicks. All state it needs to come back after a reload goes through vscode.setState.
 */
import { PAGE, styleClass } from '../preview/messages';
import type { FromWebview, InitialData, PreviewSettings, PreviewState, SourceMap, ToWebview } from '../preview/messages';
import { Throttle } from '../preview/timing';
import { gridWords } from '../../../server/src/engine/i18n/sheet';
import { SheetGrid } from './grid';
import { DiagnosticTooltip } from './highlight';
import { patch } from './patch';
import { domGeometry, LineMap } from './scroll';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Webview scroll events are throttled like the editor's (50 ms). */
const SCROLL_THROTTLE_MS = 50;
/** Scroll events this soon after our own scrollTo are its echo, not the user. */
const OWN_SCROLL_MS = 100;

const vscode = acquireVsCodeApi();

function readData(): InitialData | undefined {
  const raw = document.getElementById(PAGE.data)?.getAttribute('data-state');
  try {
    return raw ? (JSON.parse(raw) as InitialData) : undefined;
  } catch {
    return undefined;
  }
}

function savedState(uri: string): PreviewState | undefined {
  const s = vscode.getState();
  if (typeof s !== 'object' || s === null) return undefined;
  const state = s as Partial<PreviewState>;
  return state.uri === uri ? { uri, locked: state.locked === true, line: typeof state.line === 'number' ? state.line : undefined } : undefined;
}

function start(root: HTMLElement, data: InitialData): void {
  // After a hide/show the page is rebuilt from its first HTML: the saved scroll position is newer.
  const saved = savedState(data.uri);
  const state: PreviewState = { uri: data.uri, locked: data.locked, line: saved?.line ?? data.line };
  let settings: PreviewSettings = { style: data.style, scrollSync: data.scrollSync };
  let map: SourceMap = data.map;
  let version = data.version;
  /** The fragment shown: the page's own at first (so a refused edit can be undone before any update). */
  let lastHtml: string | undefined = root.innerHTML;
  let lines: LineMap | undefined;
  let ownScrollUntil = 0;
  const geometry = domGeometry(window);
  const lineMap = (): LineMap => (lines ??= new LineMap(root, map.blocks));
  const tooltip = new DiagnosticTooltip(document);
  tooltip.attach(root);
  vscode.setState(state);
  /** An update that came while a cell was being edited: applied when the edit closes. */
  let heldUpdate: Extract<ToWebview, { type: 'update' }> | undefined;
  /** Puts the editor's cursor on a written cell; false when the source does not write it. */
  const openCell = (path: string): boolean => {
    const range = map.cells[path];
    if (range) vscode.postMessage({ type: 'open', line: range.start.line, character: range.start.character });
    return range !== undefined;
  };
  const locale = data.locale ?? 'zh-CN';
  const grid = new SheetGrid(root, {
    edit: (cells) => vscode.postMessage({ type: 'editCells', cells }),
    fixTotal: (path) => vscode.postMessage({ type: 'fixTotal', path }),
    open: openCell,
    idle: () => {
      const held = heldUpdate;
      heldUpdate = undefined;
      if (held) applyUpdate(held);
    },
    words: gridWords(locale),
    locale,
  });
  grid.attach();

  const applyUpdate = (message: Extract<ToWebview, { type: 'update' }>): void => {
    if (message.version < version) return;
    if (grid.isEditing) {
      heldUpdate = message;
      return;
    }
    version = message.version;
    map = message.map;
    if (message.html !== lastHtml) {
      const focused = grid.focusedPath();
      patch(root, message.html);
      lastHtml = message.html;
      tooltip.refresh();
      grid.afterPatch(focused);
    }
    lines = undefined;
  };

  const applySettings = (next: PreviewSettings): void => {
    document.body.classList.remove(styleClass('paper'), styleClass('theme'));
    document.body.classList.add(styleClass(next.style));
    if (next.style !== settings.style) lines = undefined; // other fonts, other geometry (positions are read lazily anyway)
    settings = next;
  };

  const scrollToLine = (line: number): void => {
    const top = lineMap().scrollTopForLine(line, geometry);
    if (top === undefined) return;
    if (Math.abs(window.scrollY - top) >= 1) {
      ownScrollUntil = performance.now() + OWN_SCROLL_MS;
      window.scrollTo(0, top);
    }
    state.line = line;
    vscode.setState(state);
  };

  const reveal = new Throttle<void>(() => {
    const line = lineMap().lineAtScrollTop(window.scrollY, geometry);
    if (line === undefined) return;
    state.line = line;
    vscode.setState(state);
    if (settings.scrollSync) vscode.postMessage({ type: 'reveal', line });
  }, SCROLL_THROTTLE_MS);

  window.addEventListener(
    'scroll',
    () => {
      if (performance.now() < ownScrollUntil) return;
      reveal.call();
    },
    { passive: true },
  );

  root.addEventListener('dblclick', (e) => {
    const target = e.target as Element | null;
    if (!target || typeof target.closest !== 'function') return;
    // A number cell of a grid is edited in place; Ctrl (Cmd) + double-click jumps to the source.
    if (!(e.ctrlKey || e.metaKey) && grid.dblclick(target)) return;
    const cell = target.closest('[data-cell]');
    if (cell && openCell(cell.getAttribute('data-cell') ?? '')) return;
    // A cell not written in the source (missing) or a paragraph: its data-line.
    const line = Number(target.closest('[data-line]')?.getAttribute('data-line'));
    if (Number.isInteger(line) && line >= 0) vscode.postMessage({ type: 'open', line });
  });

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as ToWebview | null;
    if (typeof message !== 'object' || message === null || typeof message.type !== 'string') return;
    switch (message.type) {
      case 'update':
        applyUpdate(message);
        return;
      case 'refused':
        // The values shown while the edit was on its way go back to what the server last rendered.
        if (lastHtml !== undefined) patch(root, lastHtml);
        grid.showMessage(message.path, message.message);
        return;
      case 'scrollTo':
        if (settings.scrollSync) scrollToLine(message.line);
        return;
      case 'settings':
        applySettings(message.settings);
        return;
      case 'locked':
        state.locked = message.locked;
        vscode.setState(state);
        return;
    }
  });

  applySettings(settings);
  if (state.line !== undefined) {
    const line = state.line;
    scrollToLine(line);
    // Fonts and layout settle after the first paint: place it again once, unless the user moved.
    window.addEventListener('load', () => {
      if (state.line === line) scrollToLine(line);
    });
  }
  vscode.postMessage({ type: 'ready', version });
}

const root = document.getElementById(PAGE.root);
const data = readData();
if (root && data) start(root, data);
