/**
 * 年度 and 机关 of an import: the year the title, the statistics period, the opening sentences and
 * the publication date agree on (a stale sentence does not decide, a disagreement is said); the
 * agency from the title, the line above or below it, or a page's 发布机构. Where neither can be
 * found, the key is left out with a line saying what to write (an empty value would be invalid).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { importReport } from '../../server/src/engine/import';
import { cell, checked, messages } from './helpers';

/** A short report as text: the lines given, then two sections with a table row each. */
const report = (head: string[], opening: string[] = []) =>
  [...head, '一、总体情况', ...opening, '二、主动公开政府信息情况', '行政许可 5', '行政处罚 2', '行政强制 0', '三、收到和处理政府信息公开申请情况'].join('\n');

test('a title split over two lines: the agency above the year line', () => {
  const result = importReport({ kind: 'text', data: report(['淮安市洪泽区人民政府', '2024年政府信息公开工作年度报告', '本报告统计期限自2024年1月1日至2024年12月31日止。']) });
  assert.deepEqual([result.year, result.agency], [2024, '淮安市洪泽区人民政府']);
  assert.equal(cell(checked(result), '主动公开/行政许可'), 5);
  assert.deepEqual(result.notes.filter((n) => n.path === '年度' || n.path === '机关'), []);
});

test('a title split over two lines: the agency below the year line', () => {
  const result = importReport({ kind: 'text', data: report(['2024年政府信息公开工作年度报告', '淮安市洪泽区人民政府', '本报告统计期限自2024年1月1日至2024年12月31日止。']) });
  assert.deepEqual([result.year, result.agency], [2024, '淮安市洪泽区人民政府']);
  const r = checked(result);
  assert.equal(r.title, '2024年政府信息公开工作年度报告'.replace(/^/, '淮安市洪泽区人民政府'));
  // The agency's line is part of the title, not of the preface.
  assert.doesNotMatch(r.paragraphs.find((p) => p.part === '前言')?.text ?? '', /人民政府/);
  // Also on a page, where the title and the agency are separate elements above the article.
  const page = `<body><div class="nav">首页 &gt; 年度报告</div><h1>2024年政府信息公开工作年度报告</h1><p class="sub">淮安市洪泽区人民政府</p><div class="info">发布日期：2025-01-20</div>
    <div id="zoom"><p>一、总体情况</p><p>2024年，我区持续推进政务公开。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>5</td></tr><tr><td>行政处罚</td><td>2</td></tr><tr><td>行政强制</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p></div></body>`;
  const fromPage = importReport({ kind: 'html', data: page });
  assert.deepEqual([fromPage.year, fromPage.agency], [2024, '淮安市洪泽区人民政府']);
  // A sentence below a title is not an agency.
  const sentence = importReport({ kind: 'text', data: report(['2024年政府信息公开工作年度报告', '根据条例编制本报告。']) });
  assert.equal(sentence.agency, undefined);
});

test('a stale statistics period (last year\'s text left in) loses to the title and the opening sentences, and is said', () => {
  const result = importReport({
    kind: 'text',
    data: report(['江州市交通运输局2024年政府信息公开工作年度报告', '本报告统计期限自2023年1月1日至2023年12月31日止。'], ['2024年，我局持续推进政务公开。']),
  });
  assert.equal(result.year, 2024);
  const note = result.notes.find((n) => n.path === '年度');
  assert.equal(note?.kind, 'note');
  assert.match(note?.message ?? '', /年度不一致：标题为 2024，统计期限为 2023，正文开头（“某年，”）为 2024；按多数取 2024/);
  // The checker still sees the contradiction in the prose.
  assert.ok(check(result.text).diagnostics.some((d) => d.code === 'period-year'));
  assert.match(messages(importReport({ kind: 'text', data: report(['江州市交通运输局2024年政府信息公开工作年度报告', '本报告统计期限自2023年1月1日至2023年12月31日止。']) }, { locale: 'en' })), /the year differs: the title 2024, the statistics period 2023; the majority, 2024/);
});

