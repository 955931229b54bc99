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
