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
import { reviewWorkspace } from './commands/reviewWorkspace';
import { registerOverview } from './overview/tree';
import type { OverviewSnapshot } from './overview/tree';
import { registerPreview } from './preview';
import { Commands } from '../../server/src/shared/ids';
import { ReportStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/** What the extension offers other extensions (and the extension-host tests): the overview as data. */
export interface XxgkApi {
  overview(): Promise<OverviewSnapshot[]>;
}

export async function activate(context: vscode.ExtensionContext): Promise<XxgkApi> {
  client = createClient(context);
  const overview = registerOverview(client);
  // Registered before the server starts: a restored preview or a command needs them at once, and
  // their requests wait for the start.
  context.subscriptions.push(
    new ReportStatusBar(),
    registerCommands(client),
    registerPreview(context, client),
    overview.disposable,
    registerCellPaste(client),
    vscode.commands.registerCommand(Commands.reviewWorkspace, (options?: { open?: boolean }) => reviewWorkspace(context, options)),
  );
  const api: XxgkApi = { overview: () => overview.tree.snapshot() };
  try {
    await client.start();
  } catch (e) {
    // The client has logged the cause in its output channel; the commands stay registered and say so.
    client.outputChannel.appendLine(`xxgk: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    client.outputChannel.show(true);
  }
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
