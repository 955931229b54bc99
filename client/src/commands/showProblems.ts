/** `xxgk.showProblems`: the Problems panel (the status bar item's click). */
import * as vscode from 'vscode';

export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}
