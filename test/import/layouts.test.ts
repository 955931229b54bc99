/**
 * The layouts real copies of published reports come in, each from real text: pipe rows with edge
 * pipes (官洲街道 2023), tab-separated rows keeping their empty cells, one cell per line (a PDF
 * viewer's copy of 洪泽区 2024), blank marks, numbers as people write them, and labels matched by
 * fuzzy comparison with the format's labels and aliases, every fuzzy match said.
 *
 * Fixtures: `hongze-2024-viewer-copy.txt` is the text of real-docs/hongze-2024.pdf with every table
 * cell on its own line, as copying out of a PDF viewer gives it (wrapped labels stay on two lines,
 * page numbers stay between rows). `hongze-2024-table-copy.txt` holds the same report's tables as
 * copied from a Word/WPS/Excel table: tab-separated, merged label cells as empty slots. Expected
 * values are read from the PDF.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCell } from '../../server/src/engine/import/cellValue';
import { importReport } from '../../server/src/engine/import';
import { findTargets, normalizeLabel } from '../../server/src/engine/import/normalize';
import { readText } from '../../server/src/engine/import/readText';
import { splitLine } from '../../server/src/engine/import/rows';
import { cell, checked, fixturePath, importPath, messages, reference } from './helpers';
import { check } from '../../server/src/engine/check';
import type { Report } from '../../server/src/engine/check';

const T3 = '依申请公开';
const OUT = `${T3}/办理结果`;
const REQUEST_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const APPEAL_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

const rowOf = (r: Report, path: string, columns = REQUEST_COLUMNS) => columns.map((c) => cell(r, `${path}/${c}`));
const zeros = [0, 0, 0, 0, 0, 0, 0];

test('pipe rows: a trailing pipe, a leading pipe, pipes without spaces, a caption ending in a pipe', () => {
  assert.deepEqual(readText('规章 | 0 | 0 | 0 |\n|行政许可|0|\n行政处罚|1472\n第二十条第(五)项 |\n'), [
    {
      kind: 'table',
      rows: [['规章', '0', '0', '0'], ['行政许可', '0'], ['行政处罚', '1472'], ['第二十条第(五)项']],
    },
  ]);
  // An empty cell between pipes is a cell.
  assert.deepEqual(readText('规章 | 0 |  | 0 |'), [{ kind: 'table', rows: [['规章', '0', '', '0']] }]);
  // Prose without a pipe at either end or between two cells stays text.
  assert.equal(readText('电话：0517-87290606')[0].kind, 'text');
});

test('官洲街道 2023: trailing pipes, group labels as leading cells; the rest blank and said, no 机关 invented', () => {
  const result = importPath(reference('real-reports', '09-guanzhou-jiedao-2023.txt'));
  assert.equal(result.format, '2021');
  assert.equal(result.year, 2023);
  // No title in the text: 机关 is left to the note (and the checker asks for it), not taken from the prose.
  assert.equal(result.agency, undefined);
  assert.match(messages(result, 'unplaced'), /未能从标题.*识别报告机关/);
  const { report: r, diagnostics } = check(result.text);
  const structural = diagnostics.filter((d) => ['yaml-syntax', 'unknown-key', 'invalid-value', 'fullwidth'].includes(d.code));
  // The key is left out, with a commented line saying what to write: the checker asks for it.
  assert.deepEqual(structural, []);
  assert.match(result.text, /^# 机关: /m);
  assert.ok(diagnostics.some((d) => d.code === 'missing-item' && /机关/.test(d.message)));
  // Table 2, every cell as printed.
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/规章/${c}`)), [0, 0, 0]);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/行政规范性文件/${c}`)), [0, 0, 0]);
  assert.equal(cell(r, '主动公开/行政许可'), 0);
  assert.equal(cell(r, '主动公开/行政处罚'), 1472);
  assert.equal(cell(r, '主动公开/行政强制'), 0);
  assert.equal(cell(r, '主动公开/行政事业性收费'), 0);
  // Table 3: "三、本年度办理结果 | (一)予以公开 | 0 | …" and "(三)不予公开 | 1.属于国家秘密 | 0 | …".
  assert.deepEqual(rowOf(r, `${T3}/本年新收`), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(rowOf(r, `${T3}/上年结转`), zeros);
  assert.deepEqual(rowOf(r, `${OUT}/予以公开`), zeros);
  assert.deepEqual(rowOf(r, `${OUT}/部分公开`), zeros);
  for (const row of ['国家秘密', '法律行政法规禁止', '危及三安全一稳定', '保护第三方合法权益', '三类内部事务信息']) {
    assert.deepEqual(rowOf(r, `${OUT}/不予公开/${row}`), zeros, row);
  }
  // The text stops inside row 6 (six values of seven): blank, quoted; every row after it blank and said.
  assert.deepEqual(rowOf(r, `${OUT}/不予公开/四类过程性信息`), [null, null, null, null, null, null, null]);
  const unplaced = messages(result, 'unplaced');
  assert.match(unplaced, /6\.属于四类过程性信息」：原文 「0 \| 0 \| 0 \| 0 \| 0 \| 0」 与应有的 7 列对不上/);
  assert.deepEqual(rowOf(r, `${OUT}/不予公开/行政执法案卷`), [null, null, null, null, null, null, null]);
  assert.match(unplaced, /未找到 「7\.属于行政执法案卷」 一行/);
  assert.match(unplaced, /未找到 「四、结转下年度继续办理」 一行/);
  assert.equal(cell(r, '复议诉讼/行政复议/总计'), null);
  assert.match(unplaced, /未找到表四的 15 个数字/);
  // Header lines ending in a pipe are not rows of numbers left over.
  assert.doesNotMatch(unplaced, /无法对应到格式中的行/);
});

test('tab-separated rows: empty cells keep their columns; a single leading tab is still Word\'s one-cell line', () => {
  assert.deepEqual(readText('自然人\t\t3\t\t5\n\t\t申请人情况\t法人或其他组织\n'), [
    { kind: 'table', rows: [['自然人', '', '3', '', '5'], ['', '', '申请人情况', '法人或其他组织']], grid: true },
  ]);
  // A spreadsheet quotes a cell holding a line break: the row continues on the next line.
  assert.deepEqual(readText('"（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）"\t9\t0\n"3.危及""三安全一稳定"""\t1\t0\n'), [
    {
      kind: 'table',
      rows: [
        ['（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）', '9', '0'],
        ['3.危及"三安全一稳定"', '1', '0'],
      ],
      grid: true,
    },
  ]);
  // An unclosed quote in prose joins nothing.
  assert.equal(readText('"引号\n下一行\n').length, 2);
  // A paragraph or heading indented with tabs stays text.
  assert.deepEqual(readText('\t\t一、总体情况\t\n'), [{ kind: 'text', text: '一、总体情况', line: true }]);
  // 上海市科委 2024, 四、结转下年度继续办理 with its blank 总计, copied from a table with three
  // merged label columns: the slots of the label on the left, the blank cell on the right.
  const text = [
    '上海市科委2024年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
    '\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
    '四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t',
  ].join('\n');
  const result = importReport({ kind: 'text', data: text });
  const r = checked(result);
  assert.deepEqual(rowOf(r, `${T3}/结转下年度`), [1, 0, 0, 0, 0, 0, null]);
  assert.match(messages(result, 'note'), /「四、结转下年度继续办理」：原文单元格空白（总计），保持空白/);
  // A blank in the middle stays in its column, it does not shift the numbers after it.
  const middle = importReport({ kind: 'text', data: text.replace('\t1\t0\t0\t0\t0\t0\t', '\t1\t\t0\t0\t0\t0\t1') });
  assert.deepEqual(rowOf(checked(middle), `${T3}/结转下年度`), [1, null, 0, 0, 0, 0, 1]);
});

/** Every cell of 洪泽区 2024 as printed in the PDF. */
function hongzeCells(r: Report): void {
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/规章/${c}`)), [0, 0, 0]);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/行政规范性文件/${c}`)), [3, 0, 8]);
  assert.equal(cell(r, '主动公开/行政许可'), 9487);
  assert.equal(cell(r, '主动公开/行政处罚'), 2776);
  assert.equal(cell(r, '主动公开/行政强制'), 84);
  assert.equal(cell(r, '主动公开/行政事业性收费'), 7545);
  assert.deepEqual(rowOf(r, `${T3}/本年新收`), [95, 0, 0, 0, 0, 0, 95]);
  assert.deepEqual(rowOf(r, `${T3}/上年结转`), zeros);
  assert.deepEqual(rowOf(r, `${OUT}/予以公开`), [50, 0, 0, 0, 0, 0, 50]);
  assert.deepEqual(rowOf(r, `${OUT}/部分公开`), [9, 0, 0, 0, 0, 0, 9]);
  const withheld: [string, number][] = [
    ['国家秘密', 0],
    ['法律行政法规禁止', 0],
    ['危及三安全一稳定', 1],
    ['保护第三方合法权益', 0],
    ['三类内部事务信息', 0],
    ['四类过程性信息', 1],
    ['行政执法案卷', 1],
    ['行政查询事项', 0],
  ];
  for (const [row, n] of withheld) assert.deepEqual(rowOf(r, `${OUT}/不予公开/${row}`), [n, 0, 0, 0, 0, 0, n], row);
  assert.deepEqual(rowOf(r, `${OUT}/无法提供/本机关不掌握`), [31, 0, 0, 0, 0, 0, 31]);
  assert.deepEqual(rowOf(r, `${OUT}/无法提供/需要另行制作`), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(rowOf(r, `${OUT}/无法提供/补正后仍不明确`), zeros);
  assert.deepEqual(rowOf(r, `${OUT}/不予处理/信访举报投诉类`), [1, 0, 0, 0, 0, 0, 1]);
  for (const row of ['重复申请', '要求提供公开出版物', '无正当理由大量反复申请', '要求确认或重新出具']) assert.deepEqual(rowOf(r, `${OUT}/不予处理/${row}`), zeros, row);
  assert.deepEqual(rowOf(r, `${OUT}/总计`), [95, 0, 0, 0, 0, 0, 95]);
  assert.deepEqual(rowOf(r, `${T3}/结转下年度`), zeros);
  assert.deepEqual(rowOf(r, '复议诉讼/行政复议', APPEAL_COLUMNS), [1, 1, 0, 0, 2]);
  assert.deepEqual(rowOf(r, '复议诉讼/行政诉讼/未经复议直接起诉', APPEAL_COLUMNS), [1, 0, 0, 0, 1]);
  assert.deepEqual(rowOf(r, '复议诉讼/行政诉讼/复议后起诉', APPEAL_COLUMNS), [2, 0, 1, 0, 3]);
}

