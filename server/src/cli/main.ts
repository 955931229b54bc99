/**
 * `xxgk` — the command line edge of the engine: reads files, calls `check`/`renderPage`, prints.
 * Exit codes: 0 no error-level diagnostic, 1 at least one, 2 bad usage or an unreadable file.
 */
import { parseArgs } from 'node:util';
import { dirname } from 'node:path';
import { check } from '../engine';
import { CLI_TEXT, normalizeLocale } from '../engine';
import type { Locale } from '../engine';
import { renderPage } from '../engine';
import { collect, readSource, refuseExisting, refuseOwnInput, UsageError, writeNew } from './files';
import { runExport } from './export';
import { runImport } from './import';
import { runNext } from './next';
import { printable } from './output';
import { CHECK_FORMATS, checkWriter } from './checkStream';
import type { CheckFormat } from './checkStream';
import { FILES_PER_THREAD, jobsOption, runOrdered, threadsFor } from './pool';
import type { Jobs } from './pool';
import { progress } from './progress';
import { runReview } from './review';
import { folderHeads } from './tasks';
import type { Task } from './tasks';
import { version } from '../../../package.json';
import type { Io } from './io';

const HELP = `xxgk ${version} — 政府信息公开工作年度报告（*.xxgk.yaml）检查与排版

用法 Usage:
  xxgk check <文件或文件夹…> [--format text|json|jsonl|sarif] [--jobs N] [--quiet] [--locale zh-CN|en]
      检查报告源文件；文件夹中查找 *.xxgk.yaml / *.xxgk.yml。结果按文件顺序逐个输出（jsonl：每个文件一行 JSON）；
      --jobs 为并行线程数（默认为 CPU 核数，每个线程至少 ${FILES_PER_THREAD} 个文件，文件少时只用一个线程），输出与线程数无关；终端上在标准错误显示进度（--quiet 关闭）。
      Check report sources; folders are searched for *.xxgk.yaml / *.xxgk.yml. Results stream out in file order
      (jsonl: one JSON line per file); --jobs sets the threads (default: the cores, with at least ${FILES_PER_THREAD} files each, so a
      few files use one thread); the output does not depend on it; a terminal shows progress on stderr (--quiet turns it off).
      退出码 exit code: 0 无错误 no errors · 1 有错误 errors found · 2 用法错误或无法读取 usage / unreadable
  xxgk render <文件> [-o out.html] [--force] [--locale zh-CN|en]
      生成独立的 HTML 页面（省略 -o 时输出到标准输出；不覆盖已有文件；无法解析时退出码为 1，页面列出原因）。
      Write the report as a standalone HTML page (to stdout without -o; never replaces a file without --force;
      exit 1 when the file cannot be parsed, the page then lists why).
  xxgk next <文件> [-o out.xxgk.yaml] [--force]
      开始编写下一年度报告：上年结转、现行有效件数接续本年度，其余填 0（默认 <机关><年度+1>.xxgk.yaml，不覆盖已有文件）。
      Start next year's report from this one (default <机关><年度+1>.xxgk.yaml beside it; never replaces a file without --force).
  xxgk export <文件> --docx|--html [-o 输出文件] [--force] [--allow-errors] [--locale zh-CN|en]
      导出为 Word 文档（.docx，公文版式）或独立 HTML 页面，均为发布样式（默认与源文件同名、同目录，不覆盖已有文件；
      报告有错误时不导出，退出码 1，加 --allow-errors 仍导出）。
      Export as a Word document (.docx, official-document layout) or a standalone HTML page, both as published (default:
      beside the source; never replaces a file without --force; a report with errors exits 1 unless --allow-errors).
  xxgk import <文件或文件夹…> [-o 输出文件|输出文件夹|-] [--force] [--locale zh-CN|en]
      从 Word（.docx）、PDF、网页（.html/.htm/.shtml）或复制的文本导入已发布的年报，每个输入生成一个源文件
      （默认与原文件同名、同目录；多个输入时 -o 为输出文件夹，不存在则新建；-o - 输出到标准输出，仅限一个输入）。
      文件夹中查找 .docx .pdf .html .htm .shtml .txt .md（含子文件夹，略过隐藏文件与 node_modules）。
      不覆盖已有文件，除非加 --force；一个文件失败不影响其他文件；每个文件一行结果，最后一行汇总。
      退出码：0 全部导入 · 1 有文件失败 · 2 用法错误。
      Import published reports from Word, PDF, HTML or copied text, one source per input (default: beside
      each input; with several inputs -o names a folder, created if missing; -o - for stdout, one input only).
      Folders are searched for .docx .pdf .html .htm .shtml .txt .md (subfolders too; hidden files and
      node_modules skipped). Never replaces a file without --force; a failing file does not stop the others;
      one line per file and a summary. Exit: 0 all imported · 1 a file failed · 2 bad usage.
  xxgk review <文件或文件夹…> -o <输出文件夹> [--jobs N] [--quiet] [--locale zh-CN|en]
      审阅一批年报：源文件与已发布的文档（.docx、PDF、网页、文本，在内存中导入，不在原处写任何文件）一并检查，
      同一机关相邻年度的报告互为上年报告；在输出文件夹中生成 index.html（总览，可排序、筛选）、每份报告的
      审阅页（<报告>.html，标出问题）、导入所得的源文件（<报告>.xxgk.yaml）、tables.csv 与 tables.xlsx（每份报告
      一行、每个单元格一列，另有合计行与较上年增减行）。无法读取的文档列为失败，其余照常审阅。
      退出码：0 无错误 · 1 有错误或有文档失败 · 2 用法错误。
      Review many reports at once: sources and published documents (imported in memory, nothing written beside
      them) are checked, consecutive years of one body paired; writes index.html (sortable, filterable),
      a page per report with its problems marked, the imported sources, tables.csv and tables.xlsx (a row per
      report, a column per cell, totals and changes since last year). A document that cannot be read is
      listed as failed. Exit: 0 no errors · 1 errors or a failed document · 2 bad usage.
  xxgk --help | --version
`;

