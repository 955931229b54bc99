/**
 * Rule `numbering`: per ordinal system a repeat, a skip and a step back, each with its exact
 * range, expected ordinal and previous item; restarts, nested lists, lists over paragraphs; the
 * words and numbers that look like ordinals and are not; ranges in every kind of scalar.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/engine/check';
import { covered, fixture, only } from '../helpers';

const base = fixture('engine', 'base.xxgk.yaml');
const PROBLEMS = '问题与改进: |\n  政策解读的形式还不够丰富，下一步将增加图解和视频解读。\n';

/** The base report with 问题与改进 written as these paragraphs (a `|` block). */
function problems(...paragraphs: string[]): string {
  const text = base.replace(PROBLEMS, `问题与改进: |\n${paragraphs.map((p) => `  ${p}`).join('\n\n')}\n`);
  assert.notEqual(text, base);
  return text;
}

interface Seen {
  found: string;
  line: number;
  character: number;
  previous: string;
  previousLine: number;
  message: string;
}

function seen(text: string, locale?: string): Seen[] {
  return only(text, 'numbering', locale ? { locale } : undefined).map((d: Diagnostic) => {
    const prev = d.related?.[0];
    assert.ok(prev, 'the previous item is related information');
    return { found: covered(text, d), line: d.range.start.line, character: d.range.start.character, previous: covered(text, prev), previousLine: prev.range.start.line, message: d.message };
  });
}

/** [list, ordinal that breaks it, expected there, previous ordinal, kind word of the message, which occurrence of the ordinal it is] */
const BROKEN: [string, string, string, string, string, number][] = [
  ['主要措施：一是加强培训；二是完善制度；二是强化监督。', '二是', '三是', '二是', '重复', 2],
  ['主要措施：一是加强培训；三是完善制度；四是强化监督。', '三是', '二是', '一是', '跳号', 1],
  ['主要措施：一是加强培训；二是完善制度；三是强化监督；二是定期评估。', '二是', '四是', '三是', '倒序', 2],
  ['主要措施：第一，加强培训；第二，完善制度；第二，强化监督。', '第二', '第三', '第二', '重复', 2],
  ['主要措施：第一，加强培训；第三，完善制度。', '第三', '第二', '第一', '跳号', 1],
  ['主要措施：第一，加强培训；第二，完善制度；第一，强化监督。', '第一', '第三', '第二', '倒序', 2],
  ['主要措施：首先，加强培训；其次，完善制度；其次，强化监督。', '其次', '再次', '其次', '重复', 2],
  ['主要措施：首先，加强培训；再次，完善制度。', '再次', '其次', '首先', '跳号', 1],
  ['主要措施：首先，加强培训；其次，完善制度；首先，强化监督。', '首先', '再次', '其次', '倒序', 2],
  ['主要措施：（一）加强培训；（二）完善制度；（二）强化监督。', '（二）', '（三）', '（二）', '重复', 2],
  ['主要措施：（一）加强培训；（三）完善制度。', '（三）', '（二）', '（一）', '跳号', 1],
  ['主要措施：（一）加强培训；（三）完善制度；（二）强化监督。', '（三）', '（二）', '（一）', '跳号', 1],
  ['主要措施：(1)加强培训；(2)完善制度；(2)强化监督。', '(2)', '(3)', '(2)', '重复', 2],
  ['主要措施：（1）加强培训；（2）完善制度；（4）强化监督。', '（4）', '（3）', '（2）', '跳号', 1],
  ['主要措施：（1）加强培训；（2）完善制度；（3）强化监督；（2）定期评估。', '（2）', '（4）', '（3）', '倒序', 2],
  ['主要措施：1.加强培训；2.完善制度；2.强化监督。', '2.', '3.', '2.', '重复', 2],
  ['主要措施：1.加强培训；3.完善制度。', '3.', '2.', '1.', '跳号', 1],
  ['主要措施：1.加强培训；2.完善制度；3.强化监督；1.定期评估。', '1.', '4.', '3.', '倒序', 2],
  ['主要措施：1、加强培训；2、完善制度；2、强化监督。', '2、', '3、', '2、', '重复', 2],
  ['主要措施：1、加强培训；4、完善制度。', '4、', '2、', '1、', '跳号', 1],
  ['主要措施：１．加强培训；２．完善制度；１．强化监督。', '１．', '３．', '２．', '倒序', 2],
];

test('numbering: a repeat, a skip and a step back in every ordinal system, once per list', () => {
  for (const [list, found, expected, previous, kind, nth] of BROKEN) {
    const text = problems(list);
    const ds = seen(text);
    assert.equal(ds.length, 1, list);
    const [d] = ds;
    assert.equal(d.found, found, list);
    assert.equal(d.previous, previous, list);
    assert.ok(d.message.includes(`「${expected}」`), `${list}: ${d.message}`);
    assert.ok(d.message.includes(kind), `${list}: ${d.message}`);
    let at = -1;
    for (let i = 0; i < nth; i++) at = list.indexOf(found, at + 1);
    assert.equal(d.character, 2 + at, `${list}: the ${nth}. ${found}`);
  }
});

