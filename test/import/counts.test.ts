/**
 * The counts of an import (cells read, cells to check) and the promise behind them: every cell to
 * check, blank ones first of all, is explained by a note of the header comment, and each note knows
 * its comment line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { importReport } from '../../server/src/engine/import';
import type { ImportResult } from '../../server/src/engine/import';
import { allCells, defaultFormat } from '../../server/src/engine/format';
import { assign } from '../../server/src/engine/import/fit';
import type { Sink } from '../../server/src/engine/import/fit';
import { importMessages } from '../../server/src/engine/i18n/import';
import { checked, fixturePath, importPath, reference } from './helpers';

const FILES = [
  reference('real-reports', '05-huaian-shizhengfu-2024.txt'),
  reference('real-reports', '06-shanghai-kewei-2024.txt'),
  reference('real-reports', '08-shanghai-bangongting-2025.txt'),
  reference('baiyunlu-2023-published.txt'),
  fixturePath('jiangzhou-2024.html'),
  fixturePath('jiangzhou-2020-format2019.txt'),
];

const explained = (result: ImportResult, path: string) => result.notes.some((n) => n.path !== undefined && (path === n.path || path.startsWith(`${n.path}/`)));

test('every blank cell is a cell to check, every cell to check is explained by a note, cellsRead counts the numbers written', () => {
  for (const file of FILES) {
    const result = importPath(file);
    const report = checked(result);
    const blank = [...report.cells.values()].filter((c) => c.state === 'blank').map((c) => c.path);
    for (const p of blank) assert.ok(result.toCheck.includes(p), `${file}: blank ${p} not to check`);
    for (const p of result.toCheck) assert.ok(explained(result, p), `${file}: ${p} has no note`);
    assert.equal(result.cellsToCheck, result.toCheck.length);
    const numbers = [...report.cells.values()].filter((c) => c.state === 'number' && c.valueSpan).length;
    assert.equal(result.cellsRead, numbers, file);
    // Each note's line is its own comment line.
    const lines = result.text.split('\n');
    for (const n of result.notes) {
      assert.ok(n.line !== undefined && lines[n.line].startsWith('#   - '), `${file}: ${n.message}`);
      assert.equal(lines[n.line].slice(6), n.message.replace(/\s*\n\s*/g, ' ').trimEnd());
    }
    assert.match(lines[2], new RegExp(`读取表格数字 ${result.cellsRead} 个；需核对的单元格 ${result.cellsToCheck} 个`));
  }
});

test('淮安 2024: the cell rebuilt from two runs (规章·现行有效 = "1" "1") is the only one to check', () => {
  const result = importPath(FILES[0]);
  assert.deepEqual(result.toCheck, ['主动公开/规章/现行有效']);
});

test('上海市科委 2024: rows placed by order and the blank 总计 are to check; rows found by their label are not', () => {
  const result = importPath(FILES[1]);
  assert.ok(result.toCheck.includes('依申请公开/结转下年度/总计'));
  for (const c of ['自然人', '总计']) assert.ok(result.toCheck.includes(`依申请公开/办理结果/部分公开/${c}`), c);
  assert.ok(!result.toCheck.includes('依申请公开/本年新收/自然人'));
  assert.ok(!result.toCheck.includes('依申请公开/上年结转/自然人'));
});

test('a word in a numeric cell: blank, to check, explained; a number with a bracketed note is read and to check', () => {
  const html = fs
    .readFileSync(fixturePath('jiangzhou-2024.html'), 'utf8')
    .replace('<td>行政许可</td><td>1,234</td>', '<td>行政许可</td><td>见附件</td>')
    .replace('<td>行政处罚</td><td>56</td>', '<td>行政处罚</td><td>56（含简易程序）</td>');
  const result = importReport({ kind: 'html', data: html });
  const report = checked(result);
  assert.equal(report.cells.get('主动公开/行政许可')?.state, 'blank');
  assert.ok(result.toCheck.includes('主动公开/行政许可') && explained(result, '主动公开/行政许可'));
  assert.equal(report.cells.get('主动公开/行政处罚')?.value, 56);
  assert.ok(result.toCheck.includes('主动公开/行政处罚'));
});

test('a cell holding text among numbers is left blank with a note naming the text', () => {
  for (const locale of ['zh-CN', 'en']) {
    const sink: Sink = { values: new Map(), notes: [], m: importMessages(locale), inferred: new Set() };
    const cells = allCells(defaultFormat)
      .filter((c) => c.path.startsWith('主动公开/规章/'))
      .slice(0, 2);
    assign(sink, '主动公开/规章', '规章', cells, [{ kind: 'number', value: 1 }, { kind: 'text', text: '见附件' }]);
    assert.deepEqual([...sink.values], [[cells[0].path, 1], [cells[1].path, null]]);
    assert.equal(sink.notes.length, 1);
    assert.equal(sink.notes[0].path, cells[1].path);
    assert.match(sink.notes[0].message, locale === 'en' ? /the text 「见附件」, not a number; left blank/ : /文字 「见附件」，不是数字，留空/);
  }
});
