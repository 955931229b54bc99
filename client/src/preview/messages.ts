/**
 * The one contract between the extension (client/src/preview) and the webview (client/src/webview),
 * like Markdown's previewMessaging.d.ts: message types plus the few names of the page both sides
 * use. No vscode, no DOM and no server import here, so both sides (and the tests) can import it.
 */

/** 0-based, as in LSP. */
export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** `xxgk.preview.style`: follow the VS Code theme, or a white page like the printed report. */
export type PreviewStyle = 'theme' | 'paper';

/**
 * The server's source map (PreviewResult['map'] in server/src/engine/editor/preview.ts), restated so
 * the webview does not compile server code; panel.ts passes the server's value where this type is
 * expected, so a drift fails the extension's type check.
 */
export interface SourceMap {
  /** Cell path → range of its written value (of its key when blank). */
  cells: Record<string, Range>;
  /** Source line span of every printed paragraph and table row, in source order. */
  blocks: { line: number; endLine: number }[];
}

export interface PreviewSettings {
  style: PreviewStyle;
  /** `xxgk.preview.scrollSync`: both directions at once. */
  scrollSync: boolean;
}

/** What the webview keeps with `vscode.setState`; the panel serializer receives it after a reload. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  /** Source line (fractional) at the top of the preview. */
  line?: number;
}

/** Embedded in the page, so the first paint and the first scroll need no message round trip. */
export interface InitialData extends PreviewState, PreviewSettings {
  /** Document version of the embedded HTML; -1 for a notice (nothing rendered yet). */
  version: number;
  map: SourceMap;
  /** Language of the grid's own messages (the server's refusals come in its language). */
  locale?: 'zh-CN' | 'en';
}

/** A cell set in the preview: a number, or null to blank it. */
export interface CellEdit {
  path: string;
  value: number | null;
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'update'; html: string; version: number; map: SourceMap }
  /** Editor scrolled: bring this (fractional) source line to the top. */
  | { type: 'scrollTo'; line: number }
  | { type: 'settings'; settings: PreviewSettings }
  | { type: 'locked'; locked: boolean }
  /** An edit was refused (by the server, or it failed): the reason, shown in the cell. */
  | { type: 'refused'; path: string; message: string };

/** Webview → extension. */
export type FromWebview =
  /** The script runs; `version` is what the page shows (the page may be stale after hide/show). */
  | { type: 'ready'; version: number }
  /** Double-click: put the cursor here (0-based). */
  | { type: 'open'; line: number; character?: number }
  /** Preview scrolled by the user: reveal this (fractional) source line at the top of the editor. */
  | { type: 'reveal'; line: number }
  /** Cells edited or pasted in the grid: written to the source as one undo step. */
  | { type: 'editCells'; cells: CellEdit[] }
  /** The quick action on a wrong total: the editor's quick fix for it. */
  | { type: 'fixTotal'; path: string };

/** Ids in the page shell. */
export const PAGE = {
  /** `<main>` holding the report fragment: the node the webview patches. */
  root: 'xxgk-root',
  /** `<meta>` whose `data-state` is the InitialData JSON. */
  data: 'xxgk-data',
} as const;

/** Body class for a style; the webview swaps it when the setting changes. */
export const styleClass = (style: PreviewStyle): string => `xxgk-style-${style}`;