test('numbering: the ordinals in sequence pass in every system', () => {
  const good = [
    '主要措施：一是加强培训；二是完善制度；三是强化监督；四是定期评估。',
    '主要措施：第一，加强培训；第二，完善制度；第三，强化监督。',
    '主要措施：首先，加强培训；其次，完善制度；再次，强化监督；最后，定期评估。',
    '主要措施：首先，加强培训；最后，定期评估。',
    '主要措施：（一）加强培训；（二）完善制度；（三）强化监督。',
    '主要措施：(1)加强培训；(2)完善制度；（3）强化监督。',
    '主要措施：1.加强培训；2.完善制度；3.强化监督。',
    '主要措施：1、加强培训；2、完善制度；3、强化监督。',
    '一是加强培训；二是完善制度；三是强化监督；四是定期评估；五是公开目录；六是新媒体；七是依申请；八是复议；九是诉讼；十是考核；十一是档案。',
  ];
  for (const list of good) assert.deepEqual(seen(problems(list)), [], list);
});

test('numbering: the seed report — 一是…一是…二是…二是 is one broken list, one warning on the second 一是', () => {
  const text = problems(
    '一是加强领导，健全组织机构。采取一系列措施，进一步规范政府信息公开内容。一是内容更加充实。二是时间更加及时。二是规范公开内容，提升信息质量。',
  );
  const [d, ...more] = seen(text);
  assert.deepEqual(more, []);
  assert.equal(d.found, '一是');
  assert.equal(d.previous, '一是');
  assert.match(d.message, /重复.*「二是」/);
  assert.equal(d.character, text.split('\n')[d.line].indexOf('一是内容'));
});

test('numbering: a list may start again after an introduction, in a new paragraph, or on a new line', () => {
  // Introductions: 以下, 如下, a colon, 针对上述问题.
  assert.deepEqual(seen(problems('存在问题：一是栏目更新不及时；二是解读形式单一。下一步将采取以下措施：一是加强培训；二是完善制度。')), []);
  assert.deepEqual(seen(problems('存在问题：一是栏目更新不及时；二是解读形式单一。改进如下。一是加强培训；二是完善制度。')), []);
  assert.deepEqual(seen(problems('存在问题：（1）更新不及时；（2）形式单一。改进措施：（1）加强培训；（2）完善制度。')), []);
  assert.deepEqual(seen(problems('存在问题：1.更新不及时；2.形式单一。针对上述问题，1.加强培训；2.完善制度。')), []);
  // The same sentence with no introduction: one list that counts 一是 twice.
  const plain = seen(problems('存在问题：一是栏目更新不及时；二是解读形式单一。我们加强了管理。一是加强培训；二是完善制度。'));
  assert.equal(plain.length, 1);
  assert.match(plain[0].message, /「三是」/);
  // A paragraph whose first 一是 starts a new list (not only when it opens the paragraph).
  assert.deepEqual(seen(problems('一是栏目更新不及时；二是解读形式单一。', '改进措施方面，一是加强培训；二是完善制度。')), []);
  // Lines of one paragraph (single line breaks in a `|` block).
  assert.deepEqual(seen(problems('存在问题\n  一是栏目更新不及时；二是解读形式单一。\n  改进情况\n  一是加强培训；二是完善制度。')), []);
});

test('numbering: nested lists of another system are their own lists', () => {
  const nested = '一是加强培训：（1）集中培训；（2）专题培训。二是完善制度：（1）修订办法；（2）建立台账。三是强化监督。';
  assert.deepEqual(seen(problems(nested)), []);
  const inner = seen(problems('一是加强培训：（1）集中培训；（1）专题培训。二是完善制度。'));
  assert.equal(inner.length, 1);
  assert.equal(inner[0].found, '（1）');
  assert.match(inner[0].message, /「（2）」/);
  const outer = seen(problems('一是加强培训：（1）集中培训；（2）专题培训。三是完善制度：（1）修订办法。'));
  assert.equal(outer.length, 1);
  assert.equal(outer[0].found, '三是');
  assert.equal(outer[0].previous, '一是');
  // Paragraphs headed （一）（二） each with their own 一是 list.
  assert.deepEqual(seen(problems('（一）存在问题。一是更新不及时；二是形式单一。', '（二）改进情况。一是加强培训；二是完善制度。')), []);
  const heads = seen(problems('（一）存在问题。一是更新不及时；二是形式单一。', '（三）改进情况。一是加强培训。'));
  assert.deepEqual(heads.map((d) => [d.found, d.previous]), [['（三）', '（一）']]);
});

