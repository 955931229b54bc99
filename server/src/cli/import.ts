/**
 * `xxgk import <file> [-o out.xxgk.yaml] [--force]`: a published report (.docx, .html/.htm, or
 * text copied from Word/PDF) to a report source. This edge reads the file; the engine
 * (server/src/import) does the rest. Default target: `<name>.xxgk.yaml` beside the input (`-o -`
 * writes to stdout); an existing file is never replaced without --force. What could not be placed
 * is listed on stderr, and at the top of the generated file.
 * Exit: 0 imported (notes or not), 2 unreadable, unsupported or not a report.
 */
import * as path from 'node:path';
import { ImportError, importDocument, inputKind } from '../import';
import type { ImportResult } from '../import';
import type { Locale } from '../i18n/messages';
import { loadPdfjs } from '../node/pdfjs';
import { readBytes, refuseExisting, refuseOwnInput, UsageError, writeNew } from './files';
import { MAX_IMPORT_BYTES } from '../node/readFile';
import type { Io } from './main';
import { printable } from './output';


export interface ImportCliOptions {
  output?: string;
  force: boolean;
  locale: Locale;
}

/** `报告.docx` → `报告.xxgk.yaml` in the same folder. */
export function defaultTarget(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  return path.join(path.dirname(file), `${base || 'report'}.xxgk.yaml`);
}

/** Regular files only, size-bounded (node/readFile.ts): a FIFO or device is refused, not waited on. */
function readInput(file: string): Buffer {
  return readBytes(file, MAX_IMPORT_BYTES);
}

export async function runImport(args: string[], options: ImportCliOptions, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('import needs exactly one file (see xxgk --help)');
  const [file] = args;
  const kind = inputKind(file);
  if (!kind) throw new UsageError(`cannot import ${file}: not a .docx, PDF, HTML or text file (save it as .docx or PDF, or copy its text into a .txt file)`);
  const target = options.output ?? defaultTarget(file);
  const toStdout = target === '-';
  if (!toStdout) {
    refuseOwnInput(target, file);
    refuseExisting(target, options.force);
  }
  const bytes = readInput(file);
  let result: ImportResult;
  try {
    result = await importDocument({ kind, data: bytes }, { locale: options.locale, sourceName: path.basename(file), loadPdf: loadPdfjs });
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(`cannot import ${file}: ${e.message}`);
    throw e;
  }
  if (!result.recognised) throw new UsageError(`cannot import ${file}: no section or table of an annual report was recognised`);
  if (toStdout) io.out(result.text);
  else writeNew(target, result.text, options.force);

  const en = options.locale === 'en';
  const unplaced = result.notes.filter((n) => n.kind === 'unplaced');
  const others = result.notes.length - unplaced.length;
  const where = toStdout ? (en ? 'stdout' : '标准输出') : target;
  const facts = en
    ? `${result.format} format, year ${result.year ?? '?'}, body ${result.agency ?? '?'}`
    : `${result.format} 年格式，年度 ${result.year ?? '?'}，机关 ${result.agency ?? '?'}`;
  io.err(printable(en ? `Imported ${file} → ${where} (${facts}).` : `已导入 ${file} → ${where}（${facts}）。`) + '\n');
  if (unplaced.length) {
    io.err(en ? `Not placed (${unplaced.length}), also listed at the top of the file:\n` : `未能放置 ${unplaced.length} 项（生成文件开头的注释中也有列出）：\n`);
    for (const n of unplaced) io.err(`  - ${printable(n.message)}\n`);
  }
  if (others) io.err(en ? `${others} more note(s) to check are at the top of the file.\n` : `另有 ${others} 条说明需核对，见生成文件开头的注释。\n`);
  return 0;
}
