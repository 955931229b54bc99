/**
 * The published text of the seed report (Word copied as text: one cell per tab-indented line)
 * against its hand-made source, examples/baiyunlu-2023.xxgk.yaml: every table cell the same,
 * blank for blank.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { example } from '../helpers';
import { checked, importPath, messages, reference, sameCells } from './helpers';

const FILE = reference('baiyunlu-2023-published.txt');

test('baiyunlu 2023 (text): every table cell matches the hand-made source', () => {
  const result = importPath(FILE);
  assert.equal(result.format, '2021');
  assert.equal(result.year, 2023);
  assert.equal(result.agency, '白云路街道办事处');
  const imported = checked(result);
  const expected = check(example('baiyunlu-2023.xxgk.yaml')).report;
  // 信息处理费 is not a table of the published text (its prose says there were no fees).
  sameCells(expected, imported, ['其他事项/']);
  assert.equal(imported.title, expected.title);
});

test('baiyunlu 2023 (text): blanks are kept and said, prose and sub-headings are imported', () => {
  const result = importPath(FILE);
  const notes = messages(result, 'note');
  assert.match(notes, /二、上年结转政府信息公开申请数量」：原文单元格空白（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）/);
  assert.match(notes, /部分公开.*原文单元格空白（自然人、商业企业）/);
  assert.deepEqual(messages(result, 'unplaced'), '');
  // The header comments list the notes; the body is the source.
  assert.match(result.text, /^# 由 xxgk import 从 「baiyunlu-2023-published\.txt」 导入/);
  assert.match(result.text, /\n  上年结转: \{自然人: , 商业企业: , 科研机构: , 社会公益组织: , 法律服务机构: , 其他: , 总计: \}\n/);
  const { report, diagnostics } = check(result.text);
  const headings = report.paragraphs.filter((p) => p.part === '总体情况' && p.heading).map((p) => p.text);
  assert.deepEqual(headings, ['加强领导，健全组织机构', '主动公开情况', '[bookmark: _GoBack]政府信息管理情况', '规范公开内容，提升信息质量', '监督保障情况（考核、评估和责任追究情况）']);
  assert.match(report.paragraphs.find((p) => p.part === '问题与改进')?.text ?? '', /^2023年，我街道政府信息公开工作取得了新的进展/);
  // The checker sees the published defects as in the hand-made source.
  const codes = (ds: { code: string }[]) => [...new Set(ds.map((d) => d.code))].sort();
  const handMade = check(example('baiyunlu-2023.xxgk.yaml')).diagnostics;
  assert.deepEqual(codes(diagnostics), codes(handMade).filter((c) => c !== 'fee-mention'));
});
