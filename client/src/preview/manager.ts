/**
 * All preview panels, and the editor events they follow (Markdown's previewManager): document
 * changes → refresh, active editor → dynamic previews switch document, visible ranges → scroll
 * sync, settings → restyle or re-render. Also where restored panels come back to life.
 */
import * as vscode from 'vscode';
import type { PreviewSettings, PreviewState } from './messages';
import { LANGUAGE_ID, PreviewPanel } from './panel';
import type { PreviewHost } from './panel';

export function readSettings(): PreviewSettings {
  const config = vscode.workspace.getConfiguration('xxgk.preview');
  return { style: config.get<string>('style') === 'theme' ? 'theme' : 'paper', scrollSync: config.get<boolean>('scrollSync', true) };
}

/** The state a webview saved, if it is one (it comes back from disk as plain JSON). */
export function asPreviewState(value: unknown): PreviewState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Partial<PreviewState>;
  if (typeof s.uri !== 'string' || s.uri === '') return undefined;
  return { uri: s.uri, locked: s.locked === true, line: typeof s.line === 'number' && Number.isFinite(s.line) ? s.line : undefined };
}

export interface OpenOptions {
  /** Where: `ViewColumn.Beside` for "to the side", else the editor's own column. */
  column: vscode.ViewColumn;
  preserveFocus: boolean;
}

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Set<PreviewPanel>();
  /** The preview focused last: the target of "toggle lock". */
  private lastActive: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: PreviewHost) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const p of this.panels) if (p.isPreviewOf(e.document.uri)) p.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
        for (const p of this.panels) if (!p.locked) p.setResource(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        for (const p of this.panels) if (p.isPreviewOf(e.textEditor.document.uri)) p.editorScrolled(e.textEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('xxgk.preview')) for (const p of this.panels) p.settingsChanged();
        // Locale or rule settings change the server's HTML (it re-reads them on this event too).
        else if (e.affectsConfiguration('xxgk')) for (const p of this.panels) p.refresh();
      }),
    );
  }

  /**
   * Opens a dynamic preview of `resource`. As in Markdown, a dynamic preview already in the
   * target column (for "to the side": any column but the editor's) is reused, not duplicated.
   */
  open(resource: vscode.Uri, options: OpenOptions): void {
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    const existing = [...this.panels].find(
      (p) => !p.locked && (options.column === vscode.ViewColumn.Beside ? p.viewColumn !== editorColumn : p.viewColumn === options.column),
    );
    if (existing) {
      existing.setResource(resource);
      existing.reveal(options.preserveFocus);
      return;
    }
    this.add(PreviewPanel.create(this.host, resource, false, options.column, options.preserveFocus));
  }

  /** Restores a panel after a reload; a panel without usable state is closed. */
  revive(panel: vscode.WebviewPanel, state: unknown): void {
    const s = asPreviewState(state);
    if (!s) {
      panel.dispose();
      return;
    }
    this.add(PreviewPanel.revive(this.host, panel, s));
  }

  /** The focused preview, else the one focused last. */
  get activePreview(): PreviewPanel | undefined {
    for (const p of this.panels) if (p.panel.active) return p;
    return this.lastActive;
  }

  toggleLock(): void {
    const preview = this.activePreview;
    if (!preview) return;
    preview.setLocked(!preview.locked);
    if (preview.locked) return;
    // Unlocked: it is the column's dynamic preview now; another one there would duplicate it.
    for (const p of [...this.panels]) if (p !== preview && !p.locked && p.viewColumn === preview.viewColumn) p.dispose();
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === LANGUAGE_ID) preview.setResource(editor.document.uri);
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private add(preview: PreviewPanel): void {
    this.panels.add(preview);
    if (preview.panel.active) this.lastActive = preview;
    const viewState = preview.panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.lastActive = preview;
    });
    preview.onDidDispose(() => {
      viewState.dispose();
      this.panels.delete(preview);
      if (this.lastActive === preview) this.lastActive = undefined;
    });
  }
}
