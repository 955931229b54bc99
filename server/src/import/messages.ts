/**
 * Sentences of the importer's notes and of the comment block at the top of a generated file, in
 * Chinese (default) and English. Labels and values from the document are quoted as they are.
 */
import { normalizeLocale } from '../i18n/messages';
import type { Locale } from '../i18n/messages';

const q = (s: string) => `「${s.replace(/\s+/g, ' ').trim()}」`;
const clip = (s: string, n = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};
const list = (xs: readonly string[], sep: string) => xs.map(q).join(sep);

/** Who made the file, as the header names it: the CLI, unless the editor's command did. */
export const IMPORT_TOOL = 'xxgk import';
export const IMPORT_COMMAND: Record<Locale, string> = { 'zh-CN': 'VS Code 的“导入年报”命令', en: 'the VS Code command Import Report' };

export interface ImportMessages {
  headerFrom(source: string | undefined, format: string): string;
  headerReview(): string;
  unplacedTitle(): string;
  notesTitle(): string;
  formatDetected(format: string, labels: readonly string[]): string;
  formatAssumed(format: string): string;
  noTitle(): string;
  titleFound(title: string): string;
  yearFromText(year: number): string;
  noYear(): string;
  noAgency(): string;
  skippedBeforeTitle(text: string): string;
  sectionMissing(label: string): string;
  problemsFromTrailing(section: string): string;
  tableInProse(section: string, rows: number): string;
  trailingText(section: string, text: string): string;
  footnote(text: string): string;
  rowNotFound(label: string): string;
  rowUnplaced(section: string, label: string, values: string, nearby: string): string;
  textUnplaced(section: string, text: string): string;
  rowByPosition(row: string, label: string): string;
  rowByFragment(row: string, label: string): string;
  rowByTypo(row: string, label: string): string;
  rowTwice(row: string, values: string): string;
  blankCells(row: string, columns: readonly string[]): string;
  dashBlank(cell: string, mark: string): string;
  cellNote(cell: string, value: number, note: string): string;
  splitCell(cell: string, raw: string): string;
  splitRow(row: string, raw: string, readings: readonly string[]): string;
  splitRowResolved(row: string, raw: string, reading: string): string;
  wrongCount(row: string, raw: string, expected: number): string;
  columnsNotFound(columns: readonly string[]): string;
  appealNotFound(): string;
  nothingRecognised(): string;
}

const zh: ImportMessages = {
  headerFrom: (s, f) => `由 ${IMPORT_TOOL} 从 ${s ? q(s) : '文档'} 导入；表格按 ${f} 年格式读取。`,
  headerReview: () => '请对照原文逐项核对下列各条；核对完毕后可删除这些注释。',
  unplacedTitle: () => '未能放置的内容：',
  notesTitle: () => '说明：',
  formatDetected: (f, ls) => `格式：根据表格标签 ${list(ls.slice(0, 4), '、')} 识别为 ${f} 年格式`,
  formatAssumed: (f) => `格式：表格标签不足以区分 2019 与 2021 年格式，按 ${f} 年格式读取，请核对`,
  noTitle: () => '未找到报告标题（“……年度报告”），机关和年度需手工填写',
  titleFound: (t) => `标题：${q(t)}`,
  yearFromText: (y) => `年度 ${y} 取自正文（标题中没有年份）`,
  noYear: () => '未能识别报告年度，请填写“年度”',
  noAgency: () => '未能从标题识别报告机关，请填写“机关”',
  skippedBeforeTitle: (t) => `标题之前的文字未导入：${q(clip(t))}`,
  sectionMissing: (l) => `未找到章节标题 ${q(l)}，该部分为空`,
  problemsFromTrailing: (s) => `未找到“五、存在的主要问题及改进情况”标题：${q(s)} 表格之后的文字作为该部分导入`,
  tableInProse: (s, n) => `${q(s)} 中有一个 ${n} 行的表格，未导入`,
  trailingText: (s, t) => `${q(s)} 表格之后的文字作为备注导入：${q(clip(t))}`,
  footnote: (t) => `表注作为备注导入：${q(clip(t))}`,
  rowNotFound: (l) => `原文中未找到 ${q(l)} 一行，单元格留空`,
  rowUnplaced: (s, l, v, n) =>
    `${q(s)}：${l ? `${q(clip(l, 40))} 一行` : `一行没有标签的数字${n ? `（前面的文字：${q(clip(n, 30))}）` : ''}`}（${clip(v)}）无法对应到格式中的行，未导入`,
  textUnplaced: (s, t) => `${q(s)}：表格中的文字 ${q(clip(t))} 未导入`,
  rowByPosition: (r, l) => `${q(r)}：原文此行的标签缺失或错位${l ? `（附近文字：${q(clip(l, 40))}）` : ''}，按行的顺序放置，请核对`,
  rowByFragment: (r, l) => `${q(r)}：按残缺的标签 ${q(clip(l, 40))} 放置，请核对`,
  rowByTypo: (r, l) => `${q(r)}：标签 ${q(clip(l, 40))} 与格式略有出入，按近似标签放置`,
  rowTwice: (r, v) => `${q(r)} 在原文中出现两次，第二次的数字（${v}）未导入`,
  blankCells: (r, cs) => `${q(r)}：原文单元格空白（${cs.join('、')}），保持空白`,
  dashBlank: (c, m) => `${q(c)}：原文为 ${q(m)}，按空白导入（发布的报告应填 0）`,
  cellNote: (c, v, n) => `${q(c)}：原文 ${q(`${v}${n}`)}，导入数字 ${v}，说明文字 ${q(n)} 未导入`,
  splitCell: (c, r) => `${q(c)}：单元格 ${q(r)} 含多个数字（疑为一个数字被拆成两段），留空`,
  splitRow: (r, raw, rs) => `${q(r)}：原文 ${q(clip(raw))} 的数字比列数多一个，疑为某个单元格被拆成两段；可能的读法 ${rs.join(' 或 ')}，无法确定，留空`,
  splitRowResolved: (r, raw, reading) => `${q(r)}：原文 ${q(clip(raw))} 的数字比列数多一个，疑为单元格被拆成两段；唯一合理的读法为 ${reading}，请核对`,
  wrongCount: (r, raw, n) => `${q(r)}：原文 ${q(clip(raw))} 与应有的 ${n} 列对不上，未导入`,
  columnsNotFound: (cs) => `表三的列标题中未找到 ${cs.join('、')}，数字按格式规定的列顺序读取`,
  appealNotFound: () => '未找到表四的 15 个数字（行政复议 5 个、未经复议直接起诉 5 个、复议后起诉 5 个），单元格留空',
  nothingRecognised: () => '未识别出年度报告的任何章节或表格',
};

