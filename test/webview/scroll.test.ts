/** Scroll mapping: source line → scroll top (interpolated between blocks) and back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineMap, domGeometry } from '../../client/src/webview/scroll';
import type { Geometry } from '../../client/src/webview/scroll';
import { page } from './dom';

/** Blocks with their layout: [tag, data-line, top, height]. */
type Block = [string, number, number, number];

async function layout(blocks: Block[], map: { line: number; endLine: number }[] = []) {
  const { root, window, close } = await page(blocks.map(([tag, line], i) => (tag === 'tr' ? `<table><tr data-line="${line}" id="b${i}"><td>x</td></tr></table>` : `<${tag} data-line="${line}" id="b${i}">x</${tag}>`)).join(''));
  const box = new Map<Element, { top: number; height: number }>();
  blocks.forEach(([, , top, height], i) => {
    const el = root.querySelector(`#b${i}`);
    assert.ok(el);
    box.set(el, { top, height });
  });
  const geo: Geometry = { top: (el) => box.get(el)?.top ?? 0, height: (el) => box.get(el)?.height ?? 0 };
  return { lines: new LineMap(root, map), geo, root, window, close };
}

const close = (actual: number | undefined, expected: number, what = '') => {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
};

test('elementsForLine: the block at or before the line and the next one', async () => {
  const t = await layout([['h1', 3, 0, 40], ['p', 5, 50, 20], ['p', 10, 100, 20]]);
  const at = (line: number) => {
    const r = t.lines.elementsForLine(line);
    return [r.previous?.line, r.next?.line];
  };
  assert.deepEqual(at(0), [undefined, 3]);
  assert.deepEqual(at(3), [3, 5]);
  assert.deepEqual(at(7.5), [5, 10]);
  assert.deepEqual(at(10), [10, undefined]);
  assert.deepEqual(at(99), [10, undefined]);
  await t.close();
});

test('line → scrollTop interpolates between two elements with data-line', async () => {
  // p@5: top 100, 20 high (one source line); p@10: top 300.
  const t = await layout([['p', 5, 100, 20], ['p', 10, 300, 40]]);
  close(t.lines.scrollTopForLine(5, t.geo), 100, 'start of the first block');
  close(t.lines.scrollTopForLine(5.5, t.geo), 110, 'halfway into its line');
  close(t.lines.scrollTopForLine(6, t.geo), 120, 'its bottom');
  // Lines 6…10 spread over the gap 120…300.
  close(t.lines.scrollTopForLine(8, t.geo), 120 + (2 / 4) * 180, 'in the gap');
  close(t.lines.scrollTopForLine(10, t.geo), 300, 'the next block');
  close(t.lines.scrollTopForLine(10.25, t.geo), 310, 'inside the last block');
  close(t.lines.scrollTopForLine(50, t.geo), 340, 'past the end: its bottom');
  close(t.lines.scrollTopForLine(2.5, t.geo), 50, 'above the first block: the space above it');
  await t.close();
});

test('a block spanning several source lines (map.blocks endLine) maps them over its height', async () => {
  const t = await layout([['p', 5, 100, 80], ['p', 20, 400, 20]], [{ line: 5, endLine: 8 }, { line: 20, endLine: 20 }]);
  close(t.lines.scrollTopForLine(7, t.geo), 100 + (2 / 4) * 80);
  close(t.lines.scrollTopForLine(9, t.geo), 180);
  close(t.lines.lineAtScrollTop(140, t.geo), 7);
  await t.close();
});

test('scrollTop → line is the inverse', async () => {
  const t = await layout([['h1', 2, 20, 40], ['p', 5, 100, 20], ['h2', 10, 300, 30], ['tr', 10, 330, 20], ['tr', 12, 360, 20]]);
  close(t.lines.lineAtScrollTop(110, t.geo), 5.5);
  close(t.lines.lineAtScrollTop(210, t.geo), 8);
  close(t.lines.lineAtScrollTop(10, t.geo), 1, 'above the first block');
  // The heading and the header row share line 10: one block from 300 to 350.
  close(t.lines.lineAtScrollTop(325, t.geo), 10.5);
  for (const line of [2, 2.5, 4, 5, 5.25, 6, 7.5, 9.9, 10, 10.5, 11, 12, 12.5]) {
    const top = t.lines.scrollTopForLine(line, t.geo);
    assert.ok(top !== undefined);
    close(t.lines.lineAtScrollTop(top, t.geo), line, `round trip of ${line}`);
  }
  await t.close();
});

test('no blocks: nothing to map', async () => {
  const { root, close: done } = await page('<p>no line</p>');
  const lines = new LineMap(root);
  const geo: Geometry = { top: () => 0, height: () => 0 };
  assert.equal(lines.scrollTopForLine(3, geo), undefined);
  assert.equal(lines.lineAtScrollTop(0, geo), undefined);
  await done();
});

test('domGeometry reads the layout in page coordinates', async () => {
  const t = await layout([['p', 1, 0, 0]]);
  const el = t.root.querySelector('p');
  assert.ok(el);
  el.getBoundingClientRect = () => ({ top: 15, height: 30, bottom: 45, left: 0, right: 0, width: 0, x: 0, y: 15, toJSON: () => ({}) }) as DOMRect;
  const geo = domGeometry(t.window as unknown as Window);
  assert.equal(geo.top(el), 15 + t.window.scrollY);
  assert.equal(geo.height(el), 30);
  await t.close();
});
