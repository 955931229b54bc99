/** Preview and export of a report with 40,000 flagged paragraphs: linear, not quadratic (was 7.5 s and more). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { preview } from '../../server/src/engine/editor/preview';
import { i18n } from '../../server/src/engine/i18n/messages';
import { renderPage } from '../../server/src/engine/render/html';
import { example } from '../helpers';

const clean = example('clean-2024.xxgk.yaml');

/** clean-2024 with `n` paragraphs appended to the last 正文, each with a placeholder (an artifact warning). */
function flagged(n: number): string {
  const paras = Array.from({ length: n }, (_, i) => `    第${i}段 XX 内容。`).join('\n\n');
  return clean.trimEnd() + '\n\n' + paras + '\n';
}

function timePreview(n: number): { ms: number; flagged: number; html: string } {
  const result = check(flagged(n));
  const t0 = performance.now();
  const p = preview({ text: result.report.text, result, t: i18n('zh-CN') });
  const page = renderPage(result.report, { diagnostics: result.diagnostics });
  return { ms: performance.now() - t0, flagged: result.diagnostics.filter((d) => d.code === 'artifact').length, html: JSON.stringify(p) + page };
}

test('preview and export: 40,000 flagged paragraphs in bounded, linear time; each paragraph carries its own mark', () => {
  const small = timePreview(10_000);
  const large = timePreview(40_000);
  console.log(`preview + page: 10,000 flagged paragraphs ${Math.round(small.ms)} ms, 40,000 ${Math.round(large.ms)} ms`);
  assert.equal(large.flagged, 40_000);
  assert.ok(large.ms < 5000, `${Math.round(large.ms)} ms`);
  // Four times the paragraphs: about four times the time (sixteen if quadratic).
  assert.ok(large.ms < Math.max(1500, small.ms * 8), `10,000: ${Math.round(small.ms)} ms, 40,000: ${Math.round(large.ms)} ms`);
  assert.match(large.html, /第39999段 XX 内容。/);
  assert.equal((large.html.match(/has-warning/g) ?? []).length >= 40_000, true);
});
