/**
 * The CLI's own sentences (bad usage, files it cannot read or write, entries it skips) and why next
 * year's report cannot be started, in Chinese (default) and English. File names are printed as given.
 */
import type { Locale } from './messages';

/** Why a file was not read (see server/src/node/readFile.ts); `code` is the system's error code. */
export type ReadRefusal =
  | { kind: 'missing'; code: string }
  | { kind: 'folder' | 'fifo' | 'device' | 'socket' | 'special' }
  | { kind: 'too-large'; size: number; limit: number }
  | { kind: 'denied'; code: string }
  | { kind: 'error'; code: string };

/** Why next year's report cannot be started from a report. */
export type NextYearRefusal = { kind: 'syntax' } | { kind: 'noYear' } | { kind: 'beyond'; year: number; max: number };

export interface CliText {
  /** `(see xxgk --help)` appended to a usage mistake. */
  seeHelp: string;
  badArguments: (detail: string) => string;
  unknownLocale: (value: string) => string;
  badJobs: (value: string) => string;
  unknownCommand: (command: string) => string;
  unknownFormat: (format: string, formats: string) => string;
  needsInputs: (command: string) => string;
  needsOneFile: (command: string) => string;
  exportNeedsKind: string;
  reviewNeedsOutput: string;
  noSources: (where: string) => string;
  nothingToImport: (where: string, extensions: string) => string;
  nothingToReview: (where: string) => string;
  oneOutputFile: (output: string) => string;
  noSuchFileOrFolder: (file: string) => string;
  cannotRead: (file: string, why: string) => string;
  notImportable: (file: string) => string;
  readRefusal: (r: ReadRefusal) => string;
  cannotWrite: (file: string, why: string) => string;
  notRegularTarget: string;
  cannotCreate: (folder: string, code: string) => string;
  exists: (file: string) => string;
  isInput: (file: string) => string;
  skipped: (entry: string, why: string) => string;
  notRegularEntry: string;
  tooDeep: (max: number) => string;
  cannotStartNext: (file: string, why: string) => string;
  nextYearRefusal: (r: NextYearRefusal) => string;
  internalError: (detail: string) => string;
}

