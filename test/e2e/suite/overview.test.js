// The explorer's Reports overview: every report of the workspace grouped by 机关 and 年度 with its counts,
// updated when a report file appears or goes; and the command that reviews the workspace into index.html.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const h = require('./helpers');

const EXTENSION = 'xxgk-report.xxgk-report';

async function api() {
  const ext = vscode.extensions.getExtension(EXTENSION);
  assert.ok(ext, `${EXTENSION} is installed`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Polls the overview until `accept(snapshot)` holds (the tree refreshes after file events, debounced). */
async function overviewWhen(accept, what) {
  const xxgk = await api();
  const deadline = Date.now() + 30_000;
  let last;
  while (Date.now() < deadline) {
    last = await xxgk.overview();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what}; the overview shows ${JSON.stringify(last)}`);
}

const reportNames = (group) => group.years.flatMap((y) => y.reports.map((r) => decodeURIComponent(r.uri.split('/').pop())));

describe('Reports overview (explorer view)', function () {
  const added = vscode.Uri.joinPath(h.workspaceFolder(), 'overview-added-2024.xxgk.yaml');

  after(() => fs.rmSync(added.fsPath, { force: true }));

  it('the view is contributed and lists the workspace reports by 机关 and 年度, with counts', async function () {
    await vscode.commands.executeCommand('xxgk.overview.focus');
    const snapshot = await overviewWhen((s) => s.some((g) => g.agency === '江州市生态环境局' && reportNames(g).includes('wrong-total.xxgk.yaml')), 'the fixture reports are listed');
    const group = snapshot.find((g) => g.agency === '江州市生态环境局');
    const year = group.years.find((y) => y.year === '2023');
    assert.ok(year, '2023 is a group under the 机关');
    const wrong = year.reports.find((r) => r.uri.endsWith('wrong-total.xxgk.yaml'));
    // The same count the Problems panel gets for the file (its one wrong total).
    assert.ok(wrong.errors >= 1, `wrong-total has an error: ${JSON.stringify(wrong)}`);
    assert.equal(group.errors, year.reports.reduce((n, r) => n + r.errors, 0));
  });

  it('a report file created on disk appears under its 机关 and 年度; deleted, it goes', async function () {
    const text = fs.readFileSync(vscode.Uri.joinPath(h.workspaceFolder(), 'wrong-total.xxgk.yaml').fsPath, 'utf8');
    fs.writeFileSync(added.fsPath, text.replace(/^年度: 2023$/m, '年度: 2024').replace(/^机关: .*$/m, '机关: 总览测试局'));
    const snapshot = await overviewWhen((s) => s.some((g) => g.agency === '总览测试局'), 'the new report appears');
    const group = snapshot.find((g) => g.agency === '总览测试局');
    assert.deepEqual(group.years.map((y) => y.year), ['2024']);
    assert.deepEqual(reportNames(group), ['overview-added-2024.xxgk.yaml']);
    fs.rmSync(added.fsPath);
    await overviewWhen((s) => !s.some((g) => g.agency === '总览测试局'), 'the deleted report goes');
  });

  it('xxgk.reviewWorkspace writes index.html with a row per report', async function () {
    this.timeout(120_000);
    const index = await vscode.commands.executeCommand('xxgk.reviewWorkspace', { open: false });
    assert.ok(index instanceof vscode.Uri, 'the command returns the page');
    const html = fs.readFileSync(index.fsPath, 'utf8');
    assert.match(html, /<table id="reports">/);
    assert.match(html, /wrong-total\.xxgk\.yaml/);
  });
});