const en: ImportMessages = {
  headerFrom: (s, f) => `Imported by ${IMPORT_TOOL} from ${s ? q(s) : 'a document'}; tables read as the ${f} format.`,
  headerReview: () => 'Check each item below against the original; delete these comments when done.',
  unplacedTitle: () => 'Not placed:',
  notesTitle: () => 'Notes:',
  formatDetected: (f, ls) => `format: the table labels ${list(ls.slice(0, 4), ', ')} identify the ${f} format`,
  formatAssumed: (f) => `format: the table labels do not tell the 2019 and 2021 formats apart; read as ${f}, please check`,
  noTitle: () => 'no report title ("…年度报告") found: fill in 机关 and 年度',
  titleFound: (t) => `title: ${q(t)}`,
  yearFromText: (y) => `年度 ${y} taken from the text (the title has no year)`,
  noYear: () => 'the report year was not recognised: fill in 年度',
  noAgency: () => 'the reporting body was not recognised in the title: fill in 机关',
  skippedBeforeTitle: (t) => `text before the title not imported: ${q(clip(t))}`,
  sectionMissing: (l) => `section heading ${q(l)} not found; the section is empty`,
  problemsFromTrailing: (s) => `no heading "五、存在的主要问题及改进情况": the text after the ${q(s)} table was imported as that section`,
  tableInProse: (s, n) => `a table of ${n} rows in ${q(s)} was not imported`,
  trailingText: (s, t) => `text after the ${q(s)} table imported as its note (备注): ${q(clip(t))}`,
  footnote: (t) => `table footnote imported as 备注: ${q(clip(t))}`,
  rowNotFound: (l) => `row ${q(l)} not found in the document; its cells are left blank`,
  rowUnplaced: (s, l, v, n) =>
    `${q(s)}: ${l ? `row ${q(clip(l, 40))}` : `a row of numbers without a label${n ? ` (after the text ${q(clip(n, 30))})` : ''}`} (${clip(v)}) matches no row of the format; not imported`,
  textUnplaced: (s, t) => `${q(s)}: text in the table not imported: ${q(clip(t))}`,
  rowByPosition: (r, l) => `${q(r)}: the row's label is missing or misplaced in the document${l ? ` (text nearby: ${q(clip(l, 40))})` : ''}; placed by row order, please check`,
  rowByFragment: (r, l) => `${q(r)}: placed by the partial label ${q(clip(l, 40))}, please check`,
  rowByTypo: (r, l) => `${q(r)}: label ${q(clip(l, 40))} differs slightly from the format's; placed as the closest label`,
  rowTwice: (r, v) => `${q(r)} appears twice in the document; the second row's numbers (${v}) were not imported`,
  blankCells: (r, cs) => `${q(r)}: blank in the document (${cs.join(', ')}); left blank`,
  dashBlank: (c, m) => `${q(c)}: the document has ${q(m)}; imported as blank (a published report prints 0)`,
  cellNote: (c, v, n) => `${q(c)}: the document has ${q(`${v}${n}`)}; imported ${v}, the note ${q(n)} was left out`,
  splitCell: (c, r) => `${q(c)}: the cell ${q(r)} holds several numbers (probably one number split into two runs); left blank`,
  splitRow: (r, raw, rs) => `${q(r)}: ${q(clip(raw))} has one number more than the row has columns, probably a cell split into two runs; possible readings ${rs.join(' or ')}; ambiguous, left blank`,
  splitRowResolved: (r, raw, reading) => `${q(r)}: ${q(clip(raw))} has one number more than the row has columns, probably a cell split into two runs; the only sensible reading is ${reading}, please check`,
  wrongCount: (r, raw, n) => `${q(r)}: ${q(clip(raw))} does not fit the ${n} columns; not imported`,
  columnsNotFound: (cs) => `table 3 column headers ${cs.join(', ')} not found; values read in the format's column order`,
  appealNotFound: () => 'the 15 numbers of table 4 (5 行政复议, 5 未经复议直接起诉, 5 复议后起诉) were not found; cells left blank',
  nothingRecognised: () => 'no section or table of an annual report was recognised',
};

export function importMessages(locale?: Locale | string): ImportMessages {
  return normalizeLocale(locale) === 'en' ? en : zh;
}
