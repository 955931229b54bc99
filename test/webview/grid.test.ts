/**
 * The preview's tables as spreadsheets (client/src/webview/grid.ts) in happy-dom, on the real
 * rendering of a report: focus moves, editing, blanking, refusals, pasted blocks, the total fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine';
import { preview } from '../../server/src/engine/editor/preview';
import { gridWords } from '../../server/src/engine/i18n/sheet';
import type { CellChange } from '../../server/src/engine/write/tsv';
import { i18n } from '../../server/src/engine/i18n/messages';
import { SheetGrid } from '../../client/src/webview/grid';
import { example } from '../helpers';
import { page } from './dom';

const render = (text: string): string => preview({ text, result: check(text), t: i18n('zh-CN') }).html;
const clean = example('clean-2024.xxgk.yaml');
const R = '依申请公开/本年新收';

async function setup(text = clean) {
  const p = await page(render(text));
  const edits: CellChange[][] = [];
  const fixes: string[] = [];
  const opened: string[] = [];
  const grid = new SheetGrid(p.root, {
    edit: (cells) => edits.push(cells),
    fixTotal: (path) => fixes.push(path),
    open: (path) => opened.push(path),
    idle: () => undefined,
    words: gridWords('zh-CN'),
    locale: 'zh-CN',
  });
  grid.attach();
  const cell = (path: string) => p.root.querySelector(`td[data-cell="${path}"]`) as HTMLElement;
  const active = () => p.document.activeElement as HTMLElement | null;
  const activePath = () => active()?.closest('td')?.getAttribute('data-cell');
  const key = (k: string, init: KeyboardEventInit = {}) => {
    const KeyboardEvent = p.window.KeyboardEvent as unknown as typeof globalThis.KeyboardEvent;
    active()?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }));
  };
  const input = () => p.root.querySelector('input.xxgk-cell-input') as HTMLInputElement | null;
  return { ...p, grid, edits, fixes, opened, cell, active, activePath, key, input };
}

test('ARIA: tables are grids, number cells focusable gridcells, labels read-only headers', async () => {
  const w = await setup();
  const grids = w.root.querySelectorAll('table[role="grid"]');
  assert.ok(grids.length >= 3, 'tables 2 (several), 3 and 4');
  assert.equal(w.cell(`${R}/自然人`).getAttribute('role'), 'gridcell');
  assert.equal(w.cell(`${R}/自然人`).getAttribute('tabindex'), '-1');
  const headers = w.root.querySelectorAll('th');
  assert.ok(headers.length > 0 && Array.from(headers).every((h) => h.getAttribute('aria-readonly') === 'true' && /header$/.test(h.getAttribute('role') ?? '')));
  assert.ok(Array.from(w.root.querySelectorAll('tr')).every((tr) => tr.getAttribute('role') === 'row'));
  await w.close();
});

test('keys move like a spreadsheet: arrows, Tab across rows, Home/End; the grid edge stops them', async () => {
  const w = await setup();
  w.cell(`${R}/自然人`).focus();
  w.key('ArrowRight');
  assert.equal(w.activePath(), `${R}/商业企业`);
  w.key('ArrowDown');
  assert.equal(w.activePath(), '依申请公开/上年结转/商业企业');
  w.key('ArrowUp');
  w.key('ArrowLeft');
  w.key('ArrowLeft'); // first column: stays
  assert.equal(w.activePath(), `${R}/自然人`);
  w.key('End');
  assert.equal(w.activePath(), `${R}/总计`);
  w.key('Tab');
  assert.equal(w.activePath(), '依申请公开/上年结转/自然人', 'Tab at the end of a row goes to the next row');
  w.key('Tab', { shiftKey: true });
  assert.equal(w.activePath(), `${R}/总计`);
  w.key('Home');
  assert.equal(w.activePath(), `${R}/自然人`);
  await w.close();
});

test('typing starts an edit; Enter writes it and moves down; Esc cancels; F2 edits the value', async () => {
  const w = await setup();
  const start = w.cell(`${R}/自然人`);
  const before = start.textContent;
  start.focus();
  w.key('7');
  assert.equal(w.input()?.value, '7');
  w.input()!.value = '72';
  w.key('Enter');
  assert.deepEqual(w.edits, [[{ path: `${R}/自然人`, value: 72 }]]);
  assert.equal(start.textContent, '72', 'shown until the server renders');
  assert.ok(start.classList.contains('pending'));
  assert.equal(w.activePath(), '依申请公开/上年结转/自然人');

  const written = w.cell('依申请公开/上年结转/自然人').textContent;
  w.key('F2');
  assert.equal(w.input()?.value, written, 'F2 starts from the value');
  w.input()!.value = '999';
  w.key('Escape');
  assert.equal(w.input(), null);
  assert.equal(w.edits.length, 1, 'Esc wrote nothing');
  assert.equal(w.activePath(), '依申请公开/上年结转/自然人');
  assert.notEqual(before, '72');
  await w.close();
});

test('a non-number is refused in the cell and nothing is written; full-width digits are numbers', async () => {
  const w = await setup();
  w.cell(`${R}/其他`).focus();
  w.key('a');
  w.input()!.value = '五';
  w.key('Enter');
  assert.equal(w.edits.length, 0);
  assert.ok(w.input(), 'still editing');
  assert.match(w.cell(`${R}/其他`).querySelector('.xxgk-cell-message')?.textContent ?? '', /不是数字/);
  assert.equal(w.cell(`${R}/其他`).querySelector('.xxgk-cell-message')?.getAttribute('role'), 'alert');
  w.input()!.value = '１２';
  w.key('Tab');
  assert.deepEqual(w.edits, [[{ path: `${R}/其他`, value: 12 }]]);
  assert.equal(w.activePath(), `${R}/总计`);
  w.grid.dispose();
  await w.close();
});

test('Delete blanks a cell; Ctrl+Enter opens the source', async () => {
  const w = await setup();
  w.cell(`${R}/自然人`).focus();
  w.key('Delete');
  assert.deepEqual(w.edits, [[{ path: `${R}/自然人`, value: null }]]);
  w.key('Enter', { ctrlKey: true });
  assert.deepEqual(w.opened, [`${R}/自然人`]);
  assert.equal(w.input(), null);
  await w.close();
});

test('a pasted block fills right and down from the cell; one that does not fit changes nothing', async () => {
  const w = await setup();
  const start = w.cell(`${R}/社会公益组织`) as HTMLTableCellElement;
  assert.ok(w.grid.pasteBlock(start, '1\t2\r\n3\t—\r\n'));
  assert.deepEqual(w.edits, [
    [
      { path: `${R}/社会公益组织`, value: 1 },
      { path: `${R}/法律服务机构`, value: 2 },
      { path: '依申请公开/上年结转/社会公益组织', value: 3 },
      { path: '依申请公开/上年结转/法律服务机构', value: null },
    ],
  ]);
  assert.equal(w.grid.pasteBlock(start, '1\t2\t3\t4\t5'), false, 'five cells from the fourth of seven columns');
  assert.equal(w.edits.length, 1);
  assert.match(start.querySelector('.xxgk-cell-message')?.textContent ?? '', /只有 4 个/);
  w.grid.dispose();
  await w.close();
});

test('a wrong total shows the computed value beside it; Ctrl+. and a click run the fix', async () => {
  const w = await setup(clean.replace('予以公开: {自然人: 23,', '予以公开: {自然人: 24,'));
  const total = w.cell('依申请公开/办理结果/予以公开/总计');
  const beside = total.querySelector('.xxgk-should-be');
  assert.ok(beside, 'the computed value is shown');
  assert.equal(beside.getAttribute('data-computed'), String(Number(total.firstChild?.nodeValue) + 1));
  total.focus();
  w.key('.', { ctrlKey: true });
  (beside as HTMLElement).click();
  assert.deepEqual(w.fixes, ['依申请公开/办理结果/予以公开/总计', '依申请公开/办理结果/予以公开/总计']);
  // Editing such a cell starts from the written value, not the hint.
  const written = total.firstChild?.nodeValue;
  w.key('F2');
  assert.equal(w.input()?.value, written);
  assert.ok(!w.input()?.value.includes('≠'));
  await w.close();
});

test('Enter on the last row writes the cell and keeps the focus on it', async () => {
  const w = await setup();
  const last = '复议诉讼/行政诉讼/复议后起诉/总计';
  w.cell(last).focus();
  w.key('4');
  w.key('Enter');
  assert.deepEqual(w.edits, [[{ path: last, value: 4 }]]);
  assert.equal(w.activePath(), last);
  await w.close();
});
