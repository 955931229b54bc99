/**
 * Entry of the import worker thread (bundled to dist/importWorker.js): reads the file and runs the
 * importer off the language server's main thread, so hovers and diagnostics are answered while a
 * large document is imported, and a cancelled or runaway import is ended by terminating the thread.
 * It serves the editor's import command, so the file's header names that command.
 */
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { CLI_TEXT, ImportError, importDocument, inputKind, normalizeLocale } from '../engine';
import { loadPdfjs } from './pdfjs';
import { FileReadError, MAX_IMPORT_BYTES, readRegularFile } from './readFile';
import type { ImportJob, ImportOutcome } from './importRunner';

async function run(job: ImportJob): Promise<ImportOutcome> {
  const kind = inputKind(job.file);
  const t = CLI_TEXT[normalizeLocale(job.locale)];
  if (!kind) return { refused: t.notImportable(path.basename(job.file)) };
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(job.file, MAX_IMPORT_BYTES);
  } catch (e) {
    return { refused: t.cannotRead(path.basename(job.file), e instanceof FileReadError ? t.readRefusal(e.refusal) : String(e)) };
  }
  try {
    const result = await importDocument({ kind, data: bytes }, { locale: job.locale, sourceName: path.basename(job.file), loadPdf: loadPdfjs, madeBy: 'editor' });
    return { result };
  } catch (e) {
    if (e instanceof ImportError) return { refused: e.text(normalizeLocale(job.locale)) };
    return { failed: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

parentPort?.once('message', (job: ImportJob) => {
  void run(job).then((outcome) => parentPort?.postMessage(outcome));
});
