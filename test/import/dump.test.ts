/**
 * Web-archive dumps: the report on one line, section titles mid-line, each row's cells run
 * together. The expected cells of 平潭综合实验区 2020 were split by hand from the published text
 * (16-pingtan-zonghe-2020.txt); the synthetic dumps test one rule each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { check } from '../../server/src/engine/check';
import { importReport } from '../../server/src/engine/import';
import { narrow, splitRun } from '../../server/src/engine/import/digitRuns';
import type { ImportResult } from '../../server/src/engine/import';
import { cell, checked, importPath, messages, reference } from './helpers';

const PINGTAN = reference('real-reports', '16-pingtan-zonghe-2020.txt');
const T3 = '依申请公开';
const OUT = `${T3}/办理结果`;
const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Table 3 of 平潭 2020, split by hand: each run has exactly one split with no leading zero whose 总计 is the sum. */
const PINGTAN_T3: Record<string, number[]> = {
  // "200 000121": 20|0|0|0|0|1|21 (2|0|0|0|0|0|121 and 20|0|0|0|0|12|1 break the row total).
  [`${T3}/本年新收`]: [20, 0, 0, 0, 0, 1, 21],
  [`${T3}/上年结转`]: [0, 0, 0, 0, 0, 0, 0],
  // "6000017": seven digits, seven cells.
  [`${OUT}/予以公开`]: [6, 0, 0, 0, 0, 1, 7],
  [`${OUT}/部分公开`]: [6, 0, 0, 0, 0, 0, 6],
  ...Object.fromEntries(['国家秘密', '法律行政法规禁止', '危及三安全一稳定', '保护第三方合法权益', '三类内部事务信息', '四类过程性信息', '行政执法案卷', '行政查询事项'].map((k) => [`${OUT}/不予公开/${k}`, [0, 0, 0, 0, 0, 0, 0]])),
  [`${OUT}/无法提供/本机关不掌握`]: [4, 0, 0, 0, 0, 0, 4],
  [`${OUT}/无法提供/需要另行制作`]: [0, 0, 0, 0, 0, 0, 0],
  [`${OUT}/无法提供/补正后仍不明确`]: [3, 0, 0, 0, 0, 0, 3],
  [`${OUT}/不予处理/信访举报投诉类`]: [0, 0, 0, 0, 0, 0, 0],
  // "30000033.要求提供…": the last "3." numbers the next row.
  [`${OUT}/不予处理/重复申请`]: [3, 0, 0, 0, 0, 0, 3],
  [`${OUT}/不予处理/要求提供公开出版物`]: [0, 0, 0, 0, 0, 0, 0],
  [`${OUT}/不予处理/无正当理由大量反复申请`]: [0, 0, 0, 0, 0, 0, 0],
  [`${OUT}/不予处理/要求确认或重新出具`]: [0, 0, 0, 0, 0, 0, 0],
  [`${OUT}/其他处理`]: [4, 0, 0, 0, 0, 0, 4],
  // As published ("20 0 00 0 121"), although the outcome rows add up to 26 and 27.
  [`${OUT}/总计`]: [20, 0, 0, 0, 0, 1, 21],
  [`${T3}/结转下年度`]: [0, 0, 0, 0, 0, 0, 0],
};

/** Table 2 of 平潭 2020 by hand: null where the digits have several splits and no equation decides. */
const PINGTAN_T2: Record<string, (number | null)[]> = {
  // "007": 0|0|7 (00 and 07 are no numbers).
  '主动公开/规章': [0, 0, 7],
  // "7777166": 15 splits (7|7|77166 … 77771|6|6), no equation on table 2.
  '主动公开/规范性文件': [null, null, null],
  '主动公开/行政许可': [null, null, null],
  // "107105": 1|0|7105, 10|7|105, 10|710|5, 107|10|5, 1071|0|5.
  '主动公开/其他对外管理服务事项': [null, null, null],
  // "2648-18538": 2648 before the sign in every split; -1|8538, -18|538, -185|38, -1853|8.
  '主动公开/行政处罚': [2648, null, null],
  '主动公开/行政强制': [null, null, null],
  // "35-15": the sign starts the second cell.
  '主动公开/行政事业性收费': [35, -15],
  // "39573802895.90元": nine splits.
  '主动公开/政府集中采购': [null, null],
};

