/** The .docx export: a valid package, GB/T 9704 page and fonts, tables merged exactly as the grid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine/check';
import { exportDocx } from '../../server/src/engine/export/docx';
import { format2019 } from '../../server/src/engine/format/format2019';
import { format2021 } from '../../server/src/engine/format/format2021';
import { placeCells, tableGrids } from '../../server/src/engine/render/grid';
import { renderBody } from '../../server/src/engine/render/html';
import { $$, parse, span } from '../render/dom';
import { fixture, root } from '../helpers';
import { assertWellFormed, runWith, tableWith, tables, textOf } from './wordXml';
import type { WordRow } from './wordXml';
import { unzip } from './zip';

/** The report's document.xml (and the whole package, checked to be a zip of well-formed XML). */
async function documentXml(text: string): Promise<string> {
  const files = unzip(await exportDocx(check(text).report));
  for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) assert.ok(files.has(name), `${name} in the package`);
  for (const [name, content] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) assertWellFormed(content.toString('utf8'));
  return (files.get('word/document.xml') as Buffer).toString('utf8');
}

const FULL = fixture('render', 'full.xxgk.yaml').replace('依申请公开:\n', '依申请公开:\n  备注: 本表“总计”为<自动>计算 & 核对。\n');
const full = documentXml(FULL);

const valueRows = (t: WordRow[]) => t.filter((r) => !r.header);
/** Cells that start in the row (not the continuation of a vertical merge from above). */
const written = (r: WordRow) => r.cells.filter((c) => c.vMerge !== 'continue');

test('a zip holding word/document.xml: A4 portrait with the GB/T 9704 margins', async () => {
  const xml = await full;
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"( w:orient="portrait")?\/>/);
  const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
  // 37, 35, 28, 26 mm in twips.
  for (const [side, twips] of [['top', 2098], ['bottom', 1984], ['left', 1587], ['right', 1474]] as const) {
    assert.match(margins, new RegExp(`w:${side}="${twips}"`), side);
  }
});

test('title in 方正小标宋简体 二号 (44 half-points), centered; body 仿宋 三号 with a 2-character indent and exact line pitch', async () => {
  const xml = await full;
  const title = runWith(xml, '测试县测试局2024年政府信息公开工作年度报告');
  assert.match(title, /w:eastAsia="方正小标宋简体"/);
  assert.match(title, /<w:sz w:val="44"\/>/);
  const titlePara = /<w:p>(?:(?!<w:p>)[\s\S])*?测试县测试局2024年政府信息公开工作年度报告/.exec(xml)?.[0] ?? '';
  assert.match(titlePara, /<w:jc w:val="center"\/>/);
  const body = runWith(xml, '需要加强业务培训。');
  assert.match(body, /w:eastAsia="仿宋"/);
  assert.match(body, /<w:sz w:val="32"\/>/);
  const bodyPara = /<w:p>(?:(?!<w:p>)[\s\S])*?需要加强业务培训。/.exec(xml)?.[0] ?? '';
  assert.match(bodyPara, /<w:ind [^>]*w:firstLineChars="200"/);
  assert.match(bodyPara, /<w:spacing [^>]*w:line="(5[6-8]\d)" w:lineRule="exact"/);
  assert.match(runWith(xml, '一、总体情况'), /w:eastAsia="黑体"/);
  assert.match(runWith(xml, '（二）解读形式单一'), /w:eastAsia="楷体"/);
  assert.match(runWith(xml, '（1）培训不足'), /w:eastAsia="楷体"/, 'a heading numbered by its author keeps its number');
});

test('table 3: 25 numeric rows of 7 values, 法人或其他组织 over five columns, row-span labels as vertical merges', async () => {
  const t = tableWith(await full, '法人或其他组织');
  assert.equal(t.filter((r) => r.header).length, 3, 'three header rows, repeated on every page');
  const rows = valueRows(t);
  assert.equal(rows.length, 25);
  const org = t.flatMap((r) => r.cells).find((c) => c.text === '法人或其他组织');
  assert.equal(org?.gridSpan, 5);
  const corner = t[0].cells[0];
  assert.match(corner.text, /^（本列数据的勾稽关系为/);
  assert.deepEqual([corner.gridSpan, corner.vMerge], [3, 'restart']);
  // 三、本年度办理结果 opens a merge on the first outcome row that the next 21 rows continue.
  const start = rows.findIndex((r) => r.cells[0].text === '三、本年度办理结果');
  assert.equal(start, 2);
  assert.equal(rows[start].cells[0].vMerge, 'restart');
  for (let i = 1; i < 22; i++) assert.equal(rows[start + i].cells[0].vMerge, 'continue', `row ${start + i + 1}`);
  assert.notEqual(rows[start + 22].cells[0].vMerge, 'continue', '四、结转下年度 is outside the merge');
  // Every row spans 3 label + 7 value columns; the last 7 cells are the values.
  for (const r of t) assert.equal(r.cells.reduce((n, c) => n + c.gridSpan, 0), 10);
  const total = rows.find((r) => r.cells.some((c) => c.text === '（七）总计'));
  assert.deepEqual(total?.cells.slice(-7).map((c) => c.text), ['4', '1', '0', '0', '0', '0', '5']);
  // 予以公开·总计 is omitted in the source: printed with its computed value.
  const granted = rows.find((r) => r.cells.some((c) => c.text === '（一）予以公开'));
  assert.equal(granted?.cells.at(-1)?.text, '4');
});

