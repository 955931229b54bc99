/**
 * `xxgk review <files or folders…> -o DIR`: a region's reports reviewed at once. Sources and
 * published documents alike (documents are imported in memory; their sources are written into DIR,
 * never beside the inputs); every report checked, against last year's report of the same 机关 when
 * the run has one; then, in DIR:
 *   index.html          one row per report, sortable and filterable (review/indexPage.ts);
 *   <report>.html       the report with its problems marked and listed (review/reportPage.ts);
 *   <report>.xxgk.yaml  the imported source of a document, to edit;
 *   tables.csv, .xlsx   one row per report, one column per cell, totals, changes since last year.
 * Two passes over worker threads (cli/pool.ts): the first reads each report's head (年度, 机关) and
 * imports documents, the second checks and renders. What is held between them is a few facts per
 * file; every output is written as the results arrive, in input order.
 * Exit: 0 no error and every document read; 1 errors found or a document failed; 2 bad usage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { headKey, REPORT_FILE } from '../engine';
import type { Locale } from '../engine';
import { distinctNames } from '../engine';
import { indexFoot, indexHead, indexRow } from '../engine';
import type { IndexRow } from '../engine';
import { REVIEW_STRINGS } from '../engine';
import { csvLine, headerRow, reportRow, TableSummary } from '../engine';
import type { TableReport } from '../engine';
import { XlsxWriter } from '../engine';
import { rootsOf, UsageError } from './files';
import { collectInputs } from './importTargets';
import type { Io } from './io';
import { printable } from './output';
import { runOrdered, threadsFor } from './pool';
import type { Jobs } from './pool';
import { progress } from './progress';
import type { Prepared } from './reviewTasks';
import type { Task } from './tasks';

export interface ReviewOptions {
  output?: string;
  locale: Locale;
  jobs: Jobs;
  quiet: boolean;
}

interface Entry {
  input: string;
  source: boolean;
  /** File name stem in the review folder: <stem>.html, and <stem>.xxgk.yaml for an import. */
  stem: string;
  prepared?: Prepared;
}

/** A relative URL from the review folder to `file`: forward slashes, each segment percent-encoded. */
function href(outDir: string, file: string): string {
  return path.relative(outDir, file).split(path.sep).map(encodeURIComponent).join('/');
}

function stemOf(input: string): string {
  const base = path.basename(input);
  return (REPORT_FILE.test(base) ? base.replace(REPORT_FILE, '') : base.replace(/\.[^.]+$/, '')) || 'report';
}

