/** What the file-writing commands share: trust, overwrite confirmation, where to suggest saving. */
import * as vscode from 'vscode';

/**
 * The save dialog asks before replacing a file on most desktops, but not in every workbench (the
 * browser one does not), so the commands ask themselves.
 */
export async function confirmOverwrite(target: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    return true; // Nothing there.
  }
  const overwrite = vscode.l10n.t('Overwrite');
  const name = target.path.split('/').pop() ?? target.toString();
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('"{0}" already exists. Do you want to replace it?', name),
    { modal: true, detail: vscode.l10n.t('Its current content will be lost.') },
    overwrite,
  );
  return answer === overwrite;
}

/** Commands that write or read files beyond the open ones need a trusted workspace (see package.json capabilities). */
export async function requireTrust(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('This command is not available in Restricted Mode.'), manage);
  if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}

/** The workspace folder of the active editor, else the first one. */
export function currentFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** A file name from free text: characters no file system accepts become `_`. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
