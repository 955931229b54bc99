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
import { ImportError, importDocument, inputKind } from '../engine';
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

type Reason =
  | { kind: 'missing' | 'notFile' | 'unsupported' | 'notReport' | 'exists' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'read' | 'write'; code: string }
  | { kind: 'import' | 'internal'; detail: string };

const REASONS: Record<Locale, (r: Reason) => string> = {
  'zh-CN': (r) => {
    switch (r.kind) {
      case 'missing':
        return '文件不存在';
      case 'notFile':
        return '不是普通文件';
      case 'unsupported':
        return '不是 .docx、PDF、HTML 或文本文件（请另存为 .docx 或 PDF，或把文字复制到 .txt 文件）';
      case 'notReport':
        return '未识别出年度报告的任何章节或表格';
      case 'exists':
        return '目标文件已存在（加 --force 覆盖）';
      case 'tooLarge':
        return `文件过大（${r.size} 字节）`;
      case 'read':
        return `无法读取（${r.code}）`;
      case 'write':
        return `无法写入（${r.code}）`;
      case 'import':
        return `无法导入：${r.detail}`;
      case 'internal':
        return `内部错误：${r.detail}`;
    }
  },
  en: (r) => {
    switch (r.kind) {
      case 'missing':
        return 'no such file';
      case 'notFile':
        return 'not a regular file';
      case 'unsupported':
        return 'not a .docx, PDF, HTML or text file (save it as .docx or PDF, or copy its text into a .txt file)';
      case 'notReport':
        return 'no section or table of an annual report was recognised';
      case 'exists':
        return 'the target already exists (use --force to replace it)';
      case 'tooLarge':
        return `too large (${r.size} bytes)`;
      case 'read':
        return `cannot read (${r.code})`;
      case 'write':
        return `cannot write (${r.code})`;
      case 'import':
        return `cannot import: ${r.detail}`;
      case 'internal':
        return `internal error: ${r.detail}`;
    }
  },
};

const fail = (r: Reason, locale: Locale): never => {
  throw new FileFailure(REASONS[locale](r));
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
  const en = options.locale === 'en';
  let cells = 0;
  let toCheck = 0;
  let failed = 0;
  for (const job of jobs) {
    const where = job.target === '-' ? (en ? 'stdout' : '标准输出') : job.target;
    let result: ImportResult;
    try {
      result = await importOne(job, options, io);
    } catch (e) {
      if (!(e instanceof FileFailure)) throw e;
      failed++;
      io.err(printable(en ? `${job.input}: error: ${e.message}` : `${job.input}：错误：${e.message}`) + '\n');
      continue;
    }
    cells += result.cellsRead;
    toCheck += result.cellsToCheck;
    const facts = en
      ? `${result.format} format, year ${result.year ?? '?'}, body ${result.agency ?? '?'}`
      : `${result.format} 年格式，年度 ${result.year ?? '?'}，机关 ${result.agency ?? '?'}`;
    io.err(
      printable(
        en
          ? `${job.input} → ${where}: ${result.cellsRead} cells read, ${result.cellsToCheck} to check (${facts})`
          : `${job.input} → ${where}：读取 ${result.cellsRead} 个单元格，需核对 ${result.cellsToCheck} 个（${facts}）`,
      ) + '\n',
    );
    // One file: what could not be placed, here too (many files: each file's header says it).
    const unplaced = result.notes.filter((n) => n.kind === 'unplaced');
    if (jobs.length === 1 && unplaced.length) {
      io.err(en ? `Not placed (${unplaced.length}), also listed at the top of the file:\n` : `未能放置 ${unplaced.length} 项（生成文件开头的注释中也有列出）：\n`);
      for (const n of unplaced) io.err(`  - ${printable(n.message)}\n`);
    }
  }
  const imported = jobs.length - failed;
  io.err(
    en
      ? `${imported} of ${jobs.length} file(s) imported, ${failed} failed: ${cells} cells read, ${toCheck} to check (see the comments at the top of each file).\n`
      : `共 ${jobs.length} 个文件，已导入 ${imported} 个，失败 ${failed} 个：读取单元格 ${cells} 个，需核对 ${toCheck} 个（见各文件开头的注释）。\n`,
  );
  // One file that cannot be imported is the command failing (2), as for check and export; of several,
  // the others were still imported (1).
  if (!failed) return 0;
  return jobs.length === 1 ? 2 : 1;
}
