/**
 * `xxgk/import`: a published report (.docx, PDF, .html/.htm/.shtml, or copied text) to a report
 * source. The server reads the file (this is its I/O edge) and runs the engine's importer; the
 * client only asks where to save the text it gets back, and takes the user to the notes' lines the
 * response gives. Notes come in the user's language (xxgk.locale).
 */
import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { inputKind, sourceFileName } from '../engine';
import { runImportJob } from '../node/importRunner';
import { noteTargets } from '../engine';
import { uriPath } from './previous';
import type { ImportReportParams, ImportReportResult } from '../shared/protocol';
import type { AnalysisStore } from './store';

export interface ImportReportDeps {
  connection: Connection;
  store: AnalysisStore;
  ready: Promise<void>;
}

const invalid = (message: string) => new ResponseError<void>(ErrorCodes.InvalidParams, message);

/**
 * The file is read and imported in a worker thread (node/importRunner.ts): the server keeps
 * answering meanwhile, and a cancelled request ends the import at once.
 */
export async function importReportRequest(p: ImportReportParams, deps: ImportReportDeps, token?: CancellationToken): Promise<ImportReportResult | ResponseError<void>> {
  try {
    await deps.ready;
    const file = typeof p?.uri === 'string' ? uriPath(p.uri) : undefined;
    if (!file) return invalid('not a file: URI');
    if (!inputKind(file)) return invalid(`${path.basename(file)}: not a .docx, PDF, HTML or text file`);
    // The language the diagnostics use (xxgk.locale, else the editor's): the analysis of nothing knows it.
    const locale = deps.store.analyze('').t.locale;
    const outcome = await runImportJob({ file, locale }, token);
    if (outcome === 'cancelled') return new ResponseError(LSPErrorCodes.RequestCancelled, 'import cancelled');
    if ('refused' in outcome) return invalid(outcome.refused);
    if ('failed' in outcome) {
      deps.connection.console.error(`xxgk: import failed: ${outcome.failed}`);
      return new ResponseError(ErrorCodes.InternalError, 'import failed');
    }
    const { result } = outcome;
    if (!result.recognised) return invalid(`${path.basename(file)}: no section or table of an annual report was recognised`);
    const { text } = result;
    const targets = noteTargets(text, result.notes);
    const notes = result.notes.map((n, i) => ({ ...n, line: n.line ?? 0, ...(targets[i] !== undefined ? { target: targets[i] } : {}) }));
    return { text, notes, fileName: sourceFileName(path.basename(file)), format: result.format, cellsRead: result.cellsRead, cellsToCheck: result.cellsToCheck };
  } catch (e) {
    deps.connection.console.error(`xxgk: import failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new ResponseError(ErrorCodes.InternalError, 'import failed');
  }
}
