/**
 * prose-trend: a change over last year after a count of the prose, against this year's table and
 * last year's report; within a format (2022 → 2023) and across formats (2019-format 2020 → 2021).
 * Last year's 本年新收 is raised from 8 to 10 here, so this year's 8 is 2 fewer, 20% less.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { covered, fixture } from '../helpers';

const TEN = (text: string) => {
  const out = text.replace(/本年新收: \{自然人: 5, (.*)总计: 8\}/, '本年新收: {自然人: 7, $1总计: 10}');
  assert.notEqual(out, text);
  return out;
};

const pairs = [
  { name: '2021 format, 2022 → 2023', last: TEN(fixture('engine', 'cross-year/jiangzhou-2022.xxgk.yaml')), text: fixture('engine', 'base.xxgk.yaml'), lastYear: 2022 },
  { name: '2019-format 2020 → 2021-format 2021', last: TEN(fixture('engine', 'cross-format/jiangzhou-2020.xxgk.yaml')), text: fixture('engine', 'cross-format/jiangzhou-2021.xxgk.yaml'), lastYear: 2020 },
];

for (const pair of pairs) {
  describe(`prose-trend, ${pair.name}`, () => {
    const withProse = (sentence: string) => {
      const out = pair.text.replace(/收到政府信息公开申请8件，/, `收到政府信息公开申请8件，${sentence}`);
      assert.notEqual(out, pair.text);
      return out;
    };
    const trends = (sentence: string, previous: boolean = true) => {
      const text = withProse(sentence);
      const r = check(text, previous ? { previous: { text: pair.last, path: 'last.xxgk.yaml' } } : {});
      return r.diagnostics.filter((d) => d.code === 'prose-trend').map((d) => ({ d, covered: covered(text, d) }));
    };

    test('a change that agrees with last year passes: 比上年减少2件, 同比下降20%, 较上年度减少20.0%', () => {
      for (const s of ['比上年减少2件，', '同比下降20%，', '较上年度减少20.0%，', `较${pair.lastYear}年减少2件，`]) assert.deepEqual(trends(s), [], s);
    });

    test('a wrong change: the number, the real change, last year\'s cell as related information', () => {
      const [w, ...rest] = trends('比上年增长20%，');
      assert.deepEqual(rest, []);
      assert.equal(w.covered, '20');
      assert.match(w.d.message, /本年为 8，上年报告 last\.xxgk\.yaml 为 10：减少 20%/);
      const last = w.d.related?.find((r) => r.path === 'last.xxgk.yaml');
      assert.equal(last?.cell, '依申请公开/本年新收/总计');
      const [n] = trends('同比减少3件，');
      assert.deepEqual([n.covered, n.d.data?.written, n.d.data?.computed], ['3', 3, 2]);
    });

    test('no last year, another year named, or 个百分点: nothing compared', () => {
      assert.deepEqual(trends('比上年增长20%，', false), []);
      assert.deepEqual(trends(`较${pair.lastYear - 1}年减少5件，`), []);
      assert.deepEqual(trends('同比下降3个百分点，'), []);
    });
  });
}
