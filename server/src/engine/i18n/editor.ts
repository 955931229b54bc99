/**
 * Words of the editor features (code action titles, code lens and inlay hint text) in Chinese and
 * English. Keys and official labels inside them are Chinese data in both languages.
 */
import type { Locale } from './messages';

export interface FeatureText {
  setTotal(value: string): string;
  setCell(name: string, value: string): string;
  setCellAndTotal(name: string, value: string, total: string): string;
  fixAllTotals: string;
  fillZero: string;
  fillRowZero(name: string): string;
  fillAllBlanks: string;
  insertMissing(name: string): string;
  replaceFullwidth(replacement: string): string;
  replaceAllFullwidth: string;
  rename(key: string): string;
  removeArtifact(found: string): string;
  renumberOne(expected: string): string;
  renumber(expected: string, count: number): string;
  copyCarryOver(value: string): string;
  copyCarryOverRow: string;
  balanced: string;
  unbalanced(count: number): string;
  computed(expression: string): string;
  shouldBe(value: string, expression: string): string;
}

const q = (s: string) => `「${s}」`;

const zh: FeatureText = {
  setTotal: (v) => `将总计改为 ${v}`,
  setCell: (n, v) => `将${q(n)}改为 ${v}`,
  setCellAndTotal: (n, v, t) => `将${q(n)}改为 ${v}，总计改为 ${t}`,
  fixAllTotals: '修正本文件中所有总计',
  fillZero: '填写 0',
  fillRowZero: (n) => `将${q(n)}整行填为 0`,
  fillAllBlanks: '将所有空白单元格填为 0',
  insertMissing: (n) => `插入${q(n)}`,
  replaceFullwidth: (r) => `替换为半角${q(r.trim() || ' ')}`,
  replaceAllFullwidth: '替换本文件中所有全角字符',
  rename: (k) => `改为${q(k)}`,
  removeArtifact: (f) => `删除${q(f)}`,
  renumberOne: (e) => `改为${q(e)}`,
  renumber: (e, n) => `从此处重新编号：改为${q(e)}，后续序号顺延（共 ${n} 处）`,
  copyCarryOver: (v) => `复制上年结转下年度：${v}`,
  copyCarryOverRow: '复制上年结转下年度（整行）',
  balanced: '勾稽关系 ✓',
  unbalanced: (n) => `${n} 处不平衡`,
  computed: (e) => `自动计算：${e}`,
  shouldBe: (v, e) => `应为 ${v}：${e}`,
};

const en: FeatureText = {
  setTotal: (v) => `Change the total to ${v}`,
  setCell: (n, v) => `Change ${q(n)} to ${v}`,
  setCellAndTotal: (n, v, t) => `Change ${q(n)} to ${v} and the total to ${t}`,
  fixAllTotals: 'Fix all totals in this file',
  fillZero: 'Fill in 0',
  fillRowZero: (n) => `Fill the row ${q(n)} with 0`,
  fillAllBlanks: 'Fill every blank cell with 0',
  insertMissing: (n) => `Insert ${q(n)}`,
  replaceFullwidth: (r) => `Replace with ASCII ${q(r.trim() || ' ')}`,
  replaceAllFullwidth: 'Replace all full-width characters in this file',
  rename: (k) => `Rename to ${q(k)}`,
  removeArtifact: (f) => `Remove ${q(f)}`,
  renumberOne: (e) => `Change to ${q(e)}`,
  renumber: (e, n) => `Renumber from here: ${q(e)} and on (${n} ordinals)`,
  copyCarryOver: (v) => `Copy last year's 结转下年度: ${v}`,
  copyCarryOverRow: "Copy last year's 结转下年度 (whole row)",
  balanced: 'Totals balance ✓',
  unbalanced: (n) => (n === 1 ? '1 imbalance' : `${n} imbalances`),
  computed: (e) => `Computed: ${e}`,
  shouldBe: (v, e) => `Should be ${v}: ${e}`,
};

export function featureText(locale: Locale): FeatureText {
  return locale === 'en' ? en : zh;
}
