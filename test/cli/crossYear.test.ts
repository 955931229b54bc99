/** The bundled `xxgk` across years: `check` compares files of a folder, `next` starts next year's report. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, root } from '../helpers';

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const last = fixture('engine', 'cross-year/jiangzhou-2022.xxgk.yaml');
const CARRY = '上年结转: {自然人: 1,';
/** This year with 上年结转·自然人 (and its 总计 row stays 1) off by one. */
const wrong = fixture('engine', 'base.xxgk.yaml').replace(CARRY, '上年结转: {自然人: 2,');

/** A fresh folder holding `files` (name → text); removed after `body`. */
function withFolder(files: Record<string, string>, body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cross-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface JsonDiagnostic {
  code: string;
  cell?: string;
  related?: { path?: string; cell?: string; range: { start: { line: number } } }[];
}

test('check <folder>: carry-over between two files of the folder, with last year\'s file as related location', () => {
  withFolder({ 'jiangzhou-2022.xxgk.yaml': last, 'jiangzhou-2023.xxgk.yaml': wrong }, (dir) => {
    const { code, out } = xxgk('check', dir, '--format', 'json');
    assert.equal(code, 1);
    const files = (JSON.parse(out) as { files: { path: string; diagnostics: JsonDiagnostic[] }[] }).files;
    assert.deepEqual(files.map((f) => [path.basename(f.path), f.diagnostics.map((d) => d.code)]), [
      ['jiangzhou-2022.xxgk.yaml', []],
      ['jiangzhou-2023.xxgk.yaml', ['carry-over', 'row-total', 'balance']],
    ]);
    const d = files[1].diagnostics[0];
    assert.equal(d.cell, '依申请公开/上年结转/自然人');
    assert.equal(d.related?.[0].path, path.join(dir, 'jiangzhou-2022.xxgk.yaml'));
    assert.equal(d.related?.[0].cell, '依申请公开/结转下年度/自然人');
    // The text output names the file and the values; SARIF points into last year's file.
    assert.match(xxgk('check', dir).out, /jiangzhou-2023\.xxgk\.yaml:19:\d+: error carry-over: 「上年结转·自然人」 填写 2，上年报告 jiangzhou-2022\.xxgk\.yaml/);
    const sarif = JSON.parse(xxgk('check', dir, '--format', 'sarif').out);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'carry-over');
    assert.match(result.relatedLocations[0].physicalLocation.artifactLocation.uri, /jiangzhou-2022\.xxgk\.yaml$/);
  });
});

