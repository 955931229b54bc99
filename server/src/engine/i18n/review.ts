/** Words of the review pages (index.html and each report's page), Chinese and English. */
import type { Locale } from './messages';

export interface ReviewStrings {
  pageTitle: string;
  reportPageTitle: (title: string) => string;
  back: string;
  source: string;
  document: string;
  diagnostics: string;
  none: string;
  severity: Record<'error' | 'warning' | 'info', string>;
  line: (line: number, column: number) => string;
  columns: { agency: string; year: string; format: string; document: string; imported: string; errors: string; warnings: string; codes: string; previous: string };
  filter: string;
  summary: (reports: number, failed: number, errors: number, warnings: number) => string;
  failed: (reason: string) => string;
  notImported: string;
  imported: (read: number, toCheck: number) => string;
  pairedWith: (year: number) => string;
  tables: string;
  /** The first columns of tables.csv / tables.xlsx (the cells' columns follow). */
  tableHead: string[];
  /** The row of a year's totals, and the row of a report's changes since last year. */
  totalRow: (year: number | undefined) => string;
  changeRow: (year: number | undefined, previous: number | undefined) => string;
  /** The name of the workbook's sheet, and the progress labels of the two passes. */
  sheetName: string;
  reading: string;
  checking: string;
  notImportable: string;
  notRecognised: string;
}

export const REVIEW_STRINGS: Record<Locale, ReviewStrings> = {
  'zh-CN': {
    pageTitle: '政府信息公开工作年度报告审阅',
    reportPageTitle: (t) => `审阅：${t}`,
    back: '← 返回总览',
    source: '源文件（.xxgk.yaml）',
    document: '原文档',
    diagnostics: '问题',
    none: '未发现问题',
    severity: { error: '错误', warning: '警告', info: '提示' },
    line: (l, c) => `第 ${l} 行第 ${c} 列`,
    columns: { agency: '机关', year: '年度', format: '格式', document: '源文档', imported: '导入（读取/需核对）', errors: '错误', warnings: '警告', codes: '问题（按规则）', previous: '上年报告' },
    filter: '筛选（机关、年度、文件、规则）',
    summary: (n, f, e, w) => `共 ${n} 份报告，${f} 份无法读取；${e} 个错误，${w} 个警告`,
    failed: (r) => `失败：${r}`,
    notImported: '源文件',
    imported: (r, c) => `${r} / ${c}`,
    pairedWith: (y) => `${y} 年度`,
    tables: '汇总表',
    tableHead: ['机关', '年度', '格式', '源文件', '错误', '警告'],
    totalRow: (year) => `合计${year !== undefined ? `（${year}年度）` : ''}`,
    changeRow: (year, previous) => `${year}年度较${previous}年度增减`,
    sheetName: '年报汇总',
    reading: '读取',
    checking: '检查',
    notImportable: '不是 .docx、PDF、HTML 或文本文件',
    notRecognised: '未识别出年度报告的任何章节或表格',
  },
  en: {
    pageTitle: 'Review of annual government information disclosure reports',
    reportPageTitle: (t) => `Review: ${t}`,
    back: '← Back to the overview',
    source: 'Source (.xxgk.yaml)',
    document: 'Document',
    diagnostics: 'Problems',
    none: 'No problems found',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    line: (l, c) => `line ${l}, column ${c}`,
    columns: { agency: 'Body (机关)', year: 'Year', format: 'Format', document: 'Document', imported: 'Import (read / to check)', errors: 'Errors', warnings: 'Warnings', codes: 'Problems by rule', previous: 'Last year' },
    filter: 'Filter (body, year, file, rule)',
    summary: (n, f, e, w) => `${n} report(s), ${f} could not be read; ${e} error(s), ${w} warning(s)`,
    failed: (r) => `failed: ${r}`,
    notImported: 'source',
    imported: (r, c) => `${r} / ${c}`,
    pairedWith: (y) => `${y}`,
    tables: 'Tables',
    tableHead: ['Body (机关)', 'Year (年度)', 'Format', 'Document', 'Errors', 'Warnings'],
    totalRow: (year) => `Total${year !== undefined ? ` (${year})` : ''}`,
    changeRow: (year, previous) => `${year} vs ${previous}`,
    sheetName: 'Reports',
    reading: 'reading',
    checking: 'checking',
    notImportable: 'not a .docx, PDF, HTML or text file',
    notRecognised: 'no section or table of an annual report was recognised',
  },
};