/** What 洪泽区 2024 does not fit: the single （六）其他处理 row of the 2019 format, and a misspelt label. */
function hongzeNotes(result: ReturnType<typeof importReport>, r: Report): void {
  // The single row is the sum of the format's three rows: none of them is written, and it is said.
  for (const row of ['逾期不补正', '逾期未缴费', '其他']) assert.deepEqual(rowOf(r, `${OUT}/其他处理/${row}`), [null, null, null, null, null, null, null], row);
  const group = result.notes.find((n) => n.path === `${OUT}/其他处理` && n.kind === 'unplaced');
  assert.match(group?.message ?? '', /原文 「（六）其他处理」 作为一行（0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0）/);
  // "2.其他法律行政止公开": placed by its label (characters dropped), not by position, and said.
  const typo = result.notes.find((n) => n.path === `${OUT}/不予公开/法律行政法规禁止`);
  assert.match(typo?.message ?? '', /标签 「2\.其他法律行政止公开」 与格式略有出入/);
  assert.doesNotMatch(messages(result), /按行的顺序放置/);
}

test('洪泽区 2024 copied out of a PDF viewer (one cell per line): rows rebuilt from each table\'s columns', () => {
  const result = importPath(fixturePath('hongze-2024-viewer-copy.txt'));
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '淮安市洪泽区人民政府']);
  const r = checked(result);
  hongzeCells(r);
  hongzeNotes(result, r);
  // Prose lines are not table cells: the section-六 sentence is intact.
  assert.ok(r.paragraphs.some((p) => /全年收取政府信息公开信息处理费0元/.test(p.text)));
});