function inside(file: string, dir: string): boolean {
  const rel = path.relative(dir, path.resolve(file));
  return rel === '' || !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** Writes a file piece by piece (a descriptor kept open): nothing is gathered in memory. */
class Out {
  private readonly fd: number;
  constructor(readonly file: string) {
    try {
      this.fd = fs.openSync(file, 'w');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      throw new UsageError((t) => t.cannotWrite(file, code));
    }
  }
  write(data: string | Uint8Array): void {
    fs.writeSync(this.fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }
  close(): void {
    fs.closeSync(this.fd);
  }
}

export async function runReview(args: string[], options: ReviewOptions, io: Io): Promise<number> {
  if (args.length === 0) throw new UsageError((t) => t.needsInputs('review') + t.seeHelp);
  if (!options.output || options.output === '-') throw new UsageError((t) => t.reviewNeedsOutput + t.seeHelp);
  const outDir = path.resolve(options.output);
  const { locale, quiet } = options;
  // A second run into a folder among the inputs must not review the first run's files.
  const found = collectInputs(args, true).found.filter((f) => !inside(f.input, outDir));
  if (found.length === 0) throw new UsageError((t) => t.nothingToReview(args.join(' ')));
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const folder = options.output;
    throw new UsageError((t) => t.cannotCreate(folder, code));
  }
  // index.html and tables.* are the run's own names; report pages are numbered around them.
  const reserved = ['index.html', 'tables.html'];
  const pages = distinctNames([...reserved, ...found.map((f) => `${stemOf(f.input)}.html`)]).slice(reserved.length);
  const entries: Entry[] = found.map((f, i) => ({ input: f.input, source: REPORT_FILE.test(f.input), stem: pages[i].replace(/\.html$/, '') }));
  const jobs = threadsFor(options.jobs, entries.length);

  // Pass 1: heads, and imports of documents.
  const bar1 = progress(entries.length, { quiet, locale, label: REVIEW_STRINGS[locale].reading });
  const prepareTasks = function* (): Generator<Task> {
    for (const e of entries) yield { kind: 'prepare', input: e.input, source: e.source, target: path.join(outDir, `${e.stem}.xxgk.yaml`), locale };
  };
  await runOrdered(prepareTasks(), { jobs, total: entries.length }, (r, i) => {
    entries[i].prepared = r.kind === 'prepared' || r.kind === 'failed' ? r : { kind: 'failed', reason: r.kind === 'internal' || r.kind === 'usage' ? r.message : 'unexpected result' };
    bar1.tick();
  });
  bar1.done();

  // Cross-year pairs among the reviewed reports: same 机关, 年度 − 1 (the first such input).
  const byHead = new Map<string, number>();
  entries.forEach((e, i) => {
    const p = e.prepared;
    if (p?.kind === 'prepared' && p.agency && p.year !== undefined && !byHead.has(headKey(p.year, p.agency))) byHead.set(headKey(p.year, p.agency), i);
  });
  const previousOf = new Map<number, number>();
  entries.forEach((e, i) => {
    const p = e.prepared;
    if (p?.kind !== 'prepared' || !p.agency || p.year === undefined) return;
    const j = byHead.get(headKey(p.year - 1, p.agency));
    if (j !== undefined) previousOf.set(i, j);
  });
  const isPrevious = new Set(previousOf.values());

  // Pass 2: check, render, and write the rows as they come.
  const index = new Out(path.join(outDir, 'index.html'));
  const csv = new Out(path.join(outDir, 'tables.csv'));
  const xlsxOut = new Out(path.join(outDir, 'tables.xlsx'));
  const xlsx = new XlsxWriter((bytes) => xlsxOut.write(bytes), REVIEW_STRINGS[locale].sheetName);
  const summary = new TableSummary(locale, previousOf, isPrevious);
  const totals = { reports: entries.length, failed: 0, errors: 0, warnings: 0 };
  const bar2 = progress(entries.length, { quiet, locale, label: REVIEW_STRINGS[locale].checking });
  try {
    index.write(indexHead(locale, { csv: 'tables.csv', xlsx: 'tables.xlsx' }));
    const header = headerRow(locale);
    // The BOM tells Excel and WPS the file is UTF-8 (else they read it in the local code page).
    csv.write('\ufeff' + csvLine(header));
    xlsx.addRow(header);
    const pageOf = (i: number) => encodeURIComponent(`${entries[i].stem}.html`);
    const order: number[] = [];
    const reviewTasks = function* (): Generator<Task> {
      for (let i = 0; i < entries.length; i++) {
        const p = entries[i].prepared;
        if (p?.kind !== 'prepared') continue;
        order.push(i);
        const prev = previousOf.get(i);
        const prevPrepared = prev !== undefined ? entries[prev].prepared : undefined;
        yield {
          kind: 'review',
          source: p.source,
          roots: rootsOf(path.dirname(entries[i].input)),
          ...(prevPrepared?.kind === 'prepared' ? { previous: prevPrepared.source } : {}),
          page: path.join(outDir, `${entries[i].stem}.html`),
          links: { index: 'index.html', source: href(outDir, p.source), input: href(outDir, entries[i].input) },
          locale,
        };
      }
    };
    let next = 0;
    /** Rows of failed documents are written in their place among the others. */
    const failedUpTo = (end: number) => {
      for (; next < end; next++) {
        const e = entries[next];
        const p = e.prepared;
        if (p?.kind !== 'failed') continue;
        totals.failed++;
        index.write(indexRow({ input: e.input, inputHref: href(outDir, e.input), failed: p.reason, errors: 0, warnings: 0, byCode: {} }, locale));
        bar2.tick();
      }
    };
    await runOrdered(reviewTasks(), { jobs, total: entries.filter((e) => e.prepared?.kind === 'prepared').length }, (r, k) => {
      const i = order[k];
      failedUpTo(i);
      next = i + 1;
      const e = entries[i];
      const p = e.prepared as Extract<Prepared, { kind: 'prepared' }>;
      bar2.tick();
      if (r.kind !== 'reviewed') {
        totals.failed++;
        const reason = r.kind === 'failed' ? r.reason : r.kind === 'usage' || r.kind === 'internal' ? r.message : 'unexpected result';
        index.write(indexRow({ input: e.input, inputHref: href(outDir, e.input), failed: reason, errors: 0, warnings: 0, byCode: {} }, locale));
        return;
      }
      totals.errors += r.counts.error;
      totals.warnings += r.counts.warning;
      const prev = previousOf.get(i);
      const prevPrepared = prev !== undefined ? entries[prev].prepared : undefined;
      const row: IndexRow = {
        page: pageOf(i),
        input: e.input,
        inputHref: href(outDir, e.input),
        agency: r.agency,
        year: r.year,
        format: r.format,
        ...(p.import ? { import: p.import } : {}),
        errors: r.counts.error,
        warnings: r.counts.warning,
        byCode: r.byCode,
        ...(prev !== undefined && prevPrepared?.kind === 'prepared' && prevPrepared.year !== undefined ? { previous: { year: prevPrepared.year, page: pageOf(prev) } } : {}),
      };
      index.write(indexRow(row, locale));
      const table: TableReport = { agency: r.agency, year: r.year, format: r.format, input: e.input, errors: r.counts.error, warnings: r.counts.warning, values: r.values };
      const cells = reportRow(table);
      csv.write(csvLine(cells));
      xlsx.addRow(cells);
      summary.add(i, table);
    });
    failedUpTo(entries.length);
    for (const cells of summary.rows()) {
      csv.write(csvLine(cells));
      xlsx.addRow(cells);
    }
    xlsx.end();
    index.write(indexFoot(locale, totals));
  } finally {
    bar2.done();
    index.close();
    csv.close();
    xlsxOut.close();
  }
  const s = REVIEW_STRINGS[locale];
  io.out(printable(`${s.summary(totals.reports, totals.failed, totals.errors, totals.warnings)} → ${path.join(options.output, 'index.html')}`) + '\n');
  return totals.failed > 0 || totals.errors > 0 ? 1 : 0;
}
