/**
 * One pass/fail pair per rule code: the clean fixture passes every rule; each test changes one
 * thing and asserts the code, the exact range, the written/computed values and related cells.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_CODES, SEVERITY } from '../../server/src/engine/rules';
import { covered, diagnostics, fixture, only } from '../helpers';

const base = fixture('engine', 'base.xxgk.yaml');

function edit(from: string | RegExp, to: string, text = base): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `fixture edit did not apply: ${from}`);
  return out;
}

test('the clean fixture passes every rule', () => {
  assert.deepEqual(diagnostics(base), []);
});

test('every diagnostic carries the default severity of its code', () => {
  const text = edit('行政处罚: 35', '行政处罚: -1');
  for (const d of diagnostics(text)) assert.equal(d.severity, SEVERITY[d.code]);
  assert.equal(RULE_CODES.length, 23);
});

test('yaml-syntax: broken YAML gives the parser message at the error', () => {
  const text = edit('行政许可: 120', '行政许可: [120');
  const ds = only(text, 'yaml-syntax');
  assert.ok(ds.length >= 1);
  assert.match(ds[0].message, /YAML 语法错误/);
});

test('unknown-key: suggests the short key for an official label', () => {
  const text = edit('      国家秘密: {', '      属于国家秘密: {');
  const [d] = only(text, 'unknown-key');
  assert.equal(covered(text, d), '属于国家秘密');
  assert.equal(d.data?.suggestion, '国家秘密');
  assert.match(d.message, /是否应为 「国家秘密」/);
  assert.equal(d.cell, '依申请公开/办理结果/不予公开/属于国家秘密');
});

test('unknown-key: a typo suggests the nearest column', () => {
  const text = edit('{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}\n    其他处理', '{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组识: 0, 法律服务机构: 0, 其他: 0, 总计: 0}\n    其他处理');
  const [d] = only(text, 'unknown-key');
  assert.equal(covered(text, d), '社会公益组识');
  assert.equal(d.data?.suggestion, '社会公益组织');
});

test('unknown-key: a label written at the wrong level names where it belongs', () => {
  const text = edit('  结转下年度: {', '  属于国家秘密: 1\n  结转下年度: {');
  const [d] = only(text, 'unknown-key');
  assert.match(d.message, /办理结果·不予公开·国家秘密/);
});

test('invalid-value: negative, fraction, text; decimals allowed for money', () => {
  let text = edit('行政处罚: 35', '行政处罚: -1');
  let [d] = only(text, 'invalid-value');
  assert.equal(covered(text, d), '-1');
  assert.match(d.message, /不能为负数/);
  text = edit('行政强制: 3', '行政强制: 1.5');
  [d] = only(text, 'invalid-value');
  assert.match(d.message, /不能有小数/);
  text = edit('行政许可: 120', '行政许可: 很多');
  [d] = only(text, 'invalid-value');
  assert.equal(covered(text, d), '很多');
  assert.match(d.message, /非负整数/);
  assert.deepEqual(only(base, 'invalid-value'), []); // 行政事业性收费: 12.5
  text = edit('年度: 2023', '年度: 二〇二三');
  assert.equal(only(text, 'invalid-value').length, 1);
  text = edit('格式: 2021', '格式: 2020');
  [d] = only(text, 'invalid-value');
  assert.match(d.message, /2021 \/ 2019/);
});

test('missing-item: an absent row or cell; omitted totals are not missing', () => {
  let text = edit(/      需要另行制作: \{[^\n]*\n/, '');
  let [d] = only(text, 'missing-item');
  assert.equal(d.cell, '依申请公开/办理结果/无法提供/需要另行制作');
  assert.equal(covered(text, d), '无法提供');
  text = edit(/(  本年新收: \{)自然人: 5, /, '$1');
  [d] = only(text, 'missing-item');
  assert.equal(d.cell, '依申请公开/本年新收/自然人');
  text = edit(', 总计: 8}\n  上年结转', '}\n  上年结转');
  assert.deepEqual(diagnostics(text), []);
  text = edit(/    总计: \{[^\n]*\n/, '');
  assert.deepEqual(diagnostics(text), []);
});

test('blank-cell: an empty value is warned about and counted as 0', () => {
  const text = edit('  上年结转: {自然人: 1,', '  上年结转: {自然人: ,');
  const blank = only(text, 'blank-cell');
  assert.equal(blank.length, 1);
  assert.equal(covered(text, blank[0]), '自然人');
  assert.equal(blank[0].cell, '依申请公开/上年结转/自然人');
  // Counted as 0: the row total (written 1) no longer adds up, and the message says a blank was counted as 0.
  const [row] = only(text, 'row-total');
  assert.equal(row.data?.written, 1);
  assert.equal(row.data?.computed, 0);
  assert.match(row.message, /1 个空白或缺失的单元格按 0 计/);
});

test('fullwidth: IME colon in a flow mapping, full-width digits, ideographic space', () => {
  let text = edit('{自然人: 5, 商业企业: 2', '{自然人：5, 商业企业: 2');
  let ds = diagnostics(text);
  assert.deepEqual(ds.map((d) => d.code), ['fullwidth'], 'read as meant: no unknown-key, no total errors');
  assert.equal(covered(text, ds[0]), '：');
  assert.equal(ds[0].data?.replacement, ': ');
  text = edit('行政许可: 120', '行政许可: １２０');
  ds = diagnostics(text);
  assert.deepEqual(ds.map((d) => d.code), ['fullwidth']);
  assert.equal(covered(text, ds[0]), '１２０');
  assert.equal(ds[0].data?.replacement, '120');
  text = edit('行政许可: 120', '行政许可： 120');
  ds = diagnostics(text);
  assert.ok(ds.some((d) => d.code === 'fullwidth' && covered(text, d) === '：'));
  text = edit('  行政许可: 120', '  行政许可:　120');
  ds = diagnostics(text);
  assert.ok(ds.some((d) => d.code === 'fullwidth' && covered(text, d) === '　'), JSON.stringify(ds));
  // Prose keeps its full-width punctuation.
  assert.deepEqual(only(base, 'fullwidth'), []);
});

test('row-total: a row total differs from its six columns', () => {
  const text = edit('  本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}', '  本年新收: {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 9}');
  const [d] = only(text, 'row-total');
  assert.equal(covered(text, d), '9');
  assert.equal(d.cell, '依申请公开/本年新收/总计');
  assert.deepEqual([d.data?.written, d.data?.computed, d.data?.difference], [9, 8, 1]);
  // The message names the row's columns: no related rows repeat them.
  assert.deepEqual(d.related ?? [], []);
  assert.match(d.message, /填写 9，本行六列之和为 8（差 1）/);
});

test('outcome-total: （七）总计 differs from the outcome rows, per column', () => {
  const text = edit('    总计: {自然人: 5,', '    总计: {自然人: 6,');
  const ds = only(text, 'outcome-total');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].cell, '依申请公开/办理结果/总计/自然人');
  assert.deepEqual([ds[0].data?.written, ds[0].data?.computed], [6, 5]);
  assert.equal(ds[0].related?.length, 21);
  // The row total of （七）总计 is off too, but only through this column: one root cause, one error.
  assert.deepEqual(only(text, 'row-total'), []);
  assert.deepEqual(only(text, 'balance'), []);
});

test('balance: 本年新收 + 上年结转 = （七）总计 + 结转下年度, on the 结转下年度 cell', () => {
  const text = edit('  结转下年度: {自然人: 1, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}', '  结转下年度: {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}');
  const ds = only(text, 'balance');
  assert.deepEqual(ds.map((d) => d.cell), ['依申请公开/结转下年度/自然人', '依申请公开/结转下年度/总计']);
  assert.deepEqual([ds[0].data?.written, ds[0].data?.computed], [0, 1]);
  // The terms sit in other rows: each gets its related location.
  assert.deepEqual(ds[0].related?.map((r) => r.cell), ['依申请公开/本年新收/自然人', '依申请公开/上年结转/自然人', '依申请公开/办理结果/总计/自然人']);
  assert.match(ds[0].message, /本年新收 \+ 上年结转 = 6，（七）总计 \+ 结转下年度 = 5/);
});

test('appeal-total: table 4 totals', () => {
  const text = edit('尚未审结: 1, 总计: 2}', '尚未审结: 1, 总计: 3}');
  const [d] = only(text, 'appeal-total');
  assert.equal(d.cell, '复议诉讼/行政复议/总计');
  assert.equal(covered(text, d), '3');
  assert.deepEqual([d.data?.written, d.data?.computed], [3, 2]);
  assert.deepEqual(d.related ?? [], []);
});

test('regulation-authority: 规章 numbers from a 街道', () => {
  let text = edit('规章: {本年制发: 0', '规章: {本年制发: 1');
  assert.deepEqual(only(text, 'regulation-authority'), [], 'a 市 department is not flagged');
  text = edit('机关: 江州市生态环境局', '机关: 江州市东城区白沙街道办事处', text);
  const [d] = only(text, 'regulation-authority');
  assert.equal(covered(text, d), '1');
  assert.equal(d.cell, '主动公开/规章/本年制发');
  text = edit('机关: 江州市生态环境局', '机关: 广西壮族自治区人民政府', edit('规章: {本年制发: 0', '规章: {本年制发: 1'));
  assert.deepEqual(only(text, 'regulation-authority'), []);
});

test('period-year: statistical period and title years', () => {
  let text = edit('      2023年，本机关', '      本报告统计期限自2022年1月1日起至2022年12月31日止。2023年，本机关');
  let ds = only(text, 'period-year');
  // One sentence, one finding.
  assert.equal(ds.length, 1);
  assert.equal(covered(text, ds[0]), '2022');
  text = edit('机关: 江州市生态环境局', '机关: 江州市生态环境局\n标题: 江州市生态环境局2022年政府信息公开工作年度报告');
  ds = only(text, 'period-year');
  assert.equal(ds.length, 1);
  assert.equal(covered(text, ds[0]), '2022');
  assert.equal(ds[0].range.start.line, 4);
});

test('outdated-format: the 2019 format for a 2021 report, not for 2020, never for the 2021 format', () => {
  const base2019 = fixture('engine', 'base-2019.xxgk.yaml');
  assert.deepEqual(only(base2019, 'outdated-format'), []);
  const text = edit('年度: 2020', '年度: 2021', base2019);
  const [d, ...more] = only(text, 'outdated-format');
  assert.deepEqual(more, []);
  assert.equal(d.severity, 'warning');
  assert.equal(covered(text, d), '2019');
  assert.equal(d.range.start.line, 1);
  assert.match(d.message, /2021 年度报告按 2019 年格式（国办公开办函〔2019〕60号）填写，但自 2021 年度报告起应使用 2021 年格式（国办公开办函〔2021〕30号）/);
  assert.deepEqual(d.related?.map((r) => covered(text, r)), ['2021']);
  assert.deepEqual(only(edit('年度: 2020', '年度: 2024', base2019), 'outdated-format').length, 1);
  // The 2021 format, written or by default, whatever the year.
  assert.deepEqual(only(edit('年度: 2023', '年度: 2026'), 'outdated-format'), []);
  assert.deepEqual(only(edit('格式: 2021\n', ''), 'outdated-format'), []);
  const en = only(text, 'outdated-format', { locale: 'en' });
  assert.match(en[0].message, /The 2021 report is laid out in the 2019 format/);
});

test('prose-number: a count in the prose contradicts the table', () => {
  const text = edit('办结8件', '办结7件');
  const [d] = only(text, 'prose-number');
  assert.equal(covered(text, d), '7');
  assert.deepEqual([d.data?.written, d.data?.computed], [7, 8]);
  assert.equal(d.related?.[0].cell, '依申请公开/办理结果/总计/总计');
  // 收到 may count 本年新收 + 上年结转 (9) as well as 本年新收 (8).
  assert.deepEqual(only(edit('收到政府信息公开申请8件', '收到政府信息公开申请9件'), 'prose-number'), []);
  assert.equal(only(edit('行政诉讼1件', '行政诉讼2件'), 'prose-number').length, 1);
});

test('prose-contradiction: 均已办结 while requests are carried over', () => {
  let text = edit('办结8件，', '办结8件，均已办结，');
  let [d] = only(text, 'prose-contradiction');
  assert.equal(covered(text, d), '均已办结');
  assert.equal(d.related?.[0].cell, '依申请公开/结转下年度/总计');
  text = edit('全年发生行政复议2件、行政诉讼1件。', '全年发生行政复议2件、行政诉讼1件，均获维持。');
  [d] = only(text, 'prose-contradiction');
  assert.equal(covered(text, d), '均获维持');
  assert.equal(d.related?.[0].cell, '复议诉讼/行政复议/尚未审结');
  text = edit('全年发生行政复议2件、行政诉讼1件。', '全年未发生行政复议、行政诉讼。');
  assert.equal(only(text, 'prose-contradiction').length, 1);
});

test('fee-mention: 逾期未缴费 without fee notices', () => {
  const text = edit(/逾期未缴费: \{自然人: 0,([^\n]*)总计: 0\}/, '逾期未缴费: {自然人: 1,$1总计: 1}');
  const ds = only(text, 'fee-mention');
  assert.equal(ds[0].cell, '依申请公开/办理结果/其他处理/逾期未缴费/总计');
  assert.equal(ds.length, 1);
  assert.equal(ds[0].severity, 'info');
  assert.deepEqual(only(edit('发出收费通知: 0', '发出收费通知: 1', text), 'fee-mention'), []);
});

test('duplicate-paragraph: a repeated sentence points at its first occurrence', () => {
  const text = edit('  政策解读的形式还不够丰富，下一步将增加图解和视频解读。', '  政策解读的形式还不够丰富，下一步将增加图解和视频解读。\n\n  政策解读的形式还不够丰富，下一步将增加图解和视频解读。');
  const [d] = only(text, 'duplicate-paragraph');
  assert.equal(covered(text, d), '政策解读的形式还不够丰富，下一步将增加图解和视频解读。');
  assert.equal(d.related?.[0].range.start.line, d.range.start.line - 2);
});

test('artifact: Word bookmarks and placeholders', () => {
  const text = edit('  - 标题: 依申请公开', '  - 标题: "[bookmark: _GoBack]依申请公开"');
  const [d] = only(text, 'artifact');
  assert.equal(covered(text, d), '[bookmark: _GoBack]');
  assert.equal(only(edit('本机关收到', 'XX局收到'), 'artifact').length, 1);
  assert.equal(only(edit('本机关收到', '×××局收到'), 'artifact').length, 1);
});

test('messages in English on request', () => {
  const text = edit('尚未审结: 1, 总计: 2}', '尚未审结: 1, 总计: 3}');
  const [d] = only(text, 'appeal-total', { locale: 'en' });
  assert.match(d.message, /is 3 but the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结 is 2 \(difference 1\)/);
});

test('a blank total names the parts it should be the sum of, in English as in Chinese', () => {
  const text = edit('尚未审结: 1, 总计: 2}', '尚未审结: 1, 总计: }');
  const [en] = only(text, 'appeal-total', { locale: 'en' });
  assert.match(en.message, /is blank; the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结 is 2: write 2/);
  const [zh] = only(text, 'appeal-total');
  assert.match(zh.message, /为空白，结果维持、结果纠正、其他结果、尚未审结之和为 2/);
});

test('severities can be overridden or turned off per code', () => {
  const text = edit('尚未审结: 1, 总计: 2}', '尚未审结: 1, 总计: 3}');
  assert.equal(only(text, 'appeal-total', { severities: { 'appeal-total': 'warning' } })[0].severity, 'warning');
  assert.deepEqual(only(text, 'appeal-total', { severities: { 'appeal-total': 'off' } }), []);
});

test('missing-item: a required prose part or 机关 written but empty is warned about; optional ones are not', () => {
  let text = edit(/问题与改进: \|\n(  .*\n)+/, '问题与改进: |\n\n');
  text = edit('机关: 江州市生态环境局', "机关: ''", text);
  const ds = only(text, 'missing-item');
  assert.deepEqual(ds.map((d) => d.cell), ['机关', '问题与改进']);
  assert.equal(covered(text, ds[1]), '问题与改进');
  assert.match(ds[1].message, /「问题与改进」 尚未填写/);
  assert.equal(ds[1].severity, 'warning');
  // An empty text inside a table part counts too.
  const body = edit('  正文: 本年度未收取信息处理费，无其他需要报告的事项。', '  正文: ""');
  assert.deepEqual(only(body, 'missing-item').map((d) => d.cell), ['其他事项/正文']);
  // An optional text part (前言) may be empty.
  assert.deepEqual(only(edit('机关: 江州市生态环境局', '机关: 江州市生态环境局\n前言: ""'), 'missing-item'), []);
});