test('洪泽区 2024 tables copied from Word/WPS/Excel (tab-separated, merged label cells as empty slots)', () => {
  const result = importPath(fixturePath('hongze-2024-table-copy.txt'));
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '淮安市洪泽区人民政府']);
  const r = checked(result);
  hongzeCells(r);
  hongzeNotes(result, r);
});

test('one value per line: a run of several rows is cut by the table\'s width; a short run is not guessed', () => {
  const head = ['测试区人民政府2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'];
  // Two labels printed above their two rows of numbers (14 values).
  const both = importReport({ kind: 'text', data: [...head, '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', ...'95 0 0 0 0 0 95 2 0 0 0 0 0 2'.split(' ')].join('\n') });
  const r = checked(both);
  assert.deepEqual(rowOf(r, `${T3}/本年新收`), [95, 0, 0, 0, 0, 0, 95]);
  assert.deepEqual(rowOf(r, `${T3}/上年结转`), [2, 0, 0, 0, 0, 0, 2]);
  // A merged group label centred beside a row comes between the row's label and its numbers.
  const centred = importReport({
    kind: 'text',
    data: [...head, '2.其他法律行政法规禁止公开', ...'0 0 0 0 0 0 0'.split(' '), '3.危及“三安全一稳定”', '（三）不予公开', ...'1 0 0 0 0 0 1'.split(' '), '4.保护第三方合法权益', ...'2 0 0 0 0 0 2'.split(' ')].join('\n'),
  });
  assert.deepEqual(rowOf(checked(centred), `${OUT}/不予公开/危及三安全一稳定`), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(rowOf(checked(centred), `${OUT}/不予公开/保护第三方合法权益`), [2, 0, 0, 0, 0, 0, 2]);
  assert.doesNotMatch(messages(centred), /按行的顺序放置|作为一行/);
  // Table 2: two labels, then the numbers of both rows (3 + 3, each table's own width).
  const t2 = importReport({ kind: 'text', data: [head[0], '二、主动公开政府信息情况', '规章', '行政规范性文件', ...'0 0 0 3 0 8'.split(' '), '行政许可', '9487'].join('\n') });
  const r2 = checked(t2);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r2, `主动公开/规章/${c}`)), [0, 0, 0]);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r2, `主动公开/行政规范性文件/${c}`)), [3, 0, 8]);
  assert.equal(cell(r2, '主动公开/行政许可'), 9487);
  // Six values under a label: not a row of seven, left blank and quoted.
  const short = importReport({ kind: 'text', data: [...head, '一、本年新收政府信息公开申请数量', ...'95 0 0 0 0 95'.split(' ')].join('\n') });
  assert.deepEqual(rowOf(checked(short), `${T3}/本年新收`), [null, null, null, null, null, null, null]);
  assert.match(messages(short, 'unplaced'), /与应有的 7 列对不上/);
});