export type { Io } from './io';

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** A number, or a promise of one for commands that finish asynchronously (`export --docx`). */
export function main(argv: string[], io: Io = processIo): number | Promise<number> {
  const locale = localeOf(argv);
  try {
    const code = run(argv, io);
    return typeof code === 'number' ? code : code.catch((e: unknown) => failed(e, locale, io));
  } catch (e) {
    return failed(e, locale, io);
  }
}

/**
 * The language of the CLI's own messages, read from the arguments before they are parsed: a
 * mistake in the arguments is said in the language asked for too. Chinese unless `--locale en`.
 */
export function localeOf(argv: readonly string[]): Locale {
  let value: string | undefined;
  argv.forEach((a, i) => {
    const m = /^(?:--locale=|-l=?)(.+)$/.exec(a);
    if (m) value = m[1];
    else if ((a === '--locale' || a === '-l') && i + 1 < argv.length) value = argv[i + 1];
  });
  return normalizeLocale(value);
}

function failed(e: unknown, locale: Locale, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`xxgk: ${printable(e.text(locale))}\n`);
    return 2;
  }
  // An engine failure is a bug, but the user still gets one line, not a stack trace.
  const detail = e instanceof Error ? e.message : String(e);
  io.err(`xxgk: ${printable(CLI_TEXT[locale].internalError(detail))}\n`);
  return 2;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        locale: { type: 'string', short: 'l' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        'allow-errors': { type: 'boolean' },
        docx: { type: 'boolean' },
        html: { type: 'boolean' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new UsageError((t) => t.badArguments(detail) + t.seeHelp);
  }
}

