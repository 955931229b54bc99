/** Which files `xxgk check` reads: named files, and report sources found under named folders. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPORT_FILE = /\.xxgk\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist']);

export class UsageError extends Error {}

export function collect(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new UsageError(`cannot read ${arg}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(arg, out);
    else out.push(arg);
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
    } else if (REPORT_FILE.test(e.name)) out.push(p);
  }
}

export function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot read ${file}: ${code}`);
  }
}

/**
 * Writes `data` to `target`, refusing to replace an existing file unless `force` (a UsageError: one
 * line, exit 2). `wx` also refuses a file created between the caller's check and the write.
 */
export function writeNew(target: string, data: string | Uint8Array, force: boolean): void {
  const exists = `${target} already exists (use --force to replace it)`;
  try {
    fs.writeFileSync(target, data, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(code === 'EEXIST' ? exists : `cannot write ${target}: ${code}`);
  }
}

/** Fails early (before any work) when `target` exists and may not be replaced. */
export function refuseExisting(target: string, force: boolean): void {
  if (!force && fs.existsSync(target)) throw new UsageError(`${target} already exists (use --force to replace it)`);
}
