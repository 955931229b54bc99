/**
 * `xxgk.exportHtml`: the report as a standalone HTML page (the same page as `xxgk render`), from
 * the editor's current text, saved wherever the user chooses.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ExportHtmlRequest } from '../../../server/src/lsp/protocol';
import { LANGUAGE_ID, REPORT_NAME } from '../ids';
import { confirmOverwrite, currentFolder, errorText, requireTrust } from './files';

/** The report to export: the file the command was run on (explorer, editor title) or the active editor's. */
async function reportDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === LANGUAGE_ID ? doc : undefined;
}

/** `报告.xxgk.yaml` → `报告.html`, next to the source (or in the workspace for an untitled one). */
function defaultTarget(doc: vscode.TextDocument): vscode.Uri | undefined {
  const base = doc.uri.path.split('/').pop() ?? 'report';
  const name = `${base.replace(REPORT_NAME, '').replace(/\.ya?ml$/i, '')}.html`;
  if (doc.isUntitled) {
    const folder = currentFolder();
    return folder ? vscode.Uri.joinPath(folder, name) : undefined;
  }
  return vscode.Uri.joinPath(doc.uri, '..', name);
}

export async function exportHtml(client: BaseLanguageClient, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust())) return undefined;
  const doc = await reportDocument(resource);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report (*.xxgk.yaml) to export it.'));
    return undefined;
  }
  // A target Uri as second argument (tests, other extensions) skips the save dialog; menus never pass one.
  const target = to instanceof vscode.Uri ? to : await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Report as HTML'),
    defaultUri: defaultTarget(doc),
    filters: { HTML: ['html', 'htm'] },
    saveLabel: vscode.l10n.t('Export'),
  });
  if (!target || !(await confirmOverwrite(target))) return undefined;

  try {
    const result = await client.sendRequest(ExportHtmlRequest.type, { uri: client.code2ProtocolConverter.asUri(doc.uri) });
    if (!result) throw new Error(vscode.l10n.t('the language server does not have this document open'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.html));
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the report: {0}', errorText(e)));
    return undefined;
  }

  const name = target.path.split('/').pop() ?? target.toString();
  const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const message = errors
    ? vscode.l10n.t('Exported {0}. Errors left in the report: {1}; they are marked in the page.', name, errors)
    : vscode.l10n.t('Exported {0}.', name);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(message, open).then(async (answer) => {
    if (answer !== open) return;
    // A browser shows the page as published; in a remote window the file is not on this machine, so open it in the editor.
    if (target.scheme === 'file' && !vscode.env.remoteName) await vscode.env.openExternal(target);
    else await vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}
