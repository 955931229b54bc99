/**
 * Entry point of the extension (bundled to dist/client.js). Thin by design: it starts the language
 * server, which does all the checking, and wires the UI around it (status bar, commands, preview).
 * Activated by opening a report (`onLanguage:xxgk-report`) or by restoring a preview panel.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { registerCellPaste } from './paste';
import { registerPreview } from './preview';
import { ReportStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  // Registered before the server starts: a restored preview or a command needs them at once, and
  // their requests wait for the start.
  context.subscriptions.push(new ReportStatusBar(), registerCommands(client), registerPreview(context, client), registerCellPaste(client));
  try {
    await client.start();
  } catch (e) {
    // The client has logged the cause in its output channel; the commands stay registered and say so.
    client.outputChannel.appendLine(`xxgk: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    client.outputChannel.show(true);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
