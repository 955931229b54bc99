/**
 * Entry of the CLI's worker threads (bundled to dist/cliWorker.js): runs the tasks the pool
 * (cli/pool.ts) posts and answers each with its index, so the pool can put results back in order.
 */
import { parentPort } from 'node:worker_threads';
import { runTask } from './tasks';
import type { Task } from './tasks';

parentPort?.on('message', ({ index, task }: { index: number; task: Task }) => {
  void runTask(task).then((result) => parentPort?.postMessage({ index, result }));
});
