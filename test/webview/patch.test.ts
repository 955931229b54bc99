/** DOM patching: the live tree ends equal to the new HTML and keeps the nodes that did not change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { preview } from '../../server/src/engine/editor/preview';
import { i18n } from '../../server/src/engine/i18n/messages';
import { patch } from '../../client/src/webview/patch';
import { example } from '../helpers';
import { assertTree, page } from './dom';

const render = (text: string): string => preview({ text, result: check(text), t: i18n('zh-CN') }).html;

const clean = example('clean-2024.xxgk.yaml');
/** 予以公开·自然人 23 → 24: that cell changes, and two totals elsewhere turn into errors. */
const edited = clean.replace('予以公开: {自然人: 23,', '予以公开: {自然人: 24,');

const CHANGED = '依申请公开/办理结果/予以公开/自然人';
const UNCHANGED = '主动公开/行政许可';

test('a changed cell gets the new text; an unchanged <td> and <p> stay the same objects', async () => {
  assert.notEqual(edited, clean);
  const { root, close } = await page(render(clean));
  const cell = (path: string) => root.querySelector(`td[data-cell="${path}"]`);
  const changed = cell(CHANGED);
  const unchanged = cell(UNCHANGED);
  const paragraph = root.querySelector('p[data-path="前言"]');
  const heading = root.querySelector('h1');
  assert.ok(changed && unchanged && paragraph && heading);
  assert.equal(changed.textContent, '23');

  const next = render(edited);
  const stats = patch(root, next);

  assert.equal(cell(CHANGED), changed, 'the changed cell is updated in place');
  assert.equal(changed.textContent, '24');
  assert.equal(cell(UNCHANGED), unchanged);
  assert.equal(root.querySelector('p[data-path="前言"]'), paragraph);
  assert.equal(root.querySelector('h1'), heading);
  assert.ok(root.querySelectorAll('.has-error').length > 0, 'the new diagnostics are marked');
  // Only the computed values now shown beside the two wrong totals are new nodes.
  assert.equal(root.querySelectorAll('.xxgk-should-be').length, 2);
  assert.equal(stats.inserted, 2);
  assert.equal(stats.removed, 0);
  assertTree(root, next);
  await close();
});

test('a line inserted above shifts every data-line: attributes change, nodes stay', async () => {
  const { root, close } = await page(render(clean));
  const before = Array.from(root.querySelectorAll('*'));
  const shifted = render('# 一行注释\n' + clean);
  const stats = patch(root, shifted);
  const after = Array.from(root.querySelectorAll('*'));
  assert.equal(after.length, before.length);
  after.forEach((el, i) => assert.equal(el, before[i]));
  assert.equal(stats.inserted + stats.removed, 0);
  assert.ok(stats.updated > 100, `${stats.updated} attributes rewritten`);
  assertTree(root, shifted);
  await close();
});

test('a sub-section inserted in the middle of 总体情况: its neighbours stay', async () => {
  const { root, close } = await page(render(clean));
  const section = root.querySelector('section[data-part="总体情况"]');
  assert.ok(section);
  const kids = Array.from(section.children);
  const first = kids[1]; // （一） heading
  const last = kids[kids.length - 1];
  const at = clean.indexOf('  - 标题: 政府信息管理');
  assert.ok(at > 0);
  const inserted = clean.slice(0, at) + '  - 标题: 新增的一节\n    正文: 新增的一段。\n' + clean.slice(at);
  const next = render(inserted);
  const stats = patch(root, next);
  assertTree(root, next);
  assert.equal(section.children[1], first);
  assert.equal(section.children[section.children.length - 1], last);
  assert.ok(stats.inserted <= 2, `inserted ${stats.inserted}`);
  await close();
});

test('a paragraph split in two: the first half keeps its <p>, its neighbours stay', async () => {
  const para = (line: number, text: string) => `<p data-line="${line}" data-path="x">${text}</p>`;
  const { root, close } = await page(`<h3 data-line="9">（一）标题</h3>${para(11, '甲。乙。')}${para(13, '丙。')}<p data-line="14">丁。</p>`);
  const [h3, p1, p2, p3] = Array.from(root.children);
  const next = `<h3 data-line="9">（一）标题</h3>${para(11, '甲。')}${para(13, '乙。')}${para(15, '丙。')}<p data-line="16">丁。</p>`;
  const stats = patch(root, next);
  assertTree(root, next);
  const after = Array.from(root.children);
  assert.equal(after[0], h3);
  assert.equal(after[1], p1, 'edited on its line');
  assert.equal(after[3], p2, 'moved down, same text');
  assert.equal(after[4], p3);
  assert.equal(stats.inserted, 1);
  await close();
});

test('rows removed and inserted: the other rows keep their identity', async () => {
  const row = (key: string, value: string, line: number) =>
    `<tr data-line="${line}"><th class="label">${key}</th><td data-cell="t/${key}" data-line="${line}">${value}</td></tr>`;
  const table = (rows: string[]) => `<table class="xxgk-table" data-part="t"><tbody>${rows.join('')}</tbody></table>`;
  const { root, close } = await page(table([row('a', '1', 1), row('b', '2', 2), row('c', '3', 3), row('d', '4', 4)]));
  const rowOf = (key: string) => root.querySelector(`td[data-cell="t/${key}"]`)?.parentElement;
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(rowOf);

  // b removed, x inserted after c, d moved to the front (and its value changed).
  const next = table([row('d', '40', 1), row('a', '1', 2), row('c', '3', 3), row('x', '9', 4)]);
  const stats = patch(root, next);
  assertTree(root, next);
  assert.equal(rowOf('a'), a);
  assert.equal(rowOf('c'), c);
  assert.equal(rowOf('d'), d);
  assert.equal(rowOf('d')?.textContent, 'd40');
  assert.equal(rowOf('b'), undefined);
  assert.ok(b && !b.isConnected, 'the removed row left the document');
  assert.equal(stats.removed, 1);
  assert.equal(stats.inserted, 1);

  // All rows gone, then back.
  patch(root, table([]));
  assert.equal(root.querySelectorAll('tr').length, 0);
  patch(root, next);
  assertTree(root, next);
  await close();
});

test('text, <br> and attribute-only changes inside a paragraph', async () => {
  const { root, close } = await page('<p data-line="1" class="a">one<br>two</p><p data-line="3">same</p>');
  const [p1, p2] = Array.from(root.querySelectorAll('p'));
  const next = '<p data-line="1" class="b has-error" title="x">one<br>three<br>four</p><p data-line="3">same</p>';
  patch(root, next);
  assertTree(root, next);
  const [q1, q2] = Array.from(root.querySelectorAll('p'));
  assert.equal(q1, p1);
  assert.equal(q2, p2);
  patch(root, '');
  assert.equal(root.innerHTML, '');
  await close();
});

test('patching is idempotent and converges from any earlier state', async () => {
  const versions = [
    clean,
    edited,
    '# 注释\n' + edited,
    clean.replace('政府信息公开工作年度报告\n', '政府信息公开工作年度报告（修订）\n'),
    clean.replace(/^主动公开:[\s\S]*?(?=^依申请公开:)/m, ''), // a whole part removed: it prints as missing
    clean,
  ].map(render);
  const { root, close } = await page(versions[0]);
  for (const html of versions) {
    patch(root, html);
    assertTree(root, html);
    const again = patch(root, html);
    assert.deepEqual(again, { inserted: 0, removed: 0, updated: 0 });
  }
  await close();
});
