/**
 * Sentences of the importer's notes and of the comment block at the top of a generated file, in
 * Chinese (default) and English. Labels and values from the document are quoted as they are.
 */
import { normalizeLocale } from './messages';
import type { Locale } from './messages';

const q = (s: string) => `「${s.replace(/\s+/g, ' ').trim()}」`;
const clip = (s: string, n = 60) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};
const list = (xs: readonly string[], sep: string) => xs.map(q).join(sep);

/** Who made the file, as the header names it: the CLI, unless the editor's command did. */
const MADE_BY: Record<Locale, Record<'cli' | 'editor', string>> = {
  'zh-CN': { cli: 'xxgk import', editor: 'VS Code 的“导入年报”命令' },
  en: { cli: 'xxgk import', editor: 'the VS Code command Import Report' },
};

export interface ImportMessages {
  headerFrom(source: string | undefined, format: string, madeBy: 'cli' | 'editor'): string;
  headerReview(): string;
  headerCounts(read: number, toCheck: number): string;
  unplacedTitle(): string;
  notesTitle(): string;
  formatDetected(format: string, labels: readonly string[]): string;
  formatAssumed(format: string): string;
  noTitle(): string;
  titleFound(title: string): string;
  yearFromText(year: number, sources: readonly string[]): string;
  yearDisagrees(year: number, votes: readonly (readonly [string, number])[]): string;
  yearSource(source: 'title' | 'period' | 'opening' | 'published' | 'closing'): string;
  noYear(): string;
  noAgency(): string;
  hintYear(): string;
  hintAgency(): string;
  agencyFromMeta(name: string, label: string): string;
  agencyMetaDiffers(agency: string, name: string, label: string): string;
  titleFromMeta(title: string): string;
  articleFound(element: string, leftOut: number): string;
  limitHit(limit: 'depth' | 'span' | 'cells', caps: { depth: number; colspan: number; rowspan: number; cells: number }): string;
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
  rowByAlias(row: string, label: string): string;
  rowTwice(row: string, values: string): string;
  groupRow(group: string, rows: readonly string[], values: string): string;
  blankCells(row: string, columns: readonly string[]): string;
  dashBlank(cell: string, mark: string): string;
  cellNote(cell: string, value: number, note: string): string;
  textCell(cell: string, text: string): string;
  blankCell(cell: string): string;
  splitCell(cell: string, raw: string): string;
  splitRow(row: string, raw: string, readings: readonly string[]): string;
  splitRowResolved(row: string, raw: string, reading: string): string;
  wrongCount(row: string, raw: string, expected: number): string;
  columnsNotFound(columns: readonly string[]): string;
  appealNotFound(): string;
  nothingRecognised(): string;
  outdatedFormat(year: number, used: string, current: string, from: number): string;
  dumpRead(sections: number, rows: number): string;
  /** `rules`: codes of the equations that the split satisfies or that chose it. */
  dumpSplit(row: string, raw: string, reading: string, rules: readonly string[]): string;
  dumpAmbiguous(row: string, raw: string, readings: readonly string[], count: number, blanks: readonly string[]): string;
  dumpNoSplit(row: string, raw: string, columns: number): string;
  dumpTooMany(row: string, raw: string, columns: number): string;
  dumpUnit(cell: string, value: string, printed: string, unit: string): string;
}

