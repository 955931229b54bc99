/**
 * ARCHITECTURE.md names real files and functions. Every backticked path must exist (built files
 * under dist/ and media/preview.js excepted); a bare file name must be in a folder named in the
 * same paragraph or table row; every backticked symbol — `name()`, `Class.method()`, PascalCase or
 * ALL_CAPS names — must occur in a file named in the same paragraph or table row (or directly in a
 * folder named there).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root } from '../helpers';

const doc = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');
const BUILT = /^(dist\/|out\/|media\/preview\.js$)/;
const PATH = /^[\w.-]+(\/[\w.-]*)*$/;
const FILE = /\.(ts|js|json|md|sh)$/;
const SYMBOL = /^([A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?\(\)|[A-Z][a-z]\w*|[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{3,})$/;

/** Paragraphs (text between blank lines); each table row and list item is a block of its own. */
function blocks(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let current: string[] = [];
    for (const line of para.split('\n')) {
      if (/^(\||\d+\. |- )/.test(line) && current.length) {
        out.push(current.join('\n'));
        current = [];
      }
      current.push(line);
    }
    if (current.length) out.push(current.join('\n'));
  }
  return out;
}

/** A path starts at a top-level entry of the repository (or is a bare file name); `textDocument/didChange` is not one. */
const TOP = new Set([...fs.readdirSync(root), 'dist', 'out']);
const isPath = (t: string) => PATH.test(t) && !SYMBOL.test(t) && (t.includes('/') ? TOP.has(t.split('/')[0]) : FILE.test(t));

const exists = (p: string) => fs.existsSync(path.join(root, p));
const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
const ticks = (block: string) => [...block.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

const parsed = blocks(doc).map((block) => {
  const tokens = ticks(block);
  const paths = tokens.filter(isPath);
  const symbols = tokens.filter((t) => SYMBOL.test(t));
  return { block, paths, symbols };
});

test('ARCHITECTURE.md names files and symbols (the test reads what it should)', () => {
  const all = parsed.flatMap((b) => b.paths);
  assert.ok(all.includes('server/src/engine/check.ts') && all.includes('server/src/lsp/validation.ts'), 'the walks name their files');
  assert.ok(parsed.some((b) => b.symbols.includes('Validator.changed()')) && parsed.some((b) => b.symbols.includes('runCheck()')));
});

test('every file or folder ARCHITECTURE.md names exists', () => {
  for (const { block, paths } of parsed) {
    const folders = paths.filter((p) => p.endsWith('/'));
    for (const p of paths) {
      if (BUILT.test(p)) continue;
      if (p.includes('/')) assert.ok(exists(p), `${p} does not exist`);
      else assert.ok(exists(p) || folders.some((f) => exists(f + p)), `${p} is in none of the folders named beside it:\n${block}`);
    }
  }
});

test('every function, class or constant ARCHITECTURE.md names is in a file named beside it', () => {
  for (const { block, paths, symbols } of parsed) {
    if (symbols.length === 0) continue;
    const folders = paths.filter((p) => p.endsWith('/'));
    const files = paths
      .filter((p) => !p.endsWith('/') && !BUILT.test(p))
      .flatMap((p) => (p.includes('/') ? [p] : folders.map((f) => f + p)))
      .concat(folders.filter(exists).flatMap((f) => fs.readdirSync(path.join(root, f)).map((n) => f + n)))
      .filter((p) => exists(p) && fs.statSync(path.join(root, p)).isFile());
    assert.ok(files.length > 0, `symbols without a file beside them:\n${block}`);
    const texts = files.map(read);
    for (const symbol of symbols) {
      const words = symbol.replace(/\(\)$/, '').split('.');
      const found = texts.some((text) => words.every((w) => new RegExp(`(^|[^\\w$])${w.replace(/\$/g, '\\$')}([^\\w$]|$)`).test(text)));
      assert.ok(found, `${symbol} is in none of ${files.join(', ')}`);
    }
  }
});
