/** The bundled examples do what the README says they do. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_CODES } from '../../server/src/rules';
import { codes, diagnostics, example } from '../helpers';

test('clean-2024 passes every rule', () => {
  assert.deepEqual(diagnostics(example('clean-2024.xxgk.yaml')), []);
});

test('errors.xxgk.yaml triggers every rule that needs no other file', () => {
  const found = new Set(codes(example('errors.xxgk.yaml')));
  // outdated-format needs a report in the 2019 format (the example is in 2021's): rules.test.ts.
  const expected = RULE_CODES.filter((c) => !['yaml-syntax', 'carry-over', 'inventory', 'outdated-format'].includes(c));
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
});
