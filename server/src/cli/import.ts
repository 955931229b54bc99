/**
 * `xxgk import <file or folder…> [-o out.xxgk.yaml | -o DIR | -o -] [--force]`: published reports
 * (.docx, PDF, .html/.htm/.shtml, or text copied from Word/PDF) to report sources, one per input.
 * This edge reads the files, one at a time (memory stays that of one report); the engine
 * (server/src/engine/import) does the rest. Targets: see importTargets.ts; an existing file is never
 * replaced without --force. A file that fails does not stop the others. stderr gets one line per
 * file and a summary (stdout carries only `-o -`'s source); what could not be placed is at the top
 * of each generated file.
 * Exit: 0 every file imported; 1 at least one of several failed; 2 bad usage, or the one file given could
 * not be imported (unreadable, unsupported, not a report).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_TEXT, ImportError, importDocument, inputKind } from '../engine';
import type { ImportReason } from '../engine';
import type { ImportResult } from '../engine';
import type { Locale } from '../engine';
import { loadPdfjs } from '../node/pdfjs';
import { FileReadError, MAX_IMPORT_BYTES, readRegularFileSync } from '../node/readFile';
import { planImport } from './importTargets';
import type { ImportJob } from './importTargets';
import type { Io } from './io';
import { printable } from './output';

export interface ImportCliOptions {
  output?: string;
  force: boolean;
  locale: Locale;
}

/** Why one file was not imported (shown after its name). */
class FileFailure extends Error {}

const fail = (r: ImportReason, locale: Locale): never => {
  throw new FileFailure(CLI_TEXT[locale].importReason(r));
};
const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? 'error';

/** The bytes of a regular file within the size bound, through the reader shared with the server. */
function readInput(file: string, locale: Locale): Buffer {
  try {
    return readRegularFileSync(file, MAX_IMPORT_BYTES);
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    switch (e.reason) {
      case 'missing':
        return fail({ kind: 'missing' }, locale);
      case 'not-a-file':
        return fail({ kind: 'notFile' }, locale);
      case 'too-large':
        return fail({ kind: 'tooLarge', size: e.size ?? 0 }, locale);
      default:
        return fail({ kind: 'read', code: e.detail }, locale);
    }
  }
}

function write(target: string, text: string, force: boolean, locale: Locale): void {
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    fail(code(e) === 'EEXIST' ? { kind: 'exists' } : { kind: 'write', code: code(e) }, locale);
  }
}

async function importOne(job: ImportJob, options: ImportCliOptions, io: Io): Promise<ImportResult> {
  const { input, target } = job;
  const locale = options.locale;
  const kind = inputKind(input);
  if (!kind) fail({ kind: 'unsupported' }, locale);
  // Fails before reading, so a run over a folder already imported costs little.
  if (target !== '-' && !options.force && fs.existsSync(target)) fail({ kind: 'exists' }, locale);
  const bytes = readInput(input, locale);
  let result: ImportResult;
  try {
    result = await importDocument({ kind: kind as NonNullable<typeof kind>, data: bytes }, { locale, sourceName: path.basename(input), loadPdf: loadPdfjs });
  } catch (e) {
    if (e instanceof ImportError) return fail({ kind: 'import', detail: e.text(locale) }, locale);
    // An engine failure is a bug, but it is this file's: the others still go.
    return fail({ kind: 'internal', detail: e instanceof Error ? e.message : String(e) }, locale);
  }
  if (!result.recognised) fail({ kind: 'notReport' }, locale);
  if (target === '-') io.out(result.text);
  else write(target, result.text, options.force, locale);
  return result;
}

export async function runImport(args: string[], options: ImportCliOptions, io: Io): Promise<number> {
  const { jobs } = planImport(args, options.output);
  const t = CLI_TEXT[options.locale];
  let cells = 0;
  let toCheck = 0;
  let failed = 0;
  for (const job of jobs) {
    const where = job.target === '-' ? t.stdout : job.target;
    let result: ImportResult;
    try {
      result = await importOne(job, options, io);
    } catch (e) {
      if (!(e instanceof FileFailure)) throw e;
      failed++;
      io.err(printable(t.importFailed(job.input, e.message)) + '\n');
      continue;
    }
    cells += result.cellsRead;
    toCheck += result.cellsToCheck;
    const facts = t.importFacts(String(result.format), String(result.year ?? '?'), result.agency ?? '?');
    io.err(printable(t.importDone(job.input, where, result.cellsRead, result.cellsToCheck, facts)) + '\n');
    // One file: what could not be placed, here too (many files: each file's header says it).
    const unplaced = result.notes.filter((n) => n.kind === 'unplaced');
    if (jobs.length === 1 && unplaced.length) {
      io.err(`${t.notPlaced(unplaced.length)}\n`);
      for (const n of unplaced) io.err(`  - ${printable(n.message)}\n`);
    }
  }
  const imported = jobs.length - failed;
  io.err(`${t.importSummary(imported, jobs.length, failed, cells, toCheck)}\n`);
  // One file that cannot be imported is the command failing (2), as for check and export; of several,
  // the others were still imported (1).
  if (!failed) return 0;
  return jobs.length === 1 ? 2 : 1;
}
