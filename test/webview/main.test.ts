/**
 * The webview entry, end to end in happy-dom: main.ts bundled in memory with esbuild (as for
 * media/preview.js), run in a page from buildPage, with a fake acquireVsCodeApi.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { buildPage } from '../../client/src/preview/html';
import type { FromWebview, InitialData, PreviewState, ToWebview } from '../../client/src/preview/messages';
import { PAGE, styleClass } from '../../client/src/preview/messages';
import { root } from '../helpers';

const bundle = (): string =>
  buildSync({ entryPoints: [path.join(root, 'client', 'src', 'webview', 'main.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022' })
    .outputFiles[0].text;

const data: InitialData = {
  uri: 'file:///r/a.xxgk.yaml',
  locked: false,
  version: 1,
  style: 'paper',
  scrollSync: true,
  map: { cells: { 'c/d': { start: { line: 6, character: 4 }, end: { line: 6, character: 5 } } }, blocks: [] },
};
const report = '<article class="xxgk-report"><p data-line="3">甲</p><table><tbody><tr data-line="5"><td data-cell="c/d" data-line="6">1</td><td data-cell="c/e" data-line="5"></td></tr></tbody></table></article>';

async function start(html = report) {
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'https://localhost/', settings: { disableJavaScriptEvaluation: false } });
  const posted: FromWebview[] = [];
  const saved: { state?: PreviewState } = {};
  Object.assign(window, {
    acquireVsCodeApi: () => ({ postMessage: (m: FromWebview) => posted.push(m), getState: () => saved.state, setState: (s: PreviewState) => (saved.state = s) }),
  });
  const page = buildPage({ cspSource: 'x', nonce: 'n', scriptUri: 'about:blank', styleUri: 'about:blank', html, style: 'paper', data });
  // The bundle is evaluated directly (happy-dom would try to fetch the script's src).
  window.document.write(page.replace(/<script[^>]*><\/script>/, ''));
  (window as unknown as { eval(code: string): unknown }).eval(bundle());
  const send = (message: ToWebview) => window.dispatchEvent(new window.MessageEvent('message', { data: message }));
  const dblclick = (selector: string) => window.document.querySelector(selector)?.dispatchEvent(new window.MouseEvent('dblclick', { bubbles: true }));
  // Objects made inside the page's realm: compare them as plain JSON.
  const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return { window, document: window.document, posted: () => plain(posted), state: () => plain(saved.state), send, dblclick };
}

test('starts: says ready with its version and saves its state', async () => {
  const w = await start();
  assert.deepEqual(w.posted(), [{ type: 'ready', version: 1 }]);
  assert.deepEqual(w.state(), { uri: data.uri, locked: false });
  await w.window.happyDOM.close();
});

test('double-click: a written cell opens its value range, anything else its data-line', async () => {
  const w = await start();
  w.dblclick('td[data-cell="c/d"]');
  w.dblclick('td[data-cell="c/e"]'); // not in map.cells (missing): its line
  w.dblclick('p');
  assert.deepEqual(w.posted().slice(1), [
    { type: 'open', line: 6, character: 4 },
    { type: 'open', line: 5 },
    { type: 'open', line: 3 },
  ]);
  await w.window.happyDOM.close();
});

test('messages: update patches in place, settings restyle, lock is saved, stale updates are dropped', async () => {
  const w = await start();
  const p = w.document.querySelector('p');
  w.send({ type: 'update', html: report.replace('>1<', '>2<'), version: 2, map: data.map });
  assert.equal(w.document.querySelector('td')?.textContent, '2');
  assert.equal(w.document.querySelector('p'), p, 'unchanged paragraph kept');
  w.send({ type: 'update', html: '<p>old</p>', version: 1, map: data.map });
  assert.equal(w.document.querySelector('td')?.textContent, '2', 'older version ignored');

  assert.ok(w.document.body.classList.contains(styleClass('paper')));
  w.send({ type: 'settings', settings: { style: 'theme', scrollSync: false } });
  assert.ok(w.document.body.classList.contains(styleClass('theme')));
  assert.ok(!w.document.body.classList.contains(styleClass('paper')));

  w.send({ type: 'locked', locked: true });
  assert.equal(w.state()?.locked, true);
  assert.ok(w.document.getElementById(PAGE.root));
  await w.window.happyDOM.close();
});

test('grid: double-click on a grid cell edits it in place; Enter posts the cell; an update waits for the edit to close', async () => {
  const w = await start(
    '<article class="xxgk-report"><table role="grid" tabindex="0" data-part="c"><tbody><tr role="row" data-line="5"><td role="gridcell" tabindex="-1" data-cell="c/d" data-line="6">1</td><td role="gridcell" tabindex="-1" data-cell="c/e" data-line="6">2</td></tr></tbody></table></article>',
  );
  w.dblclick('td[data-cell="c/d"]');
  const input = w.document.querySelector('input.xxgk-cell-input') as unknown as HTMLInputElement | null;
  assert.ok(input, 'an input in the cell');
  assert.equal(input.value, '1');
  assert.deepEqual(w.posted().slice(1), [], 'no jump to the source');
  // An update while editing is held back: the input stays.
  w.send({ type: 'update', html: '<article class="xxgk-report"><p>changed</p></article>', version: 2, map: data.map });
  assert.ok(w.document.querySelector('input.xxgk-cell-input'));
  input.value = '9';
  const KeyboardEvent = w.window.KeyboardEvent as unknown as typeof globalThis.KeyboardEvent;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  assert.deepEqual(w.posted().slice(1), [{ type: 'editCells', cells: [{ path: 'c/d', value: 9 }] }]);
  assert.equal(w.document.querySelector('input.xxgk-cell-input'), null);
  assert.equal(w.document.querySelector('p')?.textContent, 'changed', 'the held update applied once the edit closed');
  await w.window.happyDOM.close();
});
