/**
 * Editor features on the cross-year rules: hover on 上年结转 (and 现行有效) shows last year's value
 * and file; the quick fix copies last year's 结转下年度 into one cell or the whole row, touching
 * only the cells that differ.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/engine/check';
import type { Diagnostic } from '../../server/src/engine/check';
import type { Analysis } from '../../server/src/engine/editor/analysis';
import { codeActions } from '../../server/src/engine/editor/codeActions';
import { hover } from '../../server/src/engine/editor/hover';
import { i18n } from '../../server/src/engine/i18n/messages';
import { fixture } from '../helpers';

const URI = 'file:///test/2023.xxgk.yaml';
const LAST = '/reports/jiangzhou-2022.xxgk.yaml';
const base = fixture('engine', 'base.xxgk.yaml');
const last = fixture('engine', 'cross-year/jiangzhou-2022.xxgk.yaml');
const CARRY = '上年结转: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}';

function analyze(text: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Analysis {
  return { text, result: check(text, { locale, previous: { text: last, path: LAST } }), t: i18n(locale), docsLink: (code) => `https://example.org/rules.md#${code}` };
}

const toLsp = (d: Diagnostic): LspDiagnostic => ({ range: d.range, code: d.code, message: d.message, source: 'xxgk', ...(d.data ? { data: d.data } : {}) });
const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
const editsOf = (action: CodeAction) => action.edit?.changes?.[URI] ?? [];

function hoverAt(text: string, needle: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset).split('\n');
  const h = hover(analyze(text, locale), { line: before.length - 1, character: before[before.length - 1].length });
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

test('hover on a 上年结转 cell: last year\'s 结转下年度 of that column, the file name and the verdict', () => {
  let md = hoverAt(base, '1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}\n  办理结果');
  assert.match(md, /\*\*上年报告（jiangzhou-2022\.xxgk\.yaml）\*\*：结转下年度·自然人 1 ✓ \[carry-over\]\(https:\/\/example\.org\/rules\.md#carry-over\)/);
  const wrong = base.replace(CARRY, CARRY.replace('自然人: 1', '自然人: 4'));
  md = hoverAt(wrong, '4, 商业企业', 'en');
  assert.match(md, /\*\*Last year's report \(jiangzhou-2022\.xxgk\.yaml\)\*\*: 结转下年度·自然人 1 ✗/);
  md = hoverAt(base, '9}\n  行政许可');
  assert.match(md, /上年现行有效 8 \+ 本年制发 2 − 本年废止 1 = 9 ✓/);
  // Without last year's report nothing is added.
  const offset = base.indexOf('1, 商业企业');
  const before = base.slice(0, offset).split('\n');
  const plain = hover({ text: base, result: check(base), t: i18n('zh-CN') }, { line: before.length - 1, character: before[before.length - 1].length });
  assert.ok(plain && typeof plain.contents === 'object' && 'value' in plain.contents);
  assert.doesNotMatch(plain.contents.value, /上年报告/);
});

test('quick fix: one cell copied from last year, the preferred fix; the diagnostic goes away', () => {
  const text = base.replace(CARRY, '上年结转: {自然人: 3, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}');
  const a = analyze(text);
  const d = a.result.diagnostics.find((x) => x.code === 'carry-over');
  assert.ok(d);
  const actions = codeActions(a, URI, d.range, { diagnostics: [toLsp(d)] });
  assert.deepEqual(actions.map((x) => x.title), ['复制上年结转下年度：1']);
  assert.equal(actions[0].isPreferred, true);
  const edits = editsOf(actions[0]);
  assert.equal(edits.length, 1);
  const fixed = apply(text, edits);
  assert.equal(fixed, base);
  assert.deepEqual(analyze(fixed).result.diagnostics, []);
});

test('quick fix: the whole row copied, only the differing cells edited (a blank cell filled too)', () => {
  const row = '上年结转: {自然人: 3, 商业企业: 0, 科研机构: , 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 3}';
  const text = base.replace(CARRY, row);
  const a = analyze(text, 'en');
  const ds = a.result.diagnostics.filter((x) => x.code === 'carry-over');
  assert.equal(ds.length, 2, '自然人 and 总计 (a blank 0 equals last year\'s 0: blank-cell says the rest)');
  const actions = codeActions(a, URI, ds[0].range, { diagnostics: [toLsp(ds[0])] });
  assert.deepEqual(actions.map((x) => x.title), ["Copy last year's 结转下年度: 1", "Copy last year's 结转下年度 (whole row)"]);
  const edits = editsOf(actions[1]);
  assert.equal(edits.length, 3, 'the cells already equal are left alone');
  assert.equal(apply(text, edits), base);
});

test('no quick fix on the notice about last year\'s file itself', () => {
  const text = base.replace('机关: 江州市生态环境局', '机关: 江州市生态环境局\n上年报告: x.xxgk.yaml');
  const a: Analysis = { text, result: check(text, { previous: { text: base, path: '/x.xxgk.yaml' } }), t: i18n('zh-CN') };
  const d = a.result.diagnostics.find((x) => x.code === 'carry-over');
  assert.ok(d);
  assert.deepEqual(codeActions(a, URI, d.range, { diagnostics: [toLsp(d)] }), []);
});

test('hover on a prose-trend warning: the claimed change, this year\'s and last year\'s values and the computed change; related information at last year\'s cell', () => {
  // Last year's 本年新收 raised from 8 to 10: this year's 8 is 20% less, not 20% more.
  const lastTen = last.replace(/本年新收: \{自然人: 5, (.*)总计: 8\}/, '本年新收: {自然人: 7, $1总计: 10}');
  const text = base.replace('收到政府信息公开申请8件，', '收到政府信息公开申请8件，比上年增长20%，');
  assert.notEqual(lastTen, last);
  assert.notEqual(text, base);
  const analysis = (locale: 'zh-CN' | 'en'): Analysis => ({ text, result: check(text, { locale, previous: { text: lastTen, path: LAST } }), t: i18n(locale) });
  const zh = analysis('zh-CN');
  const [d, ...rest] = zh.result.diagnostics.filter((x) => x.code === 'prose-trend');
  assert.deepEqual(rest, []);
  const slice = (s: string, r: LspDiagnostic['range']) => {
    const doc = TextDocument.create(URI, 'yaml', 1, s);
    return s.slice(doc.offsetAt(r.start), doc.offsetAt(r.end));
  };
  assert.equal(slice(text, d.range), '20');
  // Related information: this year's cell in this file, last year's cell in last year's file.
  const lastCell = d.related?.find((r) => r.path === LAST);
  assert.equal(lastCell?.cell, '依申请公开/本年新收/总计');
  assert.equal(slice(lastTen, lastCell!.range), '10');
  assert.equal(slice(text, d.related!.find((r) => r.path === undefined)!.range), '8');

  const value = (h: ReturnType<typeof hover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
  const h = hover(zh, { line: d.range.start.line, character: d.range.start.character + 1 });
  assert.deepEqual(h?.range, d.range);
  const md = value(h);
  assert.match(md, /\*\*与上年比较\*\* `prose-trend`/);
  assert.match(md, /正文写：“8件，比上年增长20%”/);
  assert.match(md, /写的变化：增长 20% ✗/);
  assert.match(md, /本年：本年新收 8（本报告表格）/);
  assert.match(md, /上年：本年新收 10（上年报告 jiangzhou-2022\.xxgk\.yaml）/);
  assert.match(md, /计算：8 − 10 = -2，减少 20%（2 ÷ 10）/);

  const en = analysis('en');
  const enMd = value(hover(en, d.range.end));
  assert.match(enMd, /\*\*Compared with last year\*\*/);
  assert.match(enMd, /Change written: 增长 20% \(up\) ✗/);
  assert.match(enMd, /This year: 本年新收 8 \(this report's table\)/);
  assert.match(enMd, /Last year: 本年新收 10 \(last year's report jiangzhou-2022\.xxgk\.yaml\)/);
  assert.match(enMd, /Computed: 8 − 10 = -2, down 20% \(2 ÷ 10\)/);

  // Elsewhere in the sentence, and with the warning turned off, no trend explanation.
  const before = { line: d.range.start.line, character: d.range.start.character - 6 };
  assert.doesNotMatch(value(hover(zh, before)), /与上年比较/);
  const off: Analysis = { text, result: check(text, { previous: { text: lastTen, path: LAST }, severities: { 'prose-trend': 'off' } }), t: i18n('zh-CN') };
  assert.doesNotMatch(value(hover(off, d.range.start)), /与上年比较/);
});
