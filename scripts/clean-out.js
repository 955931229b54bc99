// Empties out/ before a build: tsc never deletes the output of a source that moved, and a stale
// out/server/src/engine.js would shadow out/server/src/engine/index.js for `require('../engine')`.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', 'out'), { recursive: true, force: true });
