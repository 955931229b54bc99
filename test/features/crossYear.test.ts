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
