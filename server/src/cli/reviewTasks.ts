/**
 * The two per-file steps of `xxgk review` (cli/review.ts), run in worker threads:
 *   prepare — a source is read for its head (年度, 机关); a published document is imported in memory
 *             and its source written into the review folder (nothing is written beside the input);
 *   review  — the source is checked (against last year's report of the same 机关 when the run has
 *             one), its review page written, and a small summary with its row of numbers returned.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../engine';
import type { PreviousInput } from '../engine';
import { CLI_TEXT, flat, readHead, REVIEW_STRINGS } from '../engine';
import { ImportError, importDocument, inputKind } from '../engine';
import type { Locale } from '../engine';
import { loadPdfjs } from '../node/pdfjs';
import { FileReadError, MAX_IMPORT_BYTES, MAX_SOURCE_BYTES, readRegularFileSync } from '../node/readFile';
import { decodeSource } from '../engine';
import { renderReviewPage } from '../engine';
import { rowValues } from '../engine';
import type { PreviousFinder } from './previous';

export interface PrepareTask {
  kind: 'prepare';
  input: string;
  /** The input is a report source (*.xxgk.yaml): read as it is, not imported. */
  source: boolean;
  /** Where an imported source is written (in the review folder). */
  target: string;
  locale: Locale;
}

export type Prepared =
  | { kind: 'prepared'; source: string; agency?: string; year?: number; import?: { cellsRead: number; cellsToCheck: number } }
  | { kind: 'failed'; reason: string };

export interface ReviewTask {
  kind: 'review';
  /** The source to check: the input itself, or its import in the review folder. */
  source: string;
  /** Folders 上年报告 may name a file in (cli/files.ts, rootsOf). */
  roots: string[];
  /** Last year's source among the reviewed ones (same 机关, 年度 − 1), if any. */
  previous?: string;
  /** The review page to write, and how it links back to the index, the source and the input. */
  page: string;
  links: { index: string; source: string; input: string };
  locale: Locale;
}

export interface Reviewed {
  kind: 'reviewed';
  agency?: string;
  year?: number;
  format: string;
  title: string;
  /** Diagnostics by severity, and error/warning counts by rule code. */
  counts: { error: number; warning: number; info: number };
  byCode: Record<string, number>;
  /** One value per column of review/columns.ts (null: not written). */
  values: (number | null)[];
}

const message = (e: unknown, locale: Locale) => (e instanceof FileReadError ? CLI_TEXT[locale].readRefusal(e.refusal) : e instanceof ImportError ? e.text(locale) : e instanceof Error ? e.message : String(e));

export async function prepareOne(task: PrepareTask): Promise<Prepared> {
  try {
    if (task.source) {
      const head = readHead(decodeSource(readRegularFileSync(task.input, MAX_SOURCE_BYTES)).text);
      return { kind: 'prepared', source: task.input, ...head };
    }
    const kind = inputKind(task.input);
    if (!kind) return { kind: 'failed', reason: REVIEW_STRINGS[task.locale].notImportable };
    const bytes = readRegularFileSync(task.input, MAX_IMPORT_BYTES);
    const result = await importDocument({ kind, data: bytes }, { locale: task.locale, sourceName: path.basename(task.input), loadPdf: loadPdfjs });
    if (!result.recognised) return { kind: 'failed', reason: REVIEW_STRINGS[task.locale].notRecognised };
    fs.writeFileSync(task.target, result.text);
    // Paired by what the source says, as the check reads it (the importer may have inferred either).
    const head = readHead(result.text);
    return { kind: 'prepared', source: task.target, ...head, import: { cellsRead: result.cellsRead, cellsToCheck: result.cellsToCheck } };
  } catch (e) {
    // One document that cannot be read or imported is listed as failed; the others go on.
    const why = e instanceof ImportError || e instanceof FileReadError ? message(e, task.locale) : CLI_TEXT[task.locale].internalError(message(e, task.locale));
    return { kind: 'failed', reason: why };
  }
}

export function reviewOne(task: ReviewTask, finder: PreviousFinder): Reviewed {
  const { text, encoding } = decodeSource(readRegularFileSync(task.source, MAX_SOURCE_BYTES));
  const previous = (report: Parameters<ReturnType<PreviousFinder['previousFor']>>[0]): PreviousInput | undefined => {
    // 上年报告 written in the source wins, as in `xxgk check`; else the run's own pairing.
    if (report.previousRef || !task.previous) return finder.previousFor(task.source, task.roots)(report);
    const prev = finder.text(task.previous);
    return prev === undefined ? { path: task.previous, unreadable: true } : { path: task.previous, text: prev };
  };
  const { report, diagnostics } = check(text, { locale: task.locale, encoding, previous });
  fs.writeFileSync(task.page, renderReviewPage(report, diagnostics, { locale: task.locale, links: task.links }));
  const counts = { error: 0, warning: 0, info: 0 };
  const byCode: Record<string, number> = {};
  for (const d of diagnostics) {
    counts[d.severity]++;
    if (d.severity !== 'info') byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  }
  // Copies: this result may be kept to the end of the run (a pair's row), the report's text not.
  const agency = report.agency === undefined ? undefined : flat(report.agency);
  return { kind: 'reviewed', agency, year: report.year, format: report.format.id, title: flat(report.title), counts, byCode, values: rowValues(report) };
}
