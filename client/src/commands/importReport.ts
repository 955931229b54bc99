/**
 * `xxgk.importReport`: a published report (Word .docx, a web page, or text copied from Word or a
 * PDF) to a new report source. The language server reads and converts the file (the client never
 * parses it); this asks which file, where to save the result (default beside the input), asks
 * before replacing a file, writes it and opens it. What could not be placed is listed in comments
 * at the top of the new file.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ImportReportRequest } from '../../../server/src/lsp/protocol';
import { LANGUAGE_ID, REPORT_NAME } from '../ids';
import { confirmOverwrite, currentFolder, errorText, requireTrust } from './files';

/** The file to import: the one the command was run on (explorer), else one chosen in a dialog. */
async function inputFile(resource: unknown, title: string): Promise<vscode.Uri | undefined> {
  if (resource instanceof vscode.Uri) return resource;
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectMany: false,
    canSelectFolders: false,
    defaultUri: currentFolder(),
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Published reports')]: ['docx', 'html', 'htm', 'txt', 'md'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

export async function importReport(client: BaseLanguageClient, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust())) return undefined;
  const title = vscode.l10n.t('Import Annual Report');
  const input = await inputFile(resource, title);
  if (!input) return undefined;
  try {
    const result = await client.sendRequest(ImportReportRequest.type, { uri: client.code2ProtocolConverter.asUri(input) });
    // A target Uri as second argument (tests, other extensions) skips the save dialog; menus never pass one.
    const target =
      to instanceof vscode.Uri
        ? to
        : await vscode.window.showSaveDialog({
            title,
            defaultUri: vscode.Uri.joinPath(input, '..', result.fileName),
            filters: { [vscode.l10n.t('Annual report sources')]: ['yaml', 'yml'] },
            saveLabel: vscode.l10n.t('Create'),
          });
    if (!target || !(await confirmOverwrite(target))) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    let doc = await vscode.workspace.openTextDocument(target);
    // A name without .xxgk.yaml would open as plain YAML: keep this file a report anyway.
    if (!REPORT_NAME.test(target.path) && doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    await vscode.window.showTextDocument(doc);
    const unplaced = result.notes.filter((n) => n.kind === 'unplaced').length;
    const name = input.path.split('/').pop() ?? input.toString();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Imported {0}: {1} item(s) not placed and {2} note(s) to check, listed at the top of the new file.', name, unplaced, result.notes.length - unplaced),
    );
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not import the report: {0}', errorText(e)));
    return undefined;
  }
}
