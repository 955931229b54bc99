/**
 * Which files `xxgk import` reads and where each source goes. Folders are walked (without following
 * links) for the importable files inside; each input gets one target: beside it by default, under
 * `-o DIR` (mirroring the folder it was found in) when asked. Two inputs never share a target: the
 * later ones get `-2`, `-3`… in the order of the inputs, so a run names its files the same way again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IMPORTABLE_FILE, sourceFileName } from '../engine';
import { distinctNames } from '../engine';
import { REPORT_FILE, UsageError } from './files';

/** One file to import and the source to write (`-` for stdout). */
export interface ImportJob {
  input: string;
  target: string;
}

/** Folders never walked: tools' and version control's. */
const SKIP_DIRS = new Set(['node_modules']);

interface Found {
  input: string;
  /** Folder of the input relative to the folder argument it was found under ('' for a named file). */
  under: string;
}

/**
 * Named files as they are (a missing one fails later, as one file); folders walked in name order.
 * `sources`: report sources found in folders are taken too (`xxgk review` reads both).
 */
export function collectInputs(args: readonly string[], sources = false): { found: Found[]; folders: boolean } {
  const found: Found[] = [];
  let folders = false;
  for (const arg of args) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(arg);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      folders = true;
      walk(arg, found, sources);
    } else found.push({ input: arg, under: '' });
  }
  return { found, folders };
}

/** Iterative, so a deep tree cannot exhaust the stack; links are not followed (no cycles). */
function walk(root: string, out: Found[], sources: boolean): void {
  const stack: string[] = [''];
  while (stack.length) {
    const rel = stack.pop() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue; // An unreadable subfolder holds nothing we can import.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const dirs: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) dirs.push(path.join(rel, e.name));
      } else if (e.isFile() && (REPORT_FILE.test(e.name) ? sources : IMPORTABLE_FILE.test(e.name))) out.push({ input: path.join(root, rel, e.name), under: rel });
    }
    // Reversed onto the stack: subfolders come out in name order.
    for (let i = dirs.length - 1; i >= 0; i--) stack.push(dirs[i]);
  }
}

/**
 * The target of each input. `output`: undefined (beside each input), `-` (stdout, one input only),
 * a folder (many inputs, a folder argument, an existing folder or a name ending in a separator;
 * created when missing) or a file (one input only).
 */
export function planImport(args: readonly string[], output: string | undefined): { jobs: ImportJob[]; outDir?: string } {
  if (args.length === 0) throw new UsageError((t) => t.needsInputs('import') + t.seeHelp);
  const { found, folders } = collectInputs(args);
  if (found.length === 0) throw new UsageError((t) => t.nothingToImport(args.join(' '), '.docx, .pdf, .html, .htm, .shtml, .txt, .md'));
  const many = found.length > 1 || folders;
  let outDir: string | undefined;
  if (output !== undefined && output !== '-') {
    let isDir = false;
    try {
      isDir = fs.statSync(output).isDirectory();
    } catch {
      isDir = false;
    }
    // Several inputs into a `.yaml` name is a mistake, not a folder to create.
    if (isDir || (many && !/\.ya?ml$/i.test(output)) || /[\\/]$/.test(output)) outDir = output;
  }
  if (many && output !== undefined && outDir === undefined) throw new UsageError((t) => t.oneOutputFile(output) + t.seeHelp);
  const targets = found.map(({ input, under }) => {
    if (output === '-') return '-';
    const name = sourceFileName(path.basename(input));
    return outDir !== undefined ? path.join(outDir, under, name) : (output ?? path.join(path.dirname(input), name));
  });
  // Same file, case aside (Windows, macOS), however the path was written.
  const distinct = output === '-' ? targets : distinctNames(targets, (t) => path.resolve(t).toLowerCase());
  const jobs = found.map(({ input }, i) => ({ input, target: distinct[i] }));
  return { jobs, ...(outDir !== undefined ? { outDir } : {}) };
}
