/**
 * The server's side of the explorer's "Reports overview" (overviewProtocol.ts): each file's 机关,
 * 年度 and counts, from the editor's text when the file is open, else from disk. Nothing is
 * published: the overview only counts (the workspace check fills the Problems panel).
 */
import { fileURLToPath } from 'node:url';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine';
import { MAX_SOURCE_BYTES, readRegularFile } from '../node/readFile';
import { decodeSource } from '../engine';
import type { OverviewItem } from '../shared/overviewProtocol';
import type { AnalysisStore } from './store';

function item(uri: string, a: Analysis): OverviewItem {
  const { report, diagnostics } = a.result;
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { uri, ...(report.agency ? { agency: report.agency } : {}), ...(report.year !== undefined ? { year: report.year } : {}), errors, warnings };
}

export async function overview(uris: readonly string[], deps: { documents: TextDocuments<TextDocument>; store: AnalysisStore }, token?: CancellationToken): Promise<OverviewItem[]> {
  const out: OverviewItem[] = [];
  for (const uri of uris) {
    if (token?.isCancellationRequested) break;
    const open = deps.documents.get(uri);
    if (open) {
      out.push(item(uri, deps.store.get(open)));
      continue;
    }
    try {
      const { text, encoding } = decodeSource(await readRegularFile(fileURLToPath(uri), MAX_SOURCE_BYTES));
      out.push(item(uri, deps.store.analyze(text, uri, encoding)));
    } catch {
      out.push({ uri, errors: 0, warnings: 0, unreadable: true });
    }
  }
  return out;
}
