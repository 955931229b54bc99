/**
 * Runs the CLI's per-file work (cli/tasks.ts) over worker threads and hands the results back in the
 * order of the inputs, as each one is ready: a run's output is the same whatever `--jobs` is, and it
 * streams. Only a window of tasks is in flight or waiting for an earlier one, so memory does not
 * grow with the number of files. This thread works too: `jobs` 1 starts no worker, `jobs` N starts N − 1.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runTask } from './tasks';
import type { Task, TaskResult } from './tasks';

/** The worker script: beside the bundle (dist/), or beside this file in the compiled tree. */
function workerScript(): string {
  return path.join(__dirname, 'cliWorker.js');
}

/** `--jobs`: a number of threads, or `auto` (absent): the cores, as many as the files keep busy (threadsFor). */
export type Jobs = number | 'auto';

/** `--jobs`: a positive integer, `auto` when absent; undefined when it is neither. */
export function jobsOption(value: string | undefined): Jobs | undefined {
  if (value === undefined) return 'auto';
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 256 ? n : undefined;
}

/**
 * Files each thread needs for starting it to pay. A worker's start and its own warm-up of the
 * optimising compiler cost about 0.4 s and 40 MB: on this project's 2-core machine, 20 reports took
 * 1.1 s on one thread and 1.6 s on two, 200 broke even, 500 ran 1.09× faster (`npm run bench:cli
 * -- --sizes=200,500 --rounds=3`).
 */
export const FILES_PER_THREAD = 250;

/** The threads for `jobs`: the number given, or for `auto` the cores, no more than `files` keep busy. */
export function threadsFor(jobs: Jobs, files: number, cores = os.availableParallelism()): number {
  if (jobs !== 'auto') return jobs;
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD)));
}

/**
 * Tasks queued per worker. This thread runs tasks too and reads worker messages only between them;
 * handing out the first task of a folder reads every sibling's head (about 70 ms for 600 files),
 * so a worker keeps enough queued to stay busy meanwhile.
 */
const PER_WORKER = 16;
/** Results held per thread while an earlier one is still running: room for one slow task. */
const WINDOW_PER_JOB = 64;

/**
 * Runs `tasks` (taken lazily, one by one) and calls `onResult` in input order. Resolves when all are
 * delivered. A worker that dies fails the run (a bug, not a file's problem: tasks catch their own).
 * `total`, the number of tasks when known, keeps the last ones shared out fairly: a worker queues
 * no more than its share of what is left, so a few slow tasks (imports of PDFs) are not all queued
 * on one worker while this thread waits.
 */
export async function runOrdered(
  tasks: Iterable<Task>,
  { jobs, total = Infinity }: { jobs: number; total?: number },
  /** `thread`: 0 for this thread, k for the k-th worker (tests look at how the work was shared). */
  onResult: (result: TaskResult, index: number, thread: number) => void,
): Promise<void> {
  if (jobs <= 1 || !fs.existsSync(workerScript())) {
    let i = 0;
    for (const task of tasks) {
      // Yield now and then so a progress timer and stdout keep flowing.
      onResult(await runTask(task), i++, 0);
      if (i % 16 === 0) await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const iterator = tasks[Symbol.iterator]();
  // This thread is one of the `jobs`: it only waits for messages otherwise, and one V8 heap fewer
  // keeps the run's memory down.
  const workers = Array.from({ length: jobs - 1 }, () => new Worker(workerScript()));
  const local = 'this thread';
  type Runner = Worker | typeof local;
  const runners: Runner[] = [local, ...workers];
  const threadOf = new Map<Runner, number>(runners.map((r, i) => [r, i]));
  const waiting = new Map<number, { result: TaskResult; thread: number }>();
  const load = new Map<Runner, number>();
  let nextIndex = 0;
  let delivered = 0;
  let exhausted = false;
  const window = jobs * WINDOW_PER_JOB;
  // What a task shares (a folder's heads) goes to each worker once; this thread made it.
  const sentKeys = new Map<Worker, Set<string>>(workers.map((w) => [w, new Set()]));
  const once = (worker: Worker, task: Task): Task => {
    if (!('shared' in task) || !task.shared) return task;
    const sent = sentKeys.get(worker) as Set<string>;
    if (sent.has(task.shared.key)) return { ...task, shared: undefined };
    sent.add(task.shared.key);
    return task;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const deliver = (runner: Runner, index: number, result: TaskResult) => {
        load.set(runner, (load.get(runner) ?? 1) - 1);
        waiting.set(index, { result, thread: threadOf.get(runner) ?? 0 });
        try {
          while (waiting.has(delivered)) {
            const { result: r, thread } = waiting.get(delivered) as { result: TaskResult; thread: number };
            waiting.delete(delivered);
            onResult(r, delivered++, thread);
          }
        } catch (e) {
          reject(e);
          return;
        }
        // A delivery may have opened the window for every runner, not just this one.
        for (const r of runners) feed(r);
      };
      const feed = (runner: Runner) => {
        // This thread takes one task at a time, so worker messages are read between its tasks; a
        // worker queues up to PER_WORKER, but no more than its share of the tasks not yet handed out.
        const limit = runner === local ? () => 1 : () => Math.min(PER_WORKER, Math.ceil((total - nextIndex) / jobs));
        while (!exhausted && (load.get(runner) ?? 0) < limit() && nextIndex - delivered < window) {
          const next = iterator.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          load.set(runner, (load.get(runner) ?? 0) + 1);
          const index = nextIndex++;
          if (runner === local) setImmediate(() => void runTask(next.value).then((r) => deliver(local, index, r), reject));
          else runner.postMessage({ index, task: once(runner, next.value) });
        }
        if (exhausted && delivered === nextIndex) resolve();
      };
      for (const worker of workers) {
        worker.on('message', ({ index, result }: { index: number; result: TaskResult }) => deliver(worker, index, result));
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (!(exhausted && delivered === nextIndex)) reject(new Error(`a worker thread ended (exit code ${code})`));
        });
      }
      for (const r of runners) feed(r);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
