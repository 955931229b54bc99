/**
 * The per-file work of `xxgk check` and `xxgk review`, as messages a worker thread (cliWorker.ts)
 * or this thread (`--jobs 1`) runs: a task names a file, its result is small (the file's part of
 * the output, counts, a row of numbers), so results can cross threads and stream out without texts
 * being held.
 */
import { check } from '../engine';
import type { Locale, SiblingHead } from '../engine';
import { filePiece } from './checkStream';
import type { CheckFormat, FilePiece } from './checkStream';
import { readSource, UsageError } from './files';
import { PreviousFinder } from './previous';
import { prepareOne, reviewOne } from './reviewTasks';
import type { PrepareTask, Prepared, ReviewTask, Reviewed } from './reviewTasks';

export interface CheckTask {
  kind: 'check';
  path: string;
  roots: string[];
  locale: Locale;
  /** The output the file's piece is written for (cli/checkStream.ts). */
  format: CheckFormat;
  indent: string;
  /**
   * The heads of the file's folder, read once by the thread that hands out the tasks and sent to
   * each worker with its first task of the folder (cli/pool.ts), so the threads do not each read
   * every sibling again.
   */
  shared?: { key: string; value: SiblingHead[] };
}

export type Task = CheckTask | PrepareTask | ReviewTask;

export type TaskResult =
  | { kind: 'checked'; piece: FilePiece }
  /** A file `check` cannot read: the run stops with exit 2, as it always has. */
  | { kind: 'usage'; message: string }
  /** A bug met on one file (the engine threw): reported as an internal error. */
  | { kind: 'internal'; message: string }
  | Prepared
  | Reviewed;

/** One per thread: folder listings and heads are shared by the files of a folder. */
const finder = new PreviousFinder();

/** This thread's heads of `dir`'s report files (read now if not yet): what a check task shares. */
export function folderHeads(dir: string): SiblingHead[] {
  return finder.siblings(dir);
}

function checkOne(task: CheckTask): TaskResult {
  if (task.shared) finder.prime(task.shared.key, task.shared.value);
  let source;
  try {
    source = readSource(task.path);
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage', message: e.text(task.locale) };
    throw e;
  }
  const { diagnostics } = check(source.text, { locale: task.locale, encoding: source.encoding, previous: finder.previousFor(task.path, task.roots) });
  return { kind: 'checked', piece: filePiece(task.format, task.indent, { path: task.path, diagnostics }) };
}

function runOne(task: Task): TaskResult | Promise<TaskResult> {
  switch (task.kind) {
    case 'check':
      return checkOne(task);
    case 'prepare':
      return prepareOne(task);
    case 'review':
      return reviewOne(task, finder);
  }
}

/** Never throws: what goes wrong on one file becomes that file's result. */
export async function runTask(task: Task): Promise<TaskResult> {
  try {
    return await runOne(task);
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage', message: e.text(task.locale) };
    const detail = e instanceof Error ? e.message : String(e);
    // A review step that fails lists its file as failed; `check` has always stopped on a bug.
    return task.kind === 'check' ? { kind: 'internal', message: detail } : { kind: 'failed', reason: detail };
  }
}
