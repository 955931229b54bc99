/** `xxgk export` through the bundled binary: targets, never replacing a file without --force, --html = render. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { root } from '../helpers';
import { unzip } from './zip';

const fixture = (name: string) => path.join(root, 'test', 'cli', 'fixtures', name);

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function inTemp(body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-export-'));
  try {
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('export --docx writes a .docx beside the source by default, and says where', () => {
  inTemp((dir) => {
    const source = path.join(dir, '江州市2023.xxgk.yaml');
    fs.copyFileSync(fixture('clean.xxgk.yaml'), source);
    const r = xxgk('export', source, '--docx');
    assert.equal(r.code, 0, r.err);
    const target = path.join(dir, '江州市2023.docx');
    assert.equal(r.out, `已导出 ${target}\n`);
    assert.equal(r.err, '');
    const files = unzip(fs.readFileSync(target));
    assert.match((files.get('word/document.xml') as Buffer).toString('utf8'), /江州市生态环境局2023年政府信息公开工作年度报告/);
  });
});

test('export refuses to replace a file without --force (exit 2, one line), replaces it with --force', () => {
  inTemp((dir) => {
    const target = path.join(dir, 'out.docx');
    fs.writeFileSync(target, 'keep me');
    const r = xxgk('export', fixture('clean.xxgk.yaml'), '--docx', '-o', target);
    assert.equal(r.code, 2);
    assert.equal(r.err, `xxgk: ${target} 已存在（加 --force 可覆盖）\n`);
    const en = xxgk('export', fixture('clean.xxgk.yaml'), '--docx', '-o', target, '--locale', 'en');
    assert.equal(en.err, `xxgk: ${target} already exists (use --force to replace it)\n`);
    assert.equal(fs.readFileSync(target, 'utf8'), 'keep me');
    const forced = xxgk('export', fixture('clean.xxgk.yaml'), '--docx', '-o', target, '--force', '--locale', 'en');
    assert.equal(forced.code, 0, forced.err);
    assert.equal(forced.out, `Exported ${target}\n`);
    assert.equal(fs.readFileSync(target).subarray(0, 2).toString('latin1'), 'PK');
  });
});

test('export --html writes the page xxgk render prints; a report with errors exits 1 unless --allow-errors, then noted on stderr', () => {
  inTemp((dir) => {
    const target = path.join(dir, 'r.html');
    const refused = xxgk('export', fixture('wrong-total.xxgk.yaml'), '--html', '-o', target);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /^xxgk: 报告中有 1 个错误，未导出.*--allow-errors/);
    assert.ok(!fs.existsSync(target), 'nothing written');
    const r = xxgk('export', fixture('wrong-total.xxgk.yaml'), '--html', '-o', target, '--allow-errors');
    assert.equal(r.code, 0, r.err);
    assert.equal(fs.readFileSync(target, 'utf8'), xxgk('render', fixture('wrong-total.xxgk.yaml')).out);
    assert.match(r.err, /^xxgk: 注意：报告中仍有 1 个错误/);
  });
});

test('export usage errors: exit 2 with one line', () => {
  for (const args of [['export', fixture('clean.xxgk.yaml')], ['export', fixture('clean.xxgk.yaml'), '--docx', '--html'], ['export', '--docx'], ['export', fixture('nope.xxgk.yaml'), '--docx']]) {
    const r = xxgk(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /^xxgk: /);
  }
  assert.match(xxgk('--help').out, /xxgk export <文件> --docx\|--html/);
});
