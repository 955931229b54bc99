/**
 * One root cause, one error: a row written under its official label counts as the row; a key an
 * unknown-key suggests is not reported missing as well; a relation off only through a total that
 * is itself wrong is not reported.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { covered, fixture } from '../helpers';

const base = fixture('engine', 'base.xxgk.yaml');
const codesOf = (text: string) => check(text).diagnostics.map((d) => d.code);

// 保护第三方合法权益's one request moved to 国家秘密: every sum is unchanged.
const moved = base
  .replace('      国家秘密: {自然人: 0, 商业企业: 0,', '      国家秘密: {自然人: 0, 商业企业: 1,')
  .replace('国家秘密: {自然人: 0, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}', '国家秘密: {自然人: 0, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}')
  .replace('保护第三方合法权益: {自然人: 0, 商业企业: 1, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 1}', '保护第三方合法权益: {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}');

test('a row under its official label (属于国家秘密:) counts in every sum: unknown-key with its fix, nothing else', () => {
  assert.deepEqual(codesOf(moved), []);
  for (const label of ['属于国家秘密', '1.属于国家秘密']) {
    const text = moved.replace('      国家秘密: {', `      ${label}: {`);
    const ds = check(text).diagnostics;
    assert.deepEqual(ds.map((d) => d.code), ['unknown-key'], label);
    assert.equal(covered(text, ds[0]), label);
    assert.equal(ds[0].data?.suggestion, '国家秘密');
    assert.equal(check(text).report.cells.get('依申请公开/办理结果/不予公开/国家秘密/总计')?.value, 1);
  }
  // Written twice (label and key): the key's values count, the label is only unknown.
  const both = moved.replace('      国家秘密: {', '      属于国家秘密: {自然人: 5}\n      国家秘密: {');
  assert.deepEqual(codesOf(both), ['unknown-key']);
});

test('a misspelt column is unknown-key only, not also a missing column', () => {
  const text = base.replace('危及三安全一稳定: {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0', '危及三安全一稳定: {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组识: 0');
  assert.deepEqual(codesOf(text), ['unknown-key']);
  // A key absent with no look-alike is still missing.
  assert.deepEqual(codesOf(base.replace('危及三安全一稳定: {自然人: 0, ', '危及三安全一稳定: {')), ['missing-item']);
});

test('（七）总计 wrong in one column: outcome-total there, not row-total and balance as well', () => {
  const text = base.replace('    总计: {自然人: 5,', '    总计: {自然人: 6,');
  assert.deepEqual(codesOf(text), ['outcome-total']);
  // Two independent errors are both reported.
  const two = text.replace('  结转下年度: {自然人: 1,', '  结转下年度: {自然人: 2,');
  assert.deepEqual(codesOf(two).sort(), ['balance', 'outcome-total', 'row-total']);
});
