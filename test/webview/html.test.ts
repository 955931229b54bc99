/** The webview page shell: strict CSP with a fresh nonce, local resources only, data not code. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPage, contentSecurityPolicy, noticeHtml } from '../../client/src/preview/html';
import type { PageInput } from '../../client/src/preview/html';
import type { InitialData } from '../../client/src/preview/messages';
import { PAGE, styleClass } from '../../client/src/preview/messages';
import { REPORT_CSS } from '../../server/src/engine/render/style';
import { page } from './dom';

const data: InitialData = {
  uri: 'file:///r/a"</script><script>alert(1)</script>.xxgk.yaml',
  locked: false,
  line: 12.5,
  style: 'paper',
  scrollSync: true,
  version: 7,
  map: { cells: { 'a/b': { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } } }, blocks: [{ line: 1, endLine: 2 }] },
};
const input: PageInput = {
  cspSource: 'vscode-webview-resource:',
  nonce: 'abc123+/=',
  scriptUri: 'vscode-webview-resource://ext/media/preview.js',
  styleUri: 'vscode-webview-resource://ext/media/preview.css',
  html: '<article class="xxgk-report"><p data-line="3">正文</p></article>',
  style: 'paper',
  data,
};

test('the CSP: nothing by default, styles and scripts by nonce, images local or data:', () => {
  assert.equal(
    contentSecurityPolicy('SRC', 'N'),
    "default-src 'none'; style-src SRC 'nonce-N'; script-src 'nonce-N'; img-src SRC data:;",
  );
});

test('the page: CSP meta with the nonce, nonce on every script and style, no remote URL', async () => {
  const html = buildPage(input);
  assert.doesNotMatch(html, /https?:\/\//, 'no http(s) URL anywhere');
  assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
  const { document, close } = await page();
  document.documentElement.innerHTML = html.replace(/^<!DOCTYPE html>\n<html lang="zh-CN">\n/, '').replace(/<\/html>\n$/, '');
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
  assert.equal(csp, contentSecurityPolicy(input.cspSource, input.nonce));

  const scripts = Array.from(document.querySelectorAll('script'));
  assert.equal(scripts.length, 1, 'one script: the bundle (the data attribute is not code)');
  assert.equal(scripts[0].getAttribute('nonce'), input.nonce);
  assert.equal(scripts[0].getAttribute('src'), input.scriptUri);
  assert.equal(scripts[0].textContent, '');
  for (const el of Array.from(document.querySelectorAll('style, link[rel="stylesheet"]'))) assert.equal(el.getAttribute('nonce'), input.nonce);
  assert.equal(document.querySelector('link[rel="stylesheet"]')?.getAttribute('href'), input.styleUri);
  // The paper style is the renderer's stylesheet itself, not a copy.
  assert.equal(document.querySelector('style')?.textContent, REPORT_CSS);

  assert.ok(document.body.classList.contains(styleClass('paper')));
  assert.equal(document.getElementById(PAGE.root)?.innerHTML, input.html);
  // The state survives the attribute round trip, markup in it included.
  const state = document.getElementById(PAGE.data)?.getAttribute('data-state');
  assert.deepEqual(JSON.parse(state ?? ''), data);
  await close();
});

test('a new nonce, a new page; notices are text', () => {
  const a = buildPage(input);
  const b = buildPage({ ...input, nonce: 'other' });
  assert.ok(a.includes('nonce-abc123+/=') && a.includes('nonce="abc123+/="'));
  assert.ok(b.includes('nonce-other') && !b.includes('abc123'));
  assert.equal(noticeHtml('<b>x</b> & y'), '<p class="xxgk-notice">&lt;b&gt;x&lt;/b&gt; &amp; y</p>');
  assert.ok(buildPage({ ...input, style: 'theme' }).includes(`<body class="${styleClass('theme')}">`));
});
