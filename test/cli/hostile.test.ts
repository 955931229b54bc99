/**
 * Hostile and odd files given to the CLI: each ends fast, in bounded memory (measured in the child
 * process), with a clear message. FIFOs and devices where the platform has them.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanReport, folder, mkfifo, sparseFile, withRef } from '../hostileInputs';
import { measurements, measureXxgk } from '../measure';
import type { Measured } from '../measure';

const clean = cleanReport();
const unix = process.platform !== 'win32';
/** Generous for a loaded machine: a hang is killed at 10 s and fails here. */
const TIME_MS = 5000;
const PEAK_MB = 200;

function bounded(r: Measured, what: string): void {
  assert.ok(!r.timedOut, `${what}: still running after the time limit (hang)`);
  assert.ok(r.ms < TIME_MS, `${what}: ${Math.round(r.ms)} ms`);
  assert.ok(r.peakMb < PEAK_MB, `${what}: peak ${Math.round(r.peakMb)} MB`);
}

after(() => {
  // The closing figures: every case with its time and peak memory.
  console.log(measurements.map((m) => `${m.label}: ${m.ms} ms, ${m.peakMb} MB`).join('\n'));
});

test('上年报告: /dev/zero, /dev/stdin, an absolute path and a UNC path are refused with a clear warning; nothing is read', () => {
  const refs: [string, RegExp][] = [
    ['/dev/zero', /write a path relative to this file, not an absolute path/],
    ['/dev/stdin', /not an absolute path/],
    [path.resolve('/etc/passwd'), /not an absolute path/],
    ['C:\\Windows\\win.ini', /not an absolute path/],
    ['\\\\host\\share\\x.xxgk.yaml', /network path is refused .*credentials/],
    ['//host/share/x.xxgk.yaml', /network path is refused/],
    ['../outside-2023.xxgk.yaml', /only files inside the folder being checked or the workspace are read/],
    ['notes.txt', /only a report source/],
  ];
  for (const [ref, message] of refs) {
    const dir = folder({ 'this.xxgk.yaml': withRef(ref), 'notes.txt': 'x' });
    const r = measureXxgk(`上年报告: ${ref}`, ['check', dir, '--locale', 'en'], { cwd: dir });
    bounded(r, ref);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /warning carry-over: Last year's report .* was not read: /);
    assert.match(r.out, message, ref);
  }
});

