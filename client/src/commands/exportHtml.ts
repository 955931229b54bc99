/**
 * `xxgk.exportHtml`: the report as a standalone HTML page (the same page as `xxgk render`), from
 * the editor's current text, saved wherever the user chooses.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExportHtmlRequest } from '../../../server/src/shared/protocol';
import { exportReport, openExternally } from './exportReport';
import { requestLatest } from '../preview/latest';

export function exportHtml(client: BaseLanguageClient, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  return exportReport(
    client,
    {
      title: vscode.l10n.t('Export Report as HTML'),
      extension: '.html',
      filters: { HTML: ['html', 'htm'] },
      produce: async (c, uri) => {
        const result = await requestLatest(() => c.sendRequest(ExportHtmlRequest.type, { uri }));
        return result && new TextEncoder().encode(result.html);
      },
      // The system browser shows a local page; remotely (the file is not on this machine) a
      // webview shows the same page rendered, never its HTML source.
      open: (target) => (target.scheme === 'file' && !vscode.env.remoteName ? openExternally(target, true) : showPage(target)),
    },
    resource,
    to,
  );
}

/** The exported page, rendered in a webview (its own CSP allows nothing but its inline style). */
async function showPage(target: vscode.Uri): Promise<void> {
  const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
  const panel = vscode.window.createWebviewPanel('xxgk.exported', target.path.split('/').pop() ?? 'HTML', vscode.ViewColumn.Active, { enableScripts: false });
  panel.webview.html = html;
}
