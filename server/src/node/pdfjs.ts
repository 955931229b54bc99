/**
 * Loads pdf.js (pdfjs-dist) for the PDF importer, on first use only: the library is ≈1.6 MB and
 * most runs never see a PDF. The bundles ship it beside themselves (dist/pdfjs/, copied by
 * scripts/bundle.js); compiled tests and `node out/...` take it from node_modules. pdf.js runs its
 * "worker" in this thread (Node has no web workers): the worker module is imported and handed over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfLib, PdfLoader } from '../engine';

const LIB = 'pdf.min.mjs';
const WORKER = 'pdf.worker.min.mjs';

function libraryDir(): string {
  const beside = path.join(__dirname, 'pdfjs');
  if (fs.existsSync(path.join(beside, LIB))) return beside;
  return path.dirname(require.resolve(`pdfjs-dist/legacy/build/${LIB}`));
}

let loaded: Promise<PdfLib> | undefined;

export const loadPdfjs: PdfLoader = () => {
  loaded ??= (async () => {
    const dir = libraryDir();
    // A computed specifier: the bundler leaves it alone, and Node loads the ES module at run time.
    const url = (file: string) => pathToFileURL(path.join(dir, file)).href;
    const lib = (await import(url(LIB))) as PdfLib;
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(url(WORKER));
    return lib;
  })();
  return loaded;
};
