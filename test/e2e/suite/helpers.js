// Helpers for the extension-host suite: open a fixture from the throwaway workspace, wait for diagnostics
// (event driven, no fixed sleeps), read hovers and completion labels, find webview tabs.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const LANGUAGE_ID = 'xxgk-report';
const WAIT_MS = 30_000;

function workspaceFolder() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a workspace folder holding the fixtures');
  return folder.uri;
}

/** Opens `<workspace>/<name>` in an editor and returns its TextDocument. */
async function openFixture(name) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The first 0-based position of `needle` in the document (`after`: just past it). */
function positionOf(doc, needle, { after = false } = {}) {
  const offset = doc.getText().indexOf(needle);
  assert.ok(offset >= 0, `fixture contains ${JSON.stringify(needle)}`);
  return doc.positionAt(offset + (after ? needle.length : 0));
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? ''));

/**
 * Resolves with the diagnostics of `uri` as soon as `accept(diagnostics)` holds: checks what is there now, then
 * on every vscode.languages.onDidChangeDiagnostics event that names this uri. Fails after `ms` with the last set seen.
 */
function diagnosticsWhen(uri, accept, ms = WAIT_MS) {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let sub;
    const timer = setTimeout(() => {
      sub.dispose();
      const last = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}`);
      reject(new Error(`diagnostics for ${uri.path} did not arrive within ${ms} ms; last seen: [${last.join(', ')}]`));
    }, ms);
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(diagnostics);
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === key)) check(); });
    check();
  });
}

/** All hover text at a position, markdown joined by blank lines. */
async function hoverText(uri, position) {
  const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n\n');
}

async function completionLabels(uri, position) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

/** Polls `fn` until it returns something truthy (for state that has no event, like tab contents). */
async function eventually(fn, what, ms = WAIT_MS) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function webviewTabs(viewTypePart) {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes(viewTypePart));
}

module.exports = { LANGUAGE_ID, workspaceFolder, openFixture, positionOf, codeOf, diagnosticsWhen, hoverText, completionLabels, eventually, webviewTabs };
