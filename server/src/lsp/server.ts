/**
 * Entry of the language server (bundled to dist/server.js). Transport comes from the command line
 * (`--stdio`, `--node-ipc`, `--socket=N`), as clients pass it. Wiring only: documents, settings,
 * validation and handlers live in their own files.
 */
import {
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as serverVersion } from '../../../package.json';
import { allNodes, formats, SUBSECTION_KEYS, TABLE_NOTE_KEY } from '../engine';
import { arrivalStrategy, superseded, watchArrivals } from './arrivals';
import { CODE_ACTION_KINDS, registerHandlers } from './handlers';
import { PreviousFiles, uriPath } from './previous';
import { checkOptions, DEFAULT_SETTINGS, readSettings, sectionOf } from './settings';
import type { Settings } from './settings';
import { REPORT_GLOB, SECTION } from '../shared/ids';
import { AnalysisStore } from './store';
import { Validator } from './validation';

// Before the connection exists: its reader is wrapped to see text changes as they arrive.
watchArrivals();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: arrivalStrategy });
/**
 * Documents as the client sends them, made safe: a didOpen without text (or with a text that is not
 * a string, or no version) is an empty document, so one bad notification cannot break the features
 * of every other report that reads it as a sibling or as last year's report.
 */
const documents = new TextDocuments<TextDocument>({
  create: (uri, languageId, version, content) =>
    TextDocument.create(String(uri), typeof languageId === 'string' ? languageId : 'xxgk-report', Number.isInteger(version) ? version : 0, typeof content === 'string' ? content : ''),
  update: (doc, changes, version) =>
    TextDocument.update(
      doc,
      changes.filter((c) => typeof c?.text === 'string'),
      Number.isInteger(version) ? version : doc.version + 1,
    ),
});

const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
const logError = (what: string) => (e: unknown) => connection.console.error(`xxgk: ${what}: ${describe(e)}`);
// Last resort: a stray exception is logged, the server keeps serving (Node would exit otherwise).
process.on('uncaughtException', logError('uncaught exception'));
process.on('unhandledRejection', logError('unhandled rejection'));

let clientLocale: string | undefined;
/** Settings from initializationOptions: the base for clients that cannot be asked. */
let initial: Settings = DEFAULT_SETTINGS;
let settings: Settings = DEFAULT_SETTINGS;
let canPull = false;
let canRegister = false;
let canWatch = false;
let canRefreshInlay = false;
let canRefreshLens = false;

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

const previousFiles = new PreviousFiles(documents);
const store = new AnalysisStore(() => checkOptions(settings, clientLocale), previousFiles);
const validator = new Validator({
  documents,
  store,
  publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }).catch(logError('publishing diagnostics')),
  debounce: () => settings.validation.debounce,
  superseded,
  ready,
  error: (message) => connection.console.error(message),
});

/** Every character of every key: completion should open whatever key character is typed (IME commits several at once). */
function triggerCharacters(): string[] {
  const chars = new Set([':', ' ']);
  const keys = [...Object.values(formats).flatMap((f) => allNodes(f).map((l) => l.node.key)), SUBSECTION_KEYS.title, SUBSECTION_KEYS.body, TABLE_NOTE_KEY];
  for (const key of keys) for (const ch of key) if (ch.trim()) chars.add(ch);
  return [...chars];
}

async function loadSettings(): Promise<void> {
  if (!canPull) return;
  try {
    const [raw] = (await connection.workspace.getConfiguration([{ section: SECTION }])) as unknown[];
    settings = readSettings(raw, initial);
  } catch (e) {
    logError('reading settings failed')(e);
    settings = initial;
  }
}

connection.onInitialize((params): InitializeResult => {
  clientLocale = params.locale;
  // 上年报告 is read only inside the workspace (and in Restricted Mode nothing outside it is read).
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  previousFiles.roots = folders.map(uriPath).filter((p): p is string => p !== undefined);
  initial = settings = readSettings(sectionOf(params.initializationOptions));
  canPull = params.capabilities.workspace?.configuration === true;
  canRegister = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRefreshInlay = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  canRefreshLens = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  if (!canPull) markReady();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: triggerCharacters(), resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'xxgk-report', version: serverVersion },
  };
});

connection.onInitialized(async () => {
  if (canRegister) connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch(logError('registering for settings changes'));
  // Last year's report may be a file no editor has open: its changes on disk re-check this year's.
  if (canWatch) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: REPORT_GLOB }] })
      .catch(logError('registering for report file changes'));
  }
  await loadSettings();
  markReady();
});

connection.onDidChangeConfiguration(async (change) => {
  try {
    if (canPull) await loadSettings();
    else settings = readSettings(sectionOf(change.settings), initial);
    store.invalidateAll();
    validator.all();
    // Locale and inlayHints.enabled change what these show.
    if (canRefreshInlay) connection.languages.inlayHint.refresh().catch(logError('refreshing inlay hints'));
    if (canRefreshLens) connection.sendRequest(CodeLensRefreshRequest.type).catch(logError('refreshing code lenses'));
  } catch (e) {
    logError('applying settings failed')(e);
  }
});

/**
 * A report changed (in an editor or on disk): the open reports that compare against it are
 * re-checked. `onDisk`: files may have changed too (not while typing, which only edits text).
 */
function dependentsChanged(uri: string, onDisk: boolean): void {
  previousFiles.changed(onDisk);
  const file = uriPath(uri);
  if (file) validator.refresh(previousFiles.dependents(file, uri));
}

documents.onDidOpen((e) => {
  validator.opened(e.document);
  dependentsChanged(e.document.uri, true);
});
documents.onDidChangeContent((e) => {
  validator.changed(e.document);
  dependentsChanged(e.document.uri, false);
});
documents.onDidClose((e) => {
  previousFiles.forget(e.document.uri);
  validator.closed(e.document.uri);
  // Closed without saving: the others compare against the file on disk again.
  dependentsChanged(e.document.uri, true);
});
connection.onDidChangeWatchedFiles((e) => {
  for (const change of e.changes) dependentsChanged(change.uri, true);
});

registerHandlers({
  connection,
  documents,
  store,
  settings: () => settings,
  ready,
  publishFile: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }).catch(logError('publishing diagnostics')),
});

documents.listen(connection);
connection.listen();
