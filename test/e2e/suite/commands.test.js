// The extension's commands through the VS Code API: the live preview opens a webview tab, Export HTML writes the page.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const h = require('./helpers');

describe('xxgk-report commands (VS Code API, in the extension host)', function () {
  let doc;

  before(async function () {
    doc = await h.openFixture('wrong-total.xxgk.yaml');
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it('xxgk.preview.openToSide opens a webview tab of type xxgk.preview beside the editor', async function () {
    assert.equal(h.webviewTabs('xxgk.preview').length, 0, 'no preview yet');
    await vscode.commands.executeCommand('xxgk.preview.openToSide');
    const [tab] = await h.eventually(() => { const t = h.webviewTabs('xxgk.preview'); return t.length ? t : undefined; }, 'a xxgk.preview webview tab');
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    assert.match(tab.input.viewType, /xxgk\.preview/);
    assert.notEqual(tab.group.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'the preview is beside the editor');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the editor keeps the focus');
  });

  it('xxgk.exportHtml(report, target) writes the standalone HTML page to the target', async function () {
    const target = vscode.Uri.joinPath(h.workspaceFolder(), 'exported.html');
    fs.rmSync(target.fsPath, { force: true });
    // Without a target argument the command would wait in its save dialog: fail clearly instead of timing out.
    const result = await Promise.race([
      vscode.commands.executeCommand('xxgk.exportHtml', doc.uri, target),
      new Promise((r) => setTimeout(() => r('no-answer'), 15_000)),
    ]);
    assert.notEqual(result, 'no-answer', 'xxgk.exportHtml(uri, target) did not finish: does it accept a target Uri, or did it open the save dialog?');
    assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} was written`);
    const html = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /<table/);
    // The page as published: the written (wrong) total printed as it is, with no review marks.
    const values = [...html.slice(html.indexOf('xxgk-table wide')).matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.equal(values[4], '3', 'the wrong total is in the page');
    assert.doesNotMatch(html.slice(html.indexOf('<body>')), /has-error|data-diagnostics/);
    assert.doesNotMatch(html, /<script/i, 'the page has no scripts');
  });
});
