// Bundles the entry points with esbuild: one minified file each.
const esbuild = require('esbuild');

const entries = [
  { in: 'server/src/cli/index.ts', out: 'dist/cli.js' },
  { in: 'server/src/lsp/server.ts', out: 'dist/server.js' },
];

Promise.all(
  entries.map((e) =>
    esbuild.build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
).catch(() => process.exit(1));
