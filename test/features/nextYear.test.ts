/** Next year's report: a clean draft that continues this year's (carry-over and inventory hold). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { nextYear, NextYearError, nextYearFileName } from '../../server/src/engine/workflows/nextYear';
import { fixture } from '../helpers';

const base = fixture('engine', 'base.xxgk.yaml');
const base2019 = fixture('engine', 'base-2019.xxgk.yaml');

test('next year: 年度 + 1, same 格式 and 机关, 上年报告 back, no 标题, carried cells, zeros and empty prose', () => {
  const source = base.replace('机关: 江州市生态环境局', "机关: 江州市生态环境局\n标题: 旧标题\n前言: 旧前言")
    .replace('结转下年度: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}', '结转下年度: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0}');
  const result = check(source);
  assert.equal(nextYearFileName(result), '江州市生态环境局2024.xxgk.yaml');
  const text = nextYear(result, 'jiangzhou-2023.xxgk.yaml');
  const lines = text.split('\n');
  assert.deepEqual(lines.slice(0, 4), ['格式: 2021', '年度: 2024', '机关: 江州市生态环境局', '上年报告: jiangzhou-2023.xxgk.yaml']);
  assert.doesNotMatch(text, /标题|前言|旧/);
  // No 总计 cells are written: the engine computes them.
  assert.doesNotMatch(text, /总计/);
  assert.match(text, /\n {2}上年结转: \{自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0\}\n/);
  // Nothing handled yet: what came in is still pending, so the balance holds.
  assert.match(text, /\n {2}结转下年度: \{自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0\}\n/);
  assert.match(text, /\n {2}本年新收: \{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0\}\n/);
  assert.match(text, /\n {2}行政规范性文件: \{本年制发: 0, 本年废止: 0, 现行有效: 9\}\n/);
  assert.match(text, /\n {2}行政许可: 0\n {2}行政处罚: 0\n/);
  assert.match(text, /\n {2}行政复议: \{结果维持: 0, 结果纠正: 0, 其他结果: 0, 尚未审结: 0\}\n/);
  assert.match(text, /\n总体情况: \|\n/);
  assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  assert.doesNotMatch(text, /2023年|图解/);
});

test('next year checks clean alone and, paired with this year as last year, has no carry-over or inventory diagnostic', () => {
  for (const source of [base, base2019]) {
    const result = check(source);
    const text = nextYear(result, 'this.xxgk.yaml');
    // Only the prose is left to write: every number carried or zero holds. The 2019 base is for 2020:
    // its next year, 2021, keeps 格式: 2019, which the 2021 format replaced.
    // outdated-format is about the whole report, not a cell.
    const left = (r: ReturnType<typeof check>) => r.diagnostics.map((d) => `${d.code} ${d.cell}`).sort();
    const prose = ['missing-item 总体情况', 'missing-item 问题与改进', 'missing-item 其他事项/正文'];
    const expected = [...prose, ...(source === base2019 ? ['outdated-format undefined'] : [])].sort();
    assert.deepEqual(left(check(text)), expected, text);
    const paired = check(text, { previous: { result, path: 'this.xxgk.yaml' } });
    assert.deepEqual(left(paired), expected);
    assert.ok(paired.previous, 'compared with this year');
    assert.equal(paired.report.format.id, result.report.format.id);
  }
});

test('next year without 上年报告 (an unsaved report), and the errors', () => {
  assert.doesNotMatch(nextYear(check(base), undefined), /上年报告/);
  assert.throws(() => nextYear(check(base.replace('年度: 2023\n', '')), 'x'), NextYearError);
  assert.throws(() => nextYear(check(base.replace('年度: 2023', '年度: 2100')), 'x'), /beyond 2100/);
  assert.throws(() => nextYear(check(base.replace('行政许可: 120', '行政许可: [120')), 'x'), /YAML syntax errors/);
  assert.equal(nextYearFileName(check(base.replace('机关: 江州市生态环境局', '机关: "甲/乙局"'))), '甲_乙局2024.xxgk.yaml');
  // A name YAML would misread keeps its quotes.
  for (const name of ['是: 否', '# 局', 'true', '123', "甲'乙"]) {
    const text = nextYear(check(base.replace('机关: 江州市生态环境局', `机关: '${name.replace(/'/g, "''")}'`)), undefined);
    assert.equal(check(text).report.agency, name, text.split('\n')[2]);
  }
});

test('next year keeps a cell left blank this year blank, not 0', () => {
  const source = base.replace('结转下年度: {自然人: 1, 商业企业: 0,', '结转下年度: {自然人: 1, 商业企业: ,');
  assert.notEqual(source, base);
  const text = nextYear(check(source), undefined);
  assert.match(text, /\n {2}上年结转: \{自然人: 1, 商业企业: , 科研机构: 0,/);
  const next = check(text);
  assert.deepEqual(next.diagnostics.filter((d) => d.code === 'blank-cell').map((d) => d.cell), ['依申请公开/上年结转/商业企业']);
});
