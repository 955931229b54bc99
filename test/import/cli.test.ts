/** `xxgk import` through the bundled binary: targets, --force, -o -, stderr, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
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
  assert.match(first.err, /^已导入 .*江州\.html → .*江州\.xxgk\.yaml（2021 年格式，年度 2024，机关 江州市交通运输局）。/);
  const text = fs.readFileSync(target, 'utf8');
  assert.equal(check(text).report.year, 2024);

  fs.writeFileSync(target, 'mine');
  const refused = xxgk('import', input);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /already exists \(use --force to replace it\)/);
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
  assert.match(r.err, /已导入 .*hongze-2024\.pdf → 标准输出（2021 年格式，年度 2024，机关 淮安市洪泽区人民政府）/);
  assert.equal(check(r.out).report.cells.get('主动公开/行政许可')?.value, 9487);
});

test('import -o -: the source on stdout, what was not placed on stderr', () => {
  const r = xxgk('import', KEWEI, '-o', '-');
  assert.equal(r.code, 0);
  assert.match(r.out, /^# 由 xxgk import 从/);
  assert.match(r.out, /\n格式: 2021\n年度: 2024\n机关: 上海市科委\n/);
  assert.match(r.err, /未能放置 2 项（生成文件开头的注释中也有列出）：\n {2}- 标题之前的文字未导入/);
  assert.match(r.err, /另有 \d+ 条说明需核对/);
  const en = xxgk('import', KEWEI, '-o', '-', '--locale', 'en');
  assert.match(en.err, /Not placed \(2\), also listed at the top of the file:/);
  assert.match(en.out, /^# Imported by xxgk import from/);
});

test('import: exit 2 for a missing file, an unsupported type, a non-report, a broken .docx, bad usage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-'));
  const missing = xxgk('import', path.join(dir, 'nothing.txt'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nothing\.txt: .*ENOENT/);
  const doc = path.join(dir, 'a.doc');
  fs.writeFileSync(doc, 'old Word');
  assert.match(xxgk('import', doc).err, /not a \.docx, PDF, HTML or text file/);
  const pdf = path.join(dir, 'a.pdf');
  fs.writeFileSync(pdf, '%PDF-1.4');
  const scan = xxgk('import', path.join(root, 'test', 'import', 'fixtures', 'pdf', 'scan-no-text.pdf'), '-o', '-');
  assert.equal(scan.code, 2);
  assert.match(scan.err, /no text layer \(a scanned document\)/);
  const broken = xxgk('import', pdf);
  assert.equal(broken.code, 2);
  assert.match(broken.err, /cannot import .*a\.pdf: the PDF is damaged or not a PDF/);
  const notes = path.join(dir, 'notes.txt');
  fs.writeFileSync(notes, 'shopping list\nmilk\n');
  const none = xxgk('import', notes);
  assert.equal(none.code, 2);
  assert.match(none.err, /no section or table of an annual report was recognised/);
  assert.ok(!fs.existsSync(path.join(dir, 'notes.xxgk.yaml')));
  const docx = path.join(dir, 'broken.docx');
  fs.writeFileSync(docx, 'not a zip');
  assert.match(xxgk('import', docx).err, /cannot import .*broken\.docx: not a \.docx \(ZIP\) file/);
  assert.equal(xxgk('import').code, 2);
  assert.equal(xxgk('import', notes, notes).code, 2);
  assert.match(xxgk('--help').out, /xxgk import <文件\.docx\|\.html\|\.txt> \[-o out\.xxgk\.yaml\] \[--force\]/);
});
