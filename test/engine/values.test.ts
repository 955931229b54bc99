/** Odd values and encodings: numbers no count can be, CR-only files, bytes that are not UTF-8. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { decodeSource } from '../../server/src/engine/parse/encoding';
import { covered, example } from '../helpers';

const clean = example('clean-2024.xxgk.yaml');

function withValue(value: string): string {
  const out = clean.replace('行政许可: 15236', `行政许可: ${value}`);
  assert.notEqual(out, clean);
  return out;
}

test('1e400, .inf, -.inf, .nan and a 5,000-digit integer are invalid-value errors, and the check fails', () => {
  for (const value of ['1e400', '.inf', '-.inf', '.nan', '9'.repeat(5000), '12345678901234567890']) {
    const t0 = performance.now();
    const r = check(withValue(value));
    assert.ok(performance.now() - t0 < 2000, `${value.slice(0, 10)}: bounded time`);
    const bad = r.diagnostics.filter((d) => d.code === 'invalid-value');
    assert.equal(bad.length, 1, value.slice(0, 20));
    assert.equal(bad[0].severity, 'error');
    assert.equal(bad[0].cell, '主动公开/行政许可');
    assert.ok(covered(withValue(value), bad[0]).startsWith(value.slice(0, 20)), 'marks the value');
    assert.ok(bad[0].message.length < 200, 'a long number is shortened in the message');
    assert.equal(r.report.cells.get('主动公开/行政许可')?.state, 'invalid');
  }
  // 2^53 − 1 is still exact: no error.
  assert.deepEqual(check(withValue(String(Number.MAX_SAFE_INTEGER))).diagnostics.filter((d) => d.code === 'invalid-value'), []);
});

test('decodeSource: UTF-8 (BOM dropped), GB18030 recognised, other bytes replaced', () => {
  const text = '年度: 2024\n机关: 江州市交通运输局\n';
  assert.deepEqual(decodeSource(Buffer.from(text)), { text, encoding: 'utf-8' });
  assert.deepEqual(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), { text, encoding: 'utf-8' });
  // 年度 in GBK: C4EA B6C8; 江州 BDAD D6DD.
  const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x34, 0x0a, 0xbb, 0xfa, 0xb9, 0xd8, 0x3a, 0x20, 0xbd, 0xad, 0xd6, 0xdd, 0x0a]);
  assert.deepEqual(decodeSource(gbk), { text: '年度: 2024\n机关: 江州\n', encoding: 'gb18030' });
  const broken = Buffer.concat([Buffer.from('备注: a'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('b\n')]);
  const d = decodeSource(broken);
  assert.equal(d.encoding, 'utf-8');
  assert.ok(d.text.includes('\uFFFD'));
});

test('encoding: a GB18030 file is a warning that says to save as UTF-8; undecodable characters and lone surrogates are marked where they are', () => {
  const gb = check(clean, { encoding: 'gb18030' }).diagnostics.filter((d) => d.code === 'encoding');
  assert.equal(gb.length, 1);
  assert.equal(gb[0].severity, 'warning');
  assert.match(gb[0].message, /GB18030.*UTF-8/);
  assert.match(check(clean, { encoding: 'gb18030', locale: 'en' }).diagnostics.find((d) => d.code === 'encoding')?.message ?? '', /save it as UTF-8/);
  assert.deepEqual(check(clean).diagnostics.filter((d) => d.code === 'encoding'), []);

  const text = clean.replace('江州市交通运输局', '江州市\uFFFD\uFFFD运输局').replace('道路运输管理', '道路\uD800运输管理');
  const marks = check(text).diagnostics.filter((d) => d.code === 'encoding');
  assert.deepEqual(marks.map((d) => covered(text, d)), ['\uFFFD\uFFFD', '\uD800'].slice(0, marks.length));
  assert.ok(marks.length >= 2);
  assert.match(marks[0].message, /2 个无法解码/);
  // A whole file of bad bytes: a bounded number of findings, fast.
  const t0 = performance.now();
  const noise = check('备注: "' + '\uFFFDa'.repeat(200_000) + '"\n');
  assert.ok(performance.now() - t0 < 2000);
  assert.ok(noise.diagnostics.filter((d) => d.code === 'encoding').length <= 20);
});