function rowCells(result: ImportResult, row: string): (number | null | undefined)[] {
  const r = check(result.text).report;
  return [...r.cells.values()].filter((c) => c.path.startsWith(`${row}/`) && c.path.split('/').length === row.split('/').length + 1).map((c) => cell(r, c.path));
}

test('平潭综合实验区 2020 (web-archive dump): every uniquely split cell right, the others blank and noted', () => {
  const result = importPath(PINGTAN);
  assert.deepEqual([result.format, result.year, result.agency], ['2019', 2020, '平潭综合实验区']);
  const r = checked(result);
  for (const [row, values] of Object.entries(PINGTAN_T3)) {
    assert.deepEqual(APPLICANTS.map((c) => cell(r, `${row}/${c}`)), values, row);
  }
  for (const [row, values] of Object.entries(PINGTAN_T2)) assert.deepEqual(rowCells(result, row), values, row);
  // Table 4: fifteen zeros.
  for (const c of r.cells.values()) if (c.path.startsWith('复议诉讼/')) assert.equal(cell(r, c.path), 0, c.path);
  // No cell of the report holds a number other than the ones above.
  const expected = new Map<string, number | null | undefined>();
  for (const [row, values] of Object.entries(PINGTAN_T3)) APPLICANTS.forEach((c, k) => expected.set(`${row}/${c}`, values[k]));
  for (const c of r.cells.values()) {
    if (c.path.startsWith('复议诉讼/')) expected.set(c.path, 0);
    // Section 六 has no 信息处理费 row in the 2019 format's dump: the optional cells are absent.
    if (c.path.startsWith('其他事项/')) expected.set(c.path, undefined);
  }
  for (const [row, values] of Object.entries(PINGTAN_T2)) {
    [...r.cells.values()].filter((c) => c.path.startsWith(`${row}/`)).forEach((c, k) => expected.set(c.path, values[k]));
  }
  for (const c of r.cells.values()) assert.equal(cell(r, c.path), expected.get(c.path), c.path);

  const unplaced = result.notes.filter((n) => n.kind === 'unplaced');
  const about = (path: string) => unplaced.find((n) => n.path === path)?.message ?? '';
  assert.match(about('主动公开/其他对外管理服务事项'), /「107105」 有 5 种拆分.*1 \| 0 \| 7105 或 10 \| 7 \| 105 或 10 \| 710 \| 5 或 107 \| 10 \| 5 或 1071 \| 0 \| 5；/);
  assert.match(about('主动公开/行政处罚'), /4 种拆分.*2648 \| -185 \| 38.*（本年增\/减、处理决定数量）留空/);
  assert.match(about('主动公开/规范性文件'), /15 种拆分/);
  assert.match(about('主动公开/行政许可'), /28 种拆分/);
  assert.match(about('主动公开/行政强制'), /15 种拆分/);
  assert.match(about('主动公开/政府集中采购'), /9 种拆分.*395 \| 73802895\.90/);
  // The inferred splits are said, row by row, with their paths.
  const note = (path: string) => result.notes.find((n) => n.kind === 'note' && n.path === path)?.message ?? '';
  assert.match(note(`${T3}/本年新收`), /「200 000121」 拆分为 20 \| 0 \| 0 \| 0 \| 0 \| 1 \| 21（依据：.*row-total）/);
  assert.match(note('主动公开/行政事业性收费'), /「35-15」 拆分为 35 \| -15/);
  assert.match(note(`${OUT}/不予处理/重复申请`), /「3000003」 拆分为 3 \| 0 \| 0 \| 0 \| 0 \| 0 \| 3/);
  assert.match(note('复议诉讼'), /「000000000000000」 拆分为( 0 \|){14} 0/);
  // Rows whose numbers the dump separated itself need no note.
  assert.equal(note(`${OUT}/其他处理`), '');
  assert.match(messages(result, 'note'), /网页存档式的整段文字.*6 个章节/);
  // The blank cells are explained by the split notes, not reported as blank in the document.
  assert.doesNotMatch(messages(result), /原文单元格空白/);
  // Sections and prose.
  assert.ok(r.paragraphs.some((p) => p.part === '总体情况' && /共公布政府信息2602条/.test(p.text)));
  assert.ok(r.paragraphs.some((p) => p.part === '问题与改进' && /基层政务公开标准化/.test(p.text)));
  // The published inconsistency is then found by the checker: （七）总计 20/21 against 26/27.
  const totals = check(result.text).diagnostics.filter((d) => d.code === 'outcome-total');
  assert.deepEqual(totals.map((d) => [d.data?.written, d.data?.computed]), [[20, 26], [21, 27]]);
  assert.deepEqual(check(result.text).diagnostics.filter((d) => d.code === 'balance'), []);
});

