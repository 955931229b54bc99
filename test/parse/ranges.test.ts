/** Ranges are LSP positions: 0-based lines, UTF-16 characters, right with CRLF, a BOM and Chinese text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/parse/lines';
import { check } from '../../server/src/engine/check';
import { covered, fixture } from '../helpers';

test('LineIndex maps offsets and positions both ways', () => {
  const text = '年度: 2023\r\n机关: 某局\r\n\r\n𠀀: 1\n';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 5);
  assert.deepEqual(lines.position(text.indexOf('某局')), { line: 1, character: 4 });
  assert.deepEqual(lines.position(text.indexOf('1\n')), { line: 3, character: 4 }, 'a surrogate pair counts 2 UTF-16 units');
  assert.equal(lines.offset({ line: 1, character: 4 }), text.indexOf('某局'));
  assert.equal(lines.lineText(0), '年度: 2023');
  assert.equal(lines.offset({ line: 0, character: 99 }), text.indexOf('\r'), 'clamped to the line');
});

const base = fixture('engine', 'base.xxgk.yaml');
// A wrong 总计, a prose count that matches neither it nor its row (a range in Chinese text), full-width digits.
const wrong = base.replace('尚未审结: 1, 总计: 2}', '尚未审结: 1, 总计: 3}').replace('行政复议2件', '行政复议4件').replace('行政许可: 120', '行政许可: １２０');

function summary(text: string) {
  return check(text).diagnostics.map((d) => ({ code: d.code, range: d.range, text: covered(text, d), related: d.related?.map((r) => r.range) }));
}

test('CRLF: the same ranges as LF', () => {
  const crlf = wrong.replace(/\n/g, '\r\n');
  assert.deepEqual(summary(crlf), summary(wrong));
  assert.equal(summary(crlf).length, 3);
});

test('BOM: a client that keeps it gets ranges that count it on line 0, covering the same text', () => {
  const kept = summary('\uFEFF' + wrong);
  const plain = summary(wrong);
  assert.deepEqual(kept.map((d) => [d.code, d.text, d.range.start.line]), plain.map((d) => [d.code, d.text, d.range.start.line]));
  const [d] = check('\uFEFF未知键: 1\n').diagnostics.filter((x) => x.code === 'unknown-key');
  assert.deepEqual(d.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 4 } });
  assert.equal(covered('\uFEFF未知键: 1\n', d), '未知键');
});

test('CR alone ends a line (old Mac files): the same diagnostics and ranges as LF, not an empty file', () => {
  const cr = wrong.replace(/\n/g, '\r');
  assert.deepEqual(summary(cr), summary(wrong));
  assert.ok(!check(cr).diagnostics.some((x) => x.code === 'missing-item' && /空/.test(x.message)));
});

test('Chinese text: characters before the cell are counted in UTF-16 units', () => {
  const [d] = check(wrong).diagnostics.filter((x) => x.code === 'fullwidth');
  const line = wrong.split('\n')[d.range.start.line];
  assert.equal(line.slice(d.range.start.character, d.range.end.character), '１２０');
  assert.equal(d.range.start.character, '  行政许可: '.length);
});
