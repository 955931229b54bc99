/**
 * Cross-year rules (carry-over, inventory) and finding last year's file. Last year's file is found
 * as the CLI finds it (PreviousFinder: 上年报告, else a sibling of 年度 − 1 with the same 机关), for
 * a report placed at a path of the test's choosing. Pairs: test/engine/fixtures/cross-year
 * (2022 → base.xxgk.yaml's 2023) and cross-format (a 2019-format 2020 → a 2021-format 2021).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { PreviousFinder } from '../../server/src/cli/previous';
import { check } from '../../server/src/engine/check';
import type { CheckOptions, CheckResult } from '../../server/src/engine/check';
import { format2019 } from '../../server/src/engine/format/format2019';
import { formats, lookup } from '../../server/src/engine/format';
import type { FormatDef } from '../../server/src/engine/format';
import { choosePrevious, previousReportPath, readHead } from '../../server/src/engine/workflows/previousReport';
import type { ReportFiles } from '../../server/src/engine/workflows/previousReport';
import { carryOverPairs, inventoryTerms } from '../../server/src/engine/rules/crossYear';
import { covered, fixture, root } from '../helpers';

const dir = (name: string) => path.join(root, 'test', 'engine', 'fixtures', name);
const base = fixture('engine', 'base.xxgk.yaml');
const last = fixture('engine', 'cross-year/jiangzhou-2022.xxgk.yaml');
const LAST_PATH = path.join(dir('cross-year'), 'jiangzhou-2022.xxgk.yaml');

function edit(from: string | RegExp, to: string, text = base): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `fixture edit did not apply: ${from}`);
  return out;
}

/** `text` checked as the file `file` (it need not exist): last year's file is looked up on disk. */
function checkAt(text: string, file: string, options: CheckOptions = {}): CheckResult {
  return check(text, { ...options, previous: new PreviousFinder().previousFor(file, [path.join(root, 'test', 'engine', 'fixtures')]) });
}
const inCrossYear = (text: string) => checkAt(text, path.join(dir('cross-year'), 'this-2023.xxgk.yaml'));
const codesOf = (r: CheckResult, code: string) => r.diagnostics.filter((d) => d.code === code);

test('every cross-year path of every format is a row or a cell of that format', () => {
  for (const def of Object.values(formats)) {
    const { carryOver, inventory } = def.crossYear;
    if (carryOver) for (const p of [carryOver.this, carryOver.last]) assert.equal(lookup(def, p)?.node.kind, 'row', `${def.id}: ${p}`);
    for (const r of inventory?.rows ?? []) {
      for (const k of [r.stock, r.added, r.removed]) assert.equal(lookup(def, `${r.row}/${k}`)?.node.kind, 'cell', `${def.id}: ${r.row}/${k}`);
    }
  }
});

test('carry-over and inventory pass: the sibling with 年度 − 1 and the same 机关 is found', () => {
  const r = inCrossYear(base);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.previous?.path, LAST_PATH);
});

test('carry-over: this year bigger than last year\'s 结转下年度, per column (总计 included)', () => {
  const text = edit('上年结转: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}', '上年结转: {自然人: 3, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 3}');
  const ds = codesOf(inCrossYear(text), 'carry-over');
  assert.deepEqual(ds.map((d) => d.cell), ['依申请公开/上年结转/自然人', '依申请公开/上年结转/总计']);
  const [d] = ds;
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '3');
  assert.deepEqual(d.data, { written: 3, computed: 1, difference: 2 });
  assert.match(d.message, /「上年结转·自然人」 填写 3，上年报告 jiangzhou-2022\.xxgk\.yaml 的「结转下年度·自然人」为 1（差 2）/);
  // The related location is in last year's file, named as the edge named it.
  assert.equal(d.related?.length, 1);
  const rel = d.related![0];
  assert.equal(rel.path, LAST_PATH);
  assert.equal(rel.cell, '依申请公开/结转下年度/自然人');
  assert.equal(covered(last, rel), '1');
  assert.match(last.split('\n')[rel.range.start.line], /^ {2}结转下年度:/);
});

