/**
 * Every user-facing sentence of the engine, in Chinese (default) and English. Official labels
 * and keys are Chinese data and appear as such in both languages.
 */
import type { RuleCode } from '../format/types';
import { RULE_REGISTRY } from '../rules/registry';

export type Locale = 'zh-CN' | 'en';

export function normalizeLocale(value: unknown): Locale {
  return typeof value === 'string' && /^en/i.test(value) ? 'en' : 'zh-CN';
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : String(Math.round(n * 1e6) / 1e6));
const q = (s: string) => `「${s}」`;
/** Sums of at most this many cells name them all. */
const FEW = 4;
const CN_COUNT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** What a total should equal, in Chinese: the outcome rows, the cells named when few, else counted. */
const zhSumOf = (kind: string, parts: readonly string[]) =>
  kind === 'outcome-total' ? '各项办理结果之和' : parts.length <= FEW ? `${parts.join('、')}之和` : `本行${CN_COUNT[parts.length] ?? parts.length}列之和`;
const EN_COUNT = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** The same in English: the parts named when few (A, B and C), else counted. */
const enSumOf = (kind: string, parts: readonly string[]) =>
  kind === 'outcome-total'
    ? 'the sum of the outcome rows'
    : parts.length <= FEW
      ? `the sum of ${parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ` : ''}${parts[parts.length - 1] ?? ''}`
      : `the sum of the ${EN_COUNT[parts.length] ?? parts.length} columns`;

export interface Messages {
  yamlSyntax(detail: string): string;
  tooLarge(bytes: number, limit: number): string;
  binary(): string;
  aliasBomb(): string;
  emptyFile(): string;
  unknownKey(key: string, suggestion?: string): string;
  belongsElsewhere(key: string, path: string): string;
  missing(name: string, where?: string): string;
  expected(name: string, what: 'count' | 'decimal' | 'signed' | 'integer' | 'string' | 'mapping' | 'row' | 'section' | 'sectionItem' | 'year' | 'format', got: string): string;
  negative(name: string, value: number): string;
  fraction(name: string, value: number): string;
  outOfRange(name: string, value: number, min?: number, max?: number): string;
  notExact(name: string, raw: string): string;
  notOneOf(name: string, value: string, allowed: string): string;
  blankCell(name: string): string;
  blankRow(name: string): string;
  emptyPart(name: string): string;
  fullwidth(found: string, replacement: string, inNumber: boolean): string;
  /** Σ-relations: `formula` already lists the terms with their values. */
  /** `parts`: the names of the summed cells (named in full when few, counted when many). */
  sumMismatch(kind: 'row-total' | 'outcome-total' | 'appeal-total', target: string, parts: string[], written: number, computed: number, blanks: number): string;
  /** A blank total whose parts are written. */
  sumBlank(kind: 'row-total' | 'outcome-total' | 'appeal-total', target: string, parts: string[], computed: number): string;
  /** `lhsNames`/`rhsNames`: the two sides of the relation, as their rows are named. */
  balance(column: string, lhsNames: string[], lhs: number, rhsNames: string[], rhs: number, anchor: string, written: number, needed: number, blanks: number): string;
  term(name: string): string;
  regulationAuthority(agency: string, cells: string): string;
  periodYear(found: number, year: number, where: string): string;
  /** 年度 disagrees with the year the title and `count` sentences name. */
  yearOutvoted(declared: number, year: number, count: number): string;
  proseNumber(phrase: string, written: number, table: number, what: string): string;
  /** A share after a count: `value` of `base` (named `baseName`) is `computed` %, the text says `written` %. */
  proseShare(what: string, value: number, baseName: string, base: number, written: number, computed: number): string;
  proseContradiction(phrase: string, fact: string): string;
  /** A change over last year: this year's and last year's values, the real change (absolute or %). */
  proseTrend(phrase: string, what: string, value: number, last: number, file: string, diff: number, change: number, percent: boolean): string;
  /** `unpaidRow`, `notices`: the cells' names (from the definition). */
  feeUnpaidNoNotice(unpaidRow: string, unpaid: number, notices: string): string;
  feeWithoutRequests(fees: string): string;
  duplicate(firstLine: number): string;
  /** `used`/`current`: format ids with their issuing documents; `from`: first year of `current`. */
  outdatedFormat(year: number, used: string, usedSource: string, current: string, currentSource: string, from: number): string;
  reportYear(year: number): string;
  firstOccurrence(): string;
  artifact(found: string): string;
  /** A list's ordinal out of sequence: `found` as written, `expected` as it should be, after `previous`. */
  numbering(kind: 'repeat' | 'skip' | 'backwards', found: string, expected: string, previous: string): string;
  savedAsGb18030(): string;
  undecodable(count: number): string;
  previousItem(previous: string): string;
  /** Cross-year: `file` is last year's file name, `year` its 年度 when known. */
  carryOver(name: string, written: number | null, last: number, lastName: string, file: string, blanks: number): string;
  lastYearCell(name: string, value: number, file: string): string;
  /** `stockKey`, `addedKey`, `removedKey`: the cell keys of the row (from the definition). */
  inventory(name: string, written: number, expected: number, stockKey: string, lastStock: number, addedKey: string, added: number, removedKey: string, removed: number): string;
  previousWrongYear(file: string, found: number, expected: number): string;
  previousOtherAgency(file: string, found: string, agency: string): string;
  previousUnreadable(file: string): string;
  previousRefused(file: string, reason: 'absolute' | 'network' | 'outside' | 'not-a-report'): string;
  previousBroken(file: string): string;
}

const zh: Messages = {
  yamlSyntax: (d) => `YAML 语法错误：${d}`,
  tooLarge: (b, l) => `文件过大（${b} 字节，上限 ${l} 字节），未检查；年度报告源文件通常不足 100 KB`,
  binary: () => '文件含有二进制内容（如 NUL 字符），不是文本格式的报告源文件',
  aliasBomb: () => 'YAML 别名（*alias）展开过多，可能是“别名炸弹”；已停止展开，结构检查未进行',
  emptyFile: () => '文件为空：请填写年度、机关及六个部分（可用补全生成完整骨架）',
  unknownKey: (k, s) => (s ? `格式中没有 ${q(k)}；是否应为 ${q(s)}？` : `格式中没有 ${q(k)}，此处不允许该键`),
  belongsElsewhere: (k, p) => `此处没有 ${q(k)}；它应写在 ${q(p.replace(/\//g, '·'))} 的位置`,
  missing: (n, w) => (w ? `${w} 缺少 ${q(n)}` : `缺少 ${q(n)}`),
  expected: (n, what, got) => {
    const want: Record<string, string> = {
      count: '非负整数（件数）',
      decimal: '非负数（可有小数）',
      signed: '整数（可为负数）',
      integer: '整数',
      string: '文字',
      mapping: '键值映射',
      row: '按列填写的映射，如 {自然人: 0, …}',
      section: '文字，或（标题、正文）列表',
      sectionItem: '含“标题”“正文”的映射',
      year: '四位数年份',
      format: '2021 或 2019',
    };
    return `${q(n)} 应为${want[what]}，现为 ${got}`;
  },
  negative: (n, v) => `${q(n)} 不能为负数（现为 ${num(v)}）`,
  fraction: (n, v) => `${q(n)} 是件数，不能有小数（现为 ${num(v)}）`,
  outOfRange: (n, v, min, max) => `${q(n)} 的值 ${num(v)} 超出范围（${min ?? '−∞'}–${max ?? '∞'}）`,
  notExact: (n, raw) => `${q(n)} 的值 ${raw} 不是可用的数字（无穷大或位数过多，无法精确计算）`,
  notOneOf: (n, v, a) => `${q(n)} 不能为 ${v}，应为 ${a}`,
  blankCell: (n) => `${q(n)} 为空白：发布的报告应填 0（求和时按 0 计）`,
  blankRow: (n) => `${q(n)} 整行为空白：发布的报告应填 0（求和时按 0 计）`,
  emptyPart: (n) => `${q(n)} 尚未填写：发布的报告须有这一部分的内容`,
  fullwidth: (f, r, inNumber) =>
    inNumber
      ? `全角数字 ${q(f)}，应为半角 ${q(r)}（已按 ${r} 计算）`
      : r.trim() === ''
        ? `全角空格（中文输入法，${f.length} 个），YAML 需要半角空格`
        : `全角字符 ${q(f)}（中文输入法），YAML 需要半角 ${q(r.trim())}`,
  sumMismatch: (kind, target, parts, w, c, blanks) => {
    const what = zhSumOf(kind, parts);
    return `${q(target)} 填写 ${num(w)}，${what}为 ${num(c)}（差 ${num(w - c)}）${blanks ? `；其中 ${blanks} 个空白或缺失的单元格按 0 计` : ''}`;
  },
  sumBlank: (kind, target, parts, c) => {
    const what = zhSumOf(kind, parts);
    return `${q(target)} 为空白，${what}为 ${num(c)}：应填 ${num(c)}（其他核对按 ${num(c)} 计）`;
  },
  balance: (col, ln, l, rn, r, anchor, w, need, blanks) =>
    `勾稽关系不平衡（${col}列）：${ln.join(' + ')} = ${num(l)}，${rn.join(' + ')} = ${num(r)}（差 ${num(r - l)}）；${q(anchor)} 填写 ${num(w)}，按勾稽关系应为 ${num(need)}${blanks ? `；其中 ${blanks} 个空白或缺失的单元格按 0 计` : ''}`,
  term: (n) => `参与计算：${n}`,
  regulationAuthority: (a, cells) => `${q(a)} 看起来是乡镇、街道或县级机关，不享有规章制定权，但规章填写了非零数字（${cells}）`,
  periodYear: (f, y, w) => `${w}中的年份 ${f} 与报告年度 ${y} 不一致`,
  yearOutvoted: (d, y, n) => `「年度」为 ${d}，但标题和正文中 ${n} 处写的是 ${y} 年：请核对报告年度`,
  proseNumber: (p, w, t, what) => `正文写“${p}”（${num(w)}），但表格中${what}为 ${num(t)}`,
  proseShare: (what, v, baseName, b, w, c) => `正文写占比 ${num(w)}%，但表格中${what} ${num(v)} 占${baseName} ${num(b)} 的 ${num(c)}%`,
  proseContradiction: (p, fact) => `正文写“${p}”，与表格矛盾：${fact}`,
  proseTrend: (p, what, v, l, file, diff, c, pct) =>
    `正文写“${p}”，但表格中${what}本年为 ${num(v)}，上年报告 ${file} 为 ${num(l)}：${diff === 0 ? '持平' : `${diff > 0 ? '增加' : '减少'} ${num(c)}${pct ? '%' : ' 件'}`}`,
  feeUnpaidNoNotice: (row, u, notices) => `${q(row)}为 ${num(u)} 件，说明发出过收费通知，但${q(notices)}未报告收费通知`,
  feeWithoutRequests: (fees) => `${q(fees)}报告了收费通知或收费金额，但本年没有收到或办理政府信息公开申请`,
  duplicate: (l) => `与第 ${l} 行的内容重复`,
  outdatedFormat: (y, u, us, c, cs, from) => `${y} 年度报告按 ${u} 年格式（${us}）填写，但自 ${from} 年度报告起应使用 ${c} 年格式（${cs}）`,
  reportYear: (y) => `报告年度：${y}`,
  firstOccurrence: () => '首次出现于此',
  artifact: (f) => `疑似从 Word 复制遗留或未替换的占位内容：${q(f)}`,
  numbering: (k, f, e, p) =>
    `列举序号${k === 'repeat' ? '重复' : k === 'skip' ? '跳号' : '倒序'}：前一项为${q(p)}，此处的${q(f)}应为${q(e)}`,
  previousItem: (p) => `前一项${q(p)}`,
  savedAsGb18030: () => '文件以 GBK/GB18030 编码保存，已按该编码读取；请另存为 UTF-8（VS Code：点击状态栏中的编码 →“通过编码保存”→ UTF-8）',
  undecodable: (n) => `此处有 ${n} 个无法解码的字符（原文件中的字节不是有效的 UTF-8，显示为 �）；请对照原文改正，并确认文件以 UTF-8 保存`,
  carryOver: (n, w, last, ln, file, blanks) =>
    `${q(n)} ${w === null ? '为空白（按 0 计）' : `填写 ${num(w)}`}，上年报告 ${file} 的${q(ln)}为 ${num(last)}（差 ${num((w ?? 0) - last)}）${blanks ? '；上年的空白单元格按 0 计' : ''}`,
  lastYearCell: (n, v, file) => `上年报告 ${file}：${n} ${num(v)}`,
  inventory: (n, w, e, sk, last, ak, add, rk, rem) =>
    `${q(n)} 填写 ${num(w)}，上年${sk} ${num(last)} + ${ak} ${num(add)} − ${rk} ${num(rem)} = ${num(e)}（差 ${num(w - e)}）；如有到期失效、清理或修订，可在备注中说明`,
  previousWrongYear: (file, found, expected) => `上年报告 ${file} 是 ${found} 年度的报告，应为 ${expected} 年度；跨年度核对未进行`,
  previousOtherAgency: (file, found, agency) => `上年报告 ${file} 的机关是${q(found)}，与本报告的${q(agency)}不同`,
  previousUnreadable: (file) => `找不到或无法读取上年报告 ${file}；跨年度核对未进行`,
  previousRefused: (file, reason) =>
    `上年报告 ${file} 未读取：${
      {
        absolute: '只能写相对于本文件的路径，不能写绝对路径',
        network: '不能指向网络路径（打开网络路径会把当前用户的凭据发送给该主机）',
        outside: '只能指向所检查的文件夹或工作区内的文件',
        'not-a-report': '只能指向报告源文件（*.xxgk.yaml）',
      }[reason]
    }；跨年度核对未进行`,
  previousBroken: (file) => `上年报告 ${file} 有 YAML 语法错误；跨年度核对未进行`,
};

const en: Messages = {
  yamlSyntax: (d) => `YAML syntax error: ${d}`,
  tooLarge: (b, l) => `File too large (${b} bytes, limit ${l} bytes); not checked. Report sources are usually under 100 KB`,
  binary: () => 'The file contains binary content (such as NUL characters); it is not a text report source',
  aliasBomb: () => 'YAML aliases (*alias) expand too much (an "alias bomb"); expansion stopped and structure was not checked',
  emptyFile: () => 'The file is empty: write 年度, 机关 and the six parts (completion can insert a full skeleton)',
  unknownKey: (k, s) => (s ? `The format has no key ${q(k)}; did you mean ${q(s)}?` : `The format has no key ${q(k)}; it is not allowed here`),
  belongsElsewhere: (k, p) => `${q(k)} does not belong here; it goes at ${q(p.replace(/\//g, '·'))}`,
  missing: (n, w) => (w ? `${w} is missing ${q(n)}` : `Missing ${q(n)}`),
  expected: (n, what, got) => {
    const want: Record<string, string> = {
      count: 'a non-negative whole number (a count)',
      decimal: 'a non-negative number (decimals allowed)',
      signed: 'a whole number (may be negative)',
      integer: 'a whole number',
      string: 'text',
      mapping: 'a mapping of keys',
      row: 'a mapping by column, e.g. {自然人: 0, …}',
      section: 'text, or a list of {标题, 正文}',
      sectionItem: 'a mapping with 标题 and 正文',
      year: 'a four-digit year',
      format: '2021 or 2019',
    };
    return `${q(n)} must be ${want[what]}, found ${got}`;
  },
  negative: (n, v) => `${q(n)} cannot be negative (found ${num(v)})`,
  fraction: (n, v) => `${q(n)} is a count and cannot have decimals (found ${num(v)})`,
  outOfRange: (n, v, min, max) => `${q(n)} value ${num(v)} is out of range (${min ?? '−∞'}–${max ?? '∞'})`,
  notExact: (n, raw) => `${q(n)} value ${raw} is not a usable number (infinite, or too many digits to count exactly)`,
  notOneOf: (n, v, a) => `${q(n)} cannot be ${v}; use ${a}`,
  blankCell: (n) => `${q(n)} is blank: a published report prints 0 (counted as 0 in sums)`,
  blankRow: (n) => `The whole row ${q(n)} is blank: a published report prints 0 (counted as 0 in sums)`,
  emptyPart: (n) => `${q(n)} is empty: the published report needs this part written`,
  fullwidth: (f, r, inNumber) =>
    inNumber
      ? `Full-width digits ${q(f)}; use ASCII ${q(r)} (read as ${r})`
      : r.trim() === ''
        ? `Full-width space (Chinese IME, ${f.length}); YAML needs ASCII spaces`
        : `Full-width character ${q(f)} (Chinese IME); YAML needs the ASCII ${q(r.trim())}`,
  sumMismatch: (kind, target, parts, w, c, blanks) =>
    `${q(target)} is ${num(w)} but ${enSumOf(kind, parts)} is ${num(c)} (difference ${num(w - c)})${blanks ? `; ${blanks} blank or missing cell(s) counted as 0` : ''}`,
  sumBlank: (kind, target, parts, c) => `${q(target)} is blank; ${enSumOf(kind, parts)} is ${num(c)}: write ${num(c)} (other checks count it as ${num(c)})`,
  balance: (col, ln, l, rn, r, anchor, w, need, blanks) =>
    `Unbalanced (column ${col}): ${ln.join(' + ')} = ${num(l)} but ${rn.join(' + ')} = ${num(r)} (difference ${num(r - l)}); ${q(anchor)} is ${num(w)}, the balance needs ${num(need)}${blanks ? `; ${blanks} blank or missing cell(s) counted as 0` : ''}`,
  term: (n) => `Part of the sum: ${n}`,
  regulationAuthority: (a, cells) => `${q(a)} looks like a township, sub-district or county body, which cannot make 规章, yet 规章 has non-zero numbers (${cells})`,
  periodYear: (f, y, w) => `The year ${f} in ${w} differs from the report year ${y}`,
  yearOutvoted: (d, y, n) => `年度 is ${d}, but the title and the text name ${y} in ${n} places: check the report year`,
  proseNumber: (p, w, t, what) => `The text says “${p}” (${num(w)}) but the table's ${what} is ${num(t)}`,
  proseShare: (what, v, baseName, b, w, c) => `The text gives a share of ${num(w)}%, but the table's ${what} ${num(v)} is ${num(c)}% of ${baseName} ${num(b)}`,
  proseContradiction: (p, fact) => `The text says “${p}”, which contradicts the tables: ${fact}`,
  proseTrend: (p, what, v, l, file, diff, c, pct) =>
    `The text says “${p}”, but the table's ${what} is ${num(v)} this year and ${num(l)} in last year's report ${file}: ${diff === 0 ? 'unchanged' : `${diff > 0 ? 'up' : 'down'} ${num(c)}${pct ? '%' : ''}`}`,
  feeUnpaidNoNotice: (row, u, notices) => `${q(row)} reports ${num(u)} application(s) closed for unpaid fees, so fee notices were sent, but ${q(notices)} reports none`,
  feeWithoutRequests: (fees) => `${q(fees)} reports fee notices or fees although no applications were received or handled this year`,
  duplicate: (l) => `Repeats the text on line ${l}`,
  outdatedFormat: (y, u, us, c, cs, from) => `The ${y} report is laid out in the ${u} format (${us}), but reports from ${from} on use the ${c} format (${cs})`,
  reportYear: (y) => `Report year: ${y}`,
  firstOccurrence: () => 'First occurrence',
  artifact: (f) => `Looks like a leftover from Word or an unfilled placeholder: ${q(f)}`,
  numbering: (k, f, e, p) =>
    `${k === 'repeat' ? 'Repeated' : k === 'skip' ? 'Skipped' : 'Backward'} list ordinal: the previous item is ${q(p)}, so ${q(f)} here should be ${q(e)}`,
  previousItem: (p) => `Previous item ${q(p)}`,
  savedAsGb18030: () => 'The file is saved as GBK/GB18030 and was read as such; save it as UTF-8 (VS Code: click the encoding in the status bar → Save with Encoding → UTF-8)',
  undecodable: (n) => `${n} character(s) here could not be decoded (the bytes were not valid UTF-8 and show as �); correct them from the original and make sure the file is saved as UTF-8`,
  carryOver: (n, w, last, ln, file, blanks) =>
    `${q(n)} is ${w === null ? 'blank (counted as 0)' : num(w)} but last year's report ${file} has ${q(ln)} ${num(last)} (difference ${num((w ?? 0) - last)})${blanks ? "; last year's blank cell counted as 0" : ''}`,
  lastYearCell: (n, v, file) => `Last year's report ${file}: ${n} ${num(v)}`,
  inventory: (n, w, e, sk, last, ak, add, rk, rem) =>
    `${q(n)} is ${num(w)} but last year's ${sk} ${num(last)} + ${ak} ${num(add)} − ${rk} ${num(rem)} = ${num(e)} (difference ${num(w - e)}); explain documents that lapsed, were cleaned up or revised in 备注`,
  previousWrongYear: (file, found, expected) => `Last year's report ${file} is for ${found}, not ${expected}; the cross-year checks were not run`,
  previousOtherAgency: (file, found, agency) => `Last year's report ${file} is by ${q(found)}, not ${q(agency)}`,
  previousUnreadable: (file) => `Last year's report ${file} cannot be found or read; the cross-year checks were not run`,
  previousRefused: (file, reason) =>
    `Last year's report ${file} was not read: ${
      {
        absolute: 'write a path relative to this file, not an absolute path',
        network: 'a network path is refused (opening it would send your credentials to that host)',
        outside: 'only files inside the folder being checked or the workspace are read',
        'not-a-report': 'only a report source (*.xxgk.yaml) is read',
      }[reason]
    }; the cross-year checks were not run`,
  previousBroken: (file) => `Last year's report ${file} has YAML syntax errors; the cross-year checks were not run`,
};

/** Words used inside sentences that are built from parts. */
export interface Phrases {
  title: string;
  statPeriod: string;
  /** After a category whose blank total was counted as the sum of its row. */
  blankSum: string;
  overview: string;
  cellTerm: (name: string, value: number, blank: boolean) => string;
  document: string;
}

const zhPhrases: Phrases = {
  title: '标题',
  statPeriod: '统计期限',
  blankSum: '（总计空白，按本行各列之和）',
  overview: '总体情况',
  cellTerm: (n, v, blank) => `${n} ${blank ? '空白按 0 计' : num(v)}`,
  document: '报告',
};

const enPhrases: Phrases = {
  title: 'the title',
  statPeriod: 'the statistical period',
  blankSum: ' (total blank: the sum of the row)',
  overview: '总体情况',
  cellTerm: (n, v, blank) => `${n} ${blank ? 'blank, counted as 0' : num(v)}`,
  document: 'the report',
};

/** One line per rule code, for rule lists (SARIF, docs links, settings). */
/** Rule titles, from the rule registry (rules/registry.ts); marked pure so a bundle that shows no titles drops the table. */
export const RULE_TITLES = /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ RULE_REGISTRY.map((r) => [r.code, r.title])) as Record<RuleCode, { zh: string; en: string }>;

export function ruleTitle(code: RuleCode, locale: Locale): string {
  return locale === 'en' ? RULE_TITLES[code].en : RULE_TITLES[code].zh;
}

export interface I18n {
  locale: Locale;
  m: Messages;
  p: Phrases;
}

export function i18n(locale: Locale = 'zh-CN'): I18n {
  return locale === 'en' ? { locale, m: en, p: enPhrases } : { locale, m: zh, p: zhPhrases };
}

export { num as formatNumber };
