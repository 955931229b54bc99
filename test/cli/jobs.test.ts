/** `xxgk check --jobs N`: the same output whatever N, in file order; jsonl is the JSON's files, one per line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { root } from '../helpers';

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const inputs = ['examples', path.join('test', 'cli', 'fixtures'), path.join('test', 'engine', 'fixtures')];

test('check: text, json, jsonl and sarif are the same with 1, 2 and 3 threads', () => {
  for (const format of ['text', 'json', 'jsonl', 'sarif']) {
    const one = xxgk('check', ...inputs, '--format', format, '--jobs', '1');
    assert.equal(one.err, '', `${format}: no progress when stderr is not a terminal`);
    for (const jobs of ['2', '3']) {
      const many = xxgk('check', ...inputs, '--format', format, '--jobs', jobs);
      assert.equal(many.code, one.code);
      assert.equal(many.out, one.out, `${format} with --jobs ${jobs}`);
    }
  }
});

test('check --format jsonl: one line per file, the files of --format json in the same order', () => {
  const json = JSON.parse(xxgk('check', ...inputs, '--format', 'json').out) as { files: unknown[] };
  const lines = xxgk('check', ...inputs, '--format', 'jsonl').out.trimEnd().split('\n');
  assert.ok(lines.length > 5);
  assert.deepEqual(lines.map((l) => JSON.parse(l)), json.files);
});

test('check --jobs: a bad value is a usage error', () => {
  for (const bad of ['0', 'x', '1.5']) assert.equal(xxgk('check', 'examples', '--jobs', bad).code, 2, bad);
});
