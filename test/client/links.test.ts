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
  const [tool, command, ...flags]: string[] = pkg.scripts.package.split(/\s+/);
  assert.deepEqual([tool, command], ['vsce', 'package']);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-vsix-'));
  try {
    const out = path.join(dir, 'x.vsix');
    // The script's flags as vsce's options (--no-a-b → aB: false, --a-b → aB: true, --out → packagePath).
    // vsce's pack() is what `vsce package` runs after the vscode:prepublish build, which the suite has done.
    const options: Record<string, unknown> = { cwd: root, packagePath: out };
    for (let i = 0; i < flags.length; i++) {
      if (flags[i] === '--out') options.packagePath = (i++, out);
      else {
        const m = /^--(no-)?([a-z-]+)$/.exec(flags[i]);
        assert.ok(m, flags[i]);
        options[m[2].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = !m[1];
      }
    }
    assert.equal(options.allowMissingRepository, true, 'no repository: vsce would ask');
    // stdin is empty: a question reads '' and vsce aborts, so a question fails the test.
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(root, 'node_modules', '@vscode', 'vsce', 'out', 'package.js'))}).pack(${JSON.stringify(options)}).catch((e) => { console.error(e.message); process.exit(1); })`], {
      cwd: root,
      input: '',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    assert.ok(fs.statSync(out).size > 100_000);
    const readme = execFileSync('unzip', ['-p', out, 'extension/readme.md'], { encoding: 'utf8' });
    assert.doesNotMatch(readme, DEAD_SITE);
    assert.match(readme, /政府信息公开/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
