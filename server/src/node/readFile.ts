/**
 * The one way the CLI and the language server read a file named by a user or by a report: regular
 * files only, at most a given number of bytes. A FIFO, a device or `/dev/stdin` would otherwise
 * hang the reader or grow without end, and a huge (or sparse) file would be read whole before it
 * is refused. The file is opened with O_NONBLOCK so that opening a FIFO never waits for a writer,
 * then fstat decides, on the open descriptor (no race with a rename), before a byte is read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI_TEXT, MAX_SOURCE_LENGTH } from '../engine';
import type { ReadRefusal } from '../engine';

/** Largest report source read: the most UTF-8 bytes (4 per character) of a text the engine checks at all. */
export const MAX_SOURCE_BYTES = MAX_SOURCE_LENGTH * 4;
/** Largest import input (.docx, PDF, HTML or text): a report with pictures stays well under this. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export type ReadFailure = 'missing' | 'not-a-file' | 'too-large' | 'denied' | 'error';

export class FileReadError extends Error {
  constructor(
    readonly reason: ReadFailure,
    readonly file: string,
    /** Why, to be said in the user's language (`CLI_TEXT[locale].readRefusal`). */
    readonly refusal: ReadRefusal,
  ) {
    super(CLI_TEXT.en.readRefusal(refusal));
  }
  /** Why, in English (logs, and callers that have no locale). */
  get detail(): string {
    return this.message;
  }
  /** The file's size, when it was refused as too large. */
  get size(): number | undefined {
    return this.refusal.kind === 'too-large' ? this.refusal.size : undefined;
  }
}

/** O_NONBLOCK is absent on Windows (no FIFOs there to block on). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function failure(e: unknown, file: string): FileReadError {
  if (e instanceof FileReadError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError('missing', file, { kind: 'missing', code });
  if (code === 'EISDIR') return new FileReadError('not-a-file', file, { kind: 'folder' });
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError('denied', file, { kind: 'denied', code });
  return new FileReadError('error', file, { kind: 'error', code });
}

function kindOf(stat: fs.Stats): ReadRefusal {
  if (stat.isDirectory()) return { kind: 'folder' };
  if (stat.isFIFO()) return { kind: 'fifo' };
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return { kind: 'device' };
  if (stat.isSocket()) return { kind: 'socket' };
  return { kind: 'special' };
}

function checkStat(stat: fs.Stats, file: string, maxBytes: number): void {
  if (!stat.isFile()) throw new FileReadError('not-a-file', file, kindOf(stat));
  if (stat.size > maxBytes) throw new FileReadError('too-large', file, { kind: 'too-large', size: stat.size, limit: maxBytes });
}

/**
 * The bytes of the regular file `file`, at most `maxBytes` of them; throws FileReadError for
 * anything else (missing, a FIFO, a device, a folder, too large). A file that grows while it is
 * read is cut at the bound rather than followed.
 */
export function readRegularFileSync(file: string, maxBytes: number): Buffer {
  return readRegularFilePrefixSync(file, maxBytes, Infinity).bytes;
}

/**
 * The first `headBytes` bytes of a file under the same rules as readRegularFileSync (a regular file
 * of at most `maxBytes`), and whether that is the whole file.
 */
export function readRegularFilePrefixSync(file: string, maxBytes: number, headBytes: number): { bytes: Buffer; whole: boolean } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    const stat = fs.fstatSync(fd);
    checkStat(stat, file, maxBytes);
    // Not zero-filled: only the bytes read are returned.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, headBytes));
    let read = 0;
    while (read < buffer.length) {
      const n = fs.readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return { bytes: buffer.subarray(0, read), whole: stat.size <= headBytes };
  } catch (e) {
    throw failure(e, file);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** As readRegularFileSync, without blocking the thread (the language server). */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const stat = await handle.stat();
    checkStat(stat, file, maxBytes);
    // Not zero-filled: only the bytes read are returned.
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } catch (e) {
    throw failure(e, file);
  } finally {
    await handle?.close();
  }
}

/** Whether `file` is a regular file now (lstat follows nothing: a symlink is judged by its target via stat). */
export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function real(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Whether `target` lies inside one of `roots` once symbolic links are followed (a link inside the
 * folder that points out of it is outside). A target that does not exist is judged by its path.
 */
export function insideAny(target: string, roots: readonly string[]): boolean {
  const t = real(target);
  return roots.some((root) => {
    const rel = path.relative(real(root), t);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  });
}