test('平潭 2020 with a space kept in the 政府集中采购 run: the count is placed, an amount in 元 is not converted', () => {
  const source = fs.readFileSync(PINGTAN, 'utf8');
  const edited = source.replace('政府集中采购39573802895.90元', '政府集中采购395 73802895.90元');
  assert.notEqual(edited, source);
  const result = importReport({ kind: 'text', data: edited });
  const r = checked(result);
  assert.equal(cell(r, '主动公开/政府集中采购/采购项目数量'), 395);
  assert.equal(cell(r, '主动公开/政府集中采购/采购总金额'), null);
  const unit = result.notes.find((n) => n.path === '主动公开/政府集中采购/采购总金额');
  assert.equal(unit?.kind, 'unplaced');
  assert.match(unit?.message ?? '', /原文金额 73802895\.90 的单位为“元”，本格单位为“万元”，未换算，留空/);
});

/** A synthetic 2021-format dump; `t3` is the text of table 3's rows. */
function dump(t3: string, t2 = '规章0010行政规范性文件5104'): string {
  return [
    '测试县人民政府2023年政府信息公开工作年度报告 本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。',
    '一、总体情况2023年，本县认真落实政府信息公开条例。',
    `二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数${t2}`,
    '第二十条第（五）项信息内容本年处理决定数量行政许可1234第二十条第（六）项信息内容本年处理决定数量行政处罚12行政强制0',
    '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0',
    '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
    t3,
    '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010000000000',
    ' 五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无',
  ].join('');
}

const NEW = '一、本年新收政府信息公开申请数量111 0 0 0 0 12二、上年结转政府信息公开申请数量0000000';
const CARRIED = '四、结转下年度继续办理0000000';

