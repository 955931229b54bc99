/**
 * The three real published reports of shared/reference/real-reports, with their defects: a PDF
 * extraction with " | " cells, a table split across pages and a cell split into two runs (淮安);
 * a Markdown extraction with misaligned rows and a blank 总计 (上海市科委); notes inside numeric
 * cells and a table-4 footnote (上海市人民政府办公厅). Known cells, and the notes name the defects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { cell, checked, importPath, messages, reference } from './helpers';

const HUAIAN = reference('real-reports', '05-huaian-shizhengfu-2024.txt');
const KEWEI = reference('real-reports', '06-shanghai-kewei-2024.txt');
const BANGONGTING = reference('real-reports', '08-shanghai-bangongting-2025.txt');

const T3 = '依申请公开';
const OUT = `${T3}/办理结果`;

test('淮安市人民政府 2024: " | " cells, labels above the numbers, a table split across pages', () => {
  const result = importPath(HUAIAN);
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '淮安市人民政府']);
  const r = checked(result);
  assert.equal(cell(r, `${T3}/本年新收/自然人`), 3001);
  assert.equal(cell(r, `${T3}/本年新收/总计`), 3119);
  assert.equal(cell(r, `${OUT}/予以公开/总计`), 1362);
  // The row whose group label was split by the page break ("（四）无" … "法提供2.没有现成信息…").
  assert.equal(cell(r, `${OUT}/无法提供/本机关不掌握/总计`), 769);
  assert.equal(cell(r, `${OUT}/无法提供/需要另行制作/总计`), 11);
  assert.equal(cell(r, `${OUT}/其他处理/逾期不补正/总计`), 71);
  assert.equal(cell(r, `${OUT}/总计/总计`), 3050);
  assert.equal(cell(r, `${T3}/结转下年度/总计`), 103);
  assert.equal(cell(r, '主动公开/行政规范性文件/本年废止'), 26);
  assert.equal(cell(r, '主动公开/行政许可'), 447228);
  assert.equal(cell(r, '主动公开/行政事业性收费'), 96171.6);
  // Table 4: the run of 15 numbers.
  assert.equal(cell(r, '复议诉讼/行政复议/总计'), 351);
  assert.equal(cell(r, '复议诉讼/行政诉讼/未经复议直接起诉/总计'), 26);
  assert.equal(cell(r, '复议诉讼/行政诉讼/复议后起诉/尚未审结'), 6);
  // 规章 "1 | 0 | 1 | 1": a cell split into two runs; 10|1|1 would leave 1 in force after making 10 and
  // abolishing 1, which no stock of last year allows, so 1|0|11 is the one reading (said).
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/规章/${c}`)), [1, 0, 11]);
  const split = result.notes.find((n) => n.path === '主动公开/规章');
  assert.equal(split?.kind, 'note');
  assert.match(split?.message ?? '', /拆成两段.*唯一合理的读法为 1 \| 0 \| 11/);
  // The table-3 header as printed by the PDF ("商业企\n业") still names every column.
  assert.doesNotMatch(messages(result), /列标题/);
});

test('上海市科委 2024: misaligned rows placed by order, a blank 总计, 五 without a heading', () => {
  const result = importPath(KEWEI);
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '上海市科委']);
  const r = checked(result);
  assert.deepEqual(
    ['自然人', '商业企业', '总计'].map((c) => cell(r, `${T3}/本年新收/${c}`)),
    [32, 2, 34],
  );
  assert.equal(cell(r, `${OUT}/予以公开/总计`), 9);
  assert.equal(cell(r, `${OUT}/部分公开/总计`), 0);
  // Rows whose labels the extraction printed elsewhere, placed by order between recognised rows.
  assert.equal(cell(r, `${OUT}/不予公开/三类内部事务信息/总计`), 1);
  assert.equal(cell(r, `${OUT}/不予公开/四类过程性信息/总计`), 1);
  assert.equal(cell(r, `${OUT}/无法提供/本机关不掌握/总计`), 4);
  assert.equal(cell(r, `${OUT}/无法提供/需要另行制作/总计`), 6);
  assert.equal(cell(r, `${OUT}/无法提供/补正后仍不明确/总计`), 0);
  assert.equal(cell(r, `${OUT}/其他处理/逾期不补正/商业企业`), 2);
  assert.equal(cell(r, `${OUT}/其他处理/其他/总计`), 4);
  assert.equal(cell(r, `${OUT}/总计/总计`), 35);
  // The blank 总计 of 结转下年度 stays blank, and is said.
  assert.equal(cell(r, `${T3}/结转下年度/自然人`), 1);
  assert.equal(cell(r, `${T3}/结转下年度/总计`), null);
  const notes = messages(result);
  assert.match(notes, /四、结转下年度继续办理」：原文单元格空白（总计）/);
  assert.match(notes, /按行的顺序放置/);
  assert.match(notes, /规范性文件/);
  // A stray "1" of the extraction is not placed, and listed.
  assert.match(messages(result, 'unplaced'), /一行没有标签的数字.*（1）/);
  assert.equal(cell(r, '主动公开/行政许可'), 97);
  assert.equal(cell(r, '主动公开/行政规范性文件/现行有效'), 55);
  assert.equal(cell(r, '复议诉讼/行政复议/结果维持'), 1);
  // No "五、" heading: the text after table 4 is that section, said so.
  assert.match(notes, /未找到“五、存在的主要问题及改进情况”标题/);
  assert.ok(r.paragraphs.some((p) => p.part === '问题与改进' && p.heading && p.text === '主要问题'));
});

test('上海市人民政府办公厅 2025: notes inside numeric cells, a footnote under table 4', () => {
  const result = importPath(BANGONGTING);
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2025, '上海市人民政府办公厅']);
  const r = checked(result);
  assert.equal(cell(r, `${T3}/本年新收/总计`), 1295);
  assert.equal(cell(r, `${T3}/上年结转/法律服务机构`), 4);
  assert.equal(cell(r, `${OUT}/部分公开/总计`), 2);
  assert.equal(cell(r, `${OUT}/不予公开/保护第三方合法权益/总计`), 0);
  assert.equal(cell(r, `${OUT}/不予公开/三类内部事务信息/总计`), 9);
  // Labels cut by the extraction ("行政机关不再处理其政府信息公", "缴纳费用、行政机关不再处理其政").
  assert.equal(cell(r, `${OUT}/其他处理/逾期不补正/总计`), 43);
  assert.equal(cell(r, `${OUT}/其他处理/逾期未缴费/总计`), 0);
  assert.equal(cell(r, `${OUT}/其他处理/其他/总计`), 276);
  assert.equal(cell(r, `${T3}/结转下年度/总计`), 293);
  assert.deepEqual(
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => cell(r, `复议诉讼/行政诉讼/复议后起诉/${c}`)),
    [6, 0, 9, 7, 22],
  );
  // "22（其中修订16件）", "55（含自然失效29件）" printed apart from their row: listed, not guessed.
  const unplaced = messages(result, 'unplaced');
  assert.match(unplaced, /22（其中修订16件）/);
  assert.match(unplaced, /55（含自然失效29件）/);
  assert.match(unplaced, /「规章」：原文 「22 \| 235」 与应有的 3 列对不上/);
  assert.equal(cell(r, '主动公开/规章/本年制发'), null);
  // The footnote is the table's 备注.
  assert.ok(r.paragraphs.some((p) => p.path === '复议诉讼/备注' && /含上年度结转数量/.test(p.text)));
});

test('numbering: the lists of the real reports are in sequence, the seed report has its one broken list', () => {
  // By hand from the texts: 淮安 （一）…（五） over paragraphs and 一是；二是; 科委 一是 二是 三是 after
  // 采取以下措施：; 办公厅 two lists of 一是 二是 三是. The seed repeats 一是 and 二是 in one paragraph.
  const lists = (file: string) => check(importPath(file).text).diagnostics.filter((d) => d.code === 'numbering');
  for (const file of [HUAIAN, KEWEI, BANGONGTING]) assert.deepEqual(lists(file), [], file);
  const seed = importPath(reference('baiyunlu-2023-published.txt')).text;
  const [d, ...more] = lists(reference('baiyunlu-2023-published.txt'));
  assert.deepEqual(more, []);
  const line = seed.split('\n')[d.range.start.line];
  assert.equal(d.range.start.character, line.indexOf('一是内容更加充实'));
  assert.equal(d.related?.[0].range.start.character, line.indexOf('一是加强领导'));
});
