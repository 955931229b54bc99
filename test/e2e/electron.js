// npm run test:electron — the extension-host suite (test/e2e/suite) in desktop VS Code via @vscode/test-electron.
// Desktop VS Code is downloaded on first use; where that is impossible (no network but the package registries)
// this prints one line and exits 0. The fixtures are copied into a throwaway workspace folder.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '../..');
const OFFLINE = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH'];
const silent = { report() {}, error() {} };

async function main() {
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.XXGK_E2E_VSCODE_VERSION || '1.100.3',
      cachePath: path.join(__dirname, '.vscode-test'),
      reporter: silent,
    });
  } catch (e) {
    const code = e && (e.code || e.cause?.code);
    if (OFFLINE.includes(code)) {
      console.log(`test:electron: skipped — desktop VS Code cannot be downloaded here (${code})`);
      return;
    }
    throw e;
  }
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-electron-'));
  const ws = path.join(tmp, 'ws');
  fs.mkdirSync(ws);
  for (const f of fs.readdirSync(path.join(__dirname, 'fixtures'))) fs.copyFileSync(path.join(__dirname, 'fixtures', f), path.join(ws, f));
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'user-settings.json'), path.join(userData, 'User', 'settings.json'));
  try {
    // Rejects when the suite fails (VS Code exits non-zero).
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', userData],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(`test:electron: ${e && e.message ? e.message : e}`); process.exit(1); });
