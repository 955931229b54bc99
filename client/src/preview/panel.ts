/**
 * One preview panel: a webview showing the server's rendering of one document. Dynamic panels
 * change document with the active editor (the manager calls `setResource`); locked ones never do.
 *
 * Rendering: the first one builds the whole page (HTML inside, so the first paint needs no
 * message); later ones post `update` messages the webview patches in place. Changes are debounced
 * (200 ms after the last, at most 600 ms after the first), one request is in flight at a time and
 * a response older than what is shown is dropped.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PreviewRequest } from '../../../server/src/shared/protocol';
import type { PreviewResponse } from '../../../server/src/shared/protocol';
import { CellWriter } from './cellWriter';
import { buildPage, noticeHtml } from './html';
import type { FromWebview, InitialData, PreviewSettings, PreviewState, SourceMap, ToWebview } from './messages';
import { basename, editorsOf, editorTopLine, errorText, sameUri } from './editors';
import { EchoGuard, revealPosition, SCROLL_THROTTLE_MS } from './sync';
import { Debouncer, Throttle } from './timing';
import { requestLatest } from './latest';

export const VIEW_TYPE = 'xxgk.preview';
export { LANGUAGE_ID } from '../../../server/src/shared/ids';

const REFRESH_DELAY_MS = 200;
const REFRESH_MAX_WAIT_MS = 600;

/** What a panel needs from its manager. */
export interface PreviewHost {
  readonly client: BaseLanguageClient;
  /** The extension's media folder: preview.js, preview.css, and the only local resource root. */
  readonly mediaUri: vscode.Uri;
  settings(): PreviewSettings;
}

export function webviewOptions(mediaUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableFindWidget: true,
    // Hidden previews are rebuilt from setState + the server (cheap) rather than kept in memory.
    retainContextWhenHidden: false,
    localResourceRoots: [mediaUri],
  };
}

