/**
 * Bad input gives diagnostics in bounded time: never an exception, a hang, a stack overflow or a
 * range outside the text. Times are asserted only as a hang guard (GUARD_MS), not measured.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import type { CheckResult, Diagnostic } from '../../server/src/engine/check';
import { i18n } from '../../server/src/engine/i18n/messages';
import { MAX_SOURCE_LENGTH } from '../../server/src/engine/parse/report';
import { refusalDetail } from '../../server/src/engine/parse/yaml';
import type { Refusal } from '../../server/src/engine/parse/yaml';
import { covered, example, prng } from '../helpers';

const GUARD_MS = 5000;
const zh = i18n('zh-CN').m;
const refused = (limit: Refusal['limit']) => zh.yamlSyntax(refusalDetail({ limit, at: 0 }, 'zh-CN'));


/** Every range (and related range) lies inside the text the engine read (after a BOM). */
function assertRangesInside(text: string, diagnostics: Diagnostic[], label = ''): void {
  // A lone CR ends a line too (YAML, LSP); a byte-order mark is a character of line 0, as in the editor.
  const lines = text.replace(/\r(?!\n)/g, '\n').split('\n');
  const inside = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  for (const d of diagnostics) {
    for (const r of [d.range, ...(d.related ?? []).map((x) => x.range)]) {
      assert.ok(inside(r.start) && inside(r.end), `${label} ${d.code} range ${JSON.stringify(r)} outside the text`);
      assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${label} ${d.code} range reversed`);
    }
  }
}

/** check() with the hang guard and the range check; returns the result. */
function timed(text: string, label: string): CheckResult {
  const t0 = performance.now();
  const result = check(text);
  const ms = performance.now() - t0;
  assert.ok(ms < GUARD_MS, `${label}: check took ${ms.toFixed(0)} ms`);
  assert.ok(Array.isArray(result.diagnostics));
  assertRangesInside(text, result.diagnostics, label);
  return result;
}

const codesOf = (r: CheckResult) => [...new Set(r.diagnostics.map((d) => d.code))].sort();
const messages = (r: CheckResult, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => d.message);

// ---------------------------------------------------------------- empty and non-text input

test('an empty file gives one missing-item saying the file is empty', () => {
  const r = timed('', 'empty');
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['missing-item', zh.emptyFile()]]);
});

test('whitespace-only and comment-only files count as empty', () => {
  for (const text of ['   ', '\n\n\n', '  \n \r\n\t\n  ', '# 只有注释\n# comment only\n']) {
    const r = timed(text, JSON.stringify(text));
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['missing-item', zh.emptyFile()]], JSON.stringify(text));
  }
});

test('random binary bytes including NUL give yaml-syntax (binary content) at the NUL', () => {
  const rand = prng(20240101);
  for (const size of [16, 1000, 100_000]) {
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = Math.floor(rand() * 256);
    bytes[Math.floor(size / 2)] = 0;
    const text = bytes.toString('utf8');
    const r = timed(text, `binary ${size}`);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['yaml-syntax', zh.binary()]]);
    assert.equal(covered(text, r.diagnostics[0]), '\u0000');
  }
});

test('random bytes without NUL give some diagnostic and no exception', () => {
  const rand = prng(7);
  // Raw bytes, and bytes drawn from YAML's own punctuation (more likely to reach deep code paths).
  const alphabets = [null, Buffer.from('[]{}:- ?&*!|>"\'#\n\t,ab1'), Buffer.from(':- \n  ab自然人'), Buffer.from('- a: b\n  ')];
  for (const alphabet of alphabets) {
    for (const size of [1, 7, 300, 5000, 200_000]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = alphabet ? alphabet[Math.floor(rand() * alphabet.length)] : 1 + Math.floor(rand() * 255);
      const text = bytes.toString('utf8');
      const r = timed(text, `bytes ${size}`);
      assert.ok(r.diagnostics.length > 0, `no diagnostic for ${JSON.stringify(text.slice(0, 40))}`);
    }
  }
});

// ---------------------------------------------------------------- size

test('a 10 MB file is refused at once with yaml-syntax "too large"', () => {
  const text = example('clean-2024.xxgk.yaml') + '备注: |\n' + '  很长的备注文字。\n'.repeat(1_000_000);
  assert.ok(text.length > 10_000_000);
  const t0 = performance.now();
  const r = timed(text, '10 MB');
  assert.ok(performance.now() - t0 < 1000, 'the size check comes before parsing');
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['yaml-syntax', zh.tooLarge(text.length, MAX_SOURCE_LENGTH)]]);
});

/** clean-2024 with a 备注 (table note) of distinct lines filling the text to `length`. */
function withLongNote(length: number, line: (i: number) => string): string {
  const clean = example('clean-2024.xxgk.yaml');
  const at = clean.indexOf('  行政复议:');
  const head = clean.slice(0, at) + '  备注: |\n';
  let note = '';
  for (let i = 0; head.length + note.length + line(i).length + (clean.length - at) < length; i++) note += line(i);
  return head + note + clean.slice(at);
}

test('a valid report just under the size limit is checked, in bounded time', () => {
  // Distinct lines, no digits, one long sentence: the note adds no finding of its own.
  const text = withLongNote(MAX_SOURCE_LENGTH, (i) => `    第${'甲乙丙丁戊己庚辛壬癸'[i % 10]}条说明：${'子丑寅卯辰巳午未申酉戌亥'.repeat(2 + (i % 5))}${i.toString(36).replace(/\d/g, (c) => 'ABCDEFGHIJ'[Number(c)])}，\n`);
  assert.ok(text.length <= MAX_SOURCE_LENGTH && text.length > MAX_SOURCE_LENGTH - 200);
  const r = timed(text, 'just under the limit');
  assert.deepEqual(codesOf(r), codesOf(check(example('clean-2024.xxgk.yaml'))));
});

// A 2 MB note of 43,000 repeated sentences: every one is placed in the source (binary search over
// the paragraph's line map in rules/prose.ts; a linear scan made this quadratic, ~20 s).
test('a long note of repeated sentences is checked in bounded time', () => {
  const text = withLongNote(MAX_SOURCE_LENGTH, () => '    本段为填充说明文字，用于检验接近上限的文件能在有限时间内检查完毕。\n');
  timed(text, 'repeated sentences');
});

// ---------------------------------------------------------------- nesting

test('10,000 nested flow sequences or mappings give yaml-syntax, not a stack overflow', () => {
  // Twice each: a stack overflow inside the YAML composer could abort V8 on the next deep parse.
  for (let round = 0; round < 2; round++) {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000), '依申请公开: ' + '['.repeat(10_000)]) {
      const r = timed(text, 'flow nesting');
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['yaml-syntax', refused('depth')]]);
    }
  }
});

test('10,000 nested block mappings give a diagnostic, not a stack overflow', () => {
  // Compact form (`? ? ? …`: each explicit key is a mapping) and compact sequences fit in 20 KB.
  for (const text of ['? '.repeat(10_000) + 'x\n', '- '.repeat(10_000) + 'x\n', '- a:\n'.repeat(1) + '  - '.repeat(10_000) + 'x\n']) {
    const r = timed(text, 'compact nesting');
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message]), [['yaml-syntax', refused('depth')]]);
  }
  // Indented: 10,000 levels is 50 MB of indentation, refused by size; 2,000 levels fit under it.
  const indented = (levels: number) => Array.from({ length: levels }, (_, i) => ' '.repeat(i) + 'k:').join('\n');
  const huge = indented(10_000);
  assert.deepEqual(timed(huge, '10,000 indented').diagnostics.map((d) => d.message), [zh.tooLarge(huge.length, MAX_SOURCE_LENGTH)]);
  const deep = indented(2_000);
  assert.ok(deep.length < MAX_SOURCE_LENGTH);
  assert.deepEqual(timed(deep, '2,000 indented').diagnostics.map((d) => [d.code, d.message]), [['yaml-syntax', refused('depth')]]);
});

test('deep input is refused the same way when check() is called deep in the stack', () => {
  const nest = (n: number): CheckResult => (n === 0 ? check('['.repeat(10_000)) : nest(n - 1));
  assert.deepEqual(nest(3000).diagnostics.map((d) => d.code), ['yaml-syntax']);
});

test('moderate nesting (50 levels) is read normally', () => {
  const text = example('clean-2024.xxgk.yaml') + '备注: ' + '['.repeat(50) + ']'.repeat(50) + '\n';
  const r = timed(text, '50 levels');
  assert.ok(!r.diagnostics.some((d) => d.code === 'yaml-syntax'));
  assert.ok(r.diagnostics.some((d) => d.code === 'unknown-key' || d.code === 'invalid-value'));
});

// ---------------------------------------------------------------- aliases

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefghi'[i]).join(', ')}]`),
  '',
].join('\n');

test('an alias bomb (billion laughs) gives yaml-syntax "alias" quickly', () => {
  const r = timed(BOMB, 'alias bomb');
  assert.deepEqual(messages(r, 'yaml-syntax'), [zh.aliasBomb()]);
  // Appended to a real report: the rules still run on the report's own values.
  const inReport = timed(example('clean-2024.xxgk.yaml') + BOMB.replace(/^(\w):/gm, '炸弹$1:'), 'bomb in report');
  assert.deepEqual(messages(inReport, 'yaml-syntax'), [zh.aliasBomb()]);
});

test('alias chains, self-references and many aliases finish quickly', () => {
  const chain = ['a0: &a0 [x]', ...Array.from({ length: 5000 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}]`)].join('\n');
  assert.deepEqual(codesOf(timed(chain, 'alias chain')), ['yaml-syntax']);
  for (const text of ['a: &a [*a]\n', '依申请公开: &a\n  本年新收: *a\n', '依申请公开: &a\n  办理结果: *a\n']) {
    const r = timed(text, text);
    assert.ok(!r.diagnostics.some((d) => d.code === 'yaml-syntax'), text);
  }
  const many = '依申请公开:\n  本年新收: &r {自然人: 1}\n  上年结转: [' + Array(30_000).fill('*r').join(', ') + ']\n';
  assert.deepEqual(codesOf(timed(many, 'many aliases')), ['yaml-syntax']);
});

test('an alias used for a row is read like the row written out', () => {
  const clean = example('clean-2024.xxgk.yaml');
  const zeros = '{自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}';
  assert.ok(clean.includes(`国家秘密: ${zeros}`) && clean.includes(`法律行政法规禁止: ${zeros}`));
  // 上年结转 moves below 办理结果 so that its alias comes after the anchor on 国家秘密.
  const carried = clean.match(/^ {2}上年结转: .*\n/m)![0];
  const moved = clean.replace(carried, '').replace(/^ {2}结转下年度:/m, '  上年结转: *zero\n  结转下年度:');
  const aliased = moved.replace(`国家秘密: ${zeros}`, `国家秘密: &zero ${zeros}`).replace(`法律行政法规禁止: ${zeros}`, '法律行政法规禁止: *zero');
  const written = moved.replace('上年结转: *zero', `上年结转: ${zeros}`);
  const a = timed(aliased, 'alias');
  const w = timed(written, 'written');
  assert.ok(!a.diagnostics.some((d) => d.code === 'yaml-syntax'));
  assert.deepEqual(a.diagnostics.map((d) => [d.code, d.message]), w.diagnostics.map((d) => [d.code, d.message]));
  for (const path of ['依申请公开/上年结转/总计', '依申请公开/办理结果/不予公开/法律行政法规禁止/自然人']) {
    const cell = a.report.cells.get(path)!;
    assert.deepEqual([cell.state, cell.value], ['number', 0], path);
  }
});

// ---------------------------------------------------------------- shapes YAML allows but a report is not

test('a document that is a list or a scalar gives invalid-value or missing-item', () => {
  for (const text of ['- 年度: 2024\n- 机关: 某局\n', '[1, 2, 3]\n', '年度\n', '2024\n', '"只有一句话"\n', 'true\n', '~\n', '|\n  块文字\n']) {
    const r = timed(text, JSON.stringify(text));
    assert.ok(r.diagnostics.length > 0, text);
    for (const code of codesOf(r)) assert.ok(code === 'invalid-value' || code === 'missing-item', `${JSON.stringify(text)}: ${code}`);
  }
});

test('a duplicate key gives yaml-syntax on the second key', () => {
  const text = example('clean-2024.xxgk.yaml').replace('年度: 2024\n', '年度: 2024\n年度: 2025\n');
  const r = timed(text, 'duplicate');
  const dup = r.diagnostics.filter((d) => d.code === 'yaml-syntax');
  assert.equal(dup.length, 1);
  assert.equal(covered(text, dup[0]), '年度');
  assert.equal(text.split('\n')[dup[0].range.start.line], '年度: 2025');
});

test('several documents give yaml-syntax; one document after --- is fine', () => {
  const clean = example('clean-2024.xxgk.yaml');
  assert.deepEqual(codesOf(timed(clean + '---\n' + clean, 'two documents')), ['yaml-syntax']);
  assert.deepEqual(codesOf(timed('---\n'.repeat(100_000), 'many documents')), ['yaml-syntax']);
  assert.deepEqual(timed('---\n' + clean + '...\n', 'one marked document').diagnostics, []);
});

test('tabs used for indentation give yaml-syntax', () => {
  const text = example('clean-2024.xxgk.yaml').replace(/^ {2}行政复议:/m, '\t行政复议:');
  const r = timed(text, 'tabs');
  assert.ok(r.diagnostics.some((d) => d.code === 'yaml-syntax'));
});

test('lone surrogates and U+FFFD anywhere give no exception and ranges inside the text', () => {
  const clean = example('clean-2024.xxgk.yaml');
  const variants = [
    clean.replace('江州市交通运输局2024', '江州市\uD800交通运输局\uFFFD2024'),
    clean.replace('本年新收:', '本年\uDC00新收:'),
    clean.replace('行政许可: 15236', 'KEY\uFFFD: 1\n行政许可: \uD83D'),
    clean.replace('自然人: 52', '自然人: \uFFFD\uFFFD'),
    '\uFFFD'.repeat(1000),
    '\uD800'.repeat(1000) + ': ' + '\uDFFF',
  ];
  for (const text of variants) {
    const r = timed(text, 'surrogates');
    assert.ok(r.diagnostics.length > 0 || text === variants[0]);
  }
});

// ---------------------------------------------------------------- line endings and BOM

test('CRLF and a BOM give the same diagnostics, pointing at the same text, as LF', () => {
  for (const name of ['clean-2024.xxgk.yaml', 'errors.xxgk.yaml', 'baiyunlu-2023.xxgk.yaml']) {
    const lf = example(name).replace(/\r\n/g, '\n');
    const base = check(lf).diagnostics;
    if (name === 'clean-2024.xxgk.yaml') assert.deepEqual(base, []);
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const [label, text] of [['CRLF', crlf], ['BOM', '\uFEFF' + lf], ['BOM+CRLF', '\uFEFF' + crlf]]) {
      const r = timed(text, `${name} ${label}`);
      assert.deepEqual(r.diagnostics.map((d) => d.code), base.map((d) => d.code), `${name} ${label}`);
      assert.deepEqual(r.diagnostics.map((d) => d.message), base.map((d) => d.message), `${name} ${label}`);
      r.diagnostics.forEach((d, i) => {
        assert.equal(covered(text, d).replace(/\r/g, ''), covered(lf, base[i]), `${name} ${label} ${d.code}`);
        assert.equal(d.range.start.line, base[i].range.start.line);
      });
    }
  }
});

// ---------------------------------------------------------------- shapes that used to take seconds

test('huge mappings, lists and error streams are refused or checked in bounded time', () => {
  const topKeys = Array.from({ length: 50_000 }, (_, i) => `k${i}: 1`).join('\n');
  assert.deepEqual(timed(topKeys, '50,000 keys').diagnostics.map((d) => d.message), [refused('entries')]);
  // Many mappings of allowed size: 25 rows × 900 unknown keys.
  let rows = '依申请公开:\n';
  for (let r = 0; r < 25; r++) rows += `  行${r}:\n` + Array.from({ length: 900 }, (_, i) => `    未知${i}: 1\n`).join('');
  assert.deepEqual(timed(rows, '22,500 keys').diagnostics.map((d) => d.message), [refused('total')]);
  assert.deepEqual(codesOf(timed('k: [' + '1,'.repeat(900_000) + ']', 'long list')), ['yaml-syntax']);
  assert.deepEqual(codesOf(timed('!!str '.repeat(300_000) + 'x', 'tags')), ['yaml-syntax']);
  const errors = timed('a: b: c\n'.repeat(200_000), 'error stream');
  assert.ok(errors.diagnostics.length > 0 && errors.diagnostics.every((d) => d.code === 'yaml-syntax' || d.code === 'fullwidth'));
});

// ---------------------------------------------------------------- random mutations

test('300 random mutations of errors.xxgk.yaml: diagnostics with ranges inside the text', () => {
  const source = example('errors.xxgk.yaml');
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const inserts = ['：', '１', '　', '，', '：', '２０', ' ', '\n', '\t', '-', ':', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '? ', '|', '~', '---\n', '\r\n', '-1', '1.5', '自然人', '总计: ', 'XX'];
  const lineOf = (lines: string[]) => Math.floor(rand() * lines.length);
  const t0 = performance.now();
  for (let n = 0; n < 300; n++) {
    let text = source;
    const steps = 1 + Math.floor(rand() * 5);
    for (let s = 0; s < steps; s++) {
      const lines = text.split('\n');
      const at = Math.floor(rand() * (text.length + 1));
      switch (Math.floor(rand() * 6)) {
        case 0: // delete characters
          text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 4));
          break;
        case 1: // insert a fragment (often full-width)
          text = text.slice(0, at) + pick(inserts) + text.slice(at);
          break;
        case 2: // replace a character with any BMP code unit (surrogates included)
          text = text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x10000)) + text.slice(at + 1);
          break;
        case 3: // delete a line
          lines.splice(lineOf(lines), 1);
          text = lines.join('\n');
          break;
        case 4: // duplicate a line elsewhere
          lines.splice(lineOf(lines), 0, lines[lineOf(lines)]);
          text = lines.join('\n');
          break;
        default: // swap two lines
          {
            const [i, j] = [lineOf(lines), lineOf(lines)];
            [lines[i], lines[j]] = [lines[j], lines[i]];
            text = lines.join('\n');
          }
      }
    }
    timed(text, `mutation ${n}`);
  }
  assert.ok(performance.now() - t0 < 60_000);
});
