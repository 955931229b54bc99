/**
 * Words of the table editing (the preview's cells, pasted blocks) in Chinese and English. Pure and
 * dependency-free: the webview script bundles it for its own messages.
 */
import type { PasteRefusal } from '../write/tsv';

export type SheetLocale = 'zh-CN' | 'en';

/** Why a cell edit was refused (nothing is changed then). */
export type EditRefusal =
  | { kind: 'unknownCell'; path: string }
  | { kind: 'negative'; name: string }
  | { kind: 'fraction'; name: string }
  | { kind: 'notNumber'; name: string }
  | { kind: 'notWritable'; name: string }
  | { kind: 'stale' }
  | { kind: 'yaml' };

const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

export function editRefusalText(r: EditRefusal, locale: SheetLocale): string {
  if (locale === 'en') {
    switch (r.kind) {
      case 'unknownCell':
        return `Not changed: “${clip(r.path)}” is not a cell of the tables.`;
      case 'negative':
        return `Not changed: “${r.name}” cannot be negative.`;
      case 'fraction':
        return `Not changed: “${r.name}” is a count (a whole number).`;
      case 'notNumber':
        return `Not changed: “${r.name}” needs a number.`;
      case 'notWritable':
        return `Not changed: “${r.name}” cannot be written here (fix its full-width key first).`;
      case 'stale':
        return 'Not changed: the document changed meanwhile; try again.';
      case 'yaml':
        return 'Not changed: the file has YAML errors; fix them in the editor first.';
    }
  }
  switch (r.kind) {
    case 'unknownCell':
      return `未修改：“${clip(r.path)}”不是表格中的单元格。`;
    case 'negative':
      return `未修改：“${r.name}”不能为负数。`;
    case 'fraction':
      return `未修改：“${r.name}”是件数，应为整数。`;
    case 'notNumber':
      return `未修改：“${r.name}”应填数字。`;
    case 'notWritable':
      return `未修改：“${r.name}”无法在此写入（请先修正其全角键名）。`;
    case 'stale':
      return '未修改：文档已有改动，请重试。';
    case 'yaml':
      return '未修改：文件有 YAML 语法错误，请先在编辑器中修正。';
  }
}

export function refusalText(r: PasteRefusal, locale: SheetLocale): string {
  if (locale === 'en') {
    switch (r.kind) {
      case 'empty':
        return 'Nothing pasted: the clipboard holds no cells.';
      case 'tooLarge':
        return 'Not pasted: the clipboard holds far more than a table.';
      case 'tooManyRows':
        return `Not pasted: ${r.rows} rows copied, only ${r.available} from here to the end of the table.`;
      case 'tooManyColumns':
        return `Not pasted: row ${r.row} of the copy has ${r.columns} cells, only ${r.available} from here to the end of the row.`;
      case 'notNumber':
        return `Not pasted: “${clip(r.text)}” (row ${r.row}, cell ${r.column} of the copy) is not a number.`;
      case 'noRow':
        return 'Not pasted as cells: put the cursor on a row key of table 3 or on an empty line under 依申请公开.';
    }
  }
  switch (r.kind) {
    case 'empty':
      return '未粘贴：剪贴板中没有单元格。';
    case 'tooLarge':
      return '未粘贴：剪贴板内容远超一张表格。';
    case 'tooManyRows':
      return `未粘贴：复制了 ${r.rows} 行，从此处到表格末尾只有 ${r.available} 行。`;
    case 'tooManyColumns':
      return `未粘贴：复制内容第 ${r.row} 行有 ${r.columns} 个单元格，从此处到行末只有 ${r.available} 个。`;
    case 'notNumber':
      return `未粘贴：“${clip(r.text)}”（复制内容第 ${r.row} 行第 ${r.column} 格）不是数字。`;
    case 'noRow':
      return '未按单元格粘贴：请将光标放在表三的行键上，或“依申请公开”下的空行上。';
  }
}

/** Words the preview's grid shows (the webview gets them with its page). */
export interface GridWords {
  /** Typed text that is not a number. */
  notNumber: string;
  /** Hint on a wrong total's computed value: a click (or Enter) writes it. */
  useComputed: string;
}

export function gridWords(locale: SheetLocale): GridWords {
  return locale === 'en'
    ? { notNumber: 'Not a number: nothing changed (Esc to cancel).', useComputed: 'Write the computed total' }
    : { notNumber: '不是数字，未修改（按 Esc 取消）', useComputed: '改为计算出的总计' };
}