function run(argv: string[], io: Io): number | Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.version) {
    io.out(`${version}\n`);
    return 0;
  }
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.out(HELP);
    return values.help ? 0 : 2;
  }
  if (values.locale !== undefined && !/^(zh(-CN)?|en)$/i.test(values.locale)) throw new UsageError((t) => t.unknownLocale(String(values.locale)));
  const locale = normalizeLocale(values.locale);
  const jobs = jobsOption(values.jobs);
  if (jobs === undefined) throw new UsageError((t) => t.badJobs(String(values.jobs)));
  const quiet = values.quiet === true;
  switch (command) {
    case 'check':
      return runCheck(args, values.format ?? 'text', { locale, jobs, quiet }, io);
    case 'review':
      return runReview(args, { output: values.output, locale, jobs, quiet }, io);
    case 'render':
      return runRender(args, values.output, values.force === true, locale, io);
    case 'export':
      return runExport(args, { output: values.output, docx: values.docx === true, html: values.html === true, force: values.force === true, allowErrors: values['allow-errors'] === true, locale }, io);
    case 'import':
      return runImport(args, { output: values.output, force: values.force === true, locale }, io);
    case 'next':
      return runNext(args, values.output, values.force === true, locale, io);
    default:
      throw new UsageError((t) => t.unknownCommand(command) + t.seeHelp);
  }
}

async function runCheck(args: string[], format: string, options: { locale: Locale; jobs: Jobs; quiet: boolean }, io: Io): Promise<number> {
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError((t) => t.unknownFormat(format, CHECK_FORMATS.join(', ')));
  if (args.length === 0) throw new UsageError((t) => t.needsInputs('check') + t.seeHelp);
  const { locale } = options;
  const files = collect(args, (say) => io.err(`xxgk: ${printable(say(CLI_TEXT[locale]))}\n`));
  if (files.length === 0) throw new UsageError((t) => t.noSources(args.join(' ')));
  const jobs = threadsFor(options.jobs, files.length);
  // Cross-year rules: last year's file is found per file (上年报告, or a sibling of 年度 − 1), in each thread.
  const writer = checkWriter(format as CheckFormat, locale, version, (t) => io.out(t));
  const { indent } = writer;
  const tasks = function* (): Generator<Task> {
    for (const { path, roots } of files) {
      // With worker threads, a folder's heads are read here once and shared (cli/tasks.ts).
      const dir = dirname(path);
      const shared = jobs > 1 ? { key: dir, value: folderHeads(dir) } : undefined;
      yield { kind: 'check', path, roots, locale, format: format as CheckFormat, indent, shared };
    }
  };
  const bar = progress(files.length, { quiet: options.quiet, locale });
  try {
    await runOrdered(tasks(), { jobs, total: files.length }, (r) => {
      bar.tick();
      if (r.kind === 'usage') throw new UsageError(() => r.message); // said in the task's locale already
      if (r.kind === 'internal') throw new Error(r.message);
      if (r.kind === 'checked') writer.file(r.piece);
    });
  } finally {
    bar.done();
  }
  return writer.end().error > 0 ? 1 : 0;
}

function runRender(args: string[], output: string | undefined, force: boolean, locale: Locale, io: Io): number {
  if (args.length !== 1) throw new UsageError((t) => t.needsOneFile('render') + t.seeHelp);
  const [file] = args;
  if (output && output !== '-') {
    refuseOwnInput(output, file);
    refuseExisting(output, force);
  }
  const { text, encoding } = readSource(file);
  const { report, diagnostics, doc } = check(text, { locale, encoding });
  // A file that could not be parsed has an empty report: the page lists why instead of being blank.
  const unparsed = !doc || doc.errors.length > 0 || diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 'error');
  const html = renderPage(report, { diagnostics, locale, listed: unparsed ? diagnostics.filter((d) => d.code === 'yaml-syntax') : [] });
  if (output && output !== '-') writeNew(output, html, force);
  else io.out(html);
  if (unparsed) io.err(`xxgk: ${CLI_TEXT[locale].notParsed(file)}\n`);
  return unparsed ? 1 : 0;
}
