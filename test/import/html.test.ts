/**
 * HTML as published on government sites: a hand-made page (layout table, navigation, merged
 * cells in tables 3 and 4, "1、" numbering, a typo, "—", "/", "无", a note in a cell), and the
 * page our own renderer prints, which must come back cell for cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { importReport } from '../../server/src/engine/import';
import { renderPage } from '../../server/src/engine/render/html';
import { example } from '../helpers';
import { cell, checked, fixturePath, importPath, legacyBytes, messages, sameCells } from './helpers';

const T3 = '依申请公开';
const OUT = `${T3}/办理结果`;

test('a published page with rowspan/colspan tables imports into the right cells', () => {
  const result = importPath(fixturePath('jiangzhou-2024.html'));
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '江州市交通运输局']);
  const r = checked(result);
  assert.deepEqual(
    ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((c) => cell(r, `${T3}/本年新收/${c}`)),
    [10, 2, 0, 0, 1, 0, 13],
  );
  assert.equal(cell(r, `${OUT}/不予公开/保护第三方合法权益/自然人`), 1);
  assert.equal(cell(r, `${OUT}/无法提供/本机关不掌握/法律服务机构`), 1);
  assert.equal(cell(r, `${OUT}/不予处理/重复申请/总计`), 1);
  assert.equal(cell(r, `${OUT}/总计/总计`), 13);
  assert.equal(cell(r, `${T3}/结转下年度/商业企业`), 1);
  // Table 4 under a three-level merged header.
  assert.deepEqual(
    ['行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉'].map((row) => cell(r, `复议诉讼/${row}/总计`)),
    [2, 1, 0],
  );
  assert.equal(cell(r, '复议诉讼/行政复议/尚未审结'), 1);
  // Table 2: a note in a cell (G3), a thousands separator, a decimal, "/" for nothing.
  assert.equal(cell(r, '主动公开/行政规范性文件/本年制发'), 22);
  assert.equal(cell(r, '主动公开/行政许可'), 1234);
  assert.equal(cell(r, '主动公开/行政事业性收费'), 12.35);
  assert.equal(cell(r, '主动公开/行政强制'), null);
  const notes = messages(result, 'note');
  assert.match(notes, /「行政规范性文件·本年制发件数」：原文 「22（其中修订16件）」，导入数字 22/);
  assert.match(notes, /「行政强制」：原文为 「\/」，按空白导入/);
  // "—" and "无" in table 3 are blank, with a note each.
  assert.equal(cell(r, `${OUT}/其他处理/逾期未缴费/自然人`), null);
  assert.equal(cell(r, `${OUT}/其他处理/其他/商业企业`), null);
  assert.match(notes, /逾期未按收费通知.*·自然人」：原文为 「—」，按空白导入/);
  assert.match(notes, /「3\.其他·商业企业」：原文为 「无」，按空白导入/);
  // A label with a typo (获得 for 获取) is still its row, said so.
  assert.match(notes, /已获得信息」 与格式略有出入/);
  assert.equal(cell(r, `${OUT}/不予处理/要求确认或重新出具/总计`), 0);
  // Navigation, scripts and the footer are not part of the report.
  assert.doesNotMatch(result.text, /首页|版权所有|var nav/);
  assert.deepEqual(messages(result, 'unplaced'), '');
  assert.ok(r.paragraphs.some((p) => p.part === '总体情况' && p.heading && p.text === '主动公开'));
  assert.match(r.paragraphs.find((p) => p.part === '其他事项')?.text ?? '', /未收取信息处理费/);
});

test('the page `xxgk render` prints imports back cell for cell (merged cells, blanks, both formats)', () => {
  for (const source of [example('clean-2024.xxgk.yaml'), example('baiyunlu-2023.xxgk.yaml')]) {
    const original = check(source).report;
    const result = importReport({ kind: 'html', data: renderPage(original, { diagnostics: [] }) });
    const imported = checked(result);
    // 信息处理费 is printed in the prose of 六, not as a table.
    sameCells(original, imported, ['其他事项/']);
    assert.equal(imported.year, original.year);
    assert.deepEqual(messages(result, 'unplaced'), '');
  }
});


test('a page saved as GBK (GB18030) is decoded', () => {
  const html = '<html><head><meta charset="gbk"></head><body><h1>江州市交通运输局2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度工作正常开展。</p><p>二、主动公开政府信息情况</p><table><tr><td>行政许可</td><td>7</td></tr></table></body></html>';
  const result = importReport({ kind: 'html', data: legacyBytes(html, 'gb18030') });
  assert.equal(result.agency, '江州市交通运输局');
  assert.equal(cell(checked(result), '主动公开/行政许可'), 7);
});
