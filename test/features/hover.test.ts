/**
 * Hover: official labels and the place in the format for keys; unit, state and relations for
 * cells; the whole computation with ✓/✗ on totals and on the balance. `‸` marks the hovered
 * character.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver';
import { check } from '../../server/src/engine/check';
import { hover } from '../../server/src/engine/editor/hover';
import { i18n } from '../../server/src/engine/i18n/messages';
import { fixture } from '../helpers';

const base = fixture('features', 'base.xxgk.yaml');
const DOCS = 'https://example.org/docs/rules.md';

function edit(from: string | RegExp, to: string, text = base): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `fixture edit did not apply: ${from}`);
  return out;
}

/** Hover at the `‸` marker (put just before the hovered character). */
function at(marked: string, opts: { locale?: 'zh-CN' | 'en'; docsUrl?: string } = {}): { h: Hover | null; md: string; covered: string } {
  const offset = marked.indexOf('‸');
  assert.ok(offset >= 0, 'no cursor marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const pos = { line: before.length - 1, character: before[before.length - 1].length };
  const locale = opts.locale ?? 'zh-CN';
  const h = hover({ text, result: check(text, { locale }), t: i18n(locale), docsLink: opts.docsUrl ? (code: string) => `${opts.docsUrl}#${code}` : undefined }, pos);
  const md = h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  let covered = '';
  if (h?.range) {
    const lines = text.split('\n');
    assert.equal(h.range.start.line, h.range.end.line);
    covered = lines[h.range.start.line].slice(h.range.start.character, h.range.end.character);
  }
  return { h, md, covered };
}

const NEW_ROW = '本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}';

test('a correct total: labels, unit, state and the computation with ✓', () => {
  const { md, covered } = at(edit(NEW_ROW, NEW_ROW.replace('总计: 8', '总计: ‸8')));
  assert.equal(covered, '8', 'range is the hovered value');
  assert.match(md, /\*\*一、本年新收政府信息公开申请数量 · 总计\*\*/);
  assert.match(md, /单位：件 · 填写 8/);
  assert.ok(md.includes('总计 = 自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 8 ✓'), md);
  assert.match(md, /`balance` 在 结转下年度·总计 核对/);
});

test('a wrong total: ✗ with written, computed and difference; rule codes link to the docs', () => {
  const { md } = at(edit(NEW_ROW, NEW_ROW.replace('总计: 8', '总计: ‸9')), { docsUrl: DOCS });
  assert.ok(md.includes('= 8 ✗ 填写 9，计算 8（差 1）'), md);
  // The sum in words comes first, before the cell's title.
  assert.match(md.split('\n\n')[0], /^总计 = 自然人 5 \+ 商业企业 2 .*= 8 ✗ 填写 9，计算 8（差 1）$/);
  assert.ok(md.includes(`[row-total](${DOCS}#row-total)`));
  assert.ok(md.includes(`[balance](${DOCS}#balance)`));
});

test('a blank cell is marked in the computation and in its own hover', () => {
  const text = edit(NEW_ROW, NEW_ROW.replace('自然人: 5', '自然人:'));
  const total = at(text.replace('其他: 0, 总计: 8}\n  上年结转', '其他: 0, 总计: ‸8}\n  上年结转')).md;
  assert.ok(total.includes('自然人 空白(按0计) + 商业企业 2'), total);
  assert.ok(total.includes('✗ 填写 8，计算 3（差 5）'), total);
  const cell = at(text.replace('本年新收: {自然人:', '本年新收: {‸自然人:'));
  assert.equal(cell.covered, '自然人', 'range is the hovered key');
  assert.match(cell.md, /单位：件 · 空白\(按0计\)/);
  assert.match(cell.md, /`row-total` 在 本年新收·总计 核对/);
});

test('a 结转下年度 cell shows the balance', () => {
  const { md } = at(edit('  结转下年度: {自然人: 1,', '  结转下年度: {自然人: ‸1,'));
  assert.ok(md.includes('本年新收 5 + 上年结转 1 = （七）总计 5 + 结转下年度 1 ✓'), md);
  const wrong = at(edit('  结转下年度: {自然人: 1,', '  结转下年度: {自然人: ‸2,')).md;
  assert.ok(wrong.includes('本年新收 5 + 上年结转 1 (= 6) ≠ （七）总计 5 + 结转下年度 2 (= 7) ✗ 填写 2，计算 1（差 1）'), wrong);
});

test('the （七）总计 cell shows the outcome total over every outcome row', () => {
  const { md } = at(edit('    总计: {自然人: 5,', '    总计: {自然人: ‸5,'));
  assert.match(md, /\*\*（七）总计 · 自然人\*\*/);
  assert.ok(md.includes('（七）总计 = 予以公开 3 + 部分公开 1 + 国家秘密 0'), md);
  assert.ok(md.includes('+ 3.其他 0 = 5 ✓'), 'the 其他 row is named by its label, not the 其他 column');
});

test('an omitted total is computed: the row says so', () => {
  const text = edit(NEW_ROW, NEW_ROW.replace(', 总计: 8', '').replace('本年新收', '‸本年新收'));
  const { md, covered } = at(text);
  assert.equal(covered, '本年新收');
  assert.ok(md.includes('总计 = 自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 8 (自动计算)'), md);
});

test('section, table, group and row keys: official label and what the part contains', () => {
  const section = at(edit('总体情况:', '‸总体情况:'));
  assert.equal(section.covered, '总体情况');
  assert.match(section.md, /^\*\*一、总体情况\*\*/);
  assert.match(section.md, /全国格式第一部分（国办公开办函〔2021〕30号）/);
  assert.match(section.md, /主动公开、依申请公开、政府信息管理、平台建设、监督保障/);
  const table = at(edit('复议诉讼:', '复议‸诉讼:')).md;
  assert.match(table, /\*\*四、政府信息公开行政复议、行政诉讼情况\*\*/);
  const group = at(edit('    不予公开:', '    ‸不予公开:')).md;
  assert.match(group, /三、收到和处理政府信息公开申请情况 › 三、本年度办理结果/);
  assert.match(group, /包括：1\.属于国家秘密、2\.其他法律行政法规禁止公开/);
  const row = at(edit('      国家秘密:', '      ‸国家秘密:')).md;
  assert.match(row, /\*\*1\.属于国家秘密\*\*/);
  assert.match(row, /条例第十四条/);
  assert.match(row, /列：自然人、商业企业/);
});

test('English frame words; official labels stay Chinese', () => {
  const { md } = at(edit(NEW_ROW, NEW_ROW.replace('总计: 8', '总计: ‸9')), { locale: 'en' });
  assert.match(md, /Unit: 件 · written 9/);
  assert.ok(md.includes('= 8 ✗ written 9, computed 8 (difference 1)'), md);
  const section = at(edit('总体情况:', '‸总体情况:'), { locale: 'en' }).md;
  assert.match(section, /Part 一 of the national format/);
});

test('nothing on prose, on values of settings, or on unknown keys', () => {
  assert.equal(at(edit('政策解读', '政策‸解读')).h, null);
  assert.equal(at(edit('机关: 江州市', '机关: 江‸州市')).h, null);
  assert.equal(at(edit('  行政许可: 120', '  行政许‸子: 120')).h, null);
});
