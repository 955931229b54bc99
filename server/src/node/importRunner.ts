/**
 * Runs one import in a worker thread (node/importWorker.ts) with a memory ceiling and a time limit;
 * cancelling ends the thread at once. The language server's main thread only waits for a message.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportResult } from '../engine';

export interface ImportJob {
  file: string;
  locale: string;
}

/** What the worker sends back: a result, a refusal to show the user, or an unexpected failure. */
export type ImportOutcome = { result: ImportResult } | { refused: string } | { failed: string };

/** Heap of the import thread: far above any real report, far below what would endanger the editor. */
const MAX_HEAP_MB = 1024;
/** A real report imports in seconds; past this the import is stopped and said to be too slow. */
const TIME_LIMIT_MS = 120_000;

/** The worker script: beside the bundle (dist/), or in the compiled tree (out/…/node/). */
function workerScript(): string {
  const beside = path.join(__dirname, 'importWorker.js');
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', 'node', 'importWorker.js');
}

export interface Cancel {
  onCancellationRequested(listener: () => void): unknown;
  isCancellationRequested: boolean;
}

export function runImportJob(job: ImportJob, cancel?: Cancel): Promise<ImportOutcome | 'cancelled'> {
  if (cancel?.isCancellationRequested) return Promise.resolve('cancelled');
  return new Promise((resolve) => {
    const worker = new Worker(workerScript(), { resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB } });
    let done = false;
    const finish = (outcome: ImportOutcome | 'cancelled') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ refused: `the import took longer than ${TIME_LIMIT_MS / 1000} s and was stopped` }), TIME_LIMIT_MS);
    cancel?.onCancellationRequested(() => finish('cancelled'));
    worker.once('message', (outcome: ImportOutcome) => finish(outcome));
    worker.once('error', (e) => {
      const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish(oom ? { refused: `the document needs more than ${MAX_HEAP_MB} MB to import and was stopped` } : { failed: e.stack ?? e.message });
    });
    worker.once('exit', () => finish({ failed: 'the import thread ended without a result' }));
    worker.postMessage(job);
  });
}
