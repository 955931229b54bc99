/**
 * The explorer's "Reports overview" (年报总览): every report file of the workspace, grouped by 机关
 * and 年度, with its error and warning counts. The client lists the files and draws the tree; the
 * server reads and checks them (`xxgk/overview`). Refreshed, debounced: the whole list when report
 * files are created or deleted or the folders change; only the files concerned when one changes on
 * disk or its diagnostics change (an edit in an open report), so typing in one report does not make
 * the server check every report of the workspace again.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OverviewRequest } from '../../../server/src/shared/overviewProtocol';
import type { OverviewItem } from '../../../server/src/shared/overviewProtocol';
import { REPORT_GLOB, REPORT_NAME } from '../../../server/src/shared/ids';

export const OVERVIEW_VIEW = 'xxgk.overview';

type Node =
  | { kind: 'agency'; agency: string; years: Map<string, OverviewItem[]> }
  | { kind: 'year'; agency: string; year: string; items: OverviewItem[] }
  | { kind: 'report'; item: OverviewItem };

/** What the tree shows, as plain data (the extension-host tests read it). */
export interface OverviewSnapshot {
  agency: string;
  errors: number;
  warnings: number;
  years: { year: string; reports: { uri: string; errors: number; warnings: number }[] }[];
}

const counts = (items: OverviewItem[]) => items.reduce((n, i) => ({ errors: n.errors + i.errors, warnings: n.warnings + i.warnings }), { errors: 0, warnings: 0 });
const describe = (n: { errors: number; warnings: number }) => vscode.l10n.t('{0} errors, {1} warnings', n.errors, n.warnings);

export class OverviewTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups = new Map<string, Map<string, OverviewItem[]>>();
  /** Each report's latest item, by its URI as the server knows it. */
  private items = new Map<string, OverviewItem>();
  /** What the next refresh asks the server for: every report, or these URIs. */
  private dirty: 'all' | Set<string> = 'all';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Resolves after the next refresh has finished (tests wait on it). */
  private waiters: (() => void)[] = [];

  constructor(private readonly client: BaseLanguageClient) {
    const watcher = vscode.workspace.createFileSystemWatcher(REPORT_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => this.schedule()),
      watcher.onDidChange((u) => this.schedule(undefined, [u])),
      watcher.onDidDelete(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const reports = e.uris.filter((u) => REPORT_NAME.test(u.path));
        if (reports.length) this.schedule(undefined, reports);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
    );
    this.schedule(0);
  }

  /** Refreshes after a quiet moment, so a burst of changes costs one request; `uris`: only these files changed. */
  schedule(delay = 400, uris?: readonly vscode.Uri[]): void {
    if (!uris) this.dirty = 'all';
    else if (this.dirty !== 'all') for (const u of uris) this.dirty.add(this.client.code2ProtocolConverter.asUri(u));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /** The tree as data, after any pending refresh. */
  async snapshot(): Promise<OverviewSnapshot[]> {
    await this.refresh();
    return [...this.groups].map(([agency, years]) => ({
      agency,
      ...counts([...years.values()].flat()),
      years: [...years].map(([year, items]) => ({ year, reports: items.map((i) => ({ uri: i.uri, errors: i.errors, warnings: i.warnings })) })),
    }));
  }

  async refresh(): Promise<void> {
    if (this.running) {
      // One refresh at a time; a change during one asks for another after it.
      this.again = true;
      return new Promise((resolve) => this.waiters.push(resolve));
    }
    this.running = this.load().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      } else {
        for (const w of this.waiters.splice(0)) w();
      }
    });
    return this.running;
  }

  private async load(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) return;
    const dirty = this.dirty;
    this.dirty = new Set();
    // Only files already listed are updated; a new file comes with its create event (a full refresh).
    const uris =
      dirty === 'all'
        ? (await vscode.workspace.findFiles(REPORT_GLOB, '**/node_modules/**')).map((u) => this.client.code2ProtocolConverter.asUri(u))
        : [...dirty].filter((u) => this.items.has(u));
    if (dirty !== 'all' && uris.length === 0) return;
    let fresh: OverviewItem[];
    try {
      fresh = await this.client.sendRequest(OverviewRequest.type, { uris });
    } catch {
      this.dirty = 'all'; // The server is not running (yet): the next change asks again for everything.
      return;
    }
    if (dirty === 'all') this.items = new Map();
    for (const item of fresh) this.items.set(item.uri, item);
    const unnamed = vscode.l10n.t('(no 机关)');
    const groups = new Map<string, Map<string, OverviewItem[]>>();
    // Each URI parsed once, not in every comparison of the sort.
    const byPath = [...this.items.values()].map((item) => ({ item, path: vscode.Uri.parse(item.uri).path })).sort((a, b) => a.path.localeCompare(b.path));
    for (const { item } of byPath) {
      const agency = item.agency ?? unnamed;
      const year = item.year !== undefined ? String(item.year) : '?';
      const years = groups.get(agency) ?? new Map<string, OverviewItem[]>();
      years.set(year, [...(years.get(year) ?? []), item]);
      groups.set(agency, years);
    }
    // 机关 by name, 年度 newest first.
    this.groups = new Map([...groups].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN')).map(([a, y]) => [a, new Map([...y].sort((p, q) => q[0].localeCompare(p[0])))]));
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return [...this.groups].map(([agency, years]) => ({ kind: 'agency', agency, years }));
    if (node.kind === 'agency') return [...node.years].map(([year, items]) => ({ kind: 'year', agency: node.agency, year, items }));
    if (node.kind === 'year') return node.items.map((item) => ({ kind: 'report', item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'agency') {
      const t = new vscode.TreeItem(node.agency, vscode.TreeItemCollapsibleState.Expanded);
      t.description = describe(counts([...node.years.values()].flat()));
      t.iconPath = new vscode.ThemeIcon('organization');
      return t;
    }
    if (node.kind === 'year') {
      const t = new vscode.TreeItem(vscode.l10n.t('{0} report', node.year), vscode.TreeItemCollapsibleState.Expanded);
      t.description = describe(counts(node.items));
      t.iconPath = new vscode.ThemeIcon('calendar');
      return t;
    }
    const uri = vscode.Uri.parse(node.item.uri);
    const t = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    t.description = node.item.unreadable ? vscode.l10n.t('cannot be read') : describe(node.item);
    t.iconPath = new vscode.ThemeIcon(node.item.errors ? 'error' : node.item.warnings ? 'warning' : 'pass');
    t.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    t.tooltip = vscode.workspace.asRelativePath(uri);
    return t;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

export function registerOverview(client: BaseLanguageClient): { tree: OverviewTree; disposable: vscode.Disposable } {
  const tree = new OverviewTree(client);
  const view = vscode.window.createTreeView(OVERVIEW_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  return { tree, disposable: vscode.Disposable.from(view, tree) };
}