test('check <file>: last year\'s sibling is used even when only this year\'s file is named; 上年报告 reaches a sibling folder of the folder checked, not outside it', () => {
  withFolder({ 'a/jiangzhou-2022.xxgk.yaml': last, 'a/jiangzhou-2023.xxgk.yaml': wrong, 'b/2023.xxgk.yaml': wrong.replace('机关: 江州市生态环境局', '机关: 江州市生态环境局\n上年报告: ../a/jiangzhou-2022.xxgk.yaml') }, (dir) => {
    const one = xxgk('check', path.join(dir, 'a', 'jiangzhou-2023.xxgk.yaml'));
    assert.equal(one.code, 1);
    assert.match(one.out, /error carry-over/);
    const both = xxgk('check', dir, '--locale', 'en');
    assert.match(both.out, /b[\\/]2023\.xxgk\.yaml:\d+:\d+: error carry-over: 「上年结转·自然人」 is 2 but last year's report jiangzhou-2022\.xxgk\.yaml has 「结转下年度·自然人」 1/);
    // Checking b alone (from a working folder that does not hold it): a/ is outside, so nothing is read there.
    const other = xxgk('check', path.join(dir, 'b'), '--locale', 'en');
    assert.match(other.out, /warning carry-over: Last year's report \.\.\/a\/jiangzhou-2022\.xxgk\.yaml was not read: only files inside the folder being checked or the workspace are read/);
    assert.doesNotMatch(other.out, /error carry-over/);
  });
});

test('next: writes <机关><年度+1>.xxgk.yaml beside the file; it checks clean against this year; never replaces without --force', () => {
  withFolder({ 'jiangzhou-2022.xxgk.yaml': last }, (dir) => {
    const source = path.join(dir, 'jiangzhou-2022.xxgk.yaml');
    const target = path.join(dir, '江州市生态环境局2023.xxgk.yaml');
    const r = xxgk('next', source);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, `已生成 ${target}\n`);
    const text = fs.readFileSync(target, 'utf8');
    assert.match(text, /^格式: 2021\n年度: 2023\n机关: 江州市生态环境局\n上年报告: jiangzhou-2022\.xxgk\.yaml\n/);
    // The folder now holds the pair: no number to report, only next year's prose left to write.
    const checked = xxgk('check', dir);
    assert.equal(checked.code, 0, checked.out);
    assert.match(checked.out, /已检查 2 个文件：0 个错误，3 个警告，0 条提示/);
    assert.equal((checked.out.match(/尚未填写/g) ?? []).length, 3);

    fs.writeFileSync(target, '# edited\n');
    const again = xxgk('next', source, '--locale', 'en');
    assert.equal(again.code, 2);
    assert.equal(again.out, '');
    assert.equal(again.err, `xxgk: ${target} already exists (use --force to replace it)\n`);
    assert.equal(fs.readFileSync(target, 'utf8'), '# edited\n');
    assert.equal(xxgk('next', source, '--force', '--locale', 'en').out, `Wrote ${target}\n`);
    assert.equal(fs.readFileSync(target, 'utf8'), text);
  });
});

test('next -o: 上年报告 is relative to the new file; bad input exits 2 with one line', () => {
  withFolder({ 'in/jiangzhou-2022.xxgk.yaml': last, 'bad.xxgk.yaml': '机关: 甲局\n' }, (dir) => {
    const out = path.join(dir, 'out', 'next.xxgk.yaml');
    fs.mkdirSync(path.dirname(out));
    assert.equal(xxgk('next', path.join(dir, 'in', 'jiangzhou-2022.xxgk.yaml'), '-o', out).code, 0);
    assert.match(fs.readFileSync(out, 'utf8'), /\n上年报告: \.\.\/in\/jiangzhou-2022\.xxgk\.yaml\n/);
    assert.equal(xxgk('check', out).code, 0);
    const bad = xxgk('next', path.join(dir, 'bad.xxgk.yaml'));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^xxgk: 无法从 .*bad\.xxgk\.yaml 开始下一年度报告：报告没有有效的年度\n$/);
    const badEn = xxgk('next', path.join(dir, 'bad.xxgk.yaml'), '--locale', 'en');
    assert.match(badEn.err, /^xxgk: cannot start next year's report from .*bad\.xxgk\.yaml: the report has no valid 年度\n$/);
    assert.equal(xxgk('next').code, 2);
    assert.match(xxgk('--help').out, /xxgk next <文件> \[-o out\.xxgk\.yaml\] \[--force\]/);
  });
});

test('check --jobs 2 and 3: last year is found in every folder, whichever thread checks the file', () => {
  // Eight folders of twelve: a pair per folder (last year first), then unrelated files, so files of
  // one folder go to different threads and a worker meets most folders first through a later file.
  const files: Record<string, string> = {};
  for (let f = 0; f < 8; f++) {
    const agency = `江州市第${f}生态环境局`;
    files[`r${f}/a-2022.xxgk.yaml`] = last.replace('机关: 江州市生态环境局', `机关: ${agency}`);
    for (let i = 0; i < 10; i++) files[`r${f}/m${i}.xxgk.yaml`] = last.replace('机关: 江州市生态环境局', `机关: 江州市第${f}其他局${i}`);
    files[`r${f}/z-2023.xxgk.yaml`] = wrong.replace('机关: 江州市生态环境局', `机关: ${agency}`);
  }
  withFolder(files, (dir) => {
    const one = xxgk('check', dir, '--format', 'json', '--jobs', '1');
    const carried = (JSON.parse(one.out) as { files: { path: string; diagnostics: JsonDiagnostic[] }[] }).files.filter((f) => f.diagnostics.some((d) => d.code === 'carry-over'));
    assert.deepEqual(
      carried.map((f) => path.relative(dir, f.path).split(path.sep).join('/')),
      Array.from({ length: 8 }, (_, f) => `r${f}/z-2023.xxgk.yaml`),
    );
    for (const jobs of ['2', '3']) assert.equal(xxgk('check', dir, '--format', 'json', '--jobs', jobs).out, one.out, `--jobs ${jobs}`);
  });
});