test('a synthetic dump: leading zeros, a split no equation decides, a run that fits no split', () => {
  const result = importReport({ kind: 'text', data: dump(`${NEW}三、本年度办理结果（一）予以公开1000002${CARRIED}`) });
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2023, '测试县人民政府']);
  const r = checked(result);
  // "0010": 0|0|10 only (00, 01 and 010 are no numbers).
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/规章/${c}`)), [0, 0, 10]);
  assert.match(messages(result, 'note'), /「0010」 拆分为 0 \| 0 \| 10（依据：列数、数字不以 0 开头）/);
  // "5104": 5|10|4 or 51|0|4: the cell both agree on is kept, the others blank.
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/行政规范性文件/${c}`)), [null, null, 4]);
  assert.match(messages(result, 'unplaced'), /「5104」 有 2 种拆分.*5 \| 10 \| 4 或 51 \| 0 \| 4；无法确定的单元格（本年制发件数、本年废止件数）留空/);
  // Lone cells of table 2.
  assert.equal(cell(r, '主动公开/行政许可'), 1234);
  assert.equal(cell(r, '主动公开/行政处罚'), 12);
  // "111 0 0 0 0 12": 1|11 or 11|1 both make 12; nothing else tells.
  assert.deepEqual(APPLICANTS.map((c) => cell(r, `${T3}/本年新收/${c}`)), [null, null, 0, 0, 0, 0, 12]);
  assert.match(messages(result, 'unplaced'), /「111 0 0 0 0 12」 有 2 种拆分.*1 \| 11 \| 0 \| 0 \| 0 \| 0 \| 12 或 11 \| 1 \| 0 \| 0 \| 0 \| 0 \| 12/);
  // "1000002": seven cells of one digit each, but 1 ≠ 2: no split, the row blank and said.
  assert.deepEqual(APPLICANTS.map((c) => cell(r, `${OUT}/予以公开/${c}`)), [null, null, null, null, null, null, null]);
  const none = result.notes.find((n) => n.path === `${OUT}/予以公开`);
  assert.equal(none?.kind, 'unplaced');
  assert.match(none?.message ?? '', /「1000002」 无法拆成 7 列.*整行留空/);
  // Table 4 under its header.
  assert.deepEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => cell(r, `复议诉讼/行政复议/${c}`)), [1, 0, 0, 0, 1]);
  assert.equal(cell(r, '复议诉讼/行政诉讼/复议后起诉/总计'), 0);
  // English notes on request.
  assert.match(messages(importReport({ kind: 'text', data: dump(NEW) }, { locale: 'en' })), /the digits 「0010」 were split as 0 \| 0 \| 10/);
});

test('a synthetic dump: an equation across rows chooses between splits, never against a unique one', () => {
  // （七）总计 printed with separators: the balance 本年新收 + 上年结转 = （七）总计 + 结转下年度 picks 1|11.
  const result = importReport({ kind: 'text', data: dump(`${NEW}三、本年度办理结果（七）总计1 11 0 0 0 0 12${CARRIED}`) });
  const r = checked(result);
  assert.deepEqual(APPLICANTS.map((c) => cell(r, `${T3}/本年新收/${c}`)), [1, 11, 0, 0, 0, 0, 12]);
  assert.match(result.notes.find((n) => n.path === `${T3}/本年新收`)?.message ?? '', /拆分为 1 \| 11 \| 0 \| 0 \| 0 \| 0 \| 12（依据：.*balance）/);
  // A （七）总计 that no reading balances decides nothing: both readings stay open.
  const off = importReport({ kind: 'text', data: dump(`${NEW}三、本年度办理结果（七）总计5 7 0 0 0 0 12${CARRIED}`) });
  assert.deepEqual(['自然人', '商业企业'].map((c) => cell(checked(off), `${T3}/本年新收/${c}`)), [null, null]);
  // A unique split stays as read even when the equation across rows fails.
  const unique = importReport({ kind: 'text', data: dump(`一、本年新收政府信息公开申请数量2000002二、上年结转政府信息公开申请数量0000000三、本年度办理结果（七）总计1 1 0 0 0 0 2${CARRIED}`) });
  assert.deepEqual(APPLICANTS.map((c) => cell(checked(unique), `${T3}/本年新收/${c}`)), [2, 0, 0, 0, 0, 0, 2]);
});

