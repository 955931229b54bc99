/**
 * `xxgk import` through the bundled binary: targets, --force, -o -, -o DIR, several files and
 * folders, one line per file and a summary on stderr, exit codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../server/src/engine/check';
import { root } from '../helpers';
import { fixturePath, reference } from './helpers';

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tempCopy(name: string, from: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-'));
  const file = path.join(dir, name);
  fs.copyFileSync(from, file);
  return file;
}

test('import: writes <name>.xxgk.yaml beside the input, refuses to replace it without --force', () => {
  const input = tempCopy('江州.html', fixturePath('jiangzhou-2024.html'));
  const target = path.join(path.dirname(input), '江州.xxgk.yaml');
  const first = xxgk('import', input);
  assert.equal(first.code, 0, first.err);
  assert.equal(first.out, '');
  assert.match(first.err, /^.*江州\.html → .*江州\.xxgk\.yaml：读取 \d+ 个单元格，需核对 \d+ 个（2021 年格式，年度 2024，机关 江州市交通运输局）\n/);
  assert.match(first.err, /\n共 1 个文件，已导入 1 个，失败 0 个：/);
  const text = fs.readFileSync(target, 'utf8');
  assert.equal(check(text).report.year, 2024);

  fs.writeFileSync(target, 'mine');
  const refused = xxgk('import', input, '--locale', 'en');
  assert.equal(refused.code, 2);
  assert.match(refused.err, /江州\.html: error: the target already exists \(use --force to replace it\)/);
  assert.equal(fs.readFileSync(target, 'utf8'), 'mine');
  assert.equal(xxgk('import', input, '--force').code, 0);
  assert.equal(fs.readFileSync(target, 'utf8'), text);

  const other = path.join(path.dirname(input), 'other.xxgk.yaml');
  assert.equal(xxgk('import', input, '-o', other).code, 0);
  assert.equal(fs.readFileSync(other, 'utf8'), text);
});

const KEWEI = reference('real-reports', '06-shanghai-kewei-2024.txt');

test('import of a PDF: the bundled CLI loads pdf.js from beside itself', () => {
  const r = xxgk('import', reference('real-docs', 'hongze-2024.pdf'), '-o', '-');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /hongze-2024\.pdf → 标准输出：读取 \d+ 个单元格，需核对 \d+ 个（2021 年格式，年度 2024，机关 淮安市洪泽区人民政府）/);
  assert.equal(check(r.out).report.cells.get('主动公开/行政许可')?.value, 9487);
});

test('import -o -: the source on stdout, what was not placed on stderr', () => {
  const r = xxgk('import', KEWEI, '-o', '-');
  assert.equal(r.code, 0);
  assert.match(r.out, /^# 由 xxgk import 从/);
  assert.match(r.out, /\n格式: 2021\n年度: 2024\n机关: 上海市科委\n/);
  assert.match(r.err, /未能放置 2 项（生成文件开头的注释中也有列出）：\n {2}- 标题之前的文字未导入/);
  assert.match(r.err, /^.*06-shanghai-kewei-2024\.txt → 标准输出：读取 \d+ 个单元格，需核对 \d+ 个（2021 年格式，年度 2024，机关 上海市科委）\n/);
  const en = xxgk('import', KEWEI, '-o', '-', '--locale', 'en');
  assert.match(en.err, /Not placed \(2\), also listed at the top of the file:/);
  assert.match(en.out, /^# Imported by xxgk import from/);
});

test('import of one file: a missing file, an unsupported type, a non-report, a broken .docx or PDF, a scan each fail with one line and exit 2', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-'));
  const failsWith = (file: string, pattern: RegExp) => {
    const r = xxgk('import', file, '--locale', 'en');
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, pattern);
    assert.match(r.err, /0 of 1 file\(s\) imported, 1 failed/);
  };
  failsWith(path.join(dir, 'nothing.txt'), /nothing\.txt: error: no such file/);
  const doc = path.join(dir, 'a.doc');
  fs.writeFileSync(doc, 'old Word');
  failsWith(doc, /a\.doc: error: not a \.docx, PDF, HTML or text file/);
  // The PDF reader is the engine's; whatever it cannot read is this file's failure, not a crash.
  const pdf = path.join(dir, 'a.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4');
  failsWith(pdf, /a\.pdf: error: cannot import: the PDF is damaged or not a PDF/);
  failsWith(path.join(root, 'test', 'import', 'fixtures', 'pdf', 'scan-no-text.pdf'), /no text layer \(a scanned document\)/);
  failsWith(path.join(root, 'test', 'import', 'fixtures', 'pdf', 'encrypted.pdf'), /encrypted \(password protected\)/);
  // 100 MB (sparse: nothing is written): refused from its size, before any of it is read.
  const big = path.join(dir, 'big.pdf');
  fs.writeFileSync(big, '%PDF-1.7\n');
  fs.truncateSync(big, 100 * 1024 * 1024);
  const started = Date.now();
  failsWith(big, /big\.pdf: error: too large \(104857600 bytes\)/);
  assert.ok(Date.now() - started < 5_000, 'refused at once');
  const notes = path.join(dir, 'notes.txt');
  fs.writeFileSync(notes, 'shopping list\nmilk\n');
  failsWith(notes, /no section or table of an annual report was recognised/);
  assert.ok(!fs.existsSync(path.join(dir, 'notes.xxgk.yaml')));
  const docx = path.join(dir, 'broken.docx');
  fs.writeFileSync(docx, 'not a zip');
  failsWith(docx, /broken\.docx: error: cannot import: not a \.docx \(ZIP\) file/);
  // Only regular files are read: a FIFO would block a reader forever.
  if (process.platform !== 'win32') {
    const fifo = path.join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), 'import', fifo, dir, '--locale', 'en'], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /pipe\.txt: error: not a regular file/);
  }
  assert.equal(xxgk('import').code, 2);
  const two = xxgk('import', notes, notes, '-o', '-');
  assert.equal(two.code, 2);
  assert.match(two.err, /-o - 只能对应一个输入文件/);
  assert.match(xxgk('import', notes, notes, '-o', '-', '--locale', 'en').err, /-o - takes one input file/);
  assert.equal(xxgk('import', notes, doc, '-o', path.join(dir, 'out.xxgk.yaml')).code, 2);
  assert.ok(!fs.existsSync(path.join(dir, 'out.xxgk.yaml')));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-'));
  assert.equal(xxgk('import', empty).code, 2);
  assert.match(xxgk('--help').out, /xxgk import <文件或文件夹…> \[-o 输出文件\|输出文件夹\|-\] \[--force\]/);
});

/** A folder of inputs: two reports, one beside a name twin, one that fails in the middle, files to skip. */
function batchFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-batch-'));
  fs.copyFileSync(fixturePath('jiangzhou-2024.html'), path.join(dir, 'a.html'));
  fs.copyFileSync(KEWEI, path.join(dir, 'a.txt'));
  fs.writeFileSync(path.join(dir, 'b-list.txt'), 'shopping list\nmilk\n');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.copyFileSync(fixturePath('jiangzhou-2020-format2019.txt'), path.join(dir, 'sub', 'c.txt'));
  for (const skipped of ['.hidden', 'node_modules']) {
    fs.mkdirSync(path.join(dir, skipped));
    fs.copyFileSync(fixturePath('jiangzhou-2024.html'), path.join(dir, skipped, 'd.html'));
  }
  fs.writeFileSync(path.join(dir, '.e.txt'), 'hidden');
  fs.writeFileSync(path.join(dir, 'f.xxgk.yaml'), '格式: 2021\n');
  fs.writeFileSync(path.join(dir, 'g.js'), 'code');
  return dir;
}

