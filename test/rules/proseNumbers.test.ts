/**
 * prose-number, phrase by phrase, in both formats: the category nearest before the number, words
 * reports use besides the official labels, categories added up (A及B, A、B共), columns of the row
 * named before them (其中结果维持…), shares, and blank cells that are unknown rather than 0.
 * The small clean fixtures: 本年新收 8, 上年结转 1, 予以公开 4, 部分公开 1, 不予公开 1, 无法提供 2,
 * 办理结果总计 8, 结转下年度 1, 行政复议 2 (结果维持 1, 尚未审结 1), 行政诉讼 1.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, fixture, only } from '../helpers';

const bases = { '2021': fixture('engine', 'base.xxgk.yaml'), '2019': fixture('engine', 'base-2019.xxgk.yaml') };
const PROSE = /(\n      20\d\d年，)本机关收到政府信息公开申请8件，办结8件，结转下年度继续办理1件。\n      全年发生行政复议2件、行政诉讼1件。/;

for (const [format, base] of Object.entries(bases)) {
  /** The fixture with its paragraph replaced by `sentence`. */
  const withProse = (sentence: string, text = base) => {
    const out = text.replace(PROSE, `$1${sentence}`);
    assert.notEqual(out, text);
    return out;
  };
  const warnings = (sentence: string, text?: string) => {
    const t = withProse(sentence, text);
    return only(t, 'prose-number').map((d) => ({ covered: covered(t, d), written: d.data?.written, computed: d.data?.computed, cells: (d.related ?? []).map((r) => r.cell) }));
  };

  describe(`prose-number, format ${format}`, () => {
    test('a category word before a verb of the grand total names the number (同意公开答复)', () => {
      assert.deepEqual(warnings('所有办结的申请中同意公开答复4件，部分公开答复1件，不予公开答复1件，无法提供的2件，不予处理0件。'), []);
      const [w, ...rest] = warnings('所有办结的申请中同意公开答复5件，部分公开答复1件。');
      assert.deepEqual(rest, []);
      assert.deepEqual([w.covered, w.written, w.computed, w.cells], ['5', 5, 4, ['依申请公开/办理结果/予以公开/总计']]);
      // 答复 alone is the grand total.
      assert.deepEqual(warnings('共答复8件。'), []);
      assert.deepEqual(warnings('共答复9件。').map((x) => x.computed), [8]);
    });

    test('words besides the official labels (受理, 转下一年度, 顺延到下年度, 上年度结转)', () => {
      assert.deepEqual(warnings('共受理政府信息公开申请8件，答复8件（含上年度结转申请1件），转下一年度办理的有1件。'), []);
      assert.deepEqual(warnings('另有2件顺延到下年度答复。'), [], 'a number before its category is not read');
      const ws = warnings('受理申请7件，顺延到下年度2件，上年度结转3件。');
      assert.deepEqual(ws.map((x) => [x.covered, x.computed]), [['7', 8], ['2', 1], ['3', 1]]);
    });

    test('A及B, A、B共: the categories are added', () => {
      assert.deepEqual(warnings('予以公开及部分公开5件，不予公开、无法提供共3件。'), []);
      const ws = warnings('予以公开及部分公开6件。');
      assert.deepEqual(ws.map((x) => [x.covered, x.written, x.computed]), [['6', 6, 5]]);
      assert.deepEqual(ws[0].cells, ['依申请公开/办理结果/予以公开/总计', '依申请公开/办理结果/部分公开/总计']);
      assert.deepEqual(warnings('不予公开、无法提供共4件。').map((x) => x.computed), [3]);
    });

    test('共N件，其中A x件: the parent and each child, columns of the row named first', () => {
      assert.deepEqual(warnings('行政复议2件，其中结果维持1件、尚未审结1件；行政诉讼1件，其中其他结果1件。'), []);
      const ws = warnings('行政复议2件，其中结果维持2件、尚未审结1件。');
      assert.deepEqual(ws.map((x) => [x.covered, x.computed, x.cells]), [['2', 1, ['复议诉讼/行政复议/结果维持']]]);
      assert.deepEqual(warnings('收到申请8件，其中自然人5件、法人或其他组织3件。'), []);
      assert.deepEqual(warnings('收到申请8件，其中自然人5件、法人或其他组织4件。').map((x) => [x.covered, x.computed]), [['4', 3]]);
      // A column word without a row before it in the sentence is not read.
      assert.deepEqual(warnings('结果维持9件。'), []);
    });

    test('shares after a count, within the rounding the text uses', () => {
      assert.deepEqual(warnings('办结8件，其中予以公开4件（50%），不予公开1件，占12.5%；无法提供2件（25.00%）。'), []);
      assert.deepEqual(warnings('不予公开1件（13%），不予公开1件（12%）。'), [], 'rounded or cut to whole percent');
      const ws = warnings('予以公开4件（40%），无法提供2件（25.1%）。');
      assert.deepEqual(ws.map((x) => [x.covered, x.written, x.computed]), [['40', 40, 50], ['25.1', 25.1, 25]]);
      // A wrong count is one finding, not two.
      assert.deepEqual(warnings('予以公开5件（62.5%）。').map((x) => x.covered), ['5']);
    });

    test('a blank 总计 counts as the sum of its row; a blank table is not compared', () => {
      const blankTotal = base.replace(/(  结转下年度: \{自然人: 1, .*?总计: )1\}/, '$1}');
      assert.notEqual(blankTotal, base);
      assert.deepEqual(warnings('结转下年度1件。', blankTotal), []);
      const t = withProse('结转下年度2件。', blankTotal);
      const [d] = only(t, 'prose-number');
      assert.equal(d.data?.computed, 1);
      assert.match(d.message, /总计空白，按本行各列之和/);
      assert.doesNotMatch(d.message, /为 0/);
      // The equations use the sum as well: its own row-total says it is blank (with the fix), and
      // neither blank-cell (fill 0 would be wrong) nor balance repeats it.
      assert.deepEqual(only(t, 'row-total').map((x) => [x.cell, x.data?.computed]), [['依申请公开/结转下年度/总计', 1]]);
      assert.deepEqual(only(t, 'blank-cell').concat(only(t, 'balance')), []);
      // Every cell of table 3 blank: nothing to compare.
      const blankTable = base.replace(/\{自然人: \d+, 商业企业: \d+, 科研机构: \d+, 社会公益组织: \d+, 法律服务机构: \d+, 其他: \d+, 总计: \d+\}/g, '{自然人: , 商业企业: , 科研机构: , 社会公益组织: , 法律服务机构: , 其他: , 总计: }');
      assert.deepEqual(warnings('收到申请30件，办结25件，予以公开及部分公开10件（40%）。', blankTable), []);
      const noTable = base.replace(/依申请公开:\n(  .*\n)+/, '');
      assert.deepEqual(warnings('收到申请30件，办结25件。', noTable), []);
    });
  });
}
