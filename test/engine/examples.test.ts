/** The bundled examples do what the README says they do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_CODES } from '../../server/src/engine/rules';
import { codes, diagnostics, example } from '../helpers';

test('clean-2024 passes every rule', () => {
  assert.deepEqual(diagnostics(example('clean-2024.xxgk.yaml')), []);
});

test('errors.xxgk.yaml triggers every rule that needs no other file', () => {
  const found = new Set(codes(example('errors.xxgk.yaml')));
  // outdated-format needs a report in the 2019 format (the example is in 2021's): rules.test.ts; encoding
  // is about the file's bytes, not what the report says (test/engine/values.test.ts); prose-trend needs
  // last year's report.
  const expected = RULE_CODES.filter((c) => !['yaml-syntax', 'carry-over', 'inventory', 'outdated-format', 'encoding', 'prose-trend'].includes(c));
  assert.deepEqual(expected.filter((c) => !found.has(c)), []);
});

test('baiyunlu-2023: the published defects are found, and nothing is an error', () => {
  const ds = diagnostics(example('baiyunlu-2023.xxgk.yaml'));
  assert.deepEqual(ds.filter((d) => d.severity === 'error'), []);
  const by = (code: string) => ds.filter((d) => d.code === code);
  assert.equal(by('artifact').length, 1);
  assert.match(by('artifact')[0].message, /\[bookmark: _GoBack\]/);
  assert.equal(by('blank-cell').length, 9, '7 in 上年结转, 2 in 部分公开');
  assert.ok(by('duplicate-paragraph').length >= 2);
  // 监督保障: 一是加强领导…一是内容更加充实…二是…二是 is one list; the second 一是 breaks it.
  assert.equal(by('numbering').length, 1);
  assert.match(by('numbering')[0].message, /「二是」/);
});

test('the other examples: only the one deliberate broken list of errors.xxgk.yaml', () => {
  assert.deepEqual(codes(example('clean-2024.xxgk.yaml')).filter((c) => c === 'numbering'), []);
  const ds = diagnostics(example('errors.xxgk.yaml')).filter((d) => d.code === 'numbering');
  assert.equal(ds.length, 1);
  assert.match(ds[0].message, /「三是」应为「二是」/);
});
