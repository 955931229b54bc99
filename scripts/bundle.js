// Bundles the entry points with esbuild: one minified file each. `vscode` is provided by the
// extension host at run time; the webview script runs in the preview's browser frame.
// package.json's "sideEffects" lists the files that do something when loaded (the edges, the client);
// everything else (server/src/engine, server/src/shared) is pure, so a bundle keeps only what it uses
// of the engine's one entry point (server/src/engine/index.ts).
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

// pdf.js is loaded only when a PDF is imported (server/src/node/pdfjs.ts): it is shipped beside the
// bundles as its own ES modules, not bundled into them.
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs'));
fs.mkdirSync('dist/pdfjs', { recursive: true });
for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) fs.copyFileSync(path.join(pdfjsDir, f), path.join('dist/pdfjs', f));
fs.copyFileSync(path.join(pdfjsDir, '..', '..', 'LICENSE'), 'dist/pdfjs/LICENSE');
// The rules document ships beside the bundles: diagnostics link to it (server/src/node/ruleDocs.ts).
fs.copyFileSync('docs/rules.md', 'dist/rules.md');

/**
 * The yaml package reads `process.env` once per token (a debugging switch); in the bundles it gets
 * a `process` whose environment was read once (scripts/yaml-process.js). Nothing else changes.
 */
const yamlProcess = {
  name: 'yaml-process',
  setup(build) {
    const shim = path.resolve(__dirname, 'yaml-process.js');
    build.onResolve({ filter: /^(node:)?process$/ }, (args) =>
      /[\\/]node_modules[\\/]yaml[\\/]/.test(args.importer) ? { path: shim } : undefined,
    );
  },
};

const node = { platform: 'node', target: 'node20', format: 'cjs', plugins: [yamlProcess] };
const entries = [
  { in: 'server/src/cli/index.ts', out: 'dist/cli.js', ...node },
  { in: 'server/src/lsp/server.ts', out: 'dist/server.js', ...node },
  // Imports run in a worker thread of the server (server/src/node/importRunner.ts).
  { in: 'server/src/node/importWorker.ts', out: 'dist/importWorker.js', ...node },
  // `xxgk check` and `xxgk review` spread files over worker threads (server/src/cli/pool.ts).
  { in: 'server/src/cli/cliWorker.ts', out: 'dist/cliWorker.js', ...node },
  { in: 'client/src/extension.ts', out: 'dist/client.js', ...node, external: ['vscode'] },
  { in: 'client/src/webview/main.ts', out: 'media/preview.js', platform: 'browser', target: 'es2022', format: 'iife' },
];

// `--watch` (npm run watch): rebuild on every change, unminified with source maps so breakpoints in
// the TypeScript sources bind when debugging the extension and the server (.vscode/launch.json).
const watch = process.argv.includes('--watch');
const options = (e) => ({
  entryPoints: [e.in],
  outfile: e.out,
  bundle: true,
  minify: !watch,
  platform: e.platform,
  target: e.target,
  format: e.format,
  external: e.external ?? [],
  plugins: e.plugins ?? [],
  sourcemap: watch ? 'linked' : false,
  legalComments: 'none',
  logLevel: watch ? 'info' : 'warning',
});

Promise.all(entries.map((e) => (watch ? esbuild.context(options(e)).then((ctx) => ctx.watch()) : esbuild.build(options(e))))).catch(() =>
  process.exit(1),
);
