// Entry point of the extension-host suite: VS Code loads this file through --extensionTestsPath (desktop,
// @vscode/test-electron) or the `payload` URL parameter (code-server) and calls run() inside the extension host.
// Runs every *.test.js beside it with mocha and rejects when one fails (VS Code then exits with code 1).
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, slow: 5_000 });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  console.log('[xxgk-e2e] extension-host suite: start');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0 } = runner.stats || {};
      // One machine-readable line; the code-server driver reads it for run.sh's closing summary.
      console.log(`[xxgk-e2e] extension-host suite: ${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
};
