import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine/check';
import type { FormatDef, GroupNode, Node, RowNode } from '../../server/src/engine/format';
import { format2021 } from '../../server/src/engine/format/format2021';
import { common, requestRow } from '../../server/src/engine/format/shared';
import { renderBody, renderPage } from '../../server/src/engine/render/html';
import { $$, all, hasClass, parse, span } from './dom';
import type { El } from './dom';

const read = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../test/render/fixtures', name), 'utf8');
const full = check(read('full.xxgk.yaml'));
const sparse = check(read('sparse.xxgk.yaml'));
const fullDoc = parse(renderBody(full.report, { diagnostics: full.diagnostics }));

const table = (doc: El, kind: string): El => {
  const found = $$(doc, `table.${kind}`);
  assert.ok(found.length > 0, `no ${kind} table`);
  return found[0];
};
/** Body rows that carry numeric cells. */
const numericRows = (t: El) => $$(t, 'tr').filter((tr) => tr.children.some((c) => c.name === 'td'));
const tds = (tr: El) => tr.children.filter((c) => c.name === 'td');
const th = (doc: El, text: string): El => {
  const found = $$(doc, 'th').filter((e) => e.text === text);
  assert.equal(found.length, 1, `one <th> ${text}, found ${found.length}`);
  return found[0];
};
const cell = (doc: El, p: string): El => {
  const found = all(doc, (e) => e.attrs['data-cell'] === p);
  assert.equal(found.length, 1, `one cell ${p}`);
  return found[0];
};

test('six official section titles as <h2>, in definition order, after the title and 前言', () => {
  assert.deepEqual(
    $$(fullDoc, 'h2').map((h) => h.text),
    ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'],
  );
  const [h1] = $$(fullDoc, 'h1');
  assert.equal(h1.text, '测试县测试局2024年政府信息公开工作年度报告');
  const preface = $$(fullDoc, 'p.preface');
  assert.equal(preface.length, 1);
  assert.equal(preface[0].attrs['data-line'], '4');
});

