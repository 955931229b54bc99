/** The bundled `xxgk` binary: exit codes, the three output formats, render, help and version. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { root } from '../helpers';

const fixtures = path.join(root, 'test', 'cli', 'fixtures');
const f = (name: string) => path.join(fixtures, name);

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('check: exit 0 on a clean file, 1 on an error, 0 with warnings only', () => {
  assert.equal(xxgk('check', f('clean.xxgk.yaml')).code, 0);
  const bad = xxgk('check', f('wrong-total.xxgk.yaml'));
  assert.equal(bad.code, 1);
  assert.equal(xxgk('check', f('warnings-only')).code, 0);
});

test('check: text lines are path:line:col: severity code: message, then a summary', () => {
  const { out } = xxgk('check', f('wrong-total.xxgk.yaml'));
  const lines = out.trim().split('\n');
  assert.match(lines[0], /wrong-total\.xxgk\.yaml:9:15: warning prose-number: /);
  assert.ok(lines.some((l) => /wrong-total\.xxgk\.yaml:49:50: error appeal-total: 「行政复议·总计」 填写 3/.test(l)), out);
  assert.equal(lines[lines.length - 1], '已检查 1 个文件：1 个错误，1 个警告，0 条提示');
  const en = xxgk('check', f('wrong-total.xxgk.yaml'), '--locale', 'en').out.trim().split('\n');
  assert.equal(en[en.length - 1], '1 file(s) checked: 1 error(s), 1 warning(s), 0 info');
});

test('check: folders are searched for *.xxgk.yaml only', () => {
  const { out, code } = xxgk('check', fixtures, '--format', 'json');
  assert.equal(code, 1);
  const files = (JSON.parse(out) as { files: { path: string }[] }).files.map((x) => path.basename(x.path));
  assert.deepEqual(files, ['clean.xxgk.yaml', 'blank.xxgk.yaml', 'wrong-total.xxgk.yaml']);
});

test('check --format json: code, severity, message, range, cell, related', () => {
  const { out } = xxgk('check', f('wrong-total.xxgk.yaml'), '--format', 'json');
  const json = JSON.parse(out);
  const d = json.files[0].diagnostics.find((x: { code: string }) => x.code === 'appeal-total');
  assert.equal(d.severity, 'error');
  assert.equal(d.cell, '复议诉讼/行政复议/总计');
  assert.deepEqual(d.range, { start: { line: 48, character: 49 }, end: { line: 48, character: 50 } });
  // A row total's terms are in its own row, which the message names: no related cells.
  assert.equal(d.related, undefined);
  assert.deepEqual([d.data.written, d.data.computed], [3, 2]);
  // The prose count points at the table cell it contradicts.
  const prose = json.files[0].diagnostics.find((x: { code: string }) => x.code === 'prose-number');
  assert.deepEqual(prose.related.map((r: { cell: string }) => r.cell), ['复议诉讼/行政复议/总计']);
  assert.deepEqual(prose.related[0].range, d.range);
});

test('check --format sarif: a SARIF 2.1.0 log with rules and 1-based regions', () => {
  const { out } = xxgk('check', f('wrong-total.xxgk.yaml'), '--format', 'sarif');
  const sarif = JSON.parse(out);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'xxgk');
  const balanceLine = fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8').split('\n').indexOf('## balance') + 1;
  assert.ok(run.tool.driver.rules.some((r: { id: string; helpUri: string }) => r.id === 'balance' && r.helpUri.endsWith(`dist/rules.md#L${balanceLine}`)), 'links the rules document installed with the CLI');
  assert.ok(run.tool.driver.rules.every((r: { helpUri: string }) => r.helpUri.startsWith('file:') && !r.helpUri.includes('github.com')));
  const r = run.results.find((x: { ruleId: string }) => x.ruleId === 'appeal-total');
  assert.equal(r.level, 'error');
  assert.deepEqual(r.locations[0].physicalLocation.region, { startLine: 49, startColumn: 50, endLine: 49, endColumn: 51 });
  assert.equal(run.tool.driver.rules[r.ruleIndex].id, 'appeal-total');
  assert.equal(r.relatedLocations, undefined);
  const prose = run.results.find((x: { ruleId: string }) => x.ruleId === 'prose-number');
  assert.deepEqual(prose.relatedLocations[0].physicalLocation.region, { startLine: 49, startColumn: 50, endLine: 49, endColumn: 51 });
});

test('exit 2 with one line for bad usage or an unreadable file', () => {
  for (const args of [['check', f('nope.xxgk.yaml')], ['check'], ['frobnicate'], ['check', f('clean.xxgk.yaml'), '--format', 'xml'], ['check', '--bogus', f('clean.xxgk.yaml')]]) {
    const r = xxgk(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /^xxgk: /);
    assert.doesNotMatch(r.err, /\n\s+at /);
  }
});

test('usage mistakes are said in Chinese by default and in English with --locale en, even when the arguments do not parse', () => {
  const cases: [string[], string, string][] = [
    [['check', f('nope.xxgk.yaml')], `无法读取 ${f('nope.xxgk.yaml')}：文件或文件夹不存在`, `cannot read ${f('nope.xxgk.yaml')}: no such file or folder`],
    [['check'], 'check 需要至少一个文件或文件夹（参见 xxgk --help）', 'check needs at least one file or folder (see xxgk --help)'],
    [['frobnicate'], '未知的命令 frobnicate（参见 xxgk --help）', 'unknown command frobnicate (see xxgk --help)'],
    [['check', f('clean.xxgk.yaml'), '--format', 'xml'], '未知的 --format xml（可用 text, json, jsonl, sarif）', 'unknown --format xml (text, json, jsonl, sarif)'],
    [['render', f('clean.xxgk.yaml'), f('blank.xxgk.yaml')], 'render 只接受一个文件（参见 xxgk --help）', 'render needs exactly one file (see xxgk --help)'],
    [['export', f('clean.xxgk.yaml')], 'xxgk export 需要 --docx 或 --html 之一（参见 xxgk --help）', 'export needs one of --docx or --html (see xxgk --help)'],
    [['check', f('clean.xxgk.yaml'), '--jobs', 'many'], '--jobs many 不是有效的线程数（至少为 1）', '--jobs many is not a number of threads (1 or more)'],
    [['review', f('clean.xxgk.yaml')], 'xxgk review 需要用 -o 指定输出文件夹（参见 xxgk --help）', 'review needs an output folder: -o DIR (see xxgk --help)'],
  ];
  for (const [args, zh, en] of cases) {
    assert.equal(xxgk(...args).err, `xxgk: ${zh}\n`, args.join(' '));
    assert.equal(xxgk(...args, '--locale', 'en').err, `xxgk: ${en}\n`, args.join(' '));
  }
  // An option the parser does not know: the sentence around Node's own words follows --locale too.
  assert.match(xxgk('check', '--bogus', '-l', 'en').err, /^xxgk: .*--bogus.* \(see xxgk --help\)\n$/);
  assert.match(xxgk('check', '--bogus').err, /^xxgk: 参数有误：.*--bogus.*（参见 xxgk --help）\n$/);
  assert.equal(xxgk('check', '--locale=fr').err, 'xxgk: 未知的 --locale fr（可用 zh-CN 或 en）\n');
});

test('render writes a standalone page; without -o it prints it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-'));
  const out = path.join(dir, 'r.html');
  const r = xxgk('render', f('clean.xxgk.yaml'), '-o', out);
  assert.equal(r.code, 0, r.err);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/i);
  assert.match(html, /江州市生态环境局2023年政府信息公开工作年度报告/);
  assert.equal(xxgk('render', f('clean.xxgk.yaml')).out, html);
  fs.rmSync(dir, { recursive: true });
});

test('--help and --version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(xxgk('--version').out.trim(), pkg.version);
  const help = xxgk('--help');
  assert.equal(help.code, 0);
  assert.match(help.out, /xxgk check <文件或文件夹…> \[--format text\|json\|jsonl\|sarif\]/);
});
