/**
 * `xxgk export <file> --docx|--html [-o out] [--force] [--allow-errors]`: the report as a Word
 * document (the layout of export/docx.ts) or as the standalone page `xxgk render` prints, both as
 * published (no review marks). Default target: the source's name with .docx/.html, beside it. An
 * existing file is never replaced without --force (exit 2); a report with errors is not exported
 * without --allow-errors (exit 1), as the editor asks first.
 */
import * as path from 'node:path';
import { check, CLI_TEXT } from '../engine';
import { exportDocx } from '../engine';
import type { Locale } from '../engine';
import { renderPage } from '../engine';
import { readSource, refuseExisting, refuseOwnInput, REPORT_FILE, UsageError, writeNew } from './files';
import type { Io } from './io';

export interface ExportOptions {
  output?: string;
  docx: boolean;
  html: boolean;
  force: boolean;
  /** Export a report that still has errors (otherwise exit 1 and write nothing). */
  allowErrors?: boolean;
  locale: Locale;
}

/** `报告.xxgk.yaml` → `报告.docx`, in the same folder. */
export function exportTarget(file: string, ext: '.docx' | '.html'): string {
  const base = path.basename(file).replace(REPORT_FILE, '').replace(/\.ya?ml$/i, '');
  return path.join(path.dirname(file), `${base || 'report'}${ext}`);
}

export async function runExport(args: string[], options: ExportOptions, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError((t) => t.needsOneFile('export') + t.seeHelp);
  if (options.docx === options.html) throw new UsageError((t) => t.exportNeedsKind + t.seeHelp);
  const [file] = args;
  const target = options.output ?? exportTarget(file, options.docx ? '.docx' : '.html');
  const { locale, force } = options;
  refuseOwnInput(target, file);
  refuseExisting(target, force);
  const { text, encoding } = readSource(file);
  const { report, diagnostics } = check(text, { locale, encoding });
  // The exported file is the report as published, with no marks: say here what is still wrong.
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0 && !options.allowErrors) {
    io.err(`xxgk: ${CLI_TEXT[locale].notExported(errors, file)}\n`);
    return 1;
  }
  const data = options.docx ? await exportDocx(report) : renderPage(report, { locale });
  writeNew(target, data, force);
  io.out(`${CLI_TEXT[locale].exported(target)}\n`);
  if (errors > 0) {
    io.err(`xxgk: ${CLI_TEXT[locale].stillErrors(errors, file)}\n`);
  }
  return 0;
}