export const CLI_TEXT: Record<Locale, CliText> = {
  'zh-CN': {
    seeHelp: '（参见 xxgk --help）',
    badArguments: (d) => `参数有误：${d}`,
    unknownLocale: (v) => `未知的 --locale ${v}（可用 zh-CN 或 en）`,
    badJobs: (v) => `--jobs ${v} 不是有效的线程数（至少为 1）`,
    unknownCommand: (c) => `未知的命令 ${c}`,
    unknownFormat: (f, all) => `未知的 --format ${f}（可用 ${all}）`,
    needsInputs: (c) => `${c} 需要至少一个文件或文件夹`,
    needsOneFile: (c) => `${c} 只接受一个文件`,
    exportNeedsKind: 'xxgk export 需要 --docx 或 --html 之一',
    reviewNeedsOutput: 'xxgk review 需要用 -o 指定输出文件夹',
    noSources: (w) => `在 ${w} 中未找到 *.xxgk.yaml 文件`,
    nothingToImport: (w, exts) => `在 ${w} 中未找到可导入的文件（${exts}）`,
    nothingToReview: (w) => `在 ${w} 中未找到报告或文档`,
    oneOutputFile: (o) => `-o ${o} 只能对应一个输入文件；多个输入时 -o 应为文件夹`,
    noSuchFileOrFolder: (f) => `无法读取 ${f}：文件或文件夹不存在`,
    cannotRead: (f, why) => `无法读取 ${f}：${why}`,
    notImportable: (f) => `${f}：不是 .docx、PDF、HTML 或文本文件`,
    readRefusal: (r) => {
      switch (r.kind) {
        case 'missing':
          return `文件不存在（${r.code}）`;
        case 'folder':
          return '不是普通文件（是文件夹）';
        case 'fifo':
          return '不是普通文件（是管道）';
        case 'device':
          return '不是普通文件（是设备）';
        case 'socket':
          return '不是普通文件（是套接字）';
        case 'special':
          return '不是普通文件';
        case 'too-large':
          return `文件过大（${r.size} 字节，上限 ${r.limit} 字节）`;
        case 'denied':
          return `没有读取权限（${r.code}）`;
        case 'error':
          return `读取出错（${r.code}）`;
      }
    },
    cannotWrite: (f, why) => `无法写入 ${f}：${why}`,
    notRegularTarget: '不是普通文件',
    cannotCreate: (d, code) => `无法创建 ${d}：${code}`,
    exists: (f) => `${f} 已存在（加 --force 可覆盖）`,
    isInput: (f) => `${f} 是输入文件本身，请另选输出文件`,
    skipped: (e, why) => `已略过 ${e}：${why}`,
    notRegularEntry: '不是普通文件',
    tooDeep: (max) => `文件夹嵌套超过 ${max} 层`,
    cannotStartNext: (f, why) => `无法从 ${f} 开始下一年度报告：${why}`,
    nextYearRefusal: (r) => {
      switch (r.kind) {
        case 'syntax':
          return '报告有 YAML 语法错误，请先改正';
        case 'noYear':
          return '报告没有有效的年度';
        case 'beyond':
          return `年度 ${r.year} 超出了 ${r.max}`;
      }
    },
    internalError: (d) => `内部错误：${d}`,
  },
  en: {
    seeHelp: ' (see xxgk --help)',
    badArguments: (d) => d,
    unknownLocale: (v) => `unknown --locale ${v} (zh-CN or en)`,
    badJobs: (v) => `--jobs ${v} is not a number of threads (1 or more)`,
    unknownCommand: (c) => `unknown command ${c}`,
    unknownFormat: (f, all) => `unknown --format ${f} (${all})`,
    needsInputs: (c) => `${c} needs at least one file or folder`,
    needsOneFile: (c) => `${c} needs exactly one file`,
    exportNeedsKind: 'export needs one of --docx or --html',
    reviewNeedsOutput: 'review needs an output folder: -o DIR',
    noSources: (w) => `no *.xxgk.yaml files found in ${w}`,
    nothingToImport: (w, exts) => `no file to import found in ${w} (${exts})`,
    nothingToReview: (w) => `no report or document found in ${w}`,
    oneOutputFile: (o) => `-o ${o} takes one input file; give a folder with -o for several`,
    noSuchFileOrFolder: (f) => `cannot read ${f}: no such file or folder`,
    cannotRead: (f, why) => `cannot read ${f}: ${why}`,
    notImportable: (f) => `${f}: not a .docx, PDF, HTML or text file`,
    readRefusal: (r) => {
      switch (r.kind) {
        case 'missing':
          return `no such file (${r.code})`;
        case 'folder':
          return 'not a regular file (a folder)';
        case 'fifo':
          return 'not a regular file (a pipe (FIFO))';
        case 'device':
          return 'not a regular file (a device)';
        case 'socket':
          return 'not a regular file (a socket)';
        case 'special':
          return 'not a regular file';
        case 'too-large':
          return `too large (${r.size} bytes; the limit is ${r.limit})`;
        case 'denied':
          return `permission denied (${r.code})`;
        case 'error':
          return r.code;
      }
    },
    cannotWrite: (f, why) => `cannot write ${f}: ${why}`,
    notRegularTarget: 'not a regular file',
    cannotCreate: (d, code) => `cannot create ${d}: ${code}`,
    exists: (f) => `${f} already exists (use --force to replace it)`,
    isInput: (f) => `${f} is the input file; choose another output file`,
    skipped: (e, why) => `skipped ${e}: ${why}`,
    notRegularEntry: 'not a regular file',
    tooDeep: (max) => `folders nested deeper than ${max}`,
    cannotStartNext: (f, why) => `cannot start next year's report from ${f}: ${why}`,
    nextYearRefusal: (r) => {
      switch (r.kind) {
        case 'syntax':
          return 'the report has YAML syntax errors; fix them first';
        case 'noYear':
          return 'the report has no valid 年度';
        case 'beyond':
          return `年度 ${r.year} is beyond ${r.max}`;
      }
    },
    internalError: (d) => `internal error: ${d}`,
  },
};
