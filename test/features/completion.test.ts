/**
 * Completion: keys allowed and missing at the cursor (block, flow, broken YAML), pinyin filtering,
 * rows/tables/skeleton of zeros that check clean, and values (computed totals, 格式, 年度).
 * A `‸` in a fixture marks the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver';
import { check } from '../../server/src/engine/check';
import type { Analysis } from '../../server/src/engine/editor/analysis';
import { complete } from '../../server/src/engine/editor/completion';
import { i18n } from '../../server/src/engine/i18n/messages';
import { fixture } from '../helpers';

const base = fixture('features', 'base.xxgk.yaml');
const NOW = new Date('2025-03-01T00:00:00Z');

function edit(from: string | RegExp, to: string, text = base): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `fixture edit did not apply: ${from}`);
  return out;
}

function analysis(text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Analysis {
  return { text, result: check(text, { locale }), t: i18n(locale) };
}

/** Completion at the `‸` marker; also returns the text without it. */
function at(marked: string, locale: 'zh-CN' | 'en' = 'zh-CN'): { items: CompletionItem[]; text: string } {
  const offset = marked.indexOf('‸');
  assert.ok(offset >= 0, 'no cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const pos = { line: before.length - 1, character: before[before.length - 1].length };
  return { items: complete(analysis(text, locale), pos, NOW), text };
}

const keys = (items: CompletionItem[]) => items.filter((i) => i.kind !== 15 /* Snippet */).map((i) => i.label);
const newText = (i: CompletionItem) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : i.insertText);

/** A snippet as the text it inserts when every tab stop keeps its default. */
function plain(snippet: string): string {
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

/** Applies an item's text edit to `text`. */
function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit);
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const body = item.insertTextFormat === 2 ? plain(edit.newText) : edit.newText;
  return text.slice(0, off(edit.range.start)) + body + text.slice(off(edit.range.end));
}

const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

