/**
 * `xxgk check`'s output written as each file's result arrives (in input order, cli/pool.ts): text
 * lines, the JSON document, JSON lines, or the SARIF log. The JSON and SARIF documents are the ones
 * output.ts builds, cut where their list goes, so a run prints the same bytes as when every result
 * was held until the end, without holding them.
 */
import type { Locale } from '../engine';
import { formatJson, formatSarif, sarifResults, summaryLine, textLines } from './output';
import type { FileResult } from './output';

export type CheckFormat = 'text' | 'json' | 'jsonl' | 'sarif';
export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'jsonl', 'sarif'];

export interface CheckWriter {
  file(result: FileResult): void;
  end(): { error: number; warning: number; info: number };
}

const MARK = '\u0000LIST\u0000';

/** A document whose list holds one marker entry, cut around it: head, tail, and the entries' indentation. */
function frame(doc: string): { head: string; tail: string; indent: string } {
  const marker = JSON.stringify(MARK);
  const at = doc.indexOf(marker);
  const lineStart = doc.lastIndexOf('\n', at) + 1;
  return { head: doc.slice(0, lineStart), tail: doc.slice(doc.indexOf('\n', at) + 1), indent: doc.slice(lineStart, at) };
}

/** JSON.stringify(value, null, 2) as it reads at `indent` inside the document. */
function indented(value: unknown, indent: string): string {
  return indent + JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

export function checkWriter(format: CheckFormat, locale: Locale, version: string, out: (text: string) => void): CheckWriter {
  const n = { error: 0, warning: 0, info: 0 };
  let files = 0;
  const tally = (r: FileResult) => {
    files++;
    for (const d of r.diagnostics) n[d.severity]++;
  };
  if (format === 'text' || format === 'jsonl') {
    return {
      file(r) {
        tally(r);
        if (format === 'jsonl') out(JSON.stringify({ path: r.path, diagnostics: r.diagnostics }) + '\n');
        else if (r.diagnostics.length) out(textLines(r).join('\n') + '\n');
      },
      end() {
        if (format === 'text') out(summaryLine(files, n, locale) + '\n');
        return n;
      },
    };
  }
  // JSON: one entry per file; SARIF: one per diagnostic, in the run's results.
  const doc =
    format === 'json'
      ? formatJson([{ path: MARK, diagnostics: [] }]).replace(/\{\s*"path": ("\\u0000LIST\\u0000"),\s*"diagnostics": \[\]\s*\}/, '$1')
      : formatSarif([], locale, version).replace(/^( *)"results": \[\]/m, (_, ind: string) => `${ind}"results": [\n${ind}  ${JSON.stringify(MARK)}\n${ind}]`);
  const { head, tail, indent } = frame(doc);
  const entries = (r: FileResult): unknown[] => (format === 'json' ? [{ path: r.path, diagnostics: r.diagnostics }] : sarifResults(r));
  let first = true;
  out(head);
  return {
    file(r) {
      tally(r);
      for (const e of entries(r)) {
        out((first ? '' : ',\n') + indented(e, indent));
        first = false;
      }
    },
    end() {
      out((first ? '' : '\n') + tail);
      return n;
    },
  };
}
