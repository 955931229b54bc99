/**
 * `xxgk.importReport`: published reports (Word .docx, PDF, a web page, or text copied from Word or a
 * PDF) to new report sources. The language server reads and converts each file (the client never
 * parses one) and says where its notes are; this asks which files, where to save (one file: a save
 * dialog beside the input; several: a folder), asks before replacing files, writes them one at a
 * time, and ends with a summary whose Review button lists every place to check and goes there.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { distinctNames } from '../../../server/src/engine';
import { ImportReportRequest } from '../../../server/src/shared/protocol';
import type { ImportReportResult } from '../../../server/src/shared/protocol';
import { LANGUAGE_ID, REPORT_NAME } from '../../../server/src/shared/ids';
import { confirmOverwrite, currentFolder, errorText, requireTrust } from './files';
import { chosenInputs, IMPORT_EXTENSIONS, placesToCheck } from './importPlan';
import type { ImportedFile, PlaceToCheck } from './importPlan';

const isUri = (x: unknown): x is vscode.Uri => x instanceof vscode.Uri;
const baseName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.toString();

/** Files chosen in a dialog (several at once). */
async function pickInputs(title: string): Promise<vscode.Uri[]> {
  const picked = await vscode.window.showOpenDialog({
    title,
    canSelectMany: true,
    canSelectFolders: false,
    defaultUri: currentFolder(),
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Published reports')]: [...IMPORT_EXTENSIONS], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked ?? [];
}

function request(client: BaseLanguageClient, input: vscode.Uri): Promise<ImportReportResult> {
  return client.sendRequest(ImportReportRequest.type, { uri: client.code2ProtocolConverter.asUri(input) });
}

async function write(target: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
}

/** Opens a source with `line` in view and selected (line 0: the header comment). */
async function reveal(target: vscode.Uri, line: number): Promise<void> {
  let doc = await vscode.workspace.openTextDocument(target);
  // A name without .xxgk.yaml would open as plain YAML: keep this file a report anyway.
  if (!REPORT_NAME.test(target.path) && doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  const at = Math.min(line, doc.lineCount - 1);
  const range = doc.lineAt(at).range;
  const editor = await vscode.window.showTextDocument(doc, { selection: new vscode.Selection(range.start, range.end) });
  editor.revealRange(range, at === 0 ? vscode.TextEditorRevealType.AtTop : vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A QuickPick of every note, file by file; the one chosen is opened at its cell (or its comment). */
async function review(files: readonly ImportedFile<vscode.Uri>[]): Promise<void> {
  type Item = vscode.QuickPickItem & { place?: PlaceToCheck<vscode.Uri> };
  const items: Item[] = [];
  let last: vscode.Uri | undefined;
  for (const place of placesToCheck(files)) {
    if (files.length > 1 && place.file !== last) items.push({ label: place.name, kind: vscode.QuickPickItemKind.Separator });
    last = place.file;
    const unplaced = place.note.kind === 'unplaced';
    items.push({
      label: `${unplaced ? '$(warning)' : '$(info)'} ${place.note.message}`,
      description: unplaced ? vscode.l10n.t('not placed') : vscode.l10n.t('to check'),
      place,
    });
  }
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Places to check in the imported reports'),
    placeHolder: vscode.l10n.t('Choose a note to go to its cell'),
    matchOnDescription: true,
  });
  if (chosen?.place) await reveal(chosen.place.file, chosen.place.line);
}

interface Summary {
  files: ImportedFile<vscode.Uri>[];
  read: number;
  toCheck: number;
  failures: string[];
  total: number;
}

async function showSummary(s: Summary): Promise<void> {
  const reviewLabel = vscode.l10n.t('Review');
  const buttons = s.files.some((f) => f.notes.length) ? [reviewLabel] : [];
  let answer: string | undefined;
  if (s.failures.length === 0) {
    const text =
      s.files.length === 1
        ? vscode.l10n.t('Imported {0}: {1} cell(s) read, {2} to check (listed at the top of the file).', s.files[0].name, s.read, s.toCheck)
        : vscode.l10n.t('Imported {0} files: {1} cell(s) read, {2} to check (listed at the top of each file).', s.files.length, s.read, s.toCheck);
    answer = await vscode.window.showInformationMessage(text, ...buttons);
  } else {
    const shown = s.failures.slice(0, 3).join('; ') + (s.failures.length > 3 ? '; …' : '');
    answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Imported {0} of {1} file(s): {2} cell(s) read, {3} to check. Not imported: {4}', s.files.length, s.total, s.read, s.toCheck, shown),
      ...buttons,
    );
  }
  if (answer === reviewLabel) await review(s.files);
}

/** One file: a save dialog beside it (or `to`), opened with its header comment in view. */
async function importOne(client: BaseLanguageClient, input: vscode.Uri, to: vscode.Uri | undefined, title: string): Promise<vscode.Uri | undefined> {
  const result = await request(client, input);
  const target =
    to ??
    (await vscode.window.showSaveDialog({
      title,
      defaultUri: vscode.Uri.joinPath(input, '..', result.fileName),
      filters: { [vscode.l10n.t('Annual report sources')]: ['yaml', 'yml'] },
      saveLabel: vscode.l10n.t('Create'),
    }));
  if (!target || !(await confirmOverwrite(target))) return undefined;
  await write(target, result.text);
  await reveal(target, 0);
  void showSummary({ files: [{ file: target, name: baseName(input), notes: result.notes }], read: result.cellsRead, toCheck: result.cellsToCheck, failures: [], total: 1 });
  return target;
}

/** Several files: one folder for all, one request at a time (the server holds one report at once). */
async function importMany(client: BaseLanguageClient, inputs: vscode.Uri[], title: string): Promise<vscode.Uri[] | undefined> {
  const folder = (
    await vscode.window.showOpenDialog({
      title: vscode.l10n.t('Folder for the {0} imported sources', inputs.length),
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      defaultUri: vscode.Uri.joinPath(inputs[0], '..'),
      openLabel: vscode.l10n.t('Save Here'),
    })
  )?.[0];
  if (!folder) return undefined;
  const summary: Summary = { files: [], read: 0, toCheck: 0, failures: [], total: inputs.length };
  const names: string[] = [];
  const written: vscode.Uri[] = [];
  let replace: boolean | undefined;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    for (const input of inputs) {
      if (token.isCancellationRequested) break;
      progress.report({ message: baseName(input), increment: 100 / inputs.length });
      try {
        const result = await request(client, input);
        // Two inputs of one name (a.docx, a.html) get distinct sources, as with `xxgk import`.
        names.push(result.fileName);
        const target = vscode.Uri.joinPath(folder, distinctNames(names).pop() as string);
        if (await exists(target)) {
          replace ??= await askReplace(folder);
          if (replace === undefined) break;
          if (!replace) {
            summary.failures.push(vscode.l10n.t('{0} (already exists)', baseName(target)));
            continue;
          }
        }
        await write(target, result.text);
        written.push(target);
        summary.files.push({ file: target, name: baseName(input), notes: result.notes });
        summary.read += result.cellsRead;
        summary.toCheck += result.cellsToCheck;
      } catch (e) {
        summary.failures.push(`${baseName(input)} (${errorText(e)})`);
      }
    }
  });
  summary.total = summary.files.length + summary.failures.length;
  if (summary.total) void showSummary(summary);
  return written;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Asked once per run: true replace all, false keep them (skipped), undefined stop. */
async function askReplace(folder: vscode.Uri): Promise<boolean | undefined> {
  const replaceAll = vscode.l10n.t('Replace All');
  const keep = vscode.l10n.t('Keep Existing');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Some sources already exist in "{0}". Replace them?', baseName(folder)),
    { modal: true, detail: vscode.l10n.t('Files kept are not imported again.') },
    replaceAll,
    keep,
  );
  return answer === replaceAll ? true : answer === keep ? false : undefined;
}

/**
 * From the explorer `(clicked, selected[])`; from a caller `(input, target)` (a target skips the
 * save dialog); from the palette nothing (an open dialog, several files allowed).
 */
export async function importReport(client: BaseLanguageClient, resource?: unknown, second?: unknown): Promise<vscode.Uri | vscode.Uri[] | undefined> {
  if (!(await requireTrust())) return undefined;
  const title = vscode.l10n.t('Import Annual Report');
  const chosen = chosenInputs(resource, second, isUri);
  const inputs = chosen.inputs.length ? chosen.inputs : await pickInputs(title);
  if (inputs.length === 0) return undefined;
  try {
    return inputs.length === 1 ? await importOne(client, inputs[0], chosen.target, title) : await importMany(client, inputs, title);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not import the report: {0}', errorText(e)));
    return undefined;
  }
}
