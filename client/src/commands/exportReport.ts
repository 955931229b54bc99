/**
 * What the export commands share: which report to export, where to suggest saving it, the save
 * dialog, asking before replacing a file, writing the server's answer with workspace.fs and the
 * closing message. Each command (exportHtml, exportDocx) brings its file type and its request.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LANGUAGE_ID, REPORT_NAME } from '../../../server/src/shared/ids';
import { confirmOverwrite, currentFolder, errorText, requireTrust } from './files';

export interface ExportKind {
  /** Save dialog title (localised by the command). */
  title: string;
  /** Extension of the default file name, e.g. `.docx`. */
  extension: string;
  filters: Record<string, string[]>;
  /** The file's bytes for the document at `uri` (protocol form); null when the server does not have it open. */
  produce(client: BaseLanguageClient, uri: string): Promise<Uint8Array | null>;
  /** Opens the written file (the command's "Open" button). */
  open(target: vscode.Uri): Thenable<unknown>;
}

/** The report to export: the file the command was run on (explorer, editor title) or the active editor's. */
async function reportDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === LANGUAGE_ID ? doc : undefined;
}

/** `报告.xxgk.yaml` → `报告<extension>`, next to the source (or in the workspace for an untitled one). */
function defaultTarget(doc: vscode.TextDocument, extension: string): vscode.Uri | undefined {
  const base = doc.uri.path.split('/').pop() ?? 'report';
  const name = `${base.replace(REPORT_NAME, '').replace(/\.ya?ml$/i, '')}${extension}`;
  if (doc.isUntitled) {
    const folder = currentFolder();
    return folder ? vscode.Uri.joinPath(folder, name) : undefined;
  }
  return vscode.Uri.joinPath(doc.uri, '..', name);
}

/** Opens a local file in the system's default application; a remote one where VS Code can show it. */
export async function openExternally(target: vscode.Uri, inEditor: boolean): Promise<void> {
  // In a remote window the file is not on this machine: the system cannot open it.
  if (target.scheme === 'file' && !vscode.env.remoteName) await vscode.env.openExternal(target);
  else if (inEditor) await vscode.commands.executeCommand('vscode.open', target);
  else await vscode.commands.executeCommand('revealInExplorer', target);
}

export async function exportReport(client: BaseLanguageClient, kind: ExportKind, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust())) return undefined;
  const doc = await reportDocument(resource);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an annual report (*.xxgk.yaml) to export it.'));
    return undefined;
  }
  // The exported file is the report as published, with no marks: a report with errors is exported
  // only when the user says so. A target Uri as second argument (tests, other extensions) skips
  // both this question and the save dialog; menus never pass one.
  const errors = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  if (errors > 0 && !(to instanceof vscode.Uri)) {
    const anyway = vscode.l10n.t('Export Anyway');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('The report has {0} error(s). The exported file is the report as published and does not mark them. Export anyway?', errors),
      { modal: true },
      anyway,
    );
    if (answer !== anyway) return undefined;
  }
  const target =
    to instanceof vscode.Uri
      ? to
      : await vscode.window.showSaveDialog({ title: kind.title, defaultUri: defaultTarget(doc, kind.extension), filters: kind.filters, saveLabel: vscode.l10n.t('Export') });
  if (!target || !(await confirmOverwrite(target))) return undefined;

  try {
    const data = await kind.produce(client, client.code2ProtocolConverter.asUri(doc.uri));
    if (!data) throw new Error(vscode.l10n.t('the language server does not have this document open'));
    await vscode.workspace.fs.writeFile(target, data);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the report: {0}', errorText(e)));
    return undefined;
  }

  const name = target.path.split('/').pop() ?? target.toString();
  const open = vscode.l10n.t('Open');
  // One message for every format.
  const done = errors
    ? vscode.l10n.t('Exported {0}. The report still has {1} error(s), not marked in the exported file: fix them before publishing.', name, errors)
    : vscode.l10n.t('Exported {0}.', name);
  void vscode.window.showInformationMessage(done, open).then(async (answer) => {
    if (answer === open) await kind.open(target);
  });
  return target;
}
