/** The engine stays pure: no editor API and no I/O outside the CLI edge. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root } from '../helpers';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['cli', 'lsp', 'node'].includes(e.name) ? [] : sources(p); // the I/O edges and what they share
    return p.endsWith('.ts') ? [p] : [];
  });
}

test('engine files import neither vscode nor the file system, process or network', () => {
  const files = sources(path.join(root, 'server', 'src'));
  assert.ok(files.length > 10);
  const forbidden = /from ['"](vscode|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads))['"]|\bprocess\.(env|argv|exit|stdout)/;
  for (const f of files) assert.doesNotMatch(fs.readFileSync(f, 'utf8'), forbidden, path.relative(root, f));
});
