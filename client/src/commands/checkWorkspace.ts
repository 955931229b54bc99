/**
 * `xxgk.checkWorkspace`: checks every report file in the workspace (as `xxgk check` would) with a
 * cancellable progress notification; files not open in the editor get their diagnostics in the
 * Problems panel too. The server reads the files; batches keep the progress moving and let a
 * cancellation stop between batches as well as inside one.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CheckFilesRequest } from '../../../server/src/shared/protocol';
import type { CheckFilesResult } from '../../../server/src/shared/protocol';
import { Commands, REPORT_GLOB } from '../../../server/src/shared/ids';
import { errorText, requireTrust } from './files';

const BATCH = 20;

export async function checkWorkspace(client: BaseLanguageClient): Promise<CheckFilesResult | undefined> {
  if (!(await requireTrust())) return undefined;
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check the annual reports in it.'));
    return undefined;
  }
  let total: CheckFilesResult;
  try {
    total = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking annual reports'), cancellable: true },
      async (progress, token) => {
        const sum: CheckFilesResult = { files: 0, errors: 0, warnings: 0, unreadable: [], cancelled: false };
        const uris = (await vscode.workspace.findFiles(REPORT_GLOB, '**/node_modules/**', undefined, token)).sort((a, b) => a.path.localeCompare(b.path));
        for (let i = 0; i < uris.length; i += BATCH) {
          if (token.isCancellationRequested) break;
          const batch = uris.slice(i, i + BATCH);
          const r = await client.sendRequest(CheckFilesRequest.type, { uris: batch.map((u) => client.code2ProtocolConverter.asUri(u)) }, token);
          sum.files += r.files;
          sum.errors += r.errors;
          sum.warnings += r.warnings;
          sum.unreadable.push(...r.unreadable);
          progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(i + BATCH, uris.length)} / ${uris.length}` });
        }
        sum.cancelled = token.isCancellationRequested;
        return sum;
      },
    );
  } catch (e) {
    // A cancelled request may end in an error rather than a partial answer: nothing to report then.
    if (e instanceof vscode.CancellationError || (e as { code?: number } | undefined)?.code === -32800) return undefined;
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not check the workspace: {0}', errorText(e)));
    return undefined;
  }
  void summarize(total);
  return total;
}

async function summarize(r: CheckFilesResult): Promise<void> {
  if (r.files === 0 && r.unreadable.length === 0) {
    if (!r.cancelled) void vscode.window.showInformationMessage(vscode.l10n.t('No annual report files (*.xxgk.yaml) in this workspace.'));
    return;
  }
  const parts = [vscode.l10n.t('Reports checked: {0}. Errors: {1}, warnings: {2}.', r.files, r.errors, r.warnings)];
  if (r.unreadable.length) parts.push(vscode.l10n.t('Files that could not be read: {0}.', r.unreadable.length));
  if (r.cancelled) parts.push(vscode.l10n.t('Cancelled before every file was checked.'));
  const message = parts.join(' ');
  if (r.errors === 0 && r.warnings === 0 && r.unreadable.length === 0) {
    void vscode.window.showInformationMessage(message);
    return;
  }
  const show = vscode.l10n.t('Show Problems');
  const answer = await (r.errors ? vscode.window.showErrorMessage(message, show) : vscode.window.showWarningMessage(message, show));
  if (answer === show) await vscode.commands.executeCommand(Commands.showProblems);
}
