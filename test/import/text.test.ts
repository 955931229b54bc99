/**
 * The pieces: one cell (G1–G3), tolerant labels, the plain-text layouts, the format detected from
 * the labels (never the year), and a 2019-format report as a PDF copy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { check } from '../../server/src/engine/check';
import { parseCell } from '../../server/src/engine/import/cellValue';
import { detectFormat } from '../../server/src/engine/import/detect';
import { importReport, inputKind } from '../../server/src/engine/import';
import { findTargets, headingMatches, normalizeLabel } from '../../server/src/engine/import/normalize';
import { readText } from '../../server/src/engine/import/readText';
import { fixture } from '../helpers';
import { cell, checked, fixturePath, importPath, messages, sameCells } from './helpers';

test('a cell: number, blank, dash or 无 (blank, marked), number with a note, split runs, text', () => {
  assert.deepEqual(parseCell('12'), { kind: 'number', value: 12 });
  assert.deepEqual(parseCell(' １２ '), { kind: 'number', value: 12 });
  assert.deepEqual(parseCell('1,234'), { kind: 'number', value: 1234 });
  assert.deepEqual(parseCell('96171.6'), { kind: 'number', value: 96171.6 });
  assert.deepEqual(parseCell('-2'), { kind: 'number', value: -2 });
  assert.deepEqual(parseCell('3件'), { kind: 'number', value: 3 });
  assert.deepEqual(parseCell(''), { kind: 'blank' });
  for (const mark of ['—', '-', '/', '无', '——', '－']) assert.deepEqual(parseCell(mark), { kind: 'blank', mark }, mark);
  assert.deepEqual(parseCell('22（其中修订16件）'), { kind: 'number', value: 22, note: '（其中修订16件）' });
  assert.deepEqual(parseCell('55(含自然失效29件)'), { kind: 'number', value: 55, note: '(含自然失效29件)' });
  assert.deepEqual(parseCell('1 1'), { kind: 'split', parts: ['1', '1'] });
  // Labels with numbering are text, not a number with a note.
  assert.equal(parseCell('2.重复申请').kind, 'text');
  assert.equal(parseCell('1、申请人无正当理由逾期不补正').kind, 'text');
  assert.equal(parseCell('2024年').kind, 'text');
});

test('labels: numbering, quotes, spaces, line breaks and width are folded; a typo is tolerated', () => {
  const forms = ['1.属于国家秘密', '1、属于国家秘密', '（1）属于国家秘密', '(1) 属于\n国家秘密', '１．属于国家秘密'].map(normalizeLabel);
  assert.deepEqual(new Set(forms).size, 1);
  assert.equal(normalizeLabel('3.危及“三安全一稳定”'), normalizeLabel('3、危及"三安全一稳定"'));
  assert.equal(normalizeLabel('商业\n企业'), '商业企业');
  const targets = [{ value: 'n5', forms: [normalizeLabel('5.要求行政机关确认或重新出具已获取信息')] }, { value: 'o3', forms: ['其他'] }];
  assert.deepEqual(findTargets(normalizeLabel('5、要求行政机关确认或重新出具已获得信息'), targets).map((h) => [h.value, h.how]), [['n5', 'typo']]);
  // A short label is never matched with a typo ("其它" is not "其他" by edit distance).
  assert.deepEqual(findTargets('其它', targets), []);
  assert.ok(headingMatches('六、其他报告的事项', '六、其他需要报告的事项'));
  assert.ok(headingMatches('一、主动公开政府信息情况', '二、主动公开政府信息情况'));
  assert.ok(!headingMatches('四、政府信息公开申请情况', '三、收到和处理政府信息公开申请情况'));
  assert.ok(!headingMatches('表二：主动公开政府信息情况', '二、主动公开政府信息情况'));
});

test('plain text layouts: tab cells with continuation lines, " | " rows with an annotation, Markdown rows', () => {
  const blocks = readText('标题\n\t规章\n\t1\n\n\t商业\n企业\n\t2\n\n规章 | 1 | 0 | 1 | 1 〔注：即 1 | 0 | 11〕\n| a | 3 |\n|---|---|\n-4-\n〔分页〕\n行政许可 97\n');
  assert.deepEqual(blocks, [
    { kind: 'text', text: '标题', line: true },
    { kind: 'table', rows: [['规章', '1'], ['商业\n企业', '2']], grid: true },
    { kind: 'table', rows: [['规章', '1', '0', '1', '1〔注：即1 | 0 | 11〕'], ['a', '3']] },
    { kind: 'text', text: '行政许可 97', line: true },
  ]);
});

test('"—" and "无" in a copied text table become blank, each with a note; a split run with one sensible reading is resolved', () => {
  const text = [
    '测试区人民政府2024年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
    '规章 | 0 | 0 | 0',
    '行政规范性文件 | 3 | 0 | 1 | 2',
    '行政许可 | —',
    '行政处罚 | 无',
    '行政强制 | 5',
    '行政事业性收费 | 0.5',
  ].join('\n');
  const result = importReport({ kind: 'text', data: text });
  assert.equal(result.agency, '测试区人民政府');
  const r = checked(result);
  assert.equal(cell(r, '主动公开/行政许可'), null);
  assert.equal(cell(r, '主动公开/行政处罚'), null);
  assert.equal(cell(r, '主动公开/行政强制'), 5);
  const notes = messages(result, 'note');
  assert.match(notes, /「行政许可」：原文为 「—」，按空白导入/);
  assert.match(notes, /「行政处罚」：原文为 「无」，按空白导入/);
  // "3 | 0 | 1 | 2": 30|1|2 or 3|0|12 ("01" is no number); 30|1|2 would leave 2 in force after making
  // 30 and abolishing 1, which no stock of last year allows: 3|0|12.
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(checked(result), `主动公开/行政规范性文件/${c}`)), [3, 0, 12]);
  assert.match(messages(result, 'note'), /行政规范性文件.*唯一合理的读法为 3 \| 0 \| 12/);
  // "2 | 1 | 5 | 3": 2|15|3 and 2|1|53 both fit every rule (21|5|3 does not): ambiguous, left blank.
  const open = importReport({ kind: 'text', data: text.replace('3 | 0 | 1 | 2', '2 | 1 | 5 | 3') });
  assert.match(messages(open, 'unplaced'), /行政规范性文件.*2 \| 15 \| 3 或 2 \| 1 \| 53/);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(checked(open), `主动公开/行政规范性文件/${c}`)), [2, null, null]);
  const resolved = importReport({ kind: 'text', data: text.replace('3 | 0 | 1 | 2', '0 | 0 | 1 | 2') });
  // "0 | 0 | 1 | 2": only "12" makes sense (no number starts with 0).
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(checked(resolved), `主动公开/行政规范性文件/${c}`)), [0, 0, 12]);
  assert.match(messages(resolved, 'note'), /唯一合理的读法为 0 \| 0 \| 12/);
  // English notes on request.
  assert.match(messages(importReport({ kind: 'text', data: text }, { locale: 'en' })), /imported as blank/);
});

test('a 2019-format report (PDF copy) is detected as 2019 and imports cell for cell', () => {
  const result = importPath(fixturePath('jiangzhou-2020-format2019.txt'));
  assert.deepEqual([result.format, result.year, result.agency], ['2019', 2020, '江州市生态环境局']);
  assert.match(result.text, /^格式: 2019$/m);
  const imported = checked(result);
  sameCells(check(fixture('engine', 'base-2019.xxgk.yaml')).report, imported, ['其他事项/']);
  assert.deepEqual(check(result.text).diagnostics.filter((d) => d.severity === 'error'), []);
  assert.match(messages(result), /本年新制作数量.*识别为 2019 年格式/);
  // A 2020 report in the 2019 format is in time: no word of outdated-format.
  assert.doesNotMatch(messages(result), /outdated-format/);
});

test('a report imported as the 2019 format for 2021 or later says the checker will flag it', () => {
  const source = fs.readFileSync(fixturePath('jiangzhou-2020-format2019.txt'), 'utf8');
  const later = source.replace(/2020(\s*)年/g, '2021$1年');
  assert.notEqual(later, source);
  const result = importReport({ kind: 'text', data: later });
  assert.deepEqual([result.format, result.year], ['2019', 2021]);
  const note = result.notes.find((n) => /outdated-format/.test(n.message));
  assert.equal(note?.kind, 'note');
  assert.equal(note?.path, '年度');
  assert.match(note?.message ?? '', /2021 年度，表格却是 2019 年格式；自 2021 年度报告起应使用 2021 年格式/);
  assert.match(result.text, /^# .*outdated-format/m);
  assert.equal(check(result.text).diagnostics.filter((d) => d.code === 'outdated-format').length, 1);
});

test('the format comes from the labels, not the year', () => {
  assert.equal(detectFormat('本年新制作数量 本年新公开数量 对外公开总数量 政府集中采购').format.id, '2019');
  assert.equal(detectFormat('本年制发件数 本年废止件数 现行有效件数').format.id, '2021');
  // 规范性文件 is found inside 行政规范性文件 only as part of the longer (2021) label.
  assert.equal(detectFormat('行政规范性文件 本年处理决定数量').format.id, '2021');
  // Table 3 alone: a single （六）其他处理 row is 2019, its three sub-rows are 2021.
  assert.equal(detectFormat('（五）不予处理 （六）其他处理 （七）总计').format.id, '2019');
  assert.equal(detectFormat('（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请').format.id, '2021');
  const none = detectFormat('一、总体情况');
  assert.deepEqual([none.format.id, none.certain], ['2021', false]);
  // A 2022 report still printing the 2019 table 2 is read as 2019.
  const text = fs.readFileSync(fixturePath('jiangzhou-2020-format2019.txt'), 'utf8').replace(/2020/g, '2022');
  assert.equal(importReport({ kind: 'text', data: text }).format, '2019');
});

test('input kinds by extension; unsupported formats have none', () => {
  assert.equal(inputKind('报告.docx'), 'docx');
  assert.equal(inputKind('a.HTM'), 'html');
  assert.equal(inputKind('a.html'), 'html');
  assert.equal(inputKind('a.txt'), 'text');
  assert.equal(inputKind('a'), 'text');
  assert.equal(inputKind('年报.PDF'), 'pdf');
  for (const name of ['a.doc', 'a.wps', 'a.xlsx', 'a.ofd']) assert.equal(inputKind(name), undefined, name);
});

test('a text without any report part is not recognised', () => {
  const result = importReport({ kind: 'text', data: 'hello\nworld\n' });
  assert.equal(result.recognised, false);
  assert.match(messages(result, 'unplaced'), /未识别出年度报告的任何章节或表格/);
});