test('上年报告 naming a FIFO in the folder, and a FIFO or device link named *.xxgk.yaml beside the report, never hang', { skip: !unix }, () => {
  const dir = folder({ 'this.xxgk.yaml': withRef('pipe.xxgk.yaml') });
  assert.ok(mkfifo(path.join(dir, 'pipe.xxgk.yaml')));
  fs.symlinkSync('/dev/zero', path.join(dir, 'zero.xxgk.yaml'));
  const named = measureXxgk('上年报告: a FIFO', ['check', path.join(dir, 'this.xxgk.yaml'), '--locale', 'en'], { cwd: dir });
  bounded(named, 'FIFO as 上年报告');
  assert.match(named.out, /warning carry-over: Last year's report pipe\.xxgk\.yaml cannot be found or read/);

  // A report with no 上年报告: siblings are looked at for 年度 − 1 (the FIFO and the device link among them).
  fs.writeFileSync(path.join(dir, 'this.xxgk.yaml'), clean);
  const sibling = measureXxgk('FIFO/device siblings, one file', ['check', path.join(dir, 'this.xxgk.yaml')], { cwd: dir });
  bounded(sibling, 'siblings');
  assert.equal(sibling.code, 0, sibling.out + sibling.err);
  const all = measureXxgk('FIFO/device siblings, the folder', ['check', dir], { cwd: dir });
  bounded(all, 'folder');
  assert.equal(all.code, 0, all.out + all.err);
  assert.match(all.err, /已略过 .*pipe\.xxgk\.yaml：不是普通文件/);
  assert.match(all.err, /已略过 .*zero\.xxgk\.yaml：不是普通文件/);
  assert.match(all.out, /已检查 1 个文件/);
});

test('check /dev/zero, a FIFO and a folder-like argument: exit 2 with one line, at once', { skip: !unix }, () => {
  const zero = measureXxgk('check /dev/zero', ['check', '/dev/zero']);
  bounded(zero, '/dev/zero');
  assert.equal(zero.code, 2);
  assert.equal(zero.err, 'xxgk: 无法读取 /dev/zero：不是普通文件（是设备）\n');
  const zeroEn = measureXxgk('check /dev/zero --locale en', ['check', '/dev/zero', '--locale', 'en']);
  assert.equal(zeroEn.err, 'xxgk: cannot read /dev/zero: not a regular file (a device)\n');
  const dir = folder({});
  const fifo = path.join(dir, 'p.xxgk.yaml');
  assert.ok(mkfifo(fifo));
  const r = measureXxgk('check <FIFO>', ['check', fifo]);
  bounded(r, 'FIFO');
  assert.equal(r.code, 2);
  assert.match(r.err, /不是普通文件（是管道）/);
  const imp = measureXxgk('import <FIFO>.docx', ['import', (fs.renameSync(fifo, path.join(dir, 'p.docx')), path.join(dir, 'p.docx')), '-o', '-']);
  bounded(imp, 'import FIFO');
  assert.equal(imp.code, 2);
  assert.match(imp.err, /not a regular file|不是普通文件/);
});

test('a 1 GB sparse file is refused by its size, without being read', () => {
  const dir = folder({});
  const big = sparseFile(path.join(dir, 'big.xxgk.yaml'), 1024 * 1024 * 1024);
  const r = measureXxgk('check <1 GB sparse file>', ['check', big]);
  bounded(r, '1 GB sparse');
  assert.equal(r.code, 2);
  assert.match(r.err, /文件过大（1073741824 字节，上限 8388608 字节）/);
  const imp = measureXxgk('import <1 GB sparse .txt>', ['import', (fs.renameSync(big, path.join(dir, 'big.txt')), path.join(dir, 'big.txt')), '-o', '-']);
  bounded(imp, 'import 1 GB');
  assert.equal(imp.code, 2);
  assert.match(imp.err, /too large|文件过大/);
});

test('render -o: refuses an existing file without --force, never writes onto its input, and replaces a link rather than its target', () => {
  const dir = folder({ 'r.xxgk.yaml': clean, 'old.html': 'keep', 'precious.txt': 'keep' });
  const src = path.join(dir, 'r.xxgk.yaml');
  const exists = measureXxgk('render -o <existing>', ['render', src, '-o', path.join(dir, 'old.html'), '--locale', 'en']);
  assert.equal(exists.code, 2);
  assert.match(exists.err, /old\.html already exists \(use --force to replace it\)/);
  assert.equal(fs.readFileSync(path.join(dir, 'old.html'), 'utf8'), 'keep');
  for (const force of [[], ['--force']]) {
    const self = measureXxgk('render -o <its input>', ['render', src, '-o', src, ...force]);
    assert.equal(self.code, 2);
    assert.match(self.err, /是输入文件本身/);
    assert.equal(fs.readFileSync(src, 'utf8'), clean);
  }
  if (unix) {
    const link = path.join(dir, 'link.html');
    fs.symlinkSync(path.join(dir, 'precious.txt'), link);
    assert.equal(measureXxgk('render -o <link>', ['render', src, '-o', link]).code, 2);
    const forced = measureXxgk('render -o <link> --force', ['render', src, '-o', link, '--force']);
    assert.equal(forced.code, 0, forced.err);
    assert.equal(fs.readFileSync(path.join(dir, 'precious.txt'), 'utf8'), 'keep');
    assert.ok(!fs.lstatSync(link).isSymbolicLink());
    assert.match(fs.readFileSync(link, 'utf8'), /^<!DOCTYPE html>/);
    // A dangling link is not followed either.
    const dangling = path.join(dir, 'dangling.html');
    fs.symlinkSync(path.join(dir, 'created-through-link.html'), dangling);
    assert.equal(measureXxgk('render -o <dangling link>', ['render', src, '-o', dangling]).code, 2);
    assert.ok(!fs.existsSync(path.join(dir, 'created-through-link.html')));
  }
  // export, next and import refuse their input as output too.
  assert.match(measureXxgk('export -o <input>', ['export', src, '--html', '-o', src, '--force', '--locale', 'en']).err, /is the input file/);
  assert.match(measureXxgk('next -o <input>', ['next', src, '-o', src, '--force']).err, /是输入文件本身/);
  assert.equal(fs.readFileSync(src, 'utf8'), clean);
});

test('render of a file that cannot be parsed: exit 1, and the page lists the syntax errors', () => {
  const dir = folder({ 'broken.xxgk.yaml': '年度: [2024\n机关: 某局\n' });
  const r = measureXxgk('render <unparseable>', ['render', path.join(dir, 'broken.xxgk.yaml')]);
  assert.equal(r.code, 1);
  assert.match(r.out, /<ul class="xxgk-problems" role="alert"><li class="has-error">\d+:\d+ yaml-syntax: /);
  assert.match(r.err, /broken\.xxgk\.yaml 无法解析，页面中列出了原因/);
  assert.match(measureXxgk('render <unparseable> --locale en', ['render', path.join(dir, 'broken.xxgk.yaml'), '--locale', 'en']).err, /could not be parsed/);
  fs.writeFileSync(path.join(dir, 'fine.xxgk.yaml'), clean);
  const fine = measureXxgk('render <clean>', ['render', path.join(dir, 'fine.xxgk.yaml')]);
  assert.equal(fine.code, 0);
  assert.doesNotMatch(fine.out, /<ul class="xxgk-problems"/);
});

test('text output escapes control characters from the report (OSC 52 clipboard write, clear screen, bidi overrides)', () => {
  const osc52 = '\u001b]52;c;ZWNobyBoaQ==\u0007';
  const clear = '\u001b[2J\u001b[H';
  const text = clean.replace('行政许可: 15236', `行政许可: "${osc52}"`) + `"${clear}\u202e键": 1\n`;
  const dir = folder({ 'c.xxgk.yaml': text });
  const r = measureXxgk('check <control characters>', ['check', path.join(dir, 'c.xxgk.yaml')]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, 'no raw control character reaches the terminal');
  assert.match(r.out, /\\u001b\]52;c;ZWNobyBoaQ==\\u0007/);
  assert.match(r.out, /\\u001b\[2J\\u001b\[H\\u202e键/);
});

test('a GBK file is read and warned about; a CR-only file is a report, not an empty file; bad bytes are marked', () => {
  // 年度: 2024 / 机关: 江州 in GBK.
  const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x34, 0x0a, 0xbb, 0xfa, 0xb9, 0xd8, 0x3a, 0x20, 0xbd, 0xad, 0xd6, 0xdd, 0x0a]);
  const dir = folder({ 'cr.xxgk.yaml': clean.replace(/\n/g, '\r') });
  fs.writeFileSync(path.join(dir, 'gbk.xxgk.yaml'), gbk);
  fs.writeFileSync(path.join(dir, 'bad.xxgk.yaml'), Buffer.concat([Buffer.from(clean.replace('江州市交通运输局', '江州市@@运输局').split('@@')[0]), Buffer.from([0xff, 0xfe]), Buffer.from(clean.split('江州市交通运输局').slice(1).join('江州市交通运输局'))]));
  const r = measureXxgk('check <GBK, CR-only, bad bytes>', ['check', dir, '--format', 'json']);
  bounded(r, 'encodings');
  const files = (JSON.parse(r.out) as { files: { path: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }[] }).files;
  const of = (name: string) => files.find((f) => f.path.endsWith(name))?.diagnostics ?? [];
  assert.deepEqual(of('cr.xxgk.yaml'), [], 'the CR-only copy of a clean report is clean');
  const g = of('gbk.xxgk.yaml').filter((d) => d.code === 'encoding');
  assert.equal(g.length, 1);
  assert.match(g[0].message, /GBK\/GB18030.*UTF-8/);
  assert.ok(!of('gbk.xxgk.yaml').some((d) => d.code === 'encoding' && /无法解码/.test(d.message)));
  const b = of('bad.xxgk.yaml').filter((d) => d.code === 'encoding');
  assert.equal(b.length, 1);
  assert.match(b[0].message, /2 个无法解码/);
  assert.equal(b[0].range.start.line, clean.slice(0, clean.indexOf('江州市交通运输局')).split('\n').length - 1);
});

test('1e400, .inf and a 5,000-digit integer fail check with exit 1', () => {
  const dir = folder({ 'a.xxgk.yaml': clean.replace('行政许可: 15236', 'x') });
  for (const v of ['1e400', '.inf', '9'.repeat(5000)]) {
    fs.writeFileSync(path.join(dir, 'a.xxgk.yaml'), clean.replace('行政许可: 15236', `行政许可: ${v}`));
    const r = measureXxgk(`check 行政许可: ${v.slice(0, 8)}`, ['check', path.join(dir, 'a.xxgk.yaml')]);
    bounded(r, v.slice(0, 8));
    assert.equal(r.code, 1);
    assert.match(r.out, /error invalid-value: 「行政许可」 的值 .* 不是可用的数字/);
  }
});
