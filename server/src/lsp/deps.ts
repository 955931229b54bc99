/** What the request handlers (handlers.ts, sheet.ts) are given by the server (server.ts). */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from './settings';
import type { AnalysisStore } from './store';

export interface HandlerDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  settings(): Settings;
  ready: Promise<void>;
  /** Publishes diagnostics for a file that is not open (the workspace check). */
  publishFile(uri: string, diagnostics: Diagnostic[]): void;
}
