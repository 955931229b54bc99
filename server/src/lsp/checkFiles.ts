/**
 * `xxgk/checkFiles`: the workspace check. Reads report files from disk (this is the server's I/O
 * edge; the engine never touches files), checks each, and publishes diagnostics for the ones not
 * open in the editor. Open documents are counted from their current text: the validator already
 * publishes theirs, and the editor's text is what the user sees.
 */
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeSource } from '../engine';
import { MAX_SOURCE_BYTES, readRegularFile } from '../node/readFile';
import type { Analysis } from '../engine';
import { toLspDiagnostic } from './diagnostics';
import type { CheckFilesResult } from '../shared/protocol';
import type { AnalysisStore } from './store';

export interface CheckFilesDeps {
  documents: TextDocuments<TextDocument>;
  store: AnalysisStore;
  publish(uri: string, diagnostics: Diagnostic[]): void;
}

/** Regular files only, size-bounded (node/readFile.ts): a FIFO named *.xxgk.yaml is unreadable, never a hang. */
async function readBounded(path: string): Promise<{ text: string; encoding: 'utf-8' | 'gb18030' }> {
  return decodeSource(await readRegularFile(path, MAX_SOURCE_BYTES));
}

export async function checkFiles(uris: readonly string[], deps: CheckFilesDeps, token?: CancellationToken): Promise<CheckFilesResult> {
  const out: CheckFilesResult = { files: 0, errors: 0, warnings: 0, unreadable: [], cancelled: false };
  const count = (a: Analysis) => {
    out.files++;
    for (const d of a.result.diagnostics) {
      if (d.severity === 'error') out.errors++;
      else if (d.severity === 'warning') out.warnings++;
    }
  };
  for (const uri of uris) {
    if (token?.isCancellationRequested) {
      out.cancelled = true;
      break;
    }
    const open = deps.documents.get(uri);
    if (open) {
      count(deps.store.get(open));
      continue;
    }
    let text: string;
    let encoding: 'utf-8' | 'gb18030';
    try {
      ({ text, encoding } = await readBounded(fileURLToPath(uri)));
    } catch {
      // Not a file: URI, gone, a folder, or no permission: reported, not fatal.
      out.unreadable.push(uri);
      continue;
    }
    // The document may have been opened while the file was read: the validator owns it then.
    const opened = deps.documents.get(uri);
    if (opened) {
      count(deps.store.get(opened));
      continue;
    }
    // With its uri, so last year's file is found as for an open document.
    const analysis = deps.store.analyze(text, uri, encoding);
    count(analysis);
    deps.publish(uri, analysis.result.diagnostics.map((d) => toLspDiagnostic(d, uri)));
  }
  return out;
}