test('disagreeing years without a title year: the majority of period, opening sentences and publication date', () => {
  // Title without a year; the period says 2023, the opening sentences and the closing date (2025年1月 → 2024) say 2024.
  const text = ['江州市交通运输局政府信息公开工作年度报告', '本报告统计期限自2023年1月1日至12月31日。', '一、总体情况', '2024年，我局持续推进政务公开。', '2024年，我局主动公开信息120条。', '二、主动公开政府信息情况', '行政许可 5', '行政处罚 2', '行政强制 0', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项', '无。', '2025年1月20日'].join('\n');
  const result = importReport({ kind: 'text', data: text });
  assert.equal(result.year, 2024);
  assert.match(messages(result, 'note'), /年度不一致：统计期限为 2023，正文开头（“某年，”）为 2024，落款日期（次年发布）为 2024；按多数取 2024/);
  // All agreeing without a title year: said where it came from, no disagreement.
  const agreeing = importReport({ kind: 'text', data: text.replace('2023年1月1日', '2024年1月1日') });
  assert.equal(agreeing.year, 2024);
  assert.match(messages(agreeing, 'note'), /年度 2024 取自统计期限、正文开头（“某年，”）、落款日期（次年发布）（标题中没有年份）/);
  assert.doesNotMatch(messages(agreeing, 'note'), /不一致/);
  // A tie between the title and one other source goes to the title.
  const tie = importReport({ kind: 'text', data: report(['江州市交通运输局2024年政府信息公开工作年度报告', '统计期限自2023年1月1日起。']) });
  assert.equal(tie.year, 2024);
});

test('no title but a page\'s 发布机构 and 发布日期: agency and year from them, said', () => {
  const page = `<html><head><title>年度报告</title></head><body><div class="nav">首页</div>
    <table class="xxgk"><tr><td>发布机构：</td><td>江州市交通运输局</td><td>发布日期：</td><td>2025-01-18</td></tr></table>
    <div class="TRS_Editor"><p>一、总体情况</p><p>我局持续推进政务公开。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>5</td></tr><tr><td>行政处罚</td><td>2</td></tr><tr><td>行政强制</td><td>0</td></tr></table><p>三、收到和处理政府信息公开申请情况</p></div></body></html>`;
  const result = importReport({ kind: 'html', data: page });
  assert.deepEqual([result.year, result.agency], [2024, '江州市交通运输局']);
  const notes = messages(result, 'note');
  assert.match(notes, /未找到报告标题/);
  assert.match(notes, /机关 「江州市交通运输局」 取自网页的“发布机构”/);
  assert.match(notes, /年度 2024 取自发布日期（次年发布）/);
  const r = checked(result);
  assert.equal(r.agency, '江州市交通运输局');
  assert.equal(cell(r, '主动公开/行政许可'), 5);
});

test('neither year nor agency found: the keys are left out with a line saying what to write, never an invalid empty value', () => {
  const result = importReport({ kind: 'text', data: ['一、总体情况', '本机关持续推进政务公开。', '二、主动公开政府信息情况', '行政许可 5', '行政处罚 2', '行政强制 0'].join('\n') });
  assert.equal(result.year, undefined);
  assert.equal(result.agency, undefined);
  assert.match(result.text, /\n# 年度: {4}# ← 请填写报告年度（四位数年份），并去掉行首的 #\n# 机关: {4}# ← 请填写报告机关全称，并去掉行首的 #\n/);
  const said = result.notes.filter((n) => n.path === '年度' || n.path === '机关');
  assert.deepEqual(said.map((n) => [n.path, n.kind]).sort(), [['年度', 'unplaced'], ['机关', 'unplaced']]);
  const { diagnostics } = check(result.text);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'invalid-value'), []);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'missing-item' && /年度|机关/.test(d.message)).map((d) => d.message).sort(), ['缺少 「年度」', '缺少 「机关」']);
  // Filled in as the line says, the file is complete.
  const filled = result.text.replace(/# 年度: .*/, '年度: 2024').replace(/# 机关: .*/, '机关: 江州市交通运输局');
  assert.deepEqual(check(filled).diagnostics.filter((d) => d.code === 'missing-item' && /年度|机关/.test(d.message)), []);
});
