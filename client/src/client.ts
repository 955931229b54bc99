/**
 * The language client: starts dist/server.js over Node IPC for report documents on disk and
 * untitled ones. All report logic lives in the server; this side only forwards.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_ID, REPORT_GLOB, SECTION } from '../../server/src/shared/ids';
import { serverSettings } from './settings';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    // Debugging the extension (F5) lets a debugger attach to the server on port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // File events: last year's report changing on disk re-checks this year's (the server also
    // registers this watcher itself; the events are idempotent, so receiving both is harmless).
    synchronize: { configurationSection: SECTION, fileEvents: vscode.workspace.createFileSystemWatcher(REPORT_GLOB) },
    initializationOptions: serverSettings(),
    outputChannelName: vscode.l10n.t('Annual Report (xxgk)'),
  };
  // The id is the settings section: the client reads `xxgk.trace.server` by that name.
  return new LanguageClient(SECTION, vscode.l10n.t('Annual Report Language Server'), serverOptions, clientOptions);
}
