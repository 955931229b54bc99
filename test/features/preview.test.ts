/** The preview: the renderer's fragment plus the source map (cells and blocks) for the webview. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import type { Analysis } from '../../server/src/engine/editor/analysis';
import { preview } from '../../server/src/engine/editor/preview';
import { i18n, normalizeLocale } from '../../server/src/engine/i18n/messages';
import { renderBody } from '../../server/src/engine/render/html';
import { fixture } from '../helpers';

const analyze = (text: string, locale = 'zh-CN'): Analysis => ({ text, result: check(text, { locale }), t: i18n(normalizeLocale(locale)) });
const r = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

const small = fixture('features', 'preview/small.xxgk.yaml');

test('html is the renderer\'s fragment with the diagnostics and the locale', () => {
  const a = analyze(small);
  const { html } = preview(a);
  assert.equal(html, renderBody(a.result.report, { diagnostics: a.result.diagnostics, locale: 'zh-CN' }));
  assert.ok(html.startsWith('<article class="xxgk-report"'));
  assert.ok(!html.includes('<html'), 'a fragment, not a page');
  // Diagnostics reach the cells (blank 行政处罚 is marked).
  assert.match(html, /<td class="num blank has-warning" data-cell="主动公开\/行政处罚" data-line="15"/);
  const en = analyze(fixture('features', 'inlay/computed.xxgk.yaml'), 'en');
  assert.match(preview(en).html, /title="computed"/);
});

test('map.cells: every written cell → its value range, or its key when blank; absent cells are left out', () => {
  const { cells } = preview(analyze(small)).map;
  assert.equal(Object.keys(cells).length, 16);
  assert.deepEqual(cells['主动公开/规章/本年制发'], r(13, 13, 14));
  assert.deepEqual(cells['主动公开/行政许可'], r(14, 8, 11));
  assert.deepEqual(cells['主动公开/行政处罚'], r(15, 2, 6));
  assert.deepEqual(cells['依申请公开/本年新收/自然人'], r(19, 9, 10));
  // A blank row: each of its cells points at the row's key.
  assert.deepEqual(cells['依申请公开/结转下年度/自然人'], r(21, 2, 7));
  assert.deepEqual(cells['依申请公开/结转下年度/总计'], r(21, 2, 7));
  assert.equal(cells['依申请公开/本年新收/科研机构'], undefined, 'missing');
  assert.equal(cells['依申请公开/本年新收/总计'], undefined, 'computed');
});

test('map.cells agrees with the data-line the renderer prints on each cell', () => {
  const a = analyze(fixture('features', 'codeActions/comments.xxgk.yaml'));
  const { html, map } = preview(a);
  const printed = new Map([...html.matchAll(/data-cell="([^"]+)" data-line="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
  assert.ok(Object.keys(map.cells).length > 150);
  for (const [path, range] of Object.entries(map.cells)) {
    if (printed.has(path)) assert.equal(printed.get(path), range.start.line, path);
  }
  // Table 3's block-style row: cells on their own lines.
  assert.deepEqual(map.cells['依申请公开/上年结转/总计'], r(27, 10, 11));
});

test('map.blocks: the source lines of the title, every paragraph and every printed table row', () => {
  const { blocks } = preview(analyze(small)).map;
  assert.deepEqual(blocks, [
    { line: 3, endLine: 3 }, // 标题
    { line: 5, endLine: 5 }, // 前言, first paragraph
    { line: 7, endLine: 8 }, // 前言, second paragraph over two lines
    { line: 10, endLine: 10 }, // sub-section heading
    { line: 11, endLine: 11 }, // sub-section body
    { line: 13, endLine: 13 }, // 规章
    { line: 14, endLine: 14 }, // 行政许可
    { line: 15, endLine: 15 }, // 行政处罚 (blank)
    { line: 16, endLine: 16 }, // 备注
    { line: 18, endLine: 20 }, // 本年新收, block style
    { line: 21, endLine: 21 }, // 结转下年度 (blank row)
    { line: 24, endLine: 24 }, // 其他事项·正文 (信息处理费 is not printed)
  ]);
});

test('an empty or broken source still previews', () => {
  const empty = preview(analyze(''));
  assert.deepEqual(empty.map, { cells: {}, blocks: [] });
  assert.match(empty.html, /^<article /);
  const broken = preview(analyze('年度: [2023\n'));
  assert.deepEqual(broken.map.cells, {});
  assert.match(broken.html, /^<article /);
});
