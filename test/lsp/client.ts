/**
 * The protocol tests' client for the bundled server (`node dist/server.js --stdio`): the shared
 * LSP session plus the `xxgk` settings it answers with and waits keyed by document version.
 */
import * as path from 'node:path';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import type { ConfigurationParams, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspSession } from '../../scripts/lsp-session';
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

export class LspClient extends LspSession {
  initializeResult?: InitializeResult;

  private constructor(public settings: unknown) {
    super([SERVER], { name: 'server', languageId: LANGUAGE_ID, timeoutMs: TIMEOUT_MS });
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const client = new LspClient(options.settings);
    const pull = options.settings !== undefined;
    client.initializeResult = await client.initialize({
      locale: options.locale,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: pull, didChangeConfiguration: { dynamicRegistration: pull } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    return client;
  }

  protected override configuration(p: ConfigurationParams): unknown[] {
    return p.items.map((item) => (item.section === 'xxgk' ? (this.settings ?? null) : null));
  }

  /** Changes the settings the client answers with and notifies the server. */
  async configure(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { xxgk: settings } });
  }

  /** Diagnostics published for `uri` at `version` (already received, or the next such). */
  diagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && p.version === version;
    const seen = this.received.filter(match).pop();
    return seen ? Promise.resolve(seen) : this.published(match, `diagnostics for ${uri} v${version}`);
  }

  /** The next diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return this.published((p) => p.uri === uri, `next diagnostics for ${uri}`);
  }

  /** How many times diagnostics were published for `uri` so far. */
  publishCount(uri: string): number {
    return this.received.filter((p) => p.uri === uri).length;
  }
}

/** Runs `body` against a fresh server, which is stopped afterwards whatever happens. */
export async function withServer(body: (c: LspClient) => Promise<void>): Promise<void> {
  const c = await LspClient.start();
  try {
    await body(c);
  } finally {
    await c.stop();
  }
}