test('carry-over: this year smaller, and a blank cell, in English', () => {
  let text = edit('上年结转: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}', '上年结转: {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}');
  let ds = codesOf(inCrossYear(text), 'carry-over');
  assert.equal(ds.length, 2);
  assert.deepEqual(ds[0].data, { written: 0, computed: 1, difference: -1 });
  text = edit('上年结转: {自然人: 1,', '上年结转: {自然人: ,');
  ds = codesOf(checkAt(text, path.join(dir('cross-year'), 'x.xxgk.yaml'), { locale: 'en' }), 'carry-over');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].data?.written, null);
  assert.match(ds[0].message, /is blank \(counted as 0\) but last year's report jiangzhou-2022\.xxgk\.yaml has 「结转下年度·自然人」 1/);
});

test('carry-over via 上年报告: a relative path to another folder wins over siblings', () => {
  const text = edit('机关: 江州市生态环境局', '机关: 江州市生态环境局\n上年报告: ../cross-year/jiangzhou-2022.xxgk.yaml').replace('自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}\n  办理结果', '自然人: 2, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 2}\n  办理结果');
  const r = checkAt(text, path.join(dir('cross-format'), 'this.xxgk.yaml'));
  assert.equal(path.resolve(r.previous?.path ?? ''), LAST_PATH);
  assert.equal(codesOf(r, 'carry-over').length, 2);
});

test('上年报告 naming another year is an error on 上年报告 and nothing is compared', () => {
  const text = edit('机关: 江州市生态环境局', '机关: 江州市生态环境局\n上年报告: ../base.xxgk.yaml');
  const r = checkAt(text, path.join(dir('cross-year'), 'this.xxgk.yaml'));
  const [d, ...rest] = codesOf(r, 'carry-over');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'error');
  assert.equal(covered(text, d), '../base.xxgk.yaml');
  assert.match(d.message, /上年报告 base\.xxgk\.yaml 是 2023 年度的报告，应为 2022 年度/);
  assert.equal(r.previous, undefined);
});

test('上年报告 that cannot be read, or has YAML errors, is a warning; another 机关 is a warning but still compared', () => {
  let text = edit('机关: 江州市生态环境局', '机关: 江州市生态环境局\n上年报告: nowhere-2022.xxgk.yaml');
  let [d] = codesOf(checkAt(text, path.join(dir('cross-year'), 'this.xxgk.yaml')), 'carry-over');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /找不到或无法读取上年报告 nowhere-2022\.xxgk\.yaml/);
  [d] = codesOf(check(base, { previous: { text: '年度: [', path: 'x.xxgk.yaml' } }), 'carry-over');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /YAML 语法错误/);
  const renamed = last.replace('机关: 江州市生态环境局', '机关: 江州市环境保护局');
  text = edit('总计: 1}\n  办理结果', '总计: 2}\n  办理结果');
  const ds = codesOf(check(text, { previous: { text: renamed, path: 'old.xxgk.yaml' } }), 'carry-over');
  assert.deepEqual(ds.map((x) => x.severity), ['warning', 'error']);
  assert.match(ds[0].message, /机关是「江州市环境保护局」，与本报告的「江州市生态环境局」不同/);
});

test('without a path for last year\'s file there is no related location; the message names its title', () => {
  const text = edit('总计: 1}\n  办理结果', '总计: 2}\n  办理结果');
  const [d] = codesOf(check(text, { previous: { text: last } }), 'carry-over');
  assert.equal(d.related, undefined);
  assert.match(d.message, /上年报告 《江州市生态环境局2022年政府信息公开工作年度报告》/);
});

