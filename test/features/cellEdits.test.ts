/**
 * Cells set from the preview (xxgk/editCells): each case applies the edits and compares the whole
 * text with the expected one, written by hand; everything else stays byte for byte.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/engine';
import { editCells } from '../../server/src/engine/write/cellEdits';
import type { CellChange } from '../../server/src/engine/write/cellEdits';
import { example } from '../helpers';

const apply = (text: string, changes: CellChange[]): string => {
  const outcome = editCells(check(text).report, changes);
  if ('refused' in outcome) throw new Error(`refused: ${JSON.stringify(outcome.refused)}`);
  return TextDocument.applyEdits(TextDocument.create('file:///r.xxgk.yaml', 'yaml', 1, text), outcome.edits);
};
const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const codes = (text: string) => check(text).diagnostics.map((d) => d.code);

const HEAD = '格式: 2021\n年度: 2023\n机关: 某某街道办事处\n';
const ROW = (v: string[]) => `{自然人: ${v[0]}, 商业企业: ${v[1]}, 科研机构: ${v[2]}, 社会公益组织: ${v[3]}, 法律服务机构: ${v[4]}, 其他: ${v[5]}${v[6] === undefined ? '' : `, 总计: ${v[6]}`}}`;

test('a flow cell: only its value changes; comments and the rest of the file stay', () => {
  const text = example('baiyunlu-2023.xxgk.yaml');
  const out = apply(text, [{ path: '依申请公开/本年新收/自然人', value: 3 }]);
  assert.equal(out, text.replace('本年新收: {自然人: 0,', '本年新收: {自然人: 3,'));
});

test('CRLF: the same edit, every line break kept', () => {
  const text = crlf(example('baiyunlu-2023.xxgk.yaml'));
  const out = apply(text, [{ path: '依申请公开/本年新收/自然人', value: 12 }, { path: '主动公开/行政许可', value: 4 }]);
  assert.equal(out, text.replace('本年新收: {自然人: 0,', '本年新收: {自然人: 12,').replace('行政许可: 0\r\n', '行政许可: 4\r\n'));
  assert.equal(out.split('\r\n').length, text.split('\r\n').length);
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
});

test('a trailing comment after a value stays', () => {
  const text = `${HEAD}主动公开:\n  行政许可: 0   # 本年处理决定数量\n`;
  assert.equal(apply(text, [{ path: '主动公开/行政许可', value: 7 }]), `${HEAD}主动公开:\n  行政许可: 7   # 本年处理决定数量\n`);
});

test('blank cells: a blank flow cell gets a value; blanking removes the value (flow keeps `键: ,`, block leaves `键:`)', () => {
  const text = example('baiyunlu-2023.xxgk.yaml');
  const out = apply(text, [
    { path: '依申请公开/上年结转/商业企业', value: 2 },
    { path: '依申请公开/办理结果/部分公开/科研机构', value: null },
  ]);
  assert.equal(
    out,
    text
      .replace('上年结转: {自然人: , 商业企业: , 科研机构: ,', '上年结转: {自然人: , 商业企业: 2, 科研机构: ,')
      .replace('部分公开: {自然人: , 商业企业: , 科研机构: 0,', '部分公开: {自然人: , 商业企业: , 科研机构: ,'),
  );
  const block = `${HEAD}复议诉讼:\n  行政复议:\n    结果维持: 3\n    结果纠正: 0\n`;
  assert.equal(apply(block, [{ path: '复议诉讼/行政复议/结果维持', value: null }]), `${HEAD}复议诉讼:\n  行政复议:\n    结果维持:\n    结果纠正: 0\n`);
  // Already blank: nothing to write.
  assert.equal(apply(text, [{ path: '依申请公开/上年结转/自然人', value: null }]), text);
});

test('an omitted 总计 stays omitted when a part changes, and is inserted at the end of its row when set', () => {
  const row = `${HEAD}依申请公开:\n  本年新收: ${ROW(['1', '0', '0', '0', '0', '0'])}  # 总计略\n`;
  assert.equal(apply(row, [{ path: '依申请公开/本年新收/自然人', value: 2 }]), row.replace('{自然人: 1,', '{自然人: 2,'));
  assert.equal(
    apply(row, [{ path: '依申请公开/本年新收/总计', value: 1 }]),
    `${HEAD}依申请公开:\n  本年新收: ${ROW(['1', '0', '0', '0', '0', '0', '1'])}  # 总计略\n`,
  );
  // A part and the total after it in one request: one edit, no overlap.
  assert.equal(
    apply(row, [{ path: '依申请公开/本年新收/其他', value: 5 }, { path: '依申请公开/本年新收/总计', value: 6 }]),
    `${HEAD}依申请公开:\n  本年新收: ${ROW(['1', '0', '0', '0', '0', '5', '6'])}  # 总计略\n`,
  );
});

test('block rows: a value replaced in place, an absent cell inserted in definition order at the siblings\' indentation', () => {
  const text = `${HEAD}复议诉讼:\n  行政复议:\n    结果维持: 1\n    其他结果: 0\n    尚未审结: 0\n`;
  assert.equal(
    apply(text, [{ path: '复议诉讼/行政复议/结果纠正', value: 2 }, { path: '复议诉讼/行政复议/结果维持', value: 4 }]),
    `${HEAD}复议诉讼:\n  行政复议:\n    结果维持: 4\n    结果纠正: 2\n    其他结果: 0\n    尚未审结: 0\n`,
  );
  assert.equal(
    apply(crlf(text), [{ path: '复议诉讼/行政复议/结果纠正', value: 2 }]),
    crlf(`${HEAD}复议诉讼:\n  行政复议:\n    结果维持: 1\n    结果纠正: 2\n    其他结果: 0\n    尚未审结: 0\n`),
  );
});

test('a row written with no value becomes a flow row: the cell set, the others blank, the total computed', () => {
  const text = `${HEAD}依申请公开:\n  本年新收:\n  上年结转: ~\n`;
  assert.equal(
    apply(text, [{ path: '依申请公开/本年新收/科研机构', value: 3 }, { path: '依申请公开/上年结转/其他', value: 1 }]),
    `${HEAD}依申请公开:\n  本年新收: {自然人: , 商业企业: , 科研机构: 3, 社会公益组织: , 法律服务机构: , 其他: }\n  上年结转: {自然人: , 商业企业: , 科研机构: , 社会公益组织: , 法律服务机构: , 其他: 1}\n`,
  );
});

test('an absent row is inserted after its written predecessor, in the style of its siblings', () => {
  const text = `${HEAD}依申请公开:\n  本年新收: ${ROW(['1', '0', '0', '0', '0', '0', '1'])}\n  # 结转\n  结转下年度: ${ROW(['0', '0', '0', '0', '0', '0', '0'])}\n`;
  assert.equal(
    apply(text, [{ path: '依申请公开/上年结转/自然人', value: 2 }, { path: '依申请公开/上年结转/其他', value: 1 }]),
    `${HEAD}依申请公开:\n  本年新收: ${ROW(['1', '0', '0', '0', '0', '0', '1'])}\n  上年结转: {自然人: 2, 商业企业: , 科研机构: , 社会公益组织: , 法律服务机构: , 其他: 1}\n  # 结转\n  结转下年度: ${ROW(['0', '0', '0', '0', '0', '0', '0'])}\n`,
  );
  // An absent group: written down to the row set, nothing else.
  assert.equal(
    apply(text, [{ path: '依申请公开/办理结果/不予公开/国家秘密/自然人', value: 1 }]),
    `${HEAD}依申请公开:\n  本年新收: ${ROW(['1', '0', '0', '0', '0', '0', '1'])}\n  办理结果:\n    不予公开:\n      国家秘密: {自然人: 1, 商业企业: , 科研机构: , 社会公益组织: , 法律服务机构: , 其他: }\n  # 结转\n  结转下年度: ${ROW(['0', '0', '0', '0', '0', '0', '0'])}\n`,
  );
});

test('setting the right total clears the row-total error', () => {
  const text = example('clean-2024.xxgk.yaml');
  const broken = text.replace('予以公开: {自然人: 23,', '予以公开: {自然人: 24,');
  assert.ok(codes(broken).includes('row-total'));
  assert.deepEqual(codes(apply(broken, [{ path: '依申请公开/办理结果/予以公开/自然人', value: 23 }])), codes(text));
});

test('refusals: not a table cell, negative count, fraction of a count; decimals where the format allows them', () => {
  const report = check(example('baiyunlu-2023.xxgk.yaml')).report;
  const refused = (changes: CellChange[]) => {
    const o = editCells(report, changes);
    return 'refused' in o ? o.refused.kind : 'ok';
  };
  assert.equal(refused([{ path: '依申请公开/本年新收', value: 1 }]), 'unknownCell');
  assert.equal(refused([{ path: '机关', value: 1 }]), 'unknownCell');
  assert.equal(refused([{ path: '依申请公开/本年新收/自然人', value: -1 }]), 'negative');
  assert.equal(refused([{ path: '依申请公开/本年新收/自然人', value: 1.5 }]), 'fraction');
  assert.equal(refused([{ path: '依申请公开/本年新收/自然人', value: Number.NaN }]), 'notNumber');
  // One bad cell refuses the whole request.
  assert.equal(refused([{ path: '主动公开/行政许可', value: 1 }, { path: '依申请公开/本年新收/自然人', value: -1 }]), 'negative');
  assert.equal(refused([{ path: '主动公开/行政事业性收费', value: 1.25 }]), 'ok');
});
