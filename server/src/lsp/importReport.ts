/**
 * `xxgk/import`: a published report (.docx, PDF, .html/.htm/.shtml, or copied text) to a report
 * source. The server reads the file (this is its I/O edge) and runs the engine's importer; the
 * client only asks where to save the text it gets back, and takes the user to the notes' lines the
 * response gives. Notes come in the user's language (xxgk.locale).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { ImportError, importDocument, inputKind, MAX_INPUT_BYTES, sourceFileName } from '../import';
import { noteTargets } from '../import/noteTargets';
import { loadPdfjs } from '../node/pdfjs';
import { IMPORT_COMMAND, IMPORT_TOOL } from '../import/messages';
import { uriPath } from './previous';
import type { ImportReportParams, ImportReportResult } from './protocol';
import type { AnalysisStore } from './store';

export interface ImportReportDeps {
  connection: Connection;
  store: AnalysisStore;
  ready: Promise<void>;
}

const invalid = (message: string) => new ResponseError<void>(ErrorCodes.InvalidParams, message);

async function readFile(file: string): Promise<Uint8Array> {
  // Checked before opening: opening a FIFO would wait for a writer.
  if (!(await fs.stat(file)).isFile()) throw new Error('not a file');
  const handle = await fs.open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error('not a file');
    if (stat.size > MAX_INPUT_BYTES) throw new Error(`too large (${stat.size} bytes)`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function importReportRequest(p: ImportReportParams, deps: ImportReportDeps): Promise<ImportReportResult | ResponseError<void>> {
  try {
    await deps.ready;
    const file = typeof p?.uri === 'string' ? uriPath(p.uri) : undefined;
    if (!file) return invalid('not a file: URI');
    const kind = inputKind(file);
    if (!kind) return invalid(`${path.basename(file)}: not a .docx, PDF, HTML or text file`);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      return invalid(`cannot read ${path.basename(file)}: ${(e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))}`);
    }
    // The language the diagnostics use (xxgk.locale, else the editor's): the analysis of nothing knows it.
    const locale = deps.store.analyze('').t.locale;
    const result = await importDocument({ kind, data: bytes }, { locale, sourceName: path.basename(file), loadPdf: loadPdfjs });
    if (!result.recognised) return invalid(`${path.basename(file)}: no section or table of an annual report was recognised`);
    // The header names what made the file: here the editor's command, not the CLI (same line count).
    const firstLine = result.text.indexOf('\n');
    const text = result.text.slice(0, firstLine).replace(IMPORT_TOOL, IMPORT_COMMAND[locale]) + result.text.slice(firstLine);
    const targets = noteTargets(text, result.notes);
    const notes = result.notes.map((n, i) => ({ ...n, line: n.line ?? 0, ...(targets[i] !== undefined ? { target: targets[i] } : {}) }));
    return { text, notes, fileName: sourceFileName(path.basename(file)), format: result.format, cellsRead: result.cellsRead, cellsToCheck: result.cellsToCheck };
  } catch (e) {
    if (e instanceof ImportError) return invalid(e.message);
    deps.connection.console.error(`xxgk: import failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return new ResponseError(ErrorCodes.InternalError, 'import failed');
  }
}