test('inventory: 规章 and 行政规范性文件 separately, a warning on 现行有效', () => {
  let text = edit('行政规范性文件: {本年制发: 2, 本年废止: 1, 现行有效: 9}', '行政规范性文件: {本年制发: 2, 本年废止: 1, 现行有效: 12}');
  const [d, ...rest] = codesOf(inCrossYear(text), 'inventory');
  assert.deepEqual(rest, []);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '12');
  assert.equal(d.cell, '主动公开/行政规范性文件/现行有效');
  assert.deepEqual(d.data, { written: 12, computed: 9, difference: 3 });
  assert.match(d.message, /上年现行有效 8 \+ 本年制发 2 − 本年废止 1 = 9（差 3）/);
  assert.deepEqual(d.related?.map((r) => [r.cell, r.path]), [
    ['主动公开/行政规范性文件/本年制发', undefined],
    ['主动公开/行政规范性文件/本年废止', undefined],
    ['主动公开/行政规范性文件/现行有效', LAST_PATH],
  ]);
  text = edit('规章: {本年制发: 0, 本年废止: 0, 现行有效: 0}', '规章: {本年制发: 1, 本年废止: 0, 现行有效: 0}');
  const ds = codesOf(inCrossYear(text), 'inventory');
  assert.deepEqual(ds.map((x) => x.cell), ['主动公开/规章/现行有效']);
});

test('2019 → 2021: carry-over applies across the change of format, inventory does not', () => {
  const file = path.join(dir('cross-format'), 'jiangzhou-2021.xxgk.yaml');
  const text = fixture('engine', 'cross-format/jiangzhou-2021.xxgk.yaml');
  const r = checkAt(text, file);
  assert.equal(r.previous?.report.format.id, '2019');
  assert.deepEqual(r.diagnostics, []);
  // 现行有效 anything: no inventory against the 2019 table 2.
  assert.deepEqual(codesOf(checkAt(text.replace('现行有效: 9}', '现行有效: 90}'), file), 'inventory'), []);
  const wrong = text.replace('总计: 1}\n  办理结果', '总计: 4}\n  办理结果');
  assert.deepEqual(codesOf(checkAt(wrong, file), 'carry-over').map((d) => d.data?.computed), [1]);
  // Decided by the data: the formats share carry-over's meaning and not inventory's.
  assert.equal(carryOverPairs(r.report, r.previous!.report).length, 7);
  assert.deepEqual(inventoryTerms(r.report, r.previous!.report), []);
  assert.equal(format2019.crossYear.inventory, undefined);
});

test('a relation applies only when both formats declare the same meaning, whatever the paths', () => {
  const lastResult = check(last);
  assert.equal(inventoryTerms(check(base).report, lastResult.report).length, 2);
  const other: FormatDef = { ...lastResult.report.format, crossYear: { ...lastResult.report.format.crossYear, inventory: { ...lastResult.report.format.crossYear.inventory!, meaning: 'something else' } } };
  const relabelled = { ...lastResult, report: { ...lastResult.report, format: other } };
  const text = edit('现行有效: 9}', '现行有效: 90}');
  const r = check(text, { previous: { result: relabelled, path: 'x.xxgk.yaml' } });
  assert.deepEqual(codesOf(r, 'inventory'), []);
  assert.equal(codesOf(check(text, { previous: { result: lastResult, path: 'x.xxgk.yaml' } }), 'inventory').length, 1);
});

test('severities apply to the cross-year codes; a previous result is reused as given', () => {
  const text = edit('总计: 1}\n  办理结果', '总计: 2}\n  办理结果');
  const lastResult = check(last);
  const r = check(text, { previous: { result: lastResult, path: 'a.xxgk.yaml' }, severities: { 'carry-over': 'warning' } });
  assert.deepEqual(codesOf(r, 'carry-over').map((d) => d.severity), ['warning']);
  assert.equal(r.previous?.report, lastResult.report);
  assert.deepEqual(codesOf(check(text, { previous: { result: lastResult }, severities: { 'carry-over': 'off' } }), 'carry-over'), []);
});

test('readHead: 年度 and 机关 from top-level lines, quoted or commented, CRLF and BOM', () => {
  assert.deepEqual(readHead('\uFEFF格式: 2021\r\n年度: 2022  # 上一年\r\n机关: "江州市\\"生态\\"环境局"\r\n'), { year: 2022, agency: '江州市"生态"环境局' });
  assert.deepEqual(readHead("机关: '白云路''街道'\n  年度: 2020\n年度：2021"), { year: 2021, agency: "白云路'街道" });
  assert.deepEqual(readHead('年度: 二〇二二\n'), {});
});