const zh: ImportMessages = {
  headerFrom: (s, f, by) => `由 ${MADE_BY['zh-CN'][by]} 从 ${s ? q(s) : '文档'} 导入；表格按 ${f} 年格式读取。`,
  headerReview: () => '请对照原文逐项核对下列各条；核对完毕后可删除这些注释。',
  headerCounts: (r, c) => `读取表格数字 ${r} 个；需核对的单元格 ${c} 个（推断、按近似标签放置或留空的单元格，均在下列各条中说明）。`,
  unplacedTitle: () => '未能放置的内容：',
  notesTitle: () => '说明：',
  formatDetected: (f, ls) => `格式：根据表格标签 ${list(ls.slice(0, 4), '、')} 识别为 ${f} 年格式`,
  formatAssumed: (f) => `格式：表格标签不足以区分 2019 与 2021 年格式，按 ${f} 年格式读取，请核对`,
  noTitle: () => '未找到报告标题（“……年度报告”）',
  titleFound: (t) => `标题：${q(t)}`,
  yearFromText: (y, ss) => `年度 ${y} 取自${ss.join('、')}（标题中没有年份），请核对`,
  yearDisagrees: (y, vs) => `年度不一致：${vs.map(([s, v]) => `${s}为 ${v}`).join('，')}；按多数取 ${y}，请核对（统计期限等处可能沿用了上年的文字）`,
  yearSource: (s) => ({ title: '标题', period: '统计期限', opening: '正文开头（“某年，”）', published: '发布日期（次年发布）', closing: '落款日期（次年发布）' })[s],
  noYear: () => '未能识别报告年度：请在“格式”一行下加上“年度: ”及四位数年份',
  noAgency: () => '未能从标题、标题上下一行或网页的发布机构识别报告机关：请在“年度”一行下加上“机关: ”及机关全称',
  hintYear: () => '请填写报告年度（四位数年份），并去掉行首的 #',
  hintAgency: () => '请填写报告机关全称，并去掉行首的 #',
  agencyFromMeta: (n, l) => `机关 ${q(n)} 取自网页的“${l}”（标题中没有机关名称），请核对全称`,
  agencyMetaDiffers: (a, n, l) => `机关 ${q(a)} 取自标题；网页的“${l}”为 ${q(n)}，请核对全称`,
  titleFromMeta: (t) => `正文中没有标题，标题取自网页的标题 ${q(t)}`,
  articleFound: (e, n) => `网页正文取自元素 ${e}；其外的页眉、导航、侧栏、相关链接、页脚等（约 ${n} 字）未导入`,
  limitHit: (l, c) =>
    ({
      depth: `网页元素嵌套过深（超过 ${c.depth} 层），更深处的元素只按文字读取，请核对`,
      span: `表格的跨列或跨行数超过上限（跨 ${c.colspan} 列、${c.rowspan} 行），按上限展开，请核对`,
      cells: `表格超过 ${c.cells} 个单元格，超出部分的行未导入`,
    })[l],
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
  rowByAlias: (r, l) => `${q(r)}：原文标签写作 ${q(clip(l, 40))}（另一种写法，如另一版格式的名称），按此行放置`,
  rowTwice: (r, v) => `${q(r)} 在原文中出现两次，第二次的数字（${v}）未导入`,
  groupRow: (g, rs, v) => `原文 ${q(g)} 作为一行（${clip(v)}）；格式中该项分为 ${rs.map((r) => q(clip(r, 20))).join('、')}，没有合计行，数字无法拆分，未导入`,
  blankCells: (r, cs) => `${q(r)}：原文单元格空白（${cs.join('、')}），保持空白`,
  dashBlank: (c, m) => `${q(c)}：原文为 ${q(m)}，按空白导入（发布的报告应填 0）`,
  cellNote: (c, v, n) => `${q(c)}：原文 ${q(`${v}${n}`)}，导入数字 ${v}，说明文字 ${q(n)} 未导入`,
  textCell: (c, t) => `${q(c)}：原文单元格为文字 ${q(clip(t, 40))}，不是数字，留空`,
  blankCell: (c) => `${q(c)}：原文中没有可对应的数字，留空`,
  splitCell: (c, r) => `${q(c)}：单元格 ${q(r)} 含多个数字（疑为一个数字被拆成两段），留空`,
  splitRow: (r, raw, rs) => `${q(r)}：原文 ${q(clip(raw))} 的数字比列数多一个，疑为某个单元格被拆成两段；可能的读法 ${rs.join(' 或 ')}，无法确定，留空`,
  splitRowResolved: (r, raw, reading) => `${q(r)}：原文 ${q(clip(raw))} 的数字比列数多一个，疑为单元格被拆成两段；唯一合理的读法为 ${reading}，请核对`,
  wrongCount: (r, raw, n) => `${q(r)}：原文 ${q(clip(raw))} 与应有的 ${n} 列对不上，未导入`,
  columnsNotFound: (cs) => `表三的列标题中未找到 ${cs.join('、')}，数字按格式规定的列顺序读取`,
  appealNotFound: () => '未找到表四的 15 个数字（行政复议 5 个、未经复议直接起诉 5 个、复议后起诉 5 个），单元格留空',
  nothingRecognised: () => '未识别出年度报告的任何章节或表格',
  dumpRead: (s, r) => `原文为网页存档式的整段文字（章节标题在行中、单元格之间没有分隔）：按格式的章节标题切出 ${s} 个章节，按行标签切出 ${r} 行数字，再按列数逐行拆分`,
  dumpSplit: (r, raw, reading, rules) =>
    `${q(r)}：原文数字 ${q(clip(raw))} 拆分为 ${reading}（依据：列数、数字不以 0 开头${rules.length ? `、勾稽关系 ${rules.join('、')}` : ''}），请核对`,
  dumpAmbiguous: (r, raw, rs, n, bs) =>
    `${q(r)}：原文数字 ${q(clip(raw))} 有 ${n} 种拆分符合列数与勾稽关系：${rs.join(' 或 ')}${n > rs.length ? ' 等' : ''}；无法确定的单元格（${bs.join('、')}）留空`,
  dumpNoSplit: (r, raw, n) => `${q(r)}：原文数字 ${q(clip(raw))} 无法拆成 ${n} 列（不以 0 开头、符合勾稽关系），整行留空`,
  dumpTooMany: (r, raw, n) => `${q(r)}：原文数字 ${q(clip(raw))} 拆成 ${n} 列的方式过多，无法确定，整行留空`,
  dumpUnit: (c, v, p, u) => `${q(c)}：原文金额 ${v} 的单位为“${p}”，本格单位为“${u}”，未换算，留空`,
  outdatedFormat: (y, u, c, from) => `本报告为 ${y} 年度，表格却是 ${u} 年格式；自 ${from} 年度报告起应使用 ${c} 年格式，检查时将报告 outdated-format 警告`,
};

