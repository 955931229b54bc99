/** Which files `xxgk check` reads: named files, and report sources found under named folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPORT_FILE } from '../engine';
import { decodeSource } from '../engine';
import type { Decoded } from '../engine';
import { CLI_TEXT } from '../engine';
import type { CliText, Locale } from '../engine';
import { FileReadError, MAX_SOURCE_BYTES, readRegularFileSync } from '../node/readFile';

export { REPORT_FILE };
/** A sentence of the CLI, to be said in the user's language. */
export type Say = (t: CliText) => string;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

/**
 * A mistake in how the CLI was called, or a file it cannot read or write: one line, exit code 2.
 * It holds what to say in either language; `message` is the English one.
 */
export class UsageError extends Error {
  constructor(readonly say: Say) {
    super(say(CLI_TEXT.en));
  }
  text(locale: Locale): string {
    return this.say(CLI_TEXT[locale]);
  }
}

/** A report file to check, with the folders 上年报告 may name a file in (see `rootsOf`). */
export interface Collected {
  path: string;
  roots: string[];
}

/**
 * The files to check. Named files are taken as named (reading refuses anything but a regular file);
 * in named folders, entries named *.xxgk.yaml that are not regular files (a FIFO, a device, or a
 * link to one) are skipped with a line on `skipped`, so one stray entry cannot hang the run.
 */
export function collect(args: string[], skipped: (say: Say) => void = () => undefined): Collected[] {
  const out: Collected[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new UsageError((t) => t.noSuchFileOrFolder(arg));
    }
    if (stat.isDirectory()) walk(arg, rootsOf(arg), out, skipped, 0);
    else out.push({ path: arg, roots: rootsOf(path.dirname(arg)) });
  }
  return out;
}

/**
 * Where 上年报告 may point for files found in `folder` (the folder being checked, or a named file's
 * folder): inside that folder, or inside the working folder (the CLI's workspace) when it holds it.
 */
export function rootsOf(folder: string): string[] {
  const cwd = process.cwd();
  const abs = path.resolve(folder);
  const rel = path.relative(cwd, abs);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) ? [abs, cwd] : [abs];
}

/** Deeper folders than this are not report collections (and a link loop stops here). */
const MAX_DEPTH = 32;

function walk(dir: string, roots: string[], out: Collected[], skipped: (say: Say) => void, depth: number): void {
  if (depth > MAX_DEPTH) return skipped((t) => t.skipped(dir, t.tooDeep(MAX_DEPTH)));
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return skipped((t) => t.skipped(dir, code));
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, roots, out, skipped, depth + 1);
    } else if (REPORT_FILE.test(e.name)) {
      // A symbolic link is judged by what it points to: stat, which never opens (or blocks on) it.
      let regular = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          regular = fs.statSync(p).isFile();
        } catch {
          regular = false;
        }
      }
      if (regular) out.push({ path: p, roots });
      else skipped((t) => t.skipped(p, t.notRegularEntry));
    }
  }
}

/** A report source as text (see parse/encoding.ts), or a UsageError that says why it cannot be read. */
export function readSource(file: string): Decoded {
  return decodeSource(readBytes(file, MAX_SOURCE_BYTES));
}

/** The bytes of a regular file of at most `maxBytes`, else a one-line UsageError. */
export function readBytes(file: string, maxBytes: number): Buffer {
  try {
    return readRegularFileSync(file, maxBytes);
  } catch (e) {
    if (e instanceof FileReadError) {
      const { refusal } = e;
      throw new UsageError((t) => t.cannotRead(file, t.readRefusal(refusal)));
    }
    throw e;
  }
}

/**
 * Refuses `target` when it is the input itself (also through a link or another spelling of the
 * path), even with --force: the output would destroy what it was made from.
 */
export function refuseOwnInput(target: string, input: string): void {
  let same = path.resolve(target) === path.resolve(input);
  try {
    const a = fs.statSync(target);
    const b = fs.statSync(input);
    same ||= a.dev === b.dev && a.ino === b.ino;
  } catch {
    // A target that does not exist yet is not the input.
  }
  if (same) throw new UsageError((t) => t.isInput(target));
}

/**
 * Writes `data` to `target`, refusing to replace an existing file unless `force` (a UsageError: one
 * line, exit 2). `wx` also refuses a file created between the caller's check and the write.
 */
export function writeNew(target: string, data: string | Uint8Array, force: boolean): void {
  try {
    // Without --force, `wx` (O_EXCL) also refuses a symbolic link, dangling or not: nothing is written through one.
    if (force) refuseLinkOrSpecial(target);
    fs.writeFileSync(target, data, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError((t) => (code === 'EEXIST' ? t.exists(target) : t.cannotWrite(target, code)));
  }
}

/** With --force, a regular file is replaced; a link, FIFO or device is not written through. */
function refuseLinkOrSpecial(target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) {
    // Replace the link itself, never the file it points to.
    fs.unlinkSync(target);
    return;
  }
  if (!stat.isFile()) throw new UsageError((t) => t.cannotWrite(target, t.notRegularTarget));
}

/** Fails early (before any work) when `target` exists and may not be replaced. */
export function refuseExisting(target: string, force: boolean): void {
  if (!force && exists(target)) throw new UsageError((t) => t.exists(target));
}

/** Whether anything is at `target`, a dangling link included. */
function exists(target: string): boolean {
  try {
    fs.lstatSync(target);
    return true;
  } catch {
    return false;
  }
}
