/**
 * Request handlers: look up the document's Analysis and delegate to the pure feature functions.
 * Every handler is guarded: an exception is logged and an empty result returned, so a bug in one
 * feature never takes the server (or the other features) down.
 */
import { CodeActionKind, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine';
import { codeActions } from '../engine';
import { codeLenses } from '../engine';
import { complete } from '../engine';
import { hover } from '../engine';
import { inlayHints } from '../engine';
import { newReportText, NewReportError } from '../engine';
import { preview } from '../engine';
import { documentSymbols, foldingRanges } from '../engine';
import { exportDocx } from '../engine';
import { renderPage } from '../engine';
import { superseded } from './arrivals';
import { checkFiles } from './checkFiles';
import { importReportRequest } from './importReport';
import { nextYearRequest } from './nextYear';
import { overview } from './overview';
import { OverviewRequest } from '../shared/overviewProtocol';
import { CheckFilesRequest, ExportDocxRequest, ExportHtmlRequest, PreviewRequest, SkeletonRequest } from '../shared/protocol';
import type { ExportDocxResult } from '../shared/protocol';
import { ImportReportRequest, NextYearRequest } from '../shared/protocol';
import { registerSheetRequests } from './sheet';
import type { HandlerDeps } from './deps';
export type { HandlerDeps } from './deps';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll];


export function registerHandlers(deps: HandlerDeps): void {
  const { connection, documents, store } = deps;

  /**
   * Runs `fn` on the Analysis of an open document; `empty` for a closed one or on an error;
   * ContentModified when a newer version of the document has arrived (`dropStale`). The uri is read inside the
   * guard too: malformed params must not escape as an exception.
   */
  const run = async <R>(name: string, empty: R, uri: () => string, fn: (a: Analysis, doc: TextDocument) => R, dropStale = true): Promise<R | ResponseError<void>> => {
    try {
      await deps.ready;
      const doc = documents.get(uri());
      // Newer text is already read and waiting: the answer would be about text the client no longer has.
      if (dropStale && doc && superseded(doc.uri)) return new ResponseError<void>(LSPErrorCodes.ContentModified, 'content modified');
      return doc ? fn(store.get(doc), doc) : empty;
    } catch (e) {
      connection.console.error(`xxgk: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return empty;
    }
  };

  // Completion answers for the text it was asked about: VS Code filters the list itself as typing goes
  // on, and after a failed request it does not ask again until a new word starts (typing `  bnxs`
  // fast, the request at the space would fail and no list would ever open).
  connection.onCompletion((p) => run('completion', [], () => p.textDocument.uri, (a) => complete(a, p.position), false));
  connection.onHover((p) => run('hover', null, () => p.textDocument.uri, (a) => hover(a, p.position)));
  connection.onCodeAction((p) => run('codeAction', [], () => p.textDocument.uri, (a) => codeActions(a, p.textDocument.uri, p.range, p.context)));
  connection.onDocumentSymbol((p) => run('documentSymbol', [], () => p.textDocument.uri, (a) => documentSymbols(a)));
  connection.onFoldingRanges((p) => run('foldingRange', [], () => p.textDocument.uri, (a) => foldingRanges(a)));
  connection.onCodeLens((p) => run('codeLens', [], () => p.textDocument.uri, (a) => codeLenses(a)));
  connection.languages.inlayHint.on((p) =>
    run('inlayHint', [], () => p.textDocument.uri, (a) => (deps.settings().inlayHints.enabled ? inlayHints(a, p.range) : [])),
  );
  /**
   * For the requests that render a whole report: the work starts on the next turn of the event
   * loop, so a `$/cancelRequest` the client sent meanwhile (or a newer preview request that made
   * this one moot) is seen before the work is done rather than after.
   */
  const cancellable = async <R>(token: CancellationToken | undefined, work: () => Promise<R>): Promise<R | ResponseError<void>> => {
    await new Promise((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'cancelled');
    return work();
  };

  connection.onRequest(PreviewRequest.type, (p, token) =>
    cancellable(token, () => run('preview', null, () => p.uri, (a, doc) => ({ ...preview(a), version: doc.version }))),
  );
  // The same page as `xxgk render` (diagnostics marked), from the editor's current text.
  connection.onRequest(ExportHtmlRequest.type, (p, token) =>
    cancellable(token, () => run('exportHtml', null, () => p.uri, (a) => ({ html: renderPage(a.result.report, { locale: a.t.locale }) }))),
  );
  // The same file as `xxgk export --docx`, from the editor's current text; packing the zip is asynchronous.
  connection.onRequest(ExportDocxRequest.type, async (p, token): Promise<ExportDocxResult | ResponseError<void> | null> => {
    const report = await cancellable(token, () => run('exportDocx', null, () => p.uri, (a) => a.result.report));
    if (report instanceof ResponseError) return report;
    if (!report) return null;
    try {
      return { data: Buffer.from(await exportDocx(report)).toString('base64') };
    } catch (e) {
      connection.console.error(`xxgk: exportDocx failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return new ResponseError<void>(ErrorCodes.InternalError, `exportDocx failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  });

  // Not about an open document: bad params are the caller's error and answered as such.
  connection.onRequest(SkeletonRequest.type, (p) => {
    try {
      return newReportText(typeof p?.agency === 'string' ? p.agency : '', typeof p?.year === 'number' ? p.year : NaN);
    } catch (e) {
      if (e instanceof NewReportError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
      connection.console.error(`xxgk: skeleton failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return new ResponseError(ErrorCodes.InternalError, 'skeleton failed');
    }
  });
  connection.onRequest(NextYearRequest.type, (p) => nextYearRequest(p, deps));
  connection.onRequest(ImportReportRequest.type, (p, token) => importReportRequest(p, deps, token));
  connection.onRequest(CheckFilesRequest.type, async (p, token) => {
    await deps.ready;
    const uris = Array.isArray(p?.uris) ? p.uris.filter((u): u is string => typeof u === 'string') : [];
    return checkFiles(uris, { documents, store, publish: deps.publishFile }, token);
  });
  registerSheetRequests(deps);
  connection.onRequest(OverviewRequest.type, async (p, token) => {
    await deps.ready;
    const uris = Array.isArray(p?.uris) ? p.uris.filter((u): u is string => typeof u === 'string') : [];
    return overview(uris, { documents, store }, token);
  });
}
