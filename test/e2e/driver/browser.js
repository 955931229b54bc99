// Headless Debian Chromium (/usr/bin/chromium) through playwright-core, which never downloads a browser.
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.XXGK_E2E_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** code-server's address and the remote authority that vscode-remote:// URIs use. */
function server() {
  const url = process.env.XXGK_E2E_URL;
  if (!url) throw new Error('XXGK_E2E_URL is not set: run the tests through test/e2e/run.sh');
  return { url, authority: new URL(url).host };
}

/** The workbench URL for a folder, with an optional `payload` (VS Code's list of [name, value] pairs). */
function workbenchUrl(folder, payload) {
  const { url } = server();
  const q = `folder=${encodeURIComponent(folder)}` + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
  return `${url}/?${q}`;
}

module.exports = { launch, server, workbenchUrl };