type Work = 'page' | 'update';

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private disposed = false;
  /** Document version the webview shows (or was last sent); older responses are dropped. */
  private shownVersion = -1;
  private busy = false;
  private queued: Work | undefined;
  /** Document changes → one update (updates while hidden are skipped: `ready` on show catches up). */
  private readonly refresher = new Debouncer(() => this.schedule('update'), REFRESH_DELAY_MS, REFRESH_MAX_WAIT_MS);
  private readonly echo = new EchoGuard();
  private readonly scroller = new Throttle<number>((line) => this.post({ type: 'scrollTo', line }), SCROLL_THROTTLE_MS);
  /** Cell edits from the grid, written through the server; refusals go back to the cell. */
  private readonly writer: CellWriter;
  /** The source map of what the webview shows (the wrong-total action needs a cell's range). */
  private map: SourceMap = { cells: {}, blocks: [] };

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private lockedFlag: boolean,
    private readonly host: PreviewHost,
    /** Restored scroll line, used by the first page only. */
    private restoredLine?: number,
  ) {
    panel.webview.options = webviewOptions(host.mediaUri); // a revived panel comes without them
    this.writer = new CellWriter(host.client, (path, message) => this.post({ type: 'refused', path, message }));
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m)),
    );
    this.updateTitle();
    this.schedule('page');
  }

  static create(host: PreviewHost, resource: vscode.Uri, locked: boolean, column: vscode.ViewColumn, preserveFocus: boolean): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, title(resource, locked), { viewColumn: column, preserveFocus }, webviewOptions(host.mediaUri));
    return new PreviewPanel(panel, resource, locked, host);
  }

  /** A panel VS Code restored after a reload, with the state the webview saved. */
  static revive(host: PreviewHost, panel: vscode.WebviewPanel, state: PreviewState): PreviewPanel {
    return new PreviewPanel(panel, vscode.Uri.parse(state.uri), state.locked, host, state.line);
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.lockedFlag;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel.viewColumn;
  }

  isPreviewOf(uri: vscode.Uri): boolean {
    return sameUri(this.resourceUri, uri);
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(this.panel.viewColumn, preserveFocus);
  }

  /** Dynamic previews: show another document (a new page: other content, other scroll). */
  setResource(uri: vscode.Uri): void {
    if (this.isPreviewOf(uri)) return;
    this.resourceUri = uri;
    this.restoredLine = undefined;
    this.shownVersion = -1;
    this.refresher.dispose();
    this.scroller.dispose();
    this.updateTitle();
    this.schedule('page');
  }

  setLocked(locked: boolean): void {
    this.lockedFlag = locked;
    this.updateTitle();
    this.post({ type: 'locked', locked });
  }

  /** The document changed (or server settings did): render again, debounced. */
  refresh(): void {
    this.refresher.trigger();
  }

  settingsChanged(): void {
    this.post({ type: 'settings', settings: this.host.settings() });
  }

  /** An editor of our document scrolled. */
  editorScrolled(editor: vscode.TextEditor): void {
    if (!this.host.settings().scrollSync || !this.echo.editorMayScrollPreview()) return;
    const line = editorTopLine(editor);
    if (line !== undefined) this.scroller.call(line);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refresher.dispose();
    this.scroller.dispose();
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  private updateTitle(): void {
    this.panel.title = title(this.resourceUri, this.lockedFlag);
  }

  private post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private onMessage(m: FromWebview): void {
    // The webview is a browser frame: check the shape before acting on it.
    if (typeof m !== 'object' || m === null) return;
    if ((m.type === 'open' || m.type === 'reveal') && !(Number.isFinite(m.line) && m.line >= 0)) return;
    switch (m.type) {
      case 'ready':
        // After hide/show VS Code reloads the page we built first: bring it up to date.
        this.post({ type: 'settings', settings: this.host.settings() });
        this.post({ type: 'locked', locked: this.lockedFlag });
        if (m.version !== this.shownVersion || m.version < 0) {
          this.shownVersion = Math.min(this.shownVersion, m.version);
          this.schedule('update');
        }
        return;
      case 'open':
        void this.openSource(Math.floor(m.line), Number.isInteger(m.character) && (m.character ?? 0) >= 0 ? (m.character ?? 0) : 0);
        return;
      case 'reveal':
        this.revealInEditors(m.line);
        return;
      case 'editCells':
        if (Array.isArray(m.cells) && m.cells.length > 0) void this.writer.edit(this.resourceUri, m.cells);
        return;
      case 'fixTotal':
        if (typeof m.path === 'string') void this.writer.fixTotal(this.resourceUri, m.path, this.map.cells[m.path]);
        return;
    }
  }

  /** One piece of work at a time; a page request supersedes a queued update. */
  private schedule(work: Work): void {
    if (this.disposed) return;
    if (this.busy) {
      if (work === 'page' || this.queued === undefined) this.queued = work;
      return;
    }
    this.busy = true;
    const run = work === 'page' ? this.loadPage() : this.postUpdate();
    void run
      .catch(() => undefined) // fetch() already turns failures into notices
      .finally(() => {
        this.busy = false;
        const next = this.queued;
        this.queued = undefined;
        if (next) this.schedule(next);
      });
  }

  private async fetch(): Promise<{ response?: PreviewResponse; notice?: string }> {
    const uri = this.resourceUri;
    try {
      // The server previews open documents only; opening one without an editor is enough.
      await vscode.workspace.openTextDocument(uri);
      const response = await requestLatest(() => this.host.client.sendRequest(PreviewRequest.type, { uri: uri.toString() }));
      return response ? { response } : { notice: vscode.l10n.t('{0} is not open in the language server.', basename(uri)) };
    } catch (e) {
      return { notice: vscode.l10n.t('The preview of {0} could not be rendered: {1}', basename(uri), errorText(e)) };
    }
  }

  private async loadPage(): Promise<void> {
    const resource = this.resourceUri;
    const { response, notice } = await this.fetch();
    if (this.disposed || !this.isPreviewOf(resource)) return;
    const webview = this.panel.webview;
    const settings = this.host.settings();
    const editor = editorsOf(resource)[0];
    const data: InitialData = {
      uri: resource.toString(),
      locked: this.lockedFlag,
      line: this.restoredLine ?? (editor ? editorTopLine(editor) : undefined),
      ...settings,
      version: response?.version ?? -1,
      map: response?.map ?? { cells: {}, blocks: [] },
      locale: gridLocale(),
    };
    this.map = data.map;
    this.restoredLine = undefined;
    webview.html = buildPage({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.host.mediaUri, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.host.mediaUri, 'preview.css')).toString(),
      html: response ? response.html : noticeHtml(notice ?? ''),
      style: settings.style,
      data,
    });
    this.shownVersion = data.version;
  }

  private async postUpdate(): Promise<void> {
    // Hidden webviews are destroyed (no retainContextWhenHidden): `ready` on show catches up.
    if (!this.panel.visible) return;
    const resource = this.resourceUri;
    const { response } = await this.fetch();
    // On a transient failure the last good rendering stays.
    if (this.disposed || !response || !this.isPreviewOf(resource) || response.version < this.shownVersion) return;
    this.shownVersion = response.version;
    this.map = response.map;
    this.post({ type: 'update', html: response.html, version: response.version, map: response.map });
  }

  private revealInEditors(line: number): void {
    if (!this.host.settings().scrollSync) return;
    for (const editor of editorsOf(this.resourceUri)) {
      const doc = editor.document;
      const at = revealPosition(line, doc.lineCount, (l) => doc.lineAt(l).text.length);
      const position = new vscode.Position(at.line, at.character);
      this.echo.revealingEditor();
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
    }
  }

  /** Double-click: focus the source (its visible editor, else a new one) and put the cursor there. */
  private async openSource(line: number, character: number): Promise<void> {
    try {
      const doc = await vscode.workspace.openTextDocument(this.resourceUri);
      const visible = editorsOf(this.resourceUri)[0];
      const editor = await vscode.window.showTextDocument(doc, visible?.viewColumn ?? vscode.ViewColumn.Active);
      const position = doc.validatePosition(new vscode.Position(line, character));
      editor.selection = new vscode.Selection(position, position);
      // Reveal from the start of the line: a cell far right in a long row must not scroll the row key out of view.
      editor.revealRange(new vscode.Range(position.with({ character: 0 }), position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', basename(this.resourceUri), errorText(e)));
    }
  }
}

/** The grid's own messages follow `xxgk.locale` (auto: the editor's display language), as the server's do. */
function gridLocale(): 'zh-CN' | 'en' {
  const setting = vscode.workspace.getConfiguration('xxgk').get<string>('locale', 'auto');
  const locale = setting === 'auto' ? vscode.env.language : setting;
  return /^en/i.test(locale) ? 'en' : 'zh-CN';
}

/** Markdown's convention: a locked preview reads "[Preview] name". */
function title(resource: vscode.Uri, locked: boolean): string {
  const name = basename(resource);
  return locked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
}
