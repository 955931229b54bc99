/**
 * Client-side figures: bundle sizes (raw and gzip) and the time to load and evaluate the client
 * bundle. The `vscode` module only exists inside VS Code, so it is replaced by an inert stand-in
 * here: this measures the bundle's own cost, not VS Code's extension-host work or the server start.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import Module from 'node:module';
import { performance } from 'node:perf_hooks';

const root = path.resolve(__dirname, '..', '..');
const bundles = ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'media/preview.js'];

/** A value that accepts any property access, call or construction. */
function inert(): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : inert()),
    apply: () => inert(),
    construct: () => inert() as object,
  });
}

/**
 * The `vscode` module: every name the API declares (from @types/vscode), each an inert value. The
 * bundle copies the module's own names when it loads (esbuild's ES-module interop), so a bare proxy
 * would read as empty there.
 */
function vscodeStub(): Record<string, unknown> {
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set([...dts.matchAll(/^\s+export (?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]));
  return Object.fromEntries([...names].map((n) => [n, inert()]));
}

function loadTimes(file: string, runs: number): number[] {
  const resolver = Module as unknown as { _resolveFilename: (req: string, ...rest: unknown[]) => string };
  const original = resolver._resolveFilename;
  resolver._resolveFilename = (req: string, ...rest: unknown[]) => (req === 'vscode' ? 'vscode' : original.call(Module, req, ...rest));
  require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscodeStub() } as unknown as NodeJS.Module;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    delete require.cache[file];
    const start = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the cost measured is a cold require of the bundle
    require(file);
    times.push(performance.now() - start);
  }
  resolver._resolveFilename = original;
  return times.sort((a, b) => a - b);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log('bundle                 raw        gzip');
for (const b of bundles) {
  const file = path.join(root, b);
  if (!fs.existsSync(file)) {
    console.log(`${b.padEnd(22)} (missing: run npm run build)`);
    continue;
  }
  const data = fs.readFileSync(file);
  console.log(`${b.padEnd(22)} ${kb(data.length).padEnd(10)} ${kb(zlib.gzipSync(data).length)}`);
}
const client = path.join(root, 'dist/client.js');
const times = loadTimes(client, 30);
const median = times[Math.floor(times.length / 2)];
console.log(`\nload + evaluate dist/client.js: median ${median.toFixed(2)} ms, slowest (the cold first load) ${times[times.length - 1].toFixed(1)} ms, ${times.length} runs`);
const size = fs.statSync(client).size;
console.log(`goal: client bundle ≤ 300 KB → ${kb(size)} ${size <= 300 * 1024 ? 'PASS' : 'FAIL'}`);
