/**
 * No link to a site that does not exist: the manifest makes no repository, homepage or issue-tracker
 * promise, no shipped or documented text links to the github.com/xxgk-report pages that were never
 * made, and the `package` script still packages without a question (vsce asks about a missing
 * repository and refuses relative README links it cannot rewrite unless told).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { root } from '../helpers';

const DEAD_SITE = /github\.com\/xxgk-report/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', 'artifacts', 'fixtures']);

function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) out.push(...textFiles(rel));
    } else if (/\.(ts|js|json|md|sh|yaml|yml|html|css)$/.test(e.name)) out.push(rel);
  }
  return out;
}

test('package.json, docs and code hold no link to the nonexistent github.com/xxgk-report site', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const field of ['repository', 'homepage', 'bugs']) assert.equal(pkg[field], undefined, `package.json ${field}`);
  const files = [
    ...fs.readdirSync(root).filter((f) => /\.(json|md)$/.test(f) && f !== 'package-lock.json'),
    ...['docs', 'client', 'server', 'scripts', 'media', 'l10n', 'schemas', 'syntaxes', 'bin', 'examples', 'test'].filter((d) => fs.existsSync(path.join(root, d))).flatMap(textFiles),
  ];
  assert.ok(files.includes('package.json') && files.includes(path.join('docs', 'rules.md')) && files.length > 100, `${files.length} files`);
  // This file names the site in a pattern; the pattern itself is not a link.
  const self = path.join('test', 'client', 'links.test.ts');
  const linking = files.filter((f) => f !== self && DEAD_SITE.test(fs.readFileSync(path.join(root, f), 'utf8')));
  assert.deepEqual(linking, []);
});

test('npm run package makes the .vsix without asking anything, and its README keeps no dead link', { skip: !fs.existsSync(path.join(root, 'dist', 'client.js')) && 'run npm run build first' }, () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const args: string[] = pkg.scripts.package.split(/\s+/);
  assert.equal(args[0], 'vsce');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-vsix-'));
  try {
    const out = path.join(dir, 'x.vsix');
    const at = args.indexOf('--out');
    assert.ok(at > 0, 'the package script names its output');
    args[at + 1] = out;
    // stdin is empty: a prompt reads '' and vsce aborts, so a question fails the test.
    execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), ...args.slice(1)], {
      cwd: root,
      input: '',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    assert.ok(fs.statSync(out).size > 100_000);
    const listing = execFileSync('unzip', ['-p', out, 'extension/readme.md'], { encoding: 'utf8' });
    assert.doesNotMatch(listing, DEAD_SITE);
    assert.match(listing, /政府信息公开/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