const en: ImportMessages = {
  headerFrom: (s, f, by) => `Imported by ${MADE_BY.en[by]} from ${s ? q(s) : 'a document'}; tables read as the ${f} format.`,
  headerReview: () => 'Check each item below against the original; delete these comments when done.',
  headerCounts: (r, c) => `${r} table cell(s) read; ${c} cell(s) to check (inferred, placed by a close label, or left blank; each is explained below).`,
  unplacedTitle: () => 'Not placed:',
  notesTitle: () => 'Notes:',
  formatDetected: (f, ls) => `format: the table labels ${list(ls.slice(0, 4), ', ')} identify the ${f} format`,
  formatAssumed: (f) => `format: the table labels do not tell the 2019 and 2021 formats apart; read as ${f}, please check`,
  noTitle: () => 'no report title (a line naming the 政府信息公开工作年度报告) found',
  titleFound: (t) => `title: ${q(t)}`,
  yearFromText: (y, ss) => `年度 ${y} taken from ${ss.join(', ')} (the title has no year); please check`,
  yearDisagrees: (y, vs) => `the year differs: ${vs.map(([s, v]) => `${s} ${v}`).join(', ')}; the majority, ${y}, was taken; please check (a statistics period may be last year's text left in)`,
  yearSource: (s) => ({ title: 'the title', period: 'the statistics period', opening: 'the opening sentences (which begin with the year)', published: 'the publication date (a year later)', closing: 'the closing date (a year later)' })[s],
  noYear: () => 'the report year was not recognised: add a line "年度: " with the four-digit year below "格式"',
  noAgency: () => 'the reporting body was not found in the title, the lines next to it or the page\'s publisher field: add a line "机关: " with its full name below "年度"',
  hintYear: () => 'fill in the report year (four digits) and remove the leading #',
  hintAgency: () => 'fill in the full name of the reporting body and remove the leading #',
  agencyFromMeta: (n, l) => `机关 ${q(n)} taken from the page's "${l}" field (the title names no body); check the full name`,
  agencyMetaDiffers: (a, n, l) => `机关 ${q(a)} taken from the title; the page's "${l}" field says ${q(n)}; check the full name`,
  titleFromMeta: (t) => `no title in the text; the title is the page's title ${q(t)}`,
  articleFound: (e, n) => `the article was read from the page element ${e}; the header, menus, sidebars, related links and footer around it (about ${n} characters) were not imported`,
  limitHit: (l, c) =>
    ({
      depth: `page elements nested too deep (over ${c.depth} levels): deeper elements were read as plain text; please check`,
      span: `a table rowspan/colspan beyond the caps (${c.colspan} columns, ${c.rowspan} rows) was cut to them; please check`,
      cells: `a table of more than ${c.cells} cells: its further rows were not imported`,
    })[l],
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
  rowByAlias: (r, l) => `${q(r)}: the document labels it ${q(clip(l, 40))} (another wording, such as the other format's name); placed as this row`,
  rowTwice: (r, v) => `${q(r)} appears twice in the document; the second row's numbers (${v}) were not imported`,
  groupRow: (g, rs, v) => `${q(g)} is one row in the document (${clip(v)}); the format divides it into ${rs.map((r) => q(clip(r, 20))).join(', ')} without a total row, and the numbers cannot be divided; not imported`,
  blankCells: (r, cs) => `${q(r)}: blank in the document (${cs.join(', ')}); left blank`,
  dashBlank: (c, m) => `${q(c)}: the document has ${q(m)}; imported as blank (a published report prints 0)`,
  cellNote: (c, v, n) => `${q(c)}: the document has ${q(`${v}${n}`)}; imported ${v}, the note ${q(n)} was left out`,
  textCell: (c, t) => `${q(c)}: the document has the text ${q(clip(t, 40))}, not a number; left blank`,
  blankCell: (c) => `${q(c)}: no number in the document for this cell; left blank`,
  splitCell: (c, r) => `${q(c)}: the cell ${q(r)} holds several numbers (probably one number split into two runs); left blank`,
  splitRow: (r, raw, rs) => `${q(r)}: ${q(clip(raw))} has one number more than the row has columns, probably a cell split into two runs; possible readings ${rs.join(' or ')}; ambiguous, left blank`,
  splitRowResolved: (r, raw, reading) => `${q(r)}: ${q(clip(raw))} has one number more than the row has columns, probably a cell split into two runs; the only sensible reading is ${reading}, please check`,
  wrongCount: (r, raw, n) => `${q(r)}: ${q(clip(raw))} does not fit the ${n} columns; not imported`,
  columnsNotFound: (cs) => `table 3 column headers ${cs.join(', ')} not found; values read in the format's column order`,
  appealNotFound: () => 'the 15 numbers of table 4 (5 行政复议, 5 未经复议直接起诉, 5 复议后起诉) were not found; cells left blank',
  nothingRecognised: () => 'no section or table of an annual report was recognised',
  dumpRead: (s, r) => `the document is a web-archive dump (section titles mid-line, no separators between cells): cut into ${s} sections at the format's titles and ${r} rows of numbers at the row labels, each split by the number of columns`,
  dumpSplit: (r, raw, reading, rules) =>
    `${q(r)}: the digits ${q(clip(raw))} were split as ${reading} (by the number of columns, no number starting with 0${rules.length ? `, the equation${rules.length > 1 ? 's' : ''} ${rules.join(', ')}` : ''}); please check`,
  dumpAmbiguous: (r, raw, rs, n, bs) =>
    `${q(r)}: the digits ${q(clip(raw))} split in ${n} ways that fit the columns and the equations: ${rs.join(' or ')}${n > rs.length ? ' …' : ''}; the undecided cells (${bs.join(', ')}) are left blank`,
  dumpNoSplit: (r, raw, n) => `${q(r)}: the digits ${q(clip(raw))} cannot be split into ${n} columns (no number starting with 0, the equations holding); the row is left blank`,
  dumpTooMany: (r, raw, n) => `${q(r)}: the digits ${q(clip(raw))} split into ${n} columns in too many ways; the row is left blank`,
  dumpUnit: (c, v, p, u) => `${q(c)}: the amount ${v} is printed in ${p}, the cell is in ${u}; not converted, left blank`,
  outdatedFormat: (y, u, c, from) => `a ${y} report with tables in the ${u} format; reports from ${from} on use the ${c} format, so the checker will warn (outdated-format)`,
};

