/**
 * `xxgk check`'s output written as each file's result arrives (in input order, cli/pool.ts): text
 * lines, the JSON document, JSON lines, or the SARIF log. The JSON and SARIF documents are the ones
 * output.ts builds, cut where their list goes, so a run prints the same bytes as when every result
 * was held until the end, without holding them.
 */
import type { Locale } from '../engine';
import { count, formatJson, formatSarif, sarifResults, summaryLine, textLines } from './output';
import type { Counts, FileResult } from './output';

export type CheckFormat = 'text' | 'json' | 'jsonl' | 'sarif';
export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'jsonl', 'sarif'];

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

/**
 * One file's part of the output, made where the file was checked (a worker thread, or this thread):
 * only this text and the counts cross threads, not the diagnostics, which cost more to clone than
 * to format. `indent` is the list entries' indentation in the document (`CheckWriter.indent`).
 */
export interface FilePiece {
  text: string;
  counts: Counts;
}

export function filePiece(format: CheckFormat, indent: string, r: FileResult): FilePiece {
  const counts = count([r]);
  let text: string;
  if (format === 'jsonl') text = JSON.stringify({ path: r.path, diagnostics: r.diagnostics }) + '\n';
  else if (format === 'text') text = r.diagnostics.length ? textLines(r).join('\n') + '\n' : '';
  else text = (format === 'json' ? [{ path: r.path, diagnostics: r.diagnostics }] : sarifResults(r)).map((e) => indented(e, indent)).join(',\n');
  return { text, counts };
}

/** The JSON or SARIF document around the list of entries; text and JSON lines have none. */
function outputFrame(format: CheckFormat, locale: Locale, version: string): { head: string; tail: string; indent: string } {
  if (format === 'text' || format === 'jsonl') return { head: '', tail: '', indent: '' };
  // JSON: one entry per file; SARIF: one per diagnostic, in the run's results.
  const doc =
    format === 'json'
      ? formatJson([{ path: MARK, diagnostics: [] }]).replace(/\{\s*"path": ("\\u0000LIST\\u0000"),\s*"diagnostics": \[\]\s*\}/, '$1')
      : formatSarif([], locale, version).replace(/^( *)"results": \[\]/m, (_, ind: string) => `${ind}"results": [\n${ind}  ${JSON.stringify(MARK)}\n${ind}]`);
  return frame(doc);
}

export interface CheckWriter {
  /** The indentation `filePiece` gives the entries of this output. */
  readonly indent: string;
  file(piece: FilePiece): void;
  end(): Counts;
}

/** Writes the pieces in the order given, inside the document's frame, and the text summary at the end. */
export function checkWriter(format: CheckFormat, locale: Locale, version: string, out: (text: string) => void): CheckWriter {
  const n = { error: 0, warning: 0, info: 0 };
  let files = 0;
  const { head, tail, indent } = outputFrame(format, locale, version);
  const listed = format === 'json' || format === 'sarif';
  let first = true;
  if (head) out(head);
  return {
    indent,
    file({ text, counts }) {
      files++;
      n.error += counts.error;
      n.warning += counts.warning;
      n.info += counts.info;
      if (!text) return;
      out(listed && !first ? ',\n' + text : text);
      first = false;
    },
    end() {
      if (format === 'text') out(summaryLine(files, n, locale) + '\n');
      if (listed) out((first ? '' : '\n') + tail);
      return n;
    },
  };
}
