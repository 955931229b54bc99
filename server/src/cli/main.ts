/**
 * `xxgk` — the command line edge of the engine: reads files, calls `check`/`renderPage`, prints.
 * Exit codes: 0 no error-level diagnostic, 1 at least one, 2 bad usage or an unreadable file.
 */
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { check } from '../engine';
import { normalizeLocale } from '../i18n/messages';
import type { Locale } from '../i18n/messages';
import { renderPage } from '../render/html';
import { collect, read, UsageError } from './files';
import { count, formatJson, formatSarif, formatText } from './output';
import type { FileResult } from './output';
import { version } from '../../../package.json';

const HELP = `xxgk ${version} — 政府信息公开工作年度报告（*.xxgk.yaml）检查与排版

用法 Usage:
  xxgk check <文件或文件夹…> [--format text|json|sarif] [--locale zh-CN|en]
      检查报告源文件；文件夹中查找 *.xxgk.yaml / *.xxgk.yml。
      Check report sources; folders are searched for *.xxgk.yaml / *.xxgk.yml.
      退出码 exit code: 0 无错误 no errors · 1 有错误 errors found · 2 用法错误或无法读取 usage / unreadable
  xxgk render <文件> [-o out.html] [--locale zh-CN|en]
      生成独立的 HTML 页面（省略 -o 时输出到标准输出）。
      Write the report as a standalone HTML page (to stdout without -o).
  xxgk --help | --version
`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export function main(argv: string[], io: Io = processIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`xxgk: ${e.message}\n`);
      return 2;
    }
    // An engine failure is a bug, but the user still gets one line, not a stack trace.
    io.err(`xxgk: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)} (see xxgk --help)`);
  }
}

function run(argv: string[], io: Io): number {
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
  if (values.locale !== undefined && !/^(zh(-CN)?|en)$/i.test(values.locale)) throw new UsageError(`unknown --locale ${values.locale} (zh-CN or en)`);
  const locale = normalizeLocale(values.locale);
  switch (command) {
    case 'check':
      return runCheck(args, values.format ?? 'text', locale, io);
    case 'render':
      return runRender(args, values.output, locale, io);
    default:
      throw new UsageError(`unknown command ${command} (see xxgk --help)`);
  }
}

function runCheck(args: string[], format: string, locale: Locale, io: Io): number {
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format ${format} (text, json or sarif)`);
  if (args.length === 0) throw new UsageError('check needs at least one file or folder (see xxgk --help)');
  const files = collect(args);
  if (files.length === 0) throw new UsageError(`no *.xxgk.yaml files found in ${args.join(' ')}`);
  const results: FileResult[] = files.map((path) => ({ path, diagnostics: check(read(path), { locale }).diagnostics }));
  io.out(format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, locale, version) : formatText(results, locale));
  return count(results).error > 0 ? 1 : 0;
}

function runRender(args: string[], output: string | undefined, locale: Locale, io: Io): number {
  if (args.length !== 1) throw new UsageError('render needs exactly one file (see xxgk --help)');
  const { report, diagnostics } = check(read(args[0]), { locale });
  const html = renderPage(report, { diagnostics, locale });
  if (output) {
    try {
      fs.writeFileSync(output, html);
    } catch (e) {
      throw new UsageError(`cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  } else io.out(html);
  return 0;
}
