/** Copied cells (Excel, WPS, Word tables) read as numbers, and where a pasted block goes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine';
import { pasteCells } from '../../server/src/engine/write/pasteRows';
import { placeBlock, readCell, splitTsv } from '../../server/src/engine/write/tsv';
import { example } from '../helpers';

test('Excel / WPS TSV: tabs, CRLF, a trailing line break, quoted cells with tabs, line breaks and quotes', () => {
  assert.deepEqual(splitTsv('1\t2\t3\r\n4\t5\t6\r\n'), [['1', '2', '3'], ['4', '5', '6']]);
  assert.deepEqual(splitTsv('1\t2\n3\t4'), [['1', '2'], ['3', '4']]);
  assert.deepEqual(splitTsv('"1,234"\t"a\tb"\t"say ""x"""\r\n"two\nlines"\t5\r\n'), [['1,234', 'a\tb', 'say "x"'], ['two\nlines', '5']]);
  // A quote inside an unquoted cell, and a quote that does not close a cell, are text.
  assert.deepEqual(splitTsv('5"\t"6" x\t7'), [['5"', '"6" x', '7']]);
  // Empty cells, an empty line in the middle.
  assert.deepEqual(splitTsv('\t1\t\r\n\r\n2'), [['', '1', ''], [''], ['2']]);
});

test('Word table copies: CR LF rows with a trailing tab, cell marks and spaces around', () => {
  assert.deepEqual(splitTsv('3 \t 0\u0007\t\r\n'), [['3 ', ' 0\u0007', '']]);
  assert.deepEqual(readCell(' 0\u0007'), { kind: 'number', value: 0 });
  assert.deepEqual(readCell('\u00a012\u3000'), { kind: 'number', value: 12 });
});

test('numbers: full-width digits, thousands separators (ASCII and full-width), decimals; blanks; text', () => {
  assert.deepEqual(readCell('１２３'), { kind: 'number', value: 123 });
  assert.deepEqual(readCell('１，２３４'), { kind: 'number', value: 1234 });
  assert.deepEqual(readCell('12,345,678'), { kind: 'number', value: 12345678 });
  assert.deepEqual(readCell('0.5'), { kind: 'number', value: 0.5 });
  assert.deepEqual(readCell('２．５'), { kind: 'number', value: 2.5 });
  for (const blank of ['', '  ', '-', '—', '——', '－', '/', '空']) assert.deepEqual(readCell(blank), { kind: 'blank' }, JSON.stringify(blank));
  // A comma that is not a thousands separator, a sign, a unit: not numbers.
  for (const text of ['1,23', '12,3456', '-3', '5件', '三', '1e3', '1.']) assert.equal(readCell(text).kind, 'text', text);
});

test('placing a block: right and down from the paste point; trailing blank cells past the end ignored', () => {
  const targets = [['a/1', 'a/2'], ['b/1', 'b/2'], ['c/1', 'c/2']];
  assert.deepEqual(placeBlock('1\t2\r\n3\t—\r\n', targets), {
    changes: [
      { path: 'a/1', value: 1 },
      { path: 'a/2', value: 2 },
      { path: 'b/1', value: 3 },
      { path: 'b/2', value: null },
    ],
  });
  assert.ok('changes' in placeBlock('1\t2\t\r\n', targets), "Word's trailing tab");
  assert.deepEqual(placeBlock('1\t2\t3', targets), { refused: { kind: 'tooManyColumns', columns: 3, available: 2, row: 1 } });
  assert.deepEqual(placeBlock('1\n2\n3\n4', targets), { refused: { kind: 'tooManyRows', rows: 4, available: 3 } });
  assert.deepEqual(placeBlock('1\t合计', targets), { refused: { kind: 'notNumber', text: '合计', row: 1, column: 2 } });
  assert.deepEqual(placeBlock('\r\n', targets), { refused: { kind: 'empty' } });
  assert.deepEqual(placeBlock('1\t'.repeat(200_000), targets), { refused: { kind: 'tooLarge' } });
});

test('editor paste: on a row key it fills that row and the next; on an empty line under 依申请公开 it starts after the row above', () => {
  const text = example('baiyunlu-2023.xxgk.yaml');
  const report = check(text).report;
  const line = (key: string) => text.split('\n').findIndex((l) => l.trimStart().startsWith(`${key}:`));
  const row = '1\t2\t3\t4\t5\t6\t21\r\n';
  const placed = pasteCells(report, line('本年新收'), row + row);
  assert.ok(placed && 'changes' in placed);
  assert.deepEqual(
    placed.changes.map((c) => `${c.path}=${c.value}`).slice(6, 8),
    ['依申请公开/本年新收/总计=21', '依申请公开/上年结转/自然人=1'],
  );
  assert.equal(placed.changes.length, 14);
  // Prose lines and keys that are not rows: not a table paste.
  assert.equal(pasteCells(report, line('机关'), row), undefined);
  assert.equal(pasteCells(report, line('依申请公开'), row), undefined);
  // An empty line right under `依申请公开:` starts at the first row.
  const spaced = text.replace('依申请公开:\n', '依申请公开:\n\n');
  const at = spaced.split('\n').indexOf('依申请公开:') + 1;
  const first = pasteCells(check(spaced).report, at, row);
  assert.ok(first && 'changes' in first);
  assert.equal(first.changes[0].path, '依申请公开/本年新收/自然人');
  // Eight columns do not fit a row of seven.
  const wide = pasteCells(report, line('本年新收'), '1\t2\t3\t4\t5\t6\t7\t8');
  assert.deepEqual(wide, { refused: { kind: 'tooManyColumns', columns: 8, available: 7, row: 1 } });
});
