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

/** Why one input of `xxgk import` was not imported (shown after its name). */
export type ImportReason =
  | { kind: 'missing' | 'notFile' | 'unsupported' | 'notReport' | 'exists' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'read' | 'write'; code: string }
  | { kind: 'import' | 'internal'; detail: string };

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
  /** `xxgk check`'s last line. */
  summary: (files: number, n: Record<'error' | 'warning' | 'info', number>) => string;
  /** Progress on a terminal: time left, then the line. */
  eta: (seconds: number) => string;
  progress: (label: string, done: number, total: number, rate: string, eta: string) => string;
  /** `xxgk export` and `xxgk next`. */
  notExported: (errors: number, file: string) => string;
  exported: (target: string) => string;
  stillErrors: (errors: number, file: string) => string;
  wrote: (target: string) => string;
  /** `xxgk render` of a file with syntax errors: the page lists them. */
  notParsed: (file: string) => string;
  /** `xxgk import`: a line per file and a summary. */
  stdout: string;
  importReason: (r: ImportReason) => string;
  importFailed: (input: string, why: string) => string;
  importFacts: (format: string, year: string, agency: string) => string;
  importDone: (input: string, where: string, read: number, toCheck: number, facts: string) => string;
  notPlaced: (n: number) => string;
  importSummary: (imported: number, total: number, failed: number, cells: number, toCheck: number) => string;
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
    summary: (files, n) => `已检查 ${files} 个文件：${n.error} 个错误，${n.warning} 个警告，${n.info} 条提示`,
    eta: (s) => `${s} 秒`,
    progress: (label, done, total, rate, eta) => `${label}${done}/${total} · 每秒 ${rate} 个 · 剩余 ${eta}`,
    notExported: (errors, file) => `报告中有 ${errors} 个错误，未导出；可用 xxgk check ${file} 查看（加 --allow-errors 仍导出）`,
    exported: (t) => `已导出 ${t}`,
    stillErrors: (errors, file) => `注意：报告中仍有 ${errors} 个错误，可用 xxgk check ${file} 查看`,
    wrote: (t) => `已生成 ${t}`,
    notParsed: (f) => `${f} 无法解析，页面中列出了原因；可用 xxgk check ${f} 查看`,
    stdout: '标准输出',
    importReason: (r) => {
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
    importFailed: (input, why) => `${input}：错误：${why}`,
    importFacts: (format, year, agency) => `${format} 年格式，年度 ${year}，机关 ${agency}`,
    importDone: (input, where, read, toCheck, facts) => `${input} → ${where}：读取 ${read} 个单元格，需核对 ${toCheck} 个（${facts}）`,
    notPlaced: (n) => `未能放置 ${n} 项（生成文件开头的注释中也有列出）：`,
    importSummary: (imported, total, failed, cells, toCheck) => `共 ${total} 个文件，已导入 ${imported} 个，失败 ${failed} 个：读取单元格 ${cells} 个，需核对 ${toCheck} 个（见各文件开头的注释）。`,
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
    summary: (files, n) => `${files} file(s) checked: ${n.error} error(s), ${n.warning} warning(s), ${n.info} info`,
    eta: (s) => `${s} s`,
    progress: (label, done, total, rate, eta) => `${label}${done}/${total} · ${rate}/s · ${eta} left`,
    notExported: (errors, file) => `the report has ${errors} error(s), not exported; see xxgk check ${file} (--allow-errors exports anyway)`,
    exported: (t) => `Exported ${t}`,
    stillErrors: (errors, file) => `note: the report still has ${errors} error(s); see xxgk check ${file}`,
    wrote: (t) => `Wrote ${t}`,
    notParsed: (f) => `${f} could not be parsed; see xxgk check ${f}`,
    stdout: 'stdout',
    importReason: (r) => {
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
    importFailed: (input, why) => `${input}: error: ${why}`,
    importFacts: (format, year, agency) => `${format} format, year ${year}, body ${agency}`,
    importDone: (input, where, read, toCheck, facts) => `${input} → ${where}: ${read} cells read, ${toCheck} to check (${facts})`,
    notPlaced: (n) => `Not placed (${n}), also listed at the top of the file:`,
    importSummary: (imported, total, failed, cells, toCheck) => `${imported} of ${total} file(s) imported, ${failed} failed: ${cells} cells read, ${toCheck} to check (see the comments at the top of each file).`,
  },
};