test('table 4: one row of 15 values under a three-level header; table 2: four captioned blocks, blank cells empty', async () => {
  const xml = await full;
  const t4 = tableWith(xml, '行政诉讼');
  assert.equal(valueRows(t4).length, 1);
  assert.equal(written(valueRows(t4)[0]).length, 15);
  assert.deepEqual(valueRows(t4)[0].cells.slice(0, 5).map((c) => c.text), ['1', '0', '0', '0', '1']);
  assert.equal(t4[0].cells.find((c) => c.text === '行政诉讼')?.gridSpan, 10);
  const captions = tables(xml).filter((t) => /^第二十条第/.test(t[0].cells[0].text));
  assert.equal(captions.length, 4);
  const enforcement = captions[2].find((r) => r.cells[0].text === '行政强制');
  assert.deepEqual(enforcement?.cells.map((c) => c.text), ['行政强制', ''], 'a blank cell prints empty');
  assert.equal(captions[3].at(-1)?.cells[1].text, '125.36');
});

test('table cells: 宋体 五号, values centered, row labels left, every border single black', async () => {
  const xml = await full;
  const [tbl] = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml) ?? [''];
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
    assert.match(tbl, new RegExp(`<w:${side} w:val="single" w:color="000000" w:sz="4"/>`), side);
  }
  const value = runWith(xml, '125.36');
  assert.match(value, /w:eastAsia="宋体"/);
  assert.match(value, /<w:sz w:val="21"\/>/);
  const cellOf = (text: string) => [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]).find((tc) => textOf(tc) === text) ?? '';
  assert.match(cellOf('125.36'), /<w:jc w:val="center"\/>/);
  assert.match(cellOf('行政事业性收费'), /<w:jc w:val="left"\/>/);
});

test('text is escaped: <script> and & in prose and notes survive as text, never as markup', async () => {
  const xml = await full;
  assert.doesNotMatch(xml, /<script|<b>/);
  assert.ok(xml.includes('2024年，本局主动公开政府信息120条。&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(textOf(xml).includes('第二段 & "双引号" \'single\' <b>不是粗体</b>。'));
  // The 备注 of table 3 follows the table, in 小四.
  const note = runWith(xml, '本表“总计”为<自动>计算 & 核对。');
  assert.match(note, /<w:sz w:val="24"\/>/);
  assert.ok(xml.indexOf('本表“总计”为') > xml.lastIndexOf('法人或其他组织'));
});

test('characters XML cannot hold (from YAML escapes) are dropped, not written', async () => {
  const xml = await documentXml(FULL.replace(/^前言: .*$/m, '前言: "控制\\u0001字\\uffff符\\u000b"'));
  assert.ok(textOf(xml).includes('控制字符'));
});

test('every example and the 2019 fixture export; the grids are rectangular for both formats', async () => {
  const dir = path.join(root, 'examples');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xxgk.yaml'));
  assert.ok(files.length >= 3);
  for (const f of files) {
    const xml = await documentXml(fs.readFileSync(path.join(dir, f), 'utf8'));
    assert.equal(tables(xml).length, 6, `${f}: 4 + 1 + 1 tables`);
  }
  const xml2019 = await documentXml(fixture('engine', 'base-2019.xxgk.yaml'));
  assert.equal(tables(xml2019).length, 7, '2019: 5 captioned blocks + tables 3 and 4');
  for (const def of [format2021, format2019]) {
    for (const part of def.parts) {
      if (!part.layout) continue;
      for (const grid of tableGrids(def, part, part.layout)) {
        assert.doesNotThrow(() => placeCells(grid), `${def.id} ${grid.part}`);
        assert.throws(() => placeCells({ ...grid, columns: grid.columns + 1 }), /columns wide, not/);
      }
    }
  }
});

test('one derivation: every HTML table and its Word table have the same rows, texts and spans', async () => {
  const xml = await full;
  const html = parse(renderBody(check(FULL).report));
  const htmlTables = $$(html, 'table');
  const wordTables = tables(xml);
  assert.equal(wordTables.length, htmlTables.length);
  htmlTables.forEach((t, i) => {
    const fromHtml = $$(t, 'tr').map((tr) => tr.children.map((c) => `${c.text}|${span(c, 'colspan')}|${span(c, 'rowspan') > 1}`));
    // In Word a row span is a `restart` cell plus `continue` cells below: leave those out to compare.
    const fromWord = wordTables[i].map((r) => written(r).map((c) => `${c.text}|${c.gridSpan}|${c.vMerge === 'restart'}`));
    assert.deepEqual(fromWord, fromHtml, `table ${i + 1}`);
  });
});