test('blank marks stay blank, each with a note: （空） 空 / — － - 无', () => {
  for (const mark of ['（空）', '(空)', '空', '/', '—', '－', '-', '无']) assert.deepEqual(parseCell(mark), { kind: 'blank', mark }, mark);
  const text = ['测试区人民政府2024年政府信息公开工作年度报告', '二、主动公开政府信息情况', '行政许可 | （空）', '行政处罚 | －', '行政强制 | 5', '行政事业性收费 | /'].join('\n');
  const result = importReport({ kind: 'text', data: text });
  const r = checked(result);
  assert.deepEqual(['行政许可', '行政处罚', '行政强制', '行政事业性收费'].map((c) => cell(r, `主动公开/${c}`)), [null, null, 5, null]);
  assert.match(messages(result, 'note'), /「行政许可」：原文为 「（空）」，按空白导入/);
  assert.match(messages(result, 'note'), /「行政处罚」：原文为 「－」，按空白导入/);
});

test('numbers as written: thousands separators, full-width digits, a note in the cell, a unit', () => {
  assert.deepEqual(parseCell('1，234'), { kind: 'number', value: 1234 });
  assert.deepEqual(parseCell('447,228'), { kind: 'number', value: 447228 });
  assert.deepEqual(parseCell('１２'), { kind: 'number', value: 12 });
  assert.deepEqual(parseCell('２，７７６'), { kind: 'number', value: 2776 });
  assert.deepEqual(parseCell('7545万元'), { kind: 'number', value: 7545 });
  assert.deepEqual(parseCell('22件（其中修订16件）'), { kind: 'number', value: 22, note: '件（其中修订16件）' });
  // A unit apart from its number belongs to it; "2024 年" is still text.
  assert.deepEqual(splitLine('行政许可 9487 件'), ['行政许可', '9487件']);
  assert.deepEqual(splitLine('行政事业性收费 7545 万元'), ['行政事业性收费', '7545万元']);
  assert.deepEqual(splitLine('2024 年'), ['2024年']);
  const text = ['测试区人民政府2025年政府信息公开工作年度报告', '二、主动公开政府信息情况', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数', '规章 | 22（其中修订16件） | 0 | 55', '行政许可 | 447，228', '行政处罚 | ２７７６'].join('\n');
  const result = importReport({ kind: 'text', data: text });
  const r = checked(result);
  assert.equal(cell(r, '主动公开/规章/本年制发'), 22);
  assert.equal(cell(r, '主动公开/规章/现行有效'), 55);
  assert.equal(cell(r, '主动公开/行政许可'), 447228);
  assert.equal(cell(r, '主动公开/行政处罚'), 2776);
  assert.match(messages(result, 'note'), /「规章·本年制发件数」：原文 「22（其中修订16件）」，导入数字 22/);
});

test('labels as people write them: spaces, numbering, typos, the other format\'s wording; each match said', () => {
  // Characters dropped ("其他法律行政止公开") are found only when one label holds them all.
  const targets = ['其他法律行政法规禁止公开', '属于国家秘密', '其他'].map((l, i) => ({ value: i, forms: [normalizeLabel(l)] }));
  assert.deepEqual(findTargets(normalizeLabel('2.其他法律行政止公开'), targets).map((h) => [h.value, h.how]), [[0, 'typo']]);
  assert.deepEqual(findTargets(normalizeLabel('3.其他'), targets).map((h) => [h.value, h.how]), [[2, 'exact']]);
  const text = [
    '测试区人民政府2024年政府信息公开工作年度报告',
    '二、主动公开政府信息情况',
    '规范性文件 | 3 | 0 | 8',
    '三、收到和处理政府信息公开申请情况',
    '三 、本 年 度办 理 结果 | （一）予 以 公 开 | 50 | 0 | 0 | 0 | 0 | 0 | 50',
    '（三）不予公开 | （1）属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
    '2、其他法律行政止公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2',
    '5.要求行政机关确认或重新出具已获得信息 | 3 | 0 | 0 | 0 | 0 | 0 | 3',
  ].join('\n');
  const result = importReport({ kind: 'text', data: text });
  const r = checked(result);
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/行政规范性文件/${c}`)), [3, 0, 8]);
  assert.deepEqual(rowOf(r, `${OUT}/予以公开`), [50, 0, 0, 0, 0, 0, 50]);
  assert.deepEqual(rowOf(r, `${OUT}/不予公开/国家秘密`), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(rowOf(r, `${OUT}/不予公开/法律行政法规禁止`), [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(rowOf(r, `${OUT}/不予处理/要求确认或重新出具`), [3, 0, 0, 0, 0, 0, 3]);
  const notes = messages(result, 'note');
  assert.match(notes, /「行政规范性文件」：原文标签写作 「规范性文件」/);
  assert.match(notes, /「2\.其他法律行政法规禁止公开」：标签 「2、其他法律行政止公开」 与格式略有出入/);
  assert.match(notes, /「5\.要求行政机关确认或重新出具已获取信息」：标签 「5\.要求行政机关确认或重新出具已获得信息」 与格式略有出入/);
  // Spaces and numbering are no typo: nothing said about those rows.
  assert.doesNotMatch(notes, /「（一）予以公开」/);
  assert.doesNotMatch(notes, /「1\.属于国家秘密」/);
  assert.doesNotMatch(notes, /按行的顺序放置/);
  // The 2021 wording in a 2019 table.
  const old = ['测试区人民政府2020年政府信息公开工作年度报告', '二、主动公开政府信息情况', '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量', '行政规范性文件 | 2 | 2 | 40'].join('\n');
  const r2019 = importReport({ kind: 'text', data: old });
  assert.equal(r2019.format, '2019');
  assert.deepEqual(['本年新制作', '本年新公开', '对外公开总数'].map((c) => cell(checked(r2019), `主动公开/规范性文件/${c}`)), [2, 2, 40]);
  assert.match(messages(r2019, 'note'), /「规范性文件」：原文标签写作 「行政规范性文件」/);
});
