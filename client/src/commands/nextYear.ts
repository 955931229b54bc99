/**
 * `xxgk.nextYear`: starts next year's report from this one. The server builds the text (上年报告
 * back to this file, 上年结转 and 现行有效 carried, other numbers 0); this asks where to save it
 * (default `<机关><年度 + 1>.xxgk.yaml` beside this file), asks before replacing a file, writes it
 * and opens it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NextYearRequest } from '../../../server/src/shared/protocol';
import { LANGUAGE_ID, REPORT_NAME } from '../../../server/src/shared/ids';
import { confirmOverwrite, errorText } from './files';

/** The report to continue: the file the command was run on, or the active editor's. */
async function reportDocument(resource: unknown): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) return vscode.workspace.openTextDocument(resource);
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === LANGUAGE_ID ? doc : undefined;
}

export async function nextYear(client: BaseLanguageClient, resource?: unknown, to?: unknown): Promise<vscode.Uri | undefined> {
  const doc = await reportDocument(resource);
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Open an annual report (*.xxgk.yaml) to start next year's report from it."));
    return undefined;
  }
  // 上年报告 names this file relative to the new one: an unsaved report has no name yet.
  if (doc.isUntitled) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Save the report first: next year's report refers to it by its file name."));
    return undefined;
  }
  const title = vscode.l10n.t("Start Next Year's Report");
  const uri = client.code2ProtocolConverter.asUri(doc.uri);
  try {
    const suggested = await client.sendRequest(NextYearRequest.type, { uri });
    if (!suggested) throw new Error(vscode.l10n.t('the language server does not have this document open'));
    // A target Uri as second argument (tests, other extensions) skips the save dialog; menus never pass one.
    const target =
      to instanceof vscode.Uri
        ? to
        : await vscode.window.showSaveDialog({
            title,
            defaultUri: vscode.Uri.joinPath(doc.uri, '..', suggested.fileName),
            filters: { [vscode.l10n.t('Annual report sources')]: ['yaml', 'yml'] },
            saveLabel: vscode.l10n.t('Create'),
          });
    if (!target || !(await confirmOverwrite(target))) return undefined;
    // Asked again with the target: 上年报告 is written relative to where the file goes.
    const result = await client.sendRequest(NextYearRequest.type, { uri, target: client.code2ProtocolConverter.asUri(target) });
    if (!result) throw new Error(vscode.l10n.t('the language server does not have this document open'));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    let created = await vscode.workspace.openTextDocument(target);
    // A name without .xxgk.yaml would open as plain YAML: keep this file a report anyway.
    if (!REPORT_NAME.test(target.path) && created.languageId !== LANGUAGE_ID) created = await vscode.languages.setTextDocumentLanguage(created, LANGUAGE_ID);
    await vscode.window.showTextDocument(created);
    // Say what was carried and what is left, so the new file is not a silent surprise.
    void vscode.window.showInformationMessage(
      vscode.l10n.t("Created {0}: 上年结转 and 现行有效 carried from this year, other numbers 0; the prose parts are left to write.", target.path.split('/').pop() ?? ''),
    );
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not start next year's report: {0}", errorText(e)));
    return undefined;
  }
}
