// Runs the extension-host suite (test/e2e/suite) inside code-server: the browser workbench reads
// extensionDevelopmentPath / extensionTestsPath from the URL `payload`, runs the suite in the remote Node
// extension host, and reports its exit code through window.codeAutomationExit(code).
// Env: XXGK_E2E_URL, XXGK_E2E_WS_API (workspace folder), XXGK_E2E_EXTENSION (extension folder to load),
//      XXGK_E2E_SUMMARY (optional file: gets "passed failed" of the suite).
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { launch, server, workbenchUrl } = require('./browser');

const TIMEOUT_MS = Number(process.env.XXGK_E2E_SUITE_TIMEOUT_MS || 300_000);

async function main() {
  const t0 = Date.now();
  const { authority } = server();
  const ws = process.env.XXGK_E2E_WS_API;
  const ext = process.env.XXGK_E2E_EXTENSION;
  const tests = process.env.XXGK_E2E_TESTS || path.resolve(__dirname, '../suite/index.js');
  const browser = await launch();
  let passed = 0;
  let failed = 0;
  let code;
  try {
    const page = await (await browser.newContext()).newPage();
    let exit;
    const exited = new Promise((r) => { exit = r; });
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.exposeFunction('codeAutomationExit', (c) => exit(c));
    // The extension host's console.log reaches the page console as ('%c INFO', 'color: …', format, ...args).
    // The extension host's console.log reaches the page console as ('%c INFO', 'color: …', format, ...args), mixed
    // with the workbench's own messages: print what the suite logs between its start and end lines.
    let inSuite = false;
    page.on('console', async (m) => {
      try {
        const args = await Promise.all(m.args().map((a) => a.jsonValue()));
        const forwarded = typeof args[0] === 'string' && args[0].startsWith('%c');
        if (!forwarded) return; // the workbench's own messages (service worker, webviews)
        args.splice(0, 2);
        const line = util.format(...args);
        if (line.startsWith('[xxgk-e2e] extension-host suite: start')) { inSuite = true; return; }
        const counts = /^\[xxgk-e2e\] extension-host suite: (\d+) passed, (\d+) failed/.exec(line);
        if (counts) { passed = Number(counts[1]); failed = Number(counts[2]); inSuite = false; return; }
        if (inSuite) console.log(line);
      } catch { /* the page is closing */ }
    });
    await page.goto(workbenchUrl(ws, [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${ext}`],
      ['extensionTestsPath', `vscode-remote://${authority}${tests}`],
    ]));
    code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    if (process.env.XXGK_E2E_ARTIFACTS) await page.screenshot({ path: path.join(process.env.XXGK_E2E_ARTIFACTS, 'ext-host-suite.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  if (code !== 0 && failed === 0) failed = 1; // the suite never reported (timeout, crash): count it as one failure
  console.log(`extension-host suite: exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (process.env.XXGK_E2E_SUMMARY) fs.writeFileSync(process.env.XXGK_E2E_SUMMARY, `${passed} ${failed}\n`);
  process.exit(code === 0 ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(1); });