test('choosePrevious: one decision for the CLI and the server, over their own file access', () => {
  const report = (extra: string) => check(`年度: 2023\n机关: 甲局\n${extra}`).report;
  const asked: string[] = [];
  const files = (inside: boolean): ReportFiles => ({
    siblings: (dir) => {
      asked.push(`list ${dir}`);
      return [{ path: path.join(dir, 'b.xxgk.yaml'), year: 2022, agency: '甲局' }];
    },
    inside: (target, roots) => {
      asked.push(`inside ${target} ${roots.join(',')}`);
      return inside;
    },
  });
  const here = path.join('d', 'this.xxgk.yaml');
  // No 上年报告: the sibling, and nothing is asked about roots.
  assert.deepEqual(choosePrevious(report(''), here, ['d'], files(true)), { kind: 'file', path: path.join('d', 'b.xxgk.yaml') });
  assert.deepEqual(asked, ['list d']);
  // 上年报告 inside the roots: that file, the folder is not listed.
  asked.length = 0;
  assert.deepEqual(choosePrevious(report('上年报告: a.xxgk.yaml'), here, ['d'], files(true)), { kind: 'file', path: path.join('d', 'a.xxgk.yaml') });
  assert.deepEqual(asked, [`inside ${path.join('d', 'a.xxgk.yaml')} d`]);
  // Outside the roots, absolute, network or not a report: refused, with the reference as written.
  assert.deepEqual(choosePrevious(report('上年报告: ../x.xxgk.yaml'), here, ['d'], files(false)), { kind: 'refused', ref: '../x.xxgk.yaml', refused: 'outside' });
  assert.deepEqual(choosePrevious(report('上年报告: //host/share/x.xxgk.yaml'), here, ['d'], files(true)), { kind: 'refused', ref: '//host/share/x.xxgk.yaml', refused: 'network' });
  assert.deepEqual(choosePrevious(report('上年报告: notes.txt'), here, ['d'], files(true)), { kind: 'refused', ref: 'notes.txt', refused: 'not-a-report' });
  // No 机关: no sibling can match.
  assert.deepEqual(choosePrevious(check('年度: 2023\n').report, here, ['d'], files(true)), { kind: 'none' });
});

test('previousReportPath: 上年报告 relative (an absolute one is returned as written, for refRefusal to refuse); else the first matching sibling by name, never itself', () => {
  const report = (extra: string) => check(`年度: 2023\n机关: 甲局\n${extra}`).report;
  const none = () => [];
  assert.equal(previousReportPath(report('上年报告: ../2022/a.xxgk.yaml'), path.join('r', 'x', 'b.xxgk.yaml'), none), path.join('r', '2022', 'a.xxgk.yaml'));
  const abs = path.resolve('/tmp/a.xxgk.yaml');
  assert.equal(previousReportPath(report(`上年报告: ${abs}`), 'b.xxgk.yaml', none), abs);
  const siblings = () => [
    { path: path.join('d', 'z.xxgk.yaml'), year: 2022, agency: '甲局' },
    { path: path.join('d', 'b.xxgk.yaml'), year: 2022, agency: '甲局' },
    { path: path.join('d', 'c.xxgk.yaml'), year: 2022, agency: '乙局' },
    { path: path.join('d', 'a.xxgk.yaml'), year: 2021, agency: '甲局' },
  ];
  assert.equal(previousReportPath(report(''), path.join('d', 'this.xxgk.yaml'), siblings), path.join('d', 'b.xxgk.yaml'));
  assert.equal(previousReportPath(check('年度: 2023\n').report, path.join('d', 'this.xxgk.yaml'), siblings), undefined);
  const self = () => [{ path: path.join('d', 'this.xxgk.yaml'), year: 2022, agency: '甲局' }];
  assert.equal(previousReportPath(check('年度: 2023\n机关: 甲局').report, path.join('d', 'this.xxgk.yaml'), self), undefined);
});
