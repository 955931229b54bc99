/** Diagnostics in the preview: marked cells show their messages in a tooltip on hover. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { preview } from '../../server/src/engine/editor/preview';
import { i18n } from '../../server/src/engine/i18n/messages';
import { DiagnosticTooltip, diagnosticsOf, severityOf } from '../../client/src/webview/highlight';
import { patch } from '../../client/src/webview/patch';
import { example } from '../helpers';
import { page } from './dom';

const render = (text: string): string => preview({ text, result: check(text), t: i18n('zh-CN') }).html;
const clean = example('clean-2024.xxgk.yaml');
const broken = clean.replace('予以公开: {自然人: 23,', '予以公开: {自然人: 24,');

function hover(el: Element, type: 'mouseover' | 'mouseout', window: { MouseEvent: unknown }, relatedTarget: Element | null = null): void {
  // happy-dom's MouseEvent, typed as the DOM's.
  const Mouse = window.MouseEvent as typeof MouseEvent;
  el.dispatchEvent(new Mouse(type, { bubbles: true, relatedTarget }));
}

test('a cell with has-error gets the tooltip with its data-diagnostics text', async () => {
  const { window, document, root, close } = await page(render(broken));
  const tooltip = new DiagnosticTooltip(document);
  tooltip.attach(root);
  const cell = root.querySelector('td.has-error');
  assert.ok(cell, 'the edit marks a cell');
  const messages = diagnosticsOf(cell);
  assert.ok(messages.length > 0);
  assert.equal(severityOf(cell), 'error');
  assert.equal(tooltip.element.hidden, true);

  hover(cell, 'mouseover', window);
  assert.equal(tooltip.element.hidden, false);
  assert.equal(tooltip.current, cell);
  assert.equal(tooltip.element.textContent, messages.join(''));
  assert.deepEqual(Array.from(tooltip.element.children).map((d) => d.textContent), messages);
  assert.ok(tooltip.element.classList.contains('error'));
  assert.equal(cell.getAttribute('title'), null, 'the native tooltip waits');

  hover(cell, 'mouseout', window, root);
  assert.equal(tooltip.element.hidden, true);
  assert.ok(cell.getAttribute('title')?.includes(messages[0]), 'title restored');
  await close();
});

test('unmarked cells show nothing; a patch that removes the error hides the tooltip', async () => {
  const { window, document, root, close } = await page(render(broken));
  const tooltip = new DiagnosticTooltip(document);
  tooltip.attach(root);
  const plain = root.querySelector('td:not(.has-error):not(.has-warning):not(.has-info)');
  assert.ok(plain);
  hover(plain, 'mouseover', window);
  assert.equal(tooltip.element.hidden, true);

  const cell = root.querySelector('td.has-error');
  assert.ok(cell);
  hover(cell, 'mouseover', window);
  assert.equal(tooltip.element.hidden, false);
  patch(root, render(clean));
  tooltip.refresh();
  assert.equal(tooltip.element.hidden, true, 'the cell has no diagnostics any more');
  assert.ok(!cell.classList.contains('has-error'));
  assert.equal(cell.getAttribute('data-xxgk-title'), null);
  await close();
});
