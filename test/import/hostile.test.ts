/**
 * Hostile imports: a .docx that inflates far beyond its size, tables nested 100,000 deep, a huge
 * w:gridSpan, and 1.9 MB of prose lines. Each ends fast, in bounded memory (measured in the child
 * process running `xxgk import`), with a message that names the limit.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assembleProse } from '../../server/src/engine/import/prose';
import type { TextBlock } from '../../server/src/engine/import/types';
import { blankRunsText, docxBomb, docxHugeGridSpan, docxNestedTables, WRAPPED_LINE } from '../hostileInputs';
import { measurements, measureXxgk } from '../measure';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-hostile-import-'));
after(() => console.log(measurements.map((m) => `${m.label}: ${m.ms} ms, ${m.peakMb} MB`).join('\n')));

test('a .docx inflating to 200 MB is refused once 64 MB are inflated, in bounded memory', () => {
  // Zipped as a stream, 1 MB at a time: the test itself never holds the 200 MB.
  const file = docxBomb(path.join(dir, 'bomb.docx'));
  assert.ok(fs.statSync(file).size < 1024 * 1024, 'the bomb is small on disk');
  const r = measureXxgk('import <.docx inflating to 200 MB>', ['import', file, '-o', '-'], { timeoutMs: 30_000 });
  assert.ok(!r.timedOut);
  assert.equal(r.code, 2);
  assert.match(r.err, /文档的文字部分解压后超过 64 MB/);
  assert.ok(r.ms < 10_000, `${Math.round(r.ms)} ms`);
  assert.ok(r.peakMb < 400, `peak ${Math.round(r.peakMb)} MB`);
});

test('100,000 nested w:tbl: refused with the nesting limit named, no stack overflow', () => {
  const file = docxNestedTables(path.join(dir, 'nested.docx'));
  const r = measureXxgk('import <100,000 nested w:tbl>', ['import', file, '-o', '-'], { timeoutMs: 30_000 });
  assert.ok(!r.timedOut);
  assert.equal(r.code, 2);
  assert.match(r.err, /嵌套超过 256 层/);
  assert.doesNotMatch(r.err, /internal error|内部错误|Maximum call stack/);
  assert.ok(r.ms < 10_000, `${Math.round(r.ms)} ms`);
  assert.ok(r.peakMb < 600, `peak ${Math.round(r.peakMb)} MB`);
});

test('a w:gridSpan of 100,000,000 does not build a huge grid', () => {
  const file = docxHugeGridSpan(path.join(dir, 'span.docx'));
  const r = measureXxgk('import <w:gridSpan 100,000,000>', ['import', file, '-o', '-'], { timeoutMs: 30_000 });
  assert.ok(!r.timedOut);
  assert.ok(r.code === 0 || r.code === 2, r.err);
  assert.doesNotMatch(r.err, /internal error/);
  assert.ok(r.ms < 10_000, `${Math.round(r.ms)} ms`);
  assert.ok(r.peakMb < 400, `peak ${Math.round(r.peakMb)} MB`);
});

test('assembleProse: 1.9 MB of wrapped lines join into one paragraph in linear time', () => {
  const line = WRAPPED_LINE;
  const blocks: TextBlock[] = [];
  for (let n = 0; n < 1_900_000; n += line.length) blocks.push({ kind: 'text', text: line, line: true });
  const t0 = performance.now();
  const items = assembleProse(blocks);
  const ms = performance.now() - t0;
  measurements.push({ label: 'assembleProse <1.9 MB of lines> (in process)', ms: Math.round(ms), peakMb: NaN });
  assert.equal(items.length, 1);
  assert.equal(items[0].paragraphs.length, 1);
  assert.equal(items[0].paragraphs[0], line.repeat(blocks.length));
  assert.ok(ms < 3000, `${Math.round(ms)} ms`);
  // Twice the input takes about twice the time, not four times.
  const t1 = performance.now();
  assembleProse([...blocks, ...blocks]);
  assert.ok(performance.now() - t1 < Math.max(6000, ms * 3.5), 'linear');
});

test('copied text with 200,000 tabs, long blank runs before a pipe or an annotation: read in linear time', () => {
  // Each line defeated a regular expression with a leading \s* (a Markdown separator, a row's
  // annotation, the pipe split): 100,000 tabs took a minute, 200,000 four.
  const file = path.join(dir, 'blank-runs.txt');
  fs.writeFileSync(file, blankRunsText());
  const r = measureXxgk('200,000 tabs and blank runs in a .txt', ['import', file, '-o', '-'], { timeoutMs: 20_000 });
  assert.equal(r.timedOut, false);
  assert.ok(r.ms < 10_000, `${r.ms} ms`);
});