test('table 3: corner, header groups, 25 numeric rows of 7 cells, row-span labels', () => {
  const t = table(fullDoc, 'matrix');
  const corner = th(t, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  assert.equal(span(corner, 'rowspan'), 3);
  assert.equal(span(corner, 'colspan'), 3);
  assert.equal(span(th(t, '申请人情况'), 'colspan'), 7);
  assert.equal(span(th(t, '法人或其他组织'), 'colspan'), 5);
  assert.equal(span(th(t, '自然人'), 'rowspan'), 2);
  assert.equal(span(th(t, '总计'), 'rowspan'), 2);
  const rows = numericRows(t);
  assert.equal(rows.length, 25);
  for (const tr of rows) assert.equal(tds(tr).length, 7);
  assert.equal(span(th(t, '三、本年度办理结果'), 'rowspan'), 22);
  assert.equal(span(th(t, '（三）不予公开'), 'rowspan'), 8);
  assert.equal(span(th(t, '（六）其他处理'), 'rowspan'), 3);
  assert.equal(span(th(t, '一、本年新收政府信息公开申请数量'), 'colspan'), 3);
  assert.equal(span(th(t, '（一）予以公开'), 'colspan'), 2);
  assert.equal(span(th(t, '（七）总计'), 'colspan'), 2);
  assert.equal(span(th(t, '1.属于国家秘密'), 'colspan'), 1);
  // Every row is 3 label columns + 7 numbers wide once the row spans above it are counted.
  const widths = rowWidths(t);
  assert.ok(widths.every((w) => w === 10), `row widths ${widths}`);
});

/** Grid width of each row, honouring rowspans from rows above (checks the table is rectangular). */
function rowWidths(t: El): number[] {
  const carried: number[] = [];
  return $$(t, 'tr').map((tr, i) => {
    const cells = tr.children.filter((c) => c.name === 'th' || c.name === 'td');
    let width = carried[i] ?? 0;
    for (const c of cells) {
      const w = span(c, 'colspan');
      width += w;
      for (let k = 1; k < span(c, 'rowspan'); k++) carried[i + k] = (carried[i + k] ?? 0) + w;
    }
    return width;
  });
}

test('table 4: header built from the group tree, one data row of 15 cells', () => {
  const t = table(fullDoc, 'wide');
  assert.equal(span(th(t, '行政复议'), 'colspan'), 5);
  assert.equal(span(th(t, '行政诉讼'), 'colspan'), 10);
  assert.equal(span(th(t, '未经复议直接起诉'), 'colspan'), 5);
  assert.equal(span(th(t, '复议后起诉'), 'colspan'), 5);
  const headRows = $$(t, 'thead')[0].children;
  assert.equal(headRows.length, 3);
  assert.deepEqual(headRows[1].children.slice(0, 5).map((c) => [c.text, span(c, 'rowspan')]), [
    ['结果维持', 2], ['结果纠正', 2], ['其他结果', 2], ['尚未审结', 2], ['总计', 2],
  ]);
  assert.equal(headRows[2].children.length, 10);
  const rows = numericRows(t);
  assert.equal(rows.length, 1);
  assert.equal(tds(rows[0]).length, 15);
  assert.ok(rowWidths(t).every((w) => w === 15));
});

test('table 2: captioned blocks with caption, header and item rows', () => {
  const blocks = $$(fullDoc, 'table.captioned');
  assert.deepEqual(blocks.map((b) => $$(b, 'th.caption')[0].text), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
  const [first, , , last] = blocks;
  assert.equal(span($$(first, 'th.caption')[0], 'colspan'), 4);
  assert.deepEqual($$(first, 'tr')[1].children.map((c) => c.text), ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
  assert.deepEqual($$(last, 'tr')[1].children.map((c) => c.text), ['信息内容', '本年收费金额（单位：万元）']);
  assert.deepEqual(numericRows(first).map((r) => r.children.map((c) => c.text)), [['规章', '0', '0', '0'], ['行政规范性文件', '2', '1', '10']]);
  assert.equal(cell(fullDoc, '主动公开/行政事业性收费').text, '125.36');
});

test('prose is escaped text everywhere: no <script> survives', () => {
  const html = renderPage(full.report, { diagnostics: full.diagnostics });
  assert.ok(!/<script/i.test(html), 'no script tag');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&amp; &quot;双引号&quot; &#39;single&#39; &lt;b&gt;不是粗体&lt;/b&gt;'));
  const h2 = $$(fullDoc, 'section').find((s) => s.attrs['data-part'] === '总体情况');
  assert.ok(h2);
  assert.deepEqual($$(h2, 'p').map((p) => p.text), ['2024年，本局主动公开政府信息120条。<script>alert(1)</script>', '第二段 & "双引号" \'single\' <b>不是粗体</b>。']);
});

test('a standalone page: doctype, charset, lang, inline style, no scripts or remote resources', () => {
  const html = renderPage(full.report, { title: 'A <title> & more' });
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.ok(html.includes('<meta charset="utf-8">'));
  assert.ok(html.includes('<html lang="zh-CN">'));
  assert.ok(html.includes('<title>A &lt;title&gt; &amp; more</title>'));
  assert.ok(html.includes('@media print'));
  assert.ok(!/<script|<link|\bsrc=|https?:\/\/|@import|url\(/i.test(html));
  assert.equal($$(parse(html), 'article.xxgk-report').length, 1);
});

test('data-line points at the source of paragraphs, headings and cells', () => {
  const paras = $$(fullDoc, 'p').filter((p) => p.text.startsWith('第二段'));
  assert.equal(paras[0].attrs['data-line'], '8');
  const headings = $$(fullDoc, 'h3');
  assert.deepEqual(headings.map((h) => [h.text, h.attrs['data-line']]), [['（1）培训不足', '53'], ['（二）解读形式单一', '55']]);
  assert.equal(cell(fullDoc, '依申请公开/本年新收/商业企业').attrs['data-line'], '17');
  assert.equal(cell(fullDoc, '主动公开/行政许可').attrs['data-line'], '12');
  for (const el of [...$$(fullDoc, 'p'), ...$$(fullDoc, 'h1'), ...$$(fullDoc, 'h2'), ...$$(fullDoc, 'h3'), ...$$(fullDoc, 'tr'), ...$$(fullDoc, 'td')]) {
    assert.match(el.attrs['data-line'] ?? '', /^\d+$/, `${el.name} ${el.text.slice(0, 20)} has data-line`);
  }
});

test('cell states: blank, computed, number, invalid, missing', () => {
  const blank = cell(fullDoc, '主动公开/行政强制');
  assert.ok(hasClass(blank, 'blank'));
  assert.equal(blank.text, '');
  assert.equal(blank.attrs['data-line'], '14');
  const computed = cell(fullDoc, '依申请公开/办理结果/予以公开/总计');
  assert.ok(hasClass(computed, 'computed'));
  assert.equal(computed.text, '4');
  assert.match(computed.attrs.title, /自动计算/);
  assert.equal(computed.attrs['data-line'], '20');
  const written = cell(fullDoc, '依申请公开/本年新收/总计');
  assert.equal(written.text, '6');
  assert.ok(!hasClass(written, 'computed') && !hasClass(written, 'blank'));

  const doc = parse(renderBody(sparse.report));
  const invalid = cell(doc, '主动公开/行政强制');
  assert.ok(hasClass(invalid, 'invalid'));
  assert.equal(invalid.text, '三');
  const missing = cell(doc, '复议诉讼/行政诉讼/复议后起诉/结果维持');
  assert.ok(hasClass(missing, 'missing'));
  assert.equal(missing.text, '');
});

test('absent parts and rows still print, with the complete layout', () => {
  const doc = parse(renderBody(sparse.report));
  assert.equal($$(doc, 'h2').length, 6);
  const t3 = numericRows(table(doc, 'matrix'));
  assert.equal(t3.length, 25);
  assert.ok(t3.every((tr) => tds(tr).length === 7));
  // An absent row prints empty cells; its 总计 is still the (computed) sum, as the engine reports it.
  const absentRow = tds(t3[t3.length - 1]);
  assert.ok(absentRow.slice(0, 6).every((td) => hasClass(td, 'missing') && td.text === ''));
  assert.ok(hasClass(absentRow[6], 'computed'));
  assert.equal(tds(numericRows(table(doc, 'wide'))[0]).length, 15);
  assert.equal($$(doc, 'table.captioned').length, 4);
  const missingSection = $$(doc, 'section').find((s) => s.attrs['data-part'] === '问题与改进');
  assert.ok(missingSection && hasClass(missingSection, 'missing'));
});

test('diagnostics mark cells (most severe wins) and paragraphs', () => {
  const doc = parse(renderBody(sparse.report, { diagnostics: sparse.diagnostics }));
  const total = cell(doc, '依申请公开/本年新收/总计');
  assert.ok(hasClass(total, 'has-error'));
  assert.match(total.attrs['data-diagnostics'], /本年新收·总计/);
  assert.match(total.attrs.title, /本年新收·总计/);
  assert.ok(hasClass(cell(doc, '主动公开/行政强制'), 'has-error'));
  // A missing row's warning reaches each of its cells.
  const carried = cell(doc, '依申请公开/上年结转/自然人');
  assert.ok(hasClass(carried, 'has-warning') && hasClass(carried, 'missing'));
  assert.ok(!hasClass(cell(doc, '依申请公开/本年新收/自然人'), 'has-error'));
  const para = $$(doc, 'p').find((p) => p.text.includes('XX'));
  assert.ok(para && hasClass(para, 'has-warning'));
  assert.ok(!$$(parse(renderBody(sparse.report)), 'td').some((td) => /has-/.test(td.attrs.class ?? '')));
  // Without diagnostics nothing is marked; the English hover word is English only.
  const en = parse(renderBody(full.report, { locale: 'en' }));
  assert.match(cell(en, '依申请公开/办理结果/予以公开/总计').attrs.title, /^computed/);
  assert.doesNotMatch(cell(en, '依申请公开/办理结果/予以公开/总计').attrs.title, /[\u3400-\u9fff]/);
});

test('（六）其他处理 as a single row (2019 layout) comes out right with the same code', () => {
  const single = requestRow('其他处理', '（六）其他处理', '其他处理');
  const def: FormatDef = { ...format2021, id: 'single-row', parts: format2021.parts.map((p) => (p.node.key === '依申请公开' ? common.requests(single) : p)) };
  const doc = parse(renderBody({ ...full.report, format: def }));
  const t = table(doc, 'matrix');
  assert.equal(numericRows(t).length, 23);
  assert.equal(span(th(t, '三、本年度办理结果'), 'rowspan'), 20);
  assert.equal(span(th(t, '（六）其他处理'), 'colspan'), 2);
  assert.equal(span(th(t, '（六）其他处理'), 'rowspan'), 1);
  assert.ok(rowWidths(t).every((w) => w === 10));
  assert.ok(hasClass(cell(doc, '依申请公开/办理结果/其他处理/自然人'), 'missing'));
});

test('a different definition renders its own labels and shapes, no renderer change', () => {
  const def = structuredClone(format2021) as FormatDef;
  const part = (key: string) => def.parts.find((p) => p.node.key === key)!;
  part('总体情况').node.label = '甲、概况';
  const active = part('主动公开');
  if (active.layout?.kind === 'captioned') active.layout.blocks[0].caption = '第一条';
  const requests = part('依申请公开');
  if (requests.layout?.kind === 'matrix') requests.layout.corner = '角';
  const groups = (n: Node): Node[] => (n.kind === 'group' ? n.children : n.kind === 'row' ? n.cells : []);
  const visit = (n: Node): void => {
    if (n.kind === 'cell' && n.group) n.group = '组织';
    groups(n).forEach(visit);
  };
  visit(requests.node);
  const appeals = part('复议诉讼').node as GroupNode;
  const litigation = appeals.children[1] as GroupNode;
  litigation.label = '诉讼';
  litigation.children.push({ ...(litigation.children[0] as RowNode), key: '再审', label: '再审' });

  const doc = parse(renderBody({ ...full.report, format: def }));
  assert.equal($$(doc, 'h2')[0].text, '甲、概况');
  assert.equal($$(doc, 'th.caption')[0].text, '第一条');
  const t3 = table(doc, 'matrix');
  assert.equal(span(th(t3, '角'), 'rowspan'), 3);
  assert.equal(span(th(t3, '组织'), 'colspan'), 5);
  const t4 = table(doc, 'wide');
  assert.equal(span(th(t4, '诉讼'), 'colspan'), 15);
  assert.equal(span(th(t4, '再审'), 'colspan'), 5);
  assert.equal(tds(numericRows(t4)[0]).length, 20);
  assert.ok(rowWidths(t4).every((w) => w === 20));
});

test('the published page (renderPage) has no review marks; the preview (renderBody) keeps them', () => {
  const source = fs.readFileSync(path.resolve(__dirname, '../../../test/cli/fixtures/wrong-total.xxgk.yaml'), 'utf8');
  // A wrong total, a blank cell and an omitted (computed) total.
  const text = source.replace(/(  本年新收: \{自然人: )\d+/, '$1').replace(/(  上年结转: \{[^}]*?), 总计: \d+\}/, '$1}');
  assert.notEqual(text, source);
  const result = check(text);
  for (const code of ['blank-cell', 'row-total']) assert.ok(result.diagnostics.some((d) => d.code === code), code);
  assert.equal(result.report.cells.get('依申请公开/上年结转/总计')?.state, 'computed');
  const page = parse(renderPage(result.report, { diagnostics: result.diagnostics, locale: 'en' }));
  const marked = all(page, (e) => e.attrs.title !== undefined || e.attrs['data-diagnostics'] !== undefined);
  assert.deepEqual(marked.map((e) => e.name), [], 'no tooltips or diagnostics');
  const classed = $$(page, 'td').filter((td) => td.attrs.class !== 'num');
  assert.deepEqual(classed.map((td) => td.attrs.class), [], 'no state or severity classes on cells');
  const total = $$(page, 'tr').find((tr) => tr.children.some((c) => c.text.includes('上年结转')));
  assert.ok(total);
  assert.match(total.children[total.children.length - 1].text, /^\d+$/, 'a computed total prints as a plain number');
  // The preview of the same report marks the error, the blank and the computed total.
  const preview = parse(renderBody(result.report, { diagnostics: result.diagnostics, locale: 'en' }));
  assert.ok($$(preview, 'td').some((td) => hasClass(td, 'computed')));
  assert.ok($$(preview, 'td').some((td) => hasClass(td, 'blank')));
  assert.ok(all(preview, (e) => (e.attrs['data-diagnostics'] ?? '') !== '').length > 0);
});

test('every table sits in its own horizontal scroller, so a narrow pane never scrolls the page sideways', () => {
  const tables = $$(fullDoc, 'table');
  assert.ok(tables.length >= 4);
  const scrollers = $$(fullDoc, 'div.xxgk-table-scroll');
  assert.equal(scrollers.length, tables.length);
  for (const s of scrollers) assert.deepEqual(s.children.map((c) => c.name), ['table']);
});
