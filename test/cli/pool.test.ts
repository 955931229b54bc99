/**
 * How the CLI shares files among threads (cli/pool.ts): how many threads `--jobs` gives when it is
 * not set, and that a few tasks are shared out, not all queued on one worker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FILES_PER_THREAD, jobsOption, runOrdered, threadsFor } from '../../server/src/cli/pool';
import type { Task } from '../../server/src/cli/tasks';
import { root } from '../helpers';

test('--jobs absent: the cores, but one thread unless each has FILES_PER_THREAD files', () => {
  assert.equal(jobsOption(undefined), 'auto');
  assert.equal(jobsOption('3'), 3);
  assert.equal(jobsOption('0'), undefined);
  assert.equal(threadsFor('auto', 1, 2), 1);
  assert.equal(threadsFor('auto', 2 * FILES_PER_THREAD - 1, 2), 1);
  assert.equal(threadsFor('auto', 2 * FILES_PER_THREAD, 2), 2);
  assert.equal(threadsFor('auto', 10_000, 2), 2);
  assert.equal(threadsFor('auto', 4 * FILES_PER_THREAD, 8), 4);
  assert.equal(threadsFor('auto', 0, 8), 1);
  // A number given is what the user asked for, whatever the files.
  assert.equal(threadsFor(3, 5, 2), 3);
});

const examples = ['baiyunlu-2023', 'clean-2024', 'errors'].map((n) => path.join(root, 'examples', `${n}.xxgk.yaml`));
const tasks = (n: number): Task[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'check', path: examples[i % 3], roots: [path.join(root, 'examples')], locale: 'zh-CN', format: 'jsonl', indent: '' }));

async function run(n: number, total: number | undefined): Promise<{ paths: string[]; indexes: number[]; threads: number[] }> {
  const paths: string[] = [];
  const indexes: number[] = [];
  const threads: number[] = [];
  await runOrdered(tasks(n), { jobs: 2, total }, (r, index, thread) => {
    assert.equal(r.kind, 'checked');
    if (r.kind === 'checked') paths.push((JSON.parse(r.piece.text) as { path: string }).path);
    indexes.push(index);
    threads.push(thread);
  });
  return { paths, indexes, threads };
}

test('eight tasks on two threads: the worker queues its share, not all seven others', async () => {
  const { paths, indexes, threads } = await run(8, 8);
  assert.deepEqual(indexes, [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(paths, tasks(8).map((t) => (t.kind === 'check' ? t.path : '')));
  // This thread's task 0 runs synchronously, so no worker message is read meanwhile: the worker holds
  // only its first share (tasks 1–3) when task 0 ends, and this thread takes task 4 then. Queued 16
  // deep, the worker took tasks 1–7 at once and this thread ran only task 0.
  assert.ok(threads.filter((t) => t === 0).length >= 2, `this thread ran ${threads.filter((t) => t === 0).length} of 8`);
  assert.ok(threads.some((t) => t === 1), 'the worker ran some');
});

test('a total that is wrong, or none, still runs every task once, in order', async () => {
  for (const total of [3, 40, undefined]) {
    const { paths, indexes } = await run(20, total);
    assert.deepEqual(indexes, Array.from({ length: 20 }, (_, i) => i), `total ${total}`);
    assert.deepEqual(paths, tasks(20).map((t) => (t.kind === 'check' ? t.path : '')), `total ${total}`);
  }
});
