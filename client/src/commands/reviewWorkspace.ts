/**
 * `xxgk.reviewWorkspace`: runs `xxgk review` (the bundled CLI, dist/cli.js) on the workspace's
 * first folder into the extension's workspace storage, then opens review/index.html in the
 * browser. The CLI does the work in its own process, so the editor stays responsive.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { errorText, requireTrust } from './files';

export async function reviewWorkspace(context: vscode.ExtensionContext, options?: { open?: boolean }): Promise<vscode.Uri | undefined> {
  if (!(await requireTrust())) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to check the annual reports in it.'));
    return undefined;
  }
  const storage = context.storageUri ?? context.globalStorageUri;
  const out = path.join(storage.fsPath, 'review');
  const cli = path.join(context.extensionPath, 'dist', 'cli.js');
  const locale = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reviewing the annual reports of the workspace'), cancellable: true }, (_, token) =>
      new Promise<void>((resolve, reject) => {
        // The editor's own Node runtime runs the CLI.
        const child = spawn(process.execPath, [cli, 'review', folder.uri.fsPath, '-o', out, '--quiet', '--locale', locale], {
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err = (err + d.toString('utf8')).slice(-2000)));
        token.onCancellationRequested(() => child.kill());
        child.on('error', reject);
        // 0: no error, 1: errors found or a document failed: the page says which. 2: the run failed.
        child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(err.trim() || `exit ${code}`))));
      }),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not review the workspace: {0}', errorText(e)));
    return undefined;
  }
  const index = vscode.Uri.file(path.join(out, 'index.html'));
  if (options?.open !== false) await vscode.env.openExternal(index);
  return index;
}
