/** Inlay hints on totals (computed and wrong) and the per-table code lenses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InlayHint, Range } from 'vscode-languageserver';
import { check } from '../../server/src/engine/check';
import type { Analysis } from '../../server/src/engine/editor/analysis';
import { codeLenses } from '../../server/src/engine/editor/codeLens';
import { inlayHints } from '../../server/src/engine/editor/inlay';
import { i18n, normalizeLocale } from '../../server/src/engine/i18n/messages';
import { fixture } from '../helpers';

const analyze = (text: string, locale = 'zh-CN'): Analysis => ({ text, result: check(text, { locale }), t: i18n(normalizeLocale(locale)) });
const everything: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const lines = (from: number, to: number): Range => ({ start: { line: from, character: 0 }, end: { line: to, character: 1000 } });

/** The hint with the source character just before it, to show where it sits. */
function placed(text: string, hints: InlayHint[]) {
  const src = text.split('\n');
  return hints.map((h) => ({
    line: h.position.line,
    after: src[h.position.line].slice(0, h.position.character).slice(-2),
    label: h.label,
    tooltip: h.tooltip,
  }));
}

test('omitted totals: `总计 = N` after a flow row, after a block row\'s last cell, and a whole （七）总计 row', () => {
  const text = fixture('features', 'inlay/computed.xxgk.yaml');
  const hints = inlayHints(analyze(text), everything);
  assert.ok(hints.every((h) => h.paddingLeft === true));
  assert.deepEqual(placed(text, hints), [
    {
      line: 17,
      after: '0}',
      label: '总计 = 8',
      tooltip: '自动计算：自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 8',
    },
    {
      line: 44,
      after: '0}',
      label: '总计 = {自然人: 5, 商业企业: 2, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 1, 其他: 0, 总计: 8}',
      tooltip: '自动计算：以上各项办理结果之和；省略时自动计算',
    },
    {
      // Before the trailing comment, not after it.
      line: 51,
      after: ' 1',
      label: '总计 = 2',
      tooltip: '自动计算：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2',
    },
  ]);
});

test('wrong totals: `≠ N` after the written value (or after the colon of a blank one), sum in the tooltip', () => {
  const text = fixture('features', 'codeActions/totals.xxgk.yaml');
  const hints = placed(text, inlayHints(analyze(text), everything));
  assert.deepEqual(
    hints.map((h) => [h.line, h.after, h.label]),
    [
      [17, ' 9', '≠ 8'],
      [20, ' 5', '≠ 4'],
      [21, '计:', '≠ 1'],
      [45, ' 6', '≠ 5'],
      // （七）总计·总计 8 is off only through the wrong 自然人 column: a consequence, no hint.
      [48, ' 3', '≠ 2'],
    ],
  );
  assert.equal(hints[0].tooltip, '应为 8：自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 8');
  // A column sum names its terms by row.
  assert.match(String(hints[3].tooltip), /^应为 5：予以公开 3 \+ 部分公开 1 \+ 国家秘密 0 \+ .* \+ 本机关不掌握 1 \+ .* \+ 其他 0 = 5$/);
  assert.equal(hints[4].tooltip, '应为 2：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2');
});

test('only hints inside the requested range are returned', () => {
  const text = fixture('features', 'codeActions/totals.xxgk.yaml');
  const a = analyze(text);
  assert.deepEqual(
    inlayHints(a, lines(20, 21)).map((h) => h.label),
    ['≠ 4', '≠ 1'],
  );
  assert.deepEqual(inlayHints(a, lines(0, 16)), []);
});

test('a clean report has no hints; a rule switched off hides its wrong totals; English tooltips', () => {
  assert.deepEqual(inlayHints(analyze(fixture('engine', 'base.xxgk.yaml')), everything), []);
  const text = fixture('features', 'codeActions/totals.xxgk.yaml');
  const off: Analysis = { text, result: check(text, { severities: { 'row-total': 'off' } }), t: i18n('zh-CN') };
  assert.deepEqual(
    inlayHints(off, everything).map((h) => h.label),
    ['≠ 5', '≠ 2'],
  );
  const [first] = inlayHints(analyze(text, 'en'), everything);
  assert.equal(first.tooltip, 'Should be 8: 自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 8');
  const computed = inlayHints(analyze(fixture('features', 'inlay/computed.xxgk.yaml'), 'en'), everything);
  assert.equal(computed[0].tooltip, 'Computed: 自然人 5 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 8');
});

test('code lenses: one above each written table, counting the arithmetic problems in it', () => {
  const text = fixture('features', 'codeActions/totals.xxgk.yaml');
  const lenses = codeLenses(analyze(text));
  assert.deepEqual(
    lenses.map((l) => [l.range, l.command]),
    [
      [{ start: { line: 9, character: 0 }, end: { line: 9, character: 4 } }, { title: '勾稽关系 ✓', command: 'xxgk.showProblems' }],
      [{ start: { line: 16, character: 0 }, end: { line: 16, character: 5 } }, { title: '4 处不平衡', command: 'xxgk.showProblems' }],
      [{ start: { line: 47, character: 0 }, end: { line: 47, character: 4 } }, { title: '1 处不平衡', command: 'xxgk.showProblems' }],
    ],
  );
  assert.deepEqual(
    codeLenses(analyze(text, 'en')).map((l) => l.command?.title),
    ['Totals balance ✓', '4 imbalances', '1 imbalance'],
  );
  // Non-arithmetic problems (prose, blanks) do not count; absent tables get no lens.
  const clean = fixture('engine', 'base.xxgk.yaml').replace('  行政许可: 120', '  行政许可:').replace(/复议诉讼:[\s\S]*?问题与改进/, '问题与改进');
  assert.deepEqual(
    codeLenses(analyze(clean)).map((l) => l.command?.title),
    ['勾稽关系 ✓', '勾稽关系 ✓'],
  );
});