test('in a flow row: exactly the missing columns, in definition order, with labels and `key: `', () => {
  const { items } = at(edit('本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}', '本年新收: {自然人: 5, 商业企业: 2, ‸}'));
  assert.deepEqual(keys(items), ['科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  assert.equal(items.length, 5, 'no snippets inside a flow mapping');
  const total = items.find((i) => i.label === '总计') as CompletionItem;
  assert.equal(total.insertText, '总计: ');
  assert.equal(total.detail, '总计');
  assert.match(JSON.stringify(total.documentation), /本行六列之和/);
  const sorted = [...items].sort((x, y) => String(x.sortText).localeCompare(String(y.sortText)));
  assert.deepEqual(sorted.map((i) => i.label), keys(items));
});

test('in a flow row of broken YAML (unclosed brace): the missing columns still come', () => {
  const { items, text } = at(edit('本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}', '本年新收: {自然人: 5, 其他: 0, ‸'));
  assert.ok(check(text).diagnostics.some((d) => d.code === 'yaml-syntax'));
  assert.deepEqual(keys(items), COLUMNS.filter((c) => c !== '自然人' && c !== '其他'));
});

test('on an empty indented line under 办理结果: the missing rows and groups, with snippets of zeros', () => {
  let text = edit(/    总计: .*\n/, '');
  text = edit(/    不予处理:\n(      .*\n)+/, '', text);
  text = edit('    其他处理:', '    ‸\n    其他处理:', text);
  const { items } = at(text);
  assert.deepEqual(keys(items), ['不予处理', '总计']);
  const row = items.find((i) => i.label === '总计: {…}') as CompletionItem;
  assert.equal(row.insertTextFormat, 2);
  assert.equal(plain(newText(row) as string), `总计: {${COLUMNS.map((c) => `${c}: 0`).join(', ')}}`);
  const group = items.find((i) => i.label === '不予处理: …') as CompletionItem;
  const inserted = apply(at(text).text, group);
  assert.match(inserted, /\n {4}不予处理:\n {6}信访举报投诉类: \{自然人: 0,/);
  assert.deepEqual(check(inserted).diagnostics, [], 'the scaffold fills the group completely');
});

test('under 办理结果 in a file broken elsewhere: indentation still finds the parent', () => {
  let text = edit(/    部分公开: .*\n/, '');
  text = edit('行政许可: 120', '行政许可: [120', text);
  text = edit('    其他处理:', '    ‸\n    其他处理:', text);
  const { items, text: plainText } = at(text);
  assert.ok(check(plainText).diagnostics.some((d) => d.code === 'yaml-syntax'));
  assert.deepEqual(keys(items), ['部分公开']);
});

test('at the top level: the missing sections and settings only', () => {
  let text = edit(/复议诉讼:\n(  .*\n)+/, '');
  text = edit(/问题与改进: \|\n  .*\n/, '', text);
  const { items } = at(text + '‸');
  assert.deepEqual(keys(items), ['标题', '前言', '上年报告', '复议诉讼', '问题与改进']);
  const table = items.find((i) => i.label === '复议诉讼: …') as CompletionItem;
  assert.ok(table, 'a scaffold of the whole table');
  const inserted = apply(text, table);
  assert.match(inserted, /复议诉讼:\n {2}行政复议: \{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0, 总计: 0\}\n {2}行政诉讼:\n {4}未经复议直接起诉: \{/);
  const ds = check(inserted).diagnostics;
  assert.deepEqual(ds.filter((d) => d.severity === 'error'), [], 'the zeros are well-formed and add up');
  assert.deepEqual(ds.filter((d) => d.code === 'missing-item').map((d) => d.message), ['缺少 「问题与改进」']);
});

test('pinyin: zrr and ziran find 自然人 first, bnxs finds 本年新收 first', () => {
  const row = '本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}';
  for (const typed of ['zrr', 'ziran', 'ZiRan']) {
    const { items } = at(edit(row, `本年新收: {${typed}‸, 商业企业: 2}`));
    assert.equal(items[0].label, '自然人', typed);
    assert.match(String(items[0].filterText), /自然人.*ziranren.*zrr/);
    assert.equal(newText(items[0]), '自然人: ');
    assert.deepEqual(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range.end.character - items[0].textEdit.range.start.character : -1, typed.length, 'replaces what was typed');
  }
  const { items, text } = at(edit(/  本年新收: .*\n/, '  bnxs‸\n'));
  assert.equal(items[0].label, '本年新收: {…}', 'where a row is expected, the whole row comes first');
  assert.ok(apply(text, items[0]).includes('\n  本年新收: {自然人: 0, 商业企业: 0,'));
  assert.deepEqual(keys(items), ['本年新收'], 'server-side filter keeps only matches');
});

test('an empty or blank file offers one item: the skeleton, which checks clean', () => {
  for (const empty of ['', '  \n\n']) {
    const a = analysis(empty);
    const items = complete(a, { line: 0, character: 0 }, NOW);
    assert.equal(items.length, 1);
    const [item] = items;
    assert.equal(item.label, '年报骨架');
    assert.equal(item.insertTextFormat, 2);
    const snippet = String(item.insertText);
    assert.match(snippet, /^格式: 2021\n年度: \$\{1:2024\}\n机关: '\$\{2\}'\n/);
    const text = apply(empty, item);
    for (const key of ['总体情况', '主动公开', '依申请公开', '复议诉讼', '问题与改进', '其他事项']) assert.match(text, new RegExp(`^${key}:`, 'm'));
    assert.match(text, /^ {6}国家秘密: \{自然人: 0,/m, 'nested groups in block style');
    // Every number checks; what is left to write is said: 机关 and the prose parts.
    assert.deepEqual(check(text).diagnostics.map((d) => `${d.code} ${d.cell}`), ['机关', '总体情况', '问题与改进', '其他事项/正文'].map((p) => `missing-item ${p}`));
  }
  // No 总计 is written, so typing a row's first numbers leaves no total wrong mid-entry.
  const text = apply('', complete(analysis(''), { line: 0, character: 0 }, NOW)[0]);
  assert.doesNotMatch(text, /总计/);
  const typed = text.replace('行政复议: {结果维持: 0, 结果纠正: 0', '行政复议: {结果维持: 3, 结果纠正: 2');
  const arithmetic = (t: string) => check(t).diagnostics.filter((d) => d.code !== 'missing-item').map((d) => `${d.code} ${d.cell}`);
  assert.deepEqual(arithmetic(typed), [], 'a row typed: no total to contradict');
  // A total written by hand is still checked.
  assert.deepEqual(arithmetic(typed.replace('结果纠正: 2', '结果纠正: 2, 总计: 4')), ['appeal-total 复议诉讼/行政复议/总计']);
  const [en] = complete(analysis('', 'en'), { line: 0, character: 0 }, NOW);
  assert.equal(en.label, 'report skeleton');
});

test('on the value of a 总计: the computed sum first, preselected, with the terms', () => {
  const { items } = at(edit('本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}', '本年新收: {自然人: 3, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: ‸}'));
  assert.equal(items[0].label, '4');
  assert.equal(items[0].preselect, true);
  assert.equal(items[0].detail, '= 3 + 1 + 0 + 0 + 0 + 0');
  assert.match(JSON.stringify(items[0].documentation), /row-total/);
  assert.equal(newText(items[0]), '4');
});

test('on a written wrong total and on a block `总计:` with no space: the sum replaces it', () => {
  const wrong = at(edit('其他: 0, 总计: 8}\n  上年结转', '其他: 0, 总计: 9‸}\n  上年结转'));
  assert.equal(wrong.items[0].label, '8');
  const r = wrong.items[0].textEdit && 'range' in wrong.items[0].textEdit ? wrong.items[0].textEdit.range : undefined;
  assert.equal(r && r.end.character - r.start.character, 1, 'replaces the 9');
  const block = at(edit('  行政复议: {结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 1, 总计: 2}', '  行政复议:\n    结果维持: 1\n    尚未审结: 1\n    总计:‸'));
  assert.equal(block.items[0].label, '2');
  assert.equal(newText(block.items[0]), ' 2', 'a space after the colon');
});

test('on a balance cell (结转下年度): the value the balance needs', () => {
  const { items } = at(edit('  结转下年度: {自然人: 1,', '  结转下年度: {自然人: ‸,'));
  assert.equal(items[0].label, '1');
  assert.match(String(items[0].detail), /本年新收 5 \+ 上年结转 1 − （七）总计 5/);
});

test('values of settings: 格式 offers the formats, 年度 last year first', () => {
  const format = at(edit('格式: 2021', '格式: ‸')).items;
  assert.deepEqual(format.map((i) => i.label), ['2021', '2019']);
  const year = at(edit('年度: 2023', '年度: ‸')).items;
  assert.deepEqual(year.map((i) => i.label), ['2024', '2025', '2023']);
  assert.equal(year[0].preselect, true);
});

test('in a sub-section item: 标题 and 正文; in prose: nothing', () => {
  const item = at(edit('  - 标题: 依申请公开\n', '  - 标题: 依申请公开\n    ‸\n')).items;
  assert.deepEqual(keys(item), []);
  const next = at(edit('      全年发生行政复议2件、行政诉讼1件。\n', '      全年发生行政复议2件、行政诉讼1件。\n  - ‸\n')).items;
  assert.deepEqual(keys(next), ['标题', '正文']);
  const prose = at(edit('政策解读的形式还不够丰富', '政策解读的‸形式还不够丰富')).items;
  assert.deepEqual(prose, []);
});

test('under a table: 备注 is offered with the missing rows', () => {
  const { items } = at(edit('  行政强制: 3\n', '  ‸\n'));
  assert.deepEqual(keys(items), ['行政强制', '备注']);
});

test('inside a word the whole key is replaced; before a value the value is', () => {
  const text = edit(/  本年新收: .*\n/, '  bnxs\n');
  const mid = at(text.replace('  bnxs', '  bn‸xs'));
  const bare = mid.items.find((i) => i.label === '本年新收') as CompletionItem;
  assert.equal(apply(mid.text, bare).includes('\n  本年新收: \n'), true);
  const colon = at(edit('  行政许可: 120', '  行政许‸: 120'));
  const item = colon.items.find((i) => i.label === '行政许可') as CompletionItem;
  assert.ok(apply(colon.text, item).includes('\n  行政许可: 120\n'), 'the key and its colon are replaced once');
  const year = at(edit('年度: 2023', '年度: ‸2023'));
  assert.ok(apply(year.text, year.items[0]).includes('\n年度: 2024\n'));
});

test('CRLF files: slots and insertions work the same', () => {
  const crlf = edit('本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}', '本年新收: {自然人: 5, ‸}').replace(/\n/g, '\r\n');
  assert.deepEqual(keys(at(crlf).items), COLUMNS.slice(1));
  let text = edit(/复议诉讼:\n(  .*\n)+/, '').replace(/\n/g, '\r\n');
  const { items } = at(text + '‸');
  const table = items.find((i) => i.label === '复议诉讼: …') as CompletionItem;
  assert.match(String(table.insertText), /复议诉讼:\r\n {2}行政复议/);
  text = edit('  - 标题', '  ‸\r\n  - 标题', text);
  assert.deepEqual(at(text).items, [], 'inside the section list nothing is offered as a key');
});

test('no position of a clean, a broken or a truncated file throws', () => {
  for (const text of [base, base.replace('}', ''), base.slice(0, base.length / 2), base.replace(/\n/g, '\r\n')]) {
    const a = analysis(text);
    text.split('\n').forEach((line, n) => {
      for (let ch = 0; ch <= line.length; ch++) complete(a, { line: n, character: ch }, NOW);
    });
  }
});

test('a key written after the cursor is never replaced: flow and block rows, with and without spaces', () => {
  const row = '本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}';
  const cases: [string, string][] = [
    ['本年新收: {zrr‸商业企业: 2, 其他: 0}', '本年新收: {自然人: , 商业企业: 2, 其他: 0}'],
    ['本年新收: { zrr‸商业企业: 2, 其他: 0}', '本年新收: { 自然人: , 商业企业: 2, 其他: 0}'],
    ['本年新收: {其他: 0,zrr‸商业企业: 2}', '本年新收: {其他: 0,自然人: , 商业企业: 2}'],
    ['本年新收: {其他: 0, zrr‸商业企业: 2}', '本年新收: {其他: 0, 自然人: , 商业企业: 2}'],
    ['本年新收: {zrr‸ 商业企业: 2}', '本年新收: {自然人: ,  商业企业: 2}'],
    ['本年新收: {zrr‸商业企业: 2', '本年新收: {自然人: , 商业企业: 2'],
    ['本年新收: {自然‸商业企业: 2}', '本年新收: {自然人: , 商业企业: 2}'],
    ['本年新收: {‸商业企业: 2}', '本年新收: {自然人: , 商业企业: 2}'],
  ];
  for (const [marked, want] of cases) {
    const { items, text } = at(edit(row, marked));
    const item = items.find((i) => i.label === '自然人');
    assert.ok(item, marked);
    assert.ok(!items.some((i) => i.label === '商业企业'), `${marked}: the key after the cursor counts as written`);
    assert.ok(apply(text, item).includes(`  ${want}\n`), `${marked} → ${apply(text, item).split('\n').find((l) => l.includes('本年新收'))}`);
  }
  // Inside a word the rest is still the word being typed.
  const inWord = at(edit(row, '本年新收: {自然‸人: 5, 商业企业: 2}'));
  assert.ok(apply(inWord.text, inWord.items.find((i) => i.label === '自然人') as CompletionItem).includes('  本年新收: {自然人: 5, 商业企业: 2}\n'));
  // Block rows: the completion gets its own line at the key column.
  const block = '  行政复议: {结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 1, 总计: 2}';
  for (const [marked, typed] of [['    jgjz‸结果维持: 1', 'jgjz'], ['    ‸结果维持: 1', '']] as const) {
    const { items, text } = at(edit(block, `  行政复议:\n${marked}\n    尚未审结: 1`));
    const item = items.find((i) => i.label === '结果纠正');
    assert.ok(item, `block ${typed}`);
    assert.ok(apply(text, item).includes('\n  行政复议:\n    结果纠正: \n    结果维持: 1\n    尚未审结: 1\n'), `block ${typed}`);
  }
  const rowLine = at(edit(/  本年新收: .*\n/, '  bnxs‸上年结转: {自然人: 0}\n'));
  assert.match(apply(rowLine.text, rowLine.items[0]), /\n  本年新收: \{自然人: 0, [^\n]*\}\n  上年结转: \{自然人: 0\}\n/);
});
