/**
 * A minimal LSP client over stdio, shared by the protocol tests (test/lsp/client.ts) and the
 * language-server benchmark: spawns a server, keeps a mirror of every open document to send
 * incremental edits, and turns publishDiagnostics notifications into promises (no fixed sleeps:
 * every wait has a timeout that turns a hang into an error).
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
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
import type { ConfigurationParams, InitializeParams, InitializeResult, ProtocolConnection, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const root = path.resolve(__dirname, '..', '..');

interface Waiter {
  match(p: PublishDiagnosticsParams): boolean;
  resolve(p: PublishDiagnosticsParams): void;
  reject(e: Error): void;
}

/** Every server process started and not yet gone, so a failing run can kill them all. */
const running = new Set<ChildProcessWithoutNullStreams>();

export function killAllServers(): void {
  for (const p of running) p.kill('SIGKILL');
}

export interface SessionOptions {
  /** Names the server in error messages. */
  name: string;
  languageId: string;
  /** Failsafe for every wait. */
  timeoutMs: number;
  /** Answers workspace/configuration (default: no settings). */
  configuration?: (p: ConfigurationParams) => unknown[];
}

export class LspSession {
  readonly logs: string[] = [];
  stderr = '';
  exitCode: number | null = null;
  /** Every publishDiagnostics received, in order. */
  protected readonly received: PublishDiagnosticsParams[] = [];
  private waiters: Waiter[] = [];
  private readonly listeners = new Set<(p: PublishDiagnosticsParams) => void>();
  private readonly docs = new Map<string, TextDocument>();
  private readonly exited: Promise<void>;
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: ProtocolConnection;

  /** Spawns `node <args…> --stdio`; call `initialize` next. */
  constructor(
    args: string[],
    readonly options: SessionOptions,
  ) {
    const proc = spawn(process.execPath, [...args, '--stdio'], { cwd: root, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.proc = proc;
    this.conn = conn;
    running.add(proc);
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-8000)));
    this.exited = new Promise((resolve) =>
      proc.on('exit', (code, signal) => {
        running.delete(proc);
        this.exitCode = code ?? -1;
        for (const w of this.waiters) w.reject(new Error(`${options.name} exited (${code ?? signal}) while waiting for diagnostics\n${this.stderr}`));
        this.waiters = [];
        resolve();
      }),
    );
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.received.push(p);
      for (const l of this.listeners) l(p);
      const hit = this.waiters.filter((w) => w.match(p));
      this.waiters = this.waiters.filter((w) => !hit.includes(w));
      for (const w of hit) w.resolve(p);
    });
    conn.onNotification(LogMessageNotification.type, (p) => void this.logs.push(p.message));
    conn.onRequest(ConfigurationRequest.type, (p) => this.configuration(p));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    // Anything else the server asks (progress, custom requests) gets "method not found" from jsonrpc.
    conn.onError(() => undefined);
    conn.listen();
  }

  /** Answers workspace/configuration; no settings by default. */
  protected configuration(p: ConfigurationParams): unknown[] {
    return this.options.configuration?.(p) ?? p.items.map(() => null);
  }

  async initialize(params: Partial<InitializeParams>): Promise<InitializeResult> {
    const result = await this.within(
      this.conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, ...params }),
      'initialize',
    );
    await this.conn.sendNotification(InitializedNotification.type, {});
    return result;
  }

  get pid(): number {
    return this.proc.pid ?? -1;
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
    const languageId = this.options.languageId;
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces [start, end) (UTF-16 offsets into the current text) with `insert`, as one incremental change. Returns the new version. */
  async edit(uri: string, start: number, end: number, insert: string): Promise<number> {
    const doc = this.doc(uri);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, [{ range, text: insert }], version));
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
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

  /** Calls `listener` on every publishDiagnostics until the returned function is called. */
  onPublish(listener: (p: PublishDiagnosticsParams) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The next publishDiagnostics matching `match` (registered now: call before triggering it). */
  published(match: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams> {
    return this.within(
      new Promise<PublishDiagnosticsParams>((resolve, reject) => {
        if (!this.alive) return reject(new Error(`${this.options.name} not running (${this.exitCode})\n${this.stderr}`));
        this.waiters.push({ match, resolve, reject });
      }),
      what,
    );
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.within(this.conn.sendRequest<R>(method, params), method);
  }

  /** shutdown + exit, then SIGKILL if the process is still there. */
  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.within(this.conn.sendRequest(ShutdownRequest.type), 'shutdown', 5_000);
        await this.conn.sendNotification(ExitNotification.type);
        await this.within(this.exited, 'exit', 5_000);
      } catch {
        // Killed below.
      }
    }
    if (this.exitCode === null) {
      this.proc.kill('SIGKILL');
      await this.within(this.exited, 'exit after SIGKILL', 5_000).catch(() => undefined);
    }
    this.conn.dispose();
  }

  within<T>(promise: Promise<T>, what: string, ms = this.options.timeoutMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${this.options.name}: timed out after ${ms} ms: ${what}\nlogs: ${this.logs.slice(-10).join('\n')}\nstderr: ${this.stderr}`)),
        ms,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  private doc(uri: string): TextDocument {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc;
  }
}
