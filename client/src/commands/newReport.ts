/**
 * `xxgk.newReport`: asks for 机关 and 年度, where to save, then writes the skeleton the server
 * builds from the format definition (every part, tables of zeros, checks clean) and opens it with
 * the cursor on the first prose to write.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { REPORT_YEARS, SkeletonRequest } from '../../../server/src/shared/protocol';
import { LANGUAGE_ID, REPORT_NAME } from '../../../server/src/shared/ids';
import { confirmOverwrite, currentFolder, errorText, safeFileName } from './files';

export function validateYear(value: string): string | undefined {
  const year = Number(value.trim());
  if (!/^\d{4}$/.test(value.trim()) || year < REPORT_YEARS.min || year > REPORT_YEARS.max) {
    return vscode.l10n.t('Enter a year from {0} to {1}.', REPORT_YEARS.min, REPORT_YEARS.max);
  }
  return undefined;
}

export async function newReport(client: BaseLanguageClient): Promise<vscode.Uri | undefined> {
  const title = vscode.l10n.t('New Annual Report');
  const agency = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Full name of the reporting body (机关)'),
    placeHolder: vscode.l10n.t('e.g. 昆都仑区白云路街道办事处'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the name of the reporting body.')),
  });
  if (agency === undefined) return undefined;

  // Reports are written early in the year for the year before.
  const lastYear = String(new Date().getFullYear() - 1);
  const yearText = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Report year (年度)'),
    value: lastYear,
    ignoreFocusOut: true,
    validateInput: validateYear,
  });
  if (yearText === undefined) return undefined;
  const year = Number(yearText.trim());

  const folder = currentFolder();
  const fileName = `${safeFileName(agency.trim())}${year}.xxgk.yaml`;
  const target = await vscode.window.showSaveDialog({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [vscode.l10n.t('Annual report sources')]: ['yaml', 'yml'] },
    saveLabel: vscode.l10n.t('Create'),
  });
  if (!target || !(await confirmOverwrite(target))) return undefined;

  try {
    const { text, cursor } = await client.sendRequest(SkeletonRequest.type, { agency: agency.trim(), year });
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    let doc = await vscode.workspace.openTextDocument(target);
    // A name without .xxgk.yaml would open as plain YAML: keep this file a report anyway.
    if (!REPORT_NAME.test(target.path) && doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    const position = new vscode.Position(cursor.line, cursor.character);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position) });
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the report: {0}', errorText(e)));
    return undefined;
  }
}