test('a synthetic dump: the number of the next row is left off the run, with or without its point', () => {
  const rows = '三、本年度办理结果（三）不予公开1、属于国家秘密00000002、其他法律行政法规禁止公开10000013危及“三安全一稳定”0000000';
  const r = checked(importReport({ kind: 'text', data: dump(`${NEW}${rows}${CARRIED}`) }));
  assert.deepEqual(APPLICANTS.map((c) => cell(r, `${OUT}/不予公开/国家秘密/${c}`)), [0, 0, 0, 0, 0, 0, 0]);
  // "10000013": with the 3 of the next row no split makes the total; without it, 1|0|0|0|0|0|1.
  assert.deepEqual(APPLICANTS.map((c) => cell(r, `${OUT}/不予公开/法律行政法规禁止/${c}`)), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(APPLICANTS.map((c) => cell(r, `${OUT}/不予公开/危及三安全一稳定/${c}`)), [0, 0, 0, 0, 0, 0, 0]);
});

test('digit runs: signs, decimals, separators kept by the dump, and a bounded search', () => {
  const count = {};
  assert.deepEqual(splitRun('007', [count, count, count]).readings, [['0', '0', '7']]);
  assert.deepEqual(splitRun('35-15', [count, { signed: true }]).readings, [['35', '-15']]);
  // A plus sign, printed by some agencies for an increase, likewise.
  assert.deepEqual(splitRun('35+15', [count, { signed: true }, count]).readings, [['35', '+1', '5']]);
  assert.deepEqual(splitRun('3+515', [count, count, count]).readings, []);
  // A minus sign only starts a cell that may be negative.
  assert.deepEqual(splitRun('35-15', [{ signed: true }, count]).readings, []);
  assert.deepEqual(splitRun('30.5', [count, { decimal: true }]).readings, [['3', '0.5']]);
  assert.deepEqual(splitRun('1 23', [count, count]).readings, [['1', '23']]);
  assert.deepEqual(splitRun('12', [count, count, count]).readings, []);
  // A long run into many cells: too many readings, said as such, in bounded time.
  const started = Date.now();
  assert.equal(splitRun('123456789'.repeat(20), Array(15).fill(count)).readings, undefined);
  // Longer than fifteen cells of fifteen digits: no split at all.
  assert.deepEqual(splitRun('9'.repeat(50000), Array(7).fill(count)).readings, []);
  assert.ok(Date.now() - started < 2000);
  // Narrowing keeps every run that no choice of readings satisfies as it was.
  const runs = [
    { cells: ['a', 'b'], readings: [[1, 11], [11, 1]] },
    { cells: ['c'], readings: [[1]] },
  ];
  assert.equal(narrow(runs, [{ lhs: ['a'], rhs: ['c'] }]).size, 1);
  assert.deepEqual(runs[0].readings, [[1, 11]]);
  const stuck = [{ cells: ['a', 'b'], readings: [[1, 11], [11, 1]] }, { cells: ['c'], readings: [[5]] }];
  assert.equal(narrow(stuck, [{ lhs: ['a'], rhs: ['c'] }]).size, 0);
  assert.equal(stuck[0].readings.length, 2);
});

test('a long line that is a paragraph, not a dump, is left to the ordinary reader', () => {
  const text = `测试县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n${'本县认真落实政府信息公开条例，主动公开政府信息。'.repeat(20)}\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0`;
  const result = importReport({ kind: 'text', data: text });
  assert.doesNotMatch(messages(result), /网页存档/);
  assert.equal(cell(checked(result), '主动公开/规章/现行有效'), 0);
});

test('a preface naming the numbered sections in one long sentence is not a dump', () => {
  const preface = `本报告由一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况等部分组成。${'本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。'.repeat(5)}`;
  const text = `测试县人民政府2023年政府信息公开工作年度报告\n${preface}\n一、总体情况\n本县认真落实条例。\n二、主动公开政府信息情况\n规章 | 0 | 0 | 3\n行政许可 | 12`;
  const result = importReport({ kind: 'text', data: text });
  assert.doesNotMatch(messages(result), /网页存档/);
  const r = checked(result);
  assert.equal(cell(r, '主动公开/规章/现行有效'), 3);
  assert.equal(cell(r, '主动公开/行政许可'), 12);
});

test('a huge dump line is read in bounded time', () => {
  const line = `测试县人民政府2023年政府信息公开工作年度报告 一、总体情况${'规章'.repeat(20000)}二、主动公开政府信息情况${'规章1234567890'.repeat(5000)}三、收到和处理政府信息公开申请情况${'（七）总计'.repeat(3000)}${'9'.repeat(50000)}`;
  const started = Date.now();
  const result = importReport({ kind: 'text', data: line });
  assert.ok(Date.now() - started < 20000, `${Date.now() - started} ms`);
  assert.ok(result.recognised);
});
