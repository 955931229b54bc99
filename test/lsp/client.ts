/**
 * A minimal LSP client for tests: spawns the bundled server (`node dist/server.js --stdio`), keeps a
 * mirror of every open document to send incremental edits, and turns publishDiagnostics
 * notifications into promises (no fixed sleeps: a timeout only turns a hang into a failure).
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { InitializeResult, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { root } from '../helpers';

export const SERVER = path.join(root, 'dist', 'server.js');
export const LANGUAGE_ID = 'xxgk-report';

/** Failsafe for every wait; generous because CI machines can be slow. */
const TIMEOUT_MS = 15_000;

export interface StartOptions {
  /**
   * The `xxgk` section returned for workspace/configuration requests. When given, the client
   * declares configuration support; otherwise it does not, and the server uses defaults and
   * initializationOptions.
   */
  settings?: unknown;
  initializationOptions?: unknown;
  /** initializeParams.locale */
  locale?: string;
}

interface Waiter {
  match(p: PublishDiagnosticsParams): boolean;
  resolve(p: PublishDiagnosticsParams): void;
  reject(e: Error): void;
}

export class LspClient {
  /** window/logMessage texts, for assertions and failure output. */
  readonly logs: string[] = [];
  stderr = '';
  initializeResult?: InitializeResult;
  exitCode: number | null = null;
  private readonly docs = new Map<string, TextDocument>();
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiters: Waiter[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: ProtocolConnection,
    public settings: unknown,
  ) {
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) =>
      proc.on('exit', (code) => {
        this.exitCode = code ?? -1;
        for (const w of this.waiters) w.reject(new Error(`server exited (${code}) while waiting for diagnostics\n${this.stderr}`));
        this.waiters = [];
        resolve();
      }),
    );
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      const hit = this.waiters.filter((w) => w.match(p));
      this.waiters = this.waiters.filter((w) => !hit.includes(w));
      for (const w of hit) w.resolve(p);
    });
    conn.onNotification(LogMessageNotification.type, (p) => void this.logs.push(p.message));
    conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => (item.section === 'xxgk' ? (this.settings ?? null) : null)));
    conn.onRequest(RegistrationRequest.type, () => undefined);
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.listen();
    const client = new LspClient(proc, conn, options.settings);
    const pull = options.settings !== undefined;
    client.initializeResult = await client.within(
      conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        locale: options.locale,
        initializationOptions: options.initializationOptions,
        capabilities: {
          workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: pull } },
          textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
        },
      }),
      'initialize',
    );
    await conn.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get alive(): boolean {
    return this.exitCode === null && !this.proc.killed;
  }

  text(uri: string): string {
    return this.doc(uri).getText();
  }

  version(uri: string): number {
    return this.doc(uri).version;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, LANGUAGE_ID, version, text));
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANGUAGE_ID, version, text } });
  }

  /** Replaces [start, end) (UTF-16 offsets into the current text) with `insert`, as one incremental change. Returns the new version. */
  async edit(uri: string, start: number, end: number, insert: string): Promise<number> {
    const doc = this.doc(uri);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, [{ range, text: insert }], version));
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert }],
    });
    return version;
  }

  /** Replaces the first occurrence of `find` with `replace`. */
  async replace(uri: string, find: string, replace: string): Promise<number> {
    const at = this.text(uri).indexOf(find);
    if (at === -1) throw new Error(`not in ${uri}: ${find}`);
    return this.edit(uri, at, at + find.length, replace);
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes the settings the client answers with and notifies the server. */
  async configure(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { xxgk: settings } });
  }

  /** Diagnostics published for `uri` at `version` (already received, or the next such). */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && p.version === version;
    const seen = this.published.filter(match).pop();
    return seen ? Promise.resolve(seen) : this.wait(match, `diagnostics for ${uri} v${version}`);
  }

  /** The next diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return this.wait((p) => p.uri === uri, `next diagnostics for ${uri}`);
  }

  /** How many times diagnostics were published for `uri` so far. */
  publishCount(uri: string): number {
    return this.published.filter((p) => p.uri === uri).length;
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.within(this.conn.sendRequest<R>(method, params), method);
  }

  /** shutdown + exit; kills the process if it does not leave. */
  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.within(this.conn.sendRequest(ShutdownRequest.type), 'shutdown');
        await this.conn.sendNotification(ExitNotification.type);
        await this.within(this.exited, 'exit');
      } catch {
        // Fall through to kill.
      }
    }
    if (this.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }

  private doc(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }

  private wait(match: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    return this.within(
      new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        if (!this.alive) return reject(new Error(`server not running (${this.exitCode})\n${this.stderr}`));
        this.waiters.push({ match, resolve, reject });
      }),
      what,
    );
  }

  private within<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms: ${what}\nlogs: ${this.logs.join('\n')}\nstderr: ${this.stderr}`)), TIMEOUT_MS);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}