export function importMessages(locale?: Locale | string): ImportMessages {
  return normalizeLocale(locale) === 'en' ? en : zh;
}

/** Why a document's reader refused it: the limits it hit, or what the file turned out to be. */
export type ReaderRefusal =
  | { kind: 'bytesNeeded'; what: 'docx' | 'pdf' }
  | { kind: 'binary' }
  | { kind: 'noZipHeader' }
  | { kind: 'notZip'; detail: string }
  | { kind: 'notWord' }
  | { kind: 'inflated'; mb: number }
  | { kind: 'tooDeep'; max: number }
  | { kind: 'pdfUnavailable' }
  | { kind: 'notPdf' }
  | { kind: 'encrypted' }
  | { kind: 'damagedPdf'; detail: string }
  | { kind: 'tooManyPages'; pages: number; max: number }
  | { kind: 'tooManyItems'; max: number }
  | { kind: 'scanned' };

export const READER_TEXT: Record<Locale, (r: ReaderRefusal) => string> = {
  'zh-CN': (r) => {
    switch (r.kind) {
      case 'bytesNeeded':
        return r.what === 'pdf' ? 'PDF 文件须以字节形式读取' : '.docx 文件须以字节形式读取';
      case 'binary':
        return '是二进制文件，不是文本或网页';
      case 'noZipHeader':
        return '不是 .docx（ZIP）文件：没有 ZIP 文件头';
      case 'notZip':
        return `不是 .docx（ZIP）文件（${r.detail}）`;
      case 'notWord':
        return '不是 Word 文档：缺少正文部分（`word/document.xml`）';
      case 'inflated':
        return `文档的文字部分解压后超过 ${r.mb} MB（文件已损坏或为“ZIP 炸弹”），未导入`;
      case 'tooDeep':
        return `元素（如表格中的表格）嵌套超过 ${r.max} 层，未导入`;
      case 'pdfUnavailable':
        return '此处无法导入 PDF';
      case 'notPdf':
        return '不是 PDF 文件（不以 %PDF 开头）';
      case 'encrypted':
        return 'PDF 已加密（有密码保护）：请另存一份未加密的副本，或把文字复制到 .txt 文件';
      case 'damagedPdf':
        return `PDF 已损坏或不是 PDF（${r.detail}）`;
      case 'tooManyPages':
        return `PDF 有 ${r.pages} 页，超过年度报告可能的 ${r.max} 页`;
      case 'tooManyItems':
        return `PDF 中的文字片段超过 ${r.max} 个，超出年度报告可能的数量`;
      case 'scanned':
        return 'PDF 没有文字层（扫描件）：不经文字识别无法读取；请从原文档复制文字，或索取 .docx';
    }
  },
  en: (r) => {
    switch (r.kind) {
      case 'bytesNeeded':
        return r.what === 'pdf' ? 'a PDF file must be given as bytes' : 'a .docx file must be given as bytes';
      case 'binary':
        return 'a binary file, not text or HTML';
      case 'noZipHeader':
        return 'not a .docx (ZIP) file: no ZIP header';
      case 'notZip':
        return `not a .docx (ZIP) file: ${r.detail}`;
      case 'notWord':
        return 'not a Word document: word/document.xml is missing';
      case 'inflated':
        return `the document's text parts inflate to more than ${r.mb} MB (a damaged file or a ZIP bomb); not imported`;
      case 'tooDeep':
        return `elements (such as tables within tables) are nested more than ${r.max} levels deep; not imported`;
      case 'pdfUnavailable':
        return 'PDF import is not available here';
      case 'notPdf':
        return 'not a PDF file (it does not start with %PDF)';
      case 'encrypted':
        return 'the PDF is encrypted (password protected): save an unprotected copy, or copy its text into a .txt file';
      case 'damagedPdf':
        return `the PDF is damaged or not a PDF (${r.detail})`;
      case 'tooManyPages':
        return `the PDF has ${r.pages} pages, more than the ${r.max} an annual report can have`;
      case 'tooManyItems':
        return `the PDF holds more than ${r.max} pieces of text, more than an annual report can have`;
      case 'scanned':
        return 'the PDF has no text layer (a scanned document): the text cannot be read without OCR; copy the text from the original document, or ask for a .docx';
    }
  },
};