test('import <folder> -o DIR: every importable file, a failing one in the middle, one line each, exit 1', () => {
  const dir = batchFolder();
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-out-')), 'new', 'dir');
  const r = xxgk('import', dir, '-o', out, '--locale', 'en');
  assert.equal(r.code, 1, r.err);
  assert.equal(r.out, '');
  const lines = r.err.trimEnd().split('\n');
  assert.equal(lines.length, 5, r.err);
  // Name order: a.html, a.txt (same target name: a distinct one), b-list.txt (fails), sub/c.txt.
  assert.match(lines[0], /a\.html → .*[\\/]new[\\/]dir[\\/]a\.xxgk\.yaml: \d+ cells read, \d+ to check \(2021 format, year 2024, body 江州市交通运输局\)$/);
  assert.match(lines[1], /a\.txt → .*[\\/]a-2\.xxgk\.yaml: \d+ cells read, \d+ to check \(2021 format, year 2024, body 上海市科委\)$/);
  assert.match(lines[2], /b-list\.txt: error: no section or table of an annual report was recognised$/);
  assert.match(lines[3], /sub[\\/]c\.txt → .*[\\/]sub[\\/]c\.xxgk\.yaml: .*\(2019 format, year 2020/);
  assert.match(lines[4], /^3 of 4 file\(s\) imported, 1 failed: \d+ cells read, \d+ to check/);
  assert.equal(check(fs.readFileSync(path.join(out, 'a.xxgk.yaml'), 'utf8')).report.agency, '江州市交通运输局');
  assert.equal(check(fs.readFileSync(path.join(out, 'a-2.xxgk.yaml'), 'utf8')).report.agency, '上海市科委');
  assert.equal(check(fs.readFileSync(path.join(out, 'sub', 'c.xxgk.yaml'), 'utf8')).report.year, 2020);
  const written = fs.readdirSync(out, { recursive: true }).map(String).sort();
  assert.deepEqual(written, ['a-2.xxgk.yaml', 'a.xxgk.yaml', 'sub', path.join('sub', 'c.xxgk.yaml')]);
  // The totals of the summary are the sums of the lines.
  const sum = (k: 'cells read' | 'to check') => lines.slice(0, 4).reduce((n, l) => n + Number(new RegExp(`(\\d+) ${k}`).exec(l)?.[1] ?? 0), 0);
  assert.match(lines[4], new RegExp(`: ${sum('cells read')} cells read, ${sum('to check')} to check`));

  // Again: nothing replaced without --force, each file said so; with --force all written again.
  fs.writeFileSync(path.join(out, 'a.xxgk.yaml'), 'mine');
  const again = xxgk('import', dir, '-o', out);
  assert.equal(again.code, 1);
  assert.equal((again.err.match(/目标文件已存在（加 --force 覆盖）/g) ?? []).length, 3);
  assert.match(again.err, /共 4 个文件，已导入 0 个，失败 4 个/);
  assert.equal(fs.readFileSync(path.join(out, 'a.xxgk.yaml'), 'utf8'), 'mine');
  const forced = xxgk('import', dir, '-o', out, '--force');
  assert.equal(forced.code, 1);
  assert.match(forced.err, /共 4 个文件，已导入 3 个，失败 1 个/);
  assert.equal(check(fs.readFileSync(path.join(out, 'a.xxgk.yaml'), 'utf8')).report.year, 2024);
});

test('import <file> <file>: each source beside its input, twins of one name apart, exit 0 when all succeed', () => {
  const dir = batchFolder();
  const r = xxgk('import', path.join(dir, 'a.html'), path.join(dir, 'a.txt'), path.join(dir, 'sub', 'c.txt'));
  assert.equal(r.code, 0, r.err);
  assert.equal(check(fs.readFileSync(path.join(dir, 'a.xxgk.yaml'), 'utf8')).report.agency, '江州市交通运输局');
  assert.equal(check(fs.readFileSync(path.join(dir, 'a-2.xxgk.yaml'), 'utf8')).report.agency, '上海市科委');
  assert.ok(fs.existsSync(path.join(dir, 'sub', 'c.xxgk.yaml')));
  assert.match(r.err, /共 3 个文件，已导入 3 个，失败 0 个/);
  // Several files do not list every note on stderr: each file's header does.
  assert.doesNotMatch(r.err, /未能放置/);
  // A folder argument without -o: beside each input too.
  const folder = xxgk('import', path.join(dir, 'sub'), '--force');
  assert.equal(folder.code, 0, folder.err);
  assert.match(folder.err, /c\.txt → .*sub[\\/]c\.xxgk\.yaml/);
});