test('numbering: a list over consecutive paragraphs is one list; a heading ends it', () => {
  const text = problems('存在以下问题。', '一是栏目更新不及时。', '二是解读形式单一。', '二是队伍力量薄弱。');
  const [d, ...more] = seen(text);
  assert.deepEqual(more, []);
  assert.equal(d.found, '二是');
  const lines = text.split('\n');
  assert.ok(lines[d.line].includes('二是队伍力量薄弱'));
  assert.ok(lines[d.previousLine].includes('二是解读形式单一'));
  // A paragraph without items in between does not end it.
  assert.equal(seen(problems('一是栏目更新不及时。', '具体表现为部分栏目长期未更新。', '三是解读形式单一。')).length, 1);
  // Sub-sections: each heading starts afresh, and the first item of a list is never compared.
  const sections = base.replace(
    PROBLEMS,
    '问题与改进:\n  - 标题: 存在的问题\n    正文: 一是栏目更新不及时；二是解读形式单一。\n  - 标题: 改进情况\n    正文: 三是加强培训；四是完善制度。\n',
  );
  assert.deepEqual(seen(sections), []);
});

test('numbering: words and numbers that only look like ordinals are not list items', () => {
  const text = problems(
    '一是驻村第一书记第一时间公开，第一批、第一季度及第一、二批的信息均已公开，坚持安全第一，首先要保证准确。' +
      '二是依照《条例》第二十条第（一）（五）项和第1条，全年收费2.5万元，于2023.12.31前完成，涉及1、3、5号楼和（2023）年度文件。' +
      '三是唯一是否公开的问题，原因之一是统一是非标准；引用《关于印发（二）的通知》和“一是…三是”的表述。',
  );
  assert.deepEqual(seen(text), []);
  // 首先 used once is no list to break.
  assert.deepEqual(seen(problems('首先，要提高认识。政策解读的形式还不够丰富。')), []);
});

test('numbering: ranges are exact in double-quoted, escaped and folded scalars', () => {
  const quoted = base.replace('  正文: 本年度未收取信息处理费，无其他需要报告的事项。', '  正文: "一是加强\\"培训\\"；一是完善制度。"');
  let [d] = seen(quoted);
  assert.equal(d.found, '一是');
  assert.equal(d.character, quoted.split('\n')[d.line].indexOf('一是完善'));
  const folded = base.replace('  正文: 本年度未收取信息处理费，无其他需要报告的事项。', '  正文: 本年度一是加强培训；\n    一是完善制度。');
  [d] = seen(folded);
  assert.equal(d.found, '一是');
  assert.ok(folded.split('\n')[d.line].trim().startsWith('一是完善制度'));
  assert.ok(folded.split('\n')[d.previousLine].includes('本年度一是加强培训'));
});

test('numbering: messages in English on request', () => {
  const [d] = seen(problems('一是加强培训；三是完善制度。'), 'en');
  assert.equal(d.message, 'Skipped list ordinal: the previous item is 「一是」, so 「三是」 here should be 「二是」');
});

/** The first three ordinals of every system, as written. */
const SYSTEMS: [string, string, string][] = [
  ['一是', '二是', '三是'],
  ['第一，', '第二，', '第三，'],
  ['首先，', '其次，', '再次，'],
  ['（一）', '（二）', '（三）'],
  ['（1）', '（2）', '（3）'],
  ['1.', '2.', '3.'],
  ['1、', '2、', '3、'],
];

test('numbering, every system: a restart after an introduction, and the same restart without one', () => {
  for (const [a, b] of SYSTEMS) {
    assert.deepEqual(seen(problems(`存在以下问题：${a}更新不及时；${b}形式单一。下一步将采取以下措施：${a}加强培训；${b}完善制度。`)), [], a);
    assert.deepEqual(seen(problems(`主要有以下几个方面：${a}更新不及时；${b}形式单一。`)), [], a);
    const ds = seen(problems(`${a}更新不及时；${b}形式单一。我们加强了管理。${a}加强培训；${b}完善制度。`));
    assert.equal(ds.length, 1, a);
    assert.equal(ds[0].found, a.replace(/[，]$/, ''));
    assert.equal(ds[0].previous, b.replace(/[，]$/, ''));
  }
});

test('numbering, every system: nested in another list, and broken inside it', () => {
  for (const [a, b] of SYSTEMS) {
    const outer = a === '一是' ? ['（一）', '（二）'] : ['一是', '二是'];
    assert.deepEqual(seen(problems(`${outer[0]}加强培训：${a}集中培训；${b}专题培训。${outer[1]}完善制度：${a}修订办法；${b}建立台账。`)), [], a);
    const ds = seen(problems(`${outer[0]}加强培训：${a}集中培训；${a}专题培训。${outer[1]}完善制度。`));
    assert.equal(ds.length, 1, a);
    assert.equal(ds[0].found, a.replace(/[，]$/, ''));
    assert.match(ds[0].message, new RegExp(`「${b.replace(/[，]$/, '').replace(/[.()]/g, '\\$&')}」`));
  }
});

test('numbering, every system: one list over consecutive paragraphs', () => {
  for (const [a, b, c] of SYSTEMS) {
    assert.deepEqual(seen(problems(`${a}更新不及时。`, `${b}形式单一。`, `${c}队伍薄弱。`)), [], a);
    const ds = seen(problems(`${a}更新不及时。`, `${b}形式单一。`, `${b}队伍薄弱。`));
    assert.equal(ds.length, 1, a);
    assert.equal(ds[0].previousLine + 2, ds[0].line, a);
  }
});
