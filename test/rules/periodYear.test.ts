/**
 * period-year: one finding per sentence whose year is wrong, and the reference year taken from the
 * report itself when 年度 was copied from a stale 统计期限 sentence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covered, fixture, only } from '../helpers';

const base = fixture('engine', 'base.xxgk.yaml');

const found = (text: string) => only(text, 'period-year').map((d) => [d.range.start.line, covered(text, d), d.data?.written, d.data?.computed]);

test('a 统计期限 sentence naming the wrong year twice is one finding, on its first wrong year', () => {
  const text = base.replace('年度: 2023\n', '年度: 2023\n前言: 本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n');
  assert.deepEqual(found(text), [[3, '2022', 2022, 2023]]);
});

test('年度 copied from a stale 统计期限: the stale sentence and 年度 are flagged, not the sentences that are right', () => {
  // A 2021 report (its overview says 2021 throughout) whose 统计期限 sentence still says 2020, and
  // whose 年度 was taken from that sentence.
  const text = base
    .replace('年度: 2023\n', '年度: 2020\n前言: 本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n')
    .replace('      2023年，本机关收到', '      2021年，本机关深入推进政务公开。2021年本机关发布2021年度政府信息公开工作年度报告。\n      2021年全年本机关收到');
  assert.deepEqual(found(text), [
    [2, '2020', 2020, 2021],
    [3, '2020', 2020, 2021],
  ]);
  const [first] = only(text, 'period-year');
  assert.match(first.message, /「年度」为 2020.*2021 年/);
  // The same text with 年度 right: only the stale sentence.
  assert.deepEqual(found(text.replace('年度: 2020', '年度: 2021')), [[3, '2020', 2020, 2021]]);
});

test('one mention against 年度 does not outvote it', () => {
  const text = base.replace('      2023年，本机关', '      2022年，本机关');
  assert.deepEqual(found(text), [[7, '2022', 2022, 2023]]);
});
