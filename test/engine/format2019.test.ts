/** The 2019 trial format is a second definition: every rule and the renderer follow it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { renderBody } from '../../server/src/engine/render/html';
import { fixture, only } from '../helpers';

const base = fixture('engine', 'base-2019.xxgk.yaml');

test('格式: 2019 selects the 2019 definition and the clean fixture passes', () => {
  const { report, diagnostics: ds } = check(base);
  assert.equal(report.format.id, '2019');
  assert.deepEqual(ds, []);
});

test('2021 keys in a 2019 report are unknown, with the 2019 key suggested', () => {
  const text = base.replace('  规范性文件: {', '  行政规范性文件: {');
  const [d] = only(text, 'unknown-key');
  assert.equal(d.data?.suggestion, '规范性文件');
  // The 2019 key is not reported missing as well: renaming fixes both.
  assert.deepEqual(only(text, 'missing-item'), []);
});

test('本年增/减 may be negative; other 2019 counts may not', () => {
  assert.deepEqual(only(base, 'invalid-value'), []);
  const [d] = only(base.replace('上一年项目数量: 40', '上一年项目数量: -40'), 'invalid-value');
  assert.equal(d.cell, '主动公开/行政许可/上一年项目数量');
});

test('（六）其他处理 is one row: the outcome total sums 19 rows', () => {
  const text = base.replace('    总计: {自然人: 5,', '    总计: {自然人: 6,');
  const [d] = only(text, 'outcome-total');
  assert.equal(d.related?.length, 19);
  assert.ok(d.related?.some((r) => r.cell === '依申请公开/办理结果/其他处理/自然人'));
});

test('the 2019 tables render from the definition: 23 numeric rows in table 3, 政府集中采购 in table 2', () => {
  const html = renderBody(check(base).report);
  const table3 = html.slice(html.indexOf('三、收到和处理政府信息公开申请情况'), html.indexOf('四、政府信息公开行政复议'));
  const rows = table3.split('<tr').filter((r) => (r.match(/data-cell=/g) ?? []).length === 7);
  assert.equal(rows.length, 23);
  assert.match(html, /第二十条第（九）项/);
  assert.match(html, /本年增\/减/);
});
