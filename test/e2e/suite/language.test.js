// The language server through the VS Code API: language id, diagnostics (codes, ranges), hover, completion, quick fix.
// Fixtures (test/e2e/fixtures) are copied into a throwaway workspace by the runner; edits here are never saved.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const h = require('./helpers');

// wrong-total.xxgk.yaml line 49:  行政复议: {结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 1, 总计: 3}
const WRONG_ROW = '  行政复议: {结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 1, 总计: 3}';
const FIXED_ROW = '  行政复议: {结果维持: 1, 结果纠正: 0, 其他结果: 0, 尚未审结: 1, 总计: 2}';

describe('xxgk-report language features (VS Code API, in the extension host)', function () {
  let doc;
  let wrongTotal; // the Range of the `3`

  before(async function () {
    doc = await h.openFixture('wrong-total.xxgk.yaml');
    const start = h.positionOf(doc, `${WRONG_ROW.slice(0, -2)}`, { after: true });
    wrongTotal = new vscode.Range(start, start.translate(0, 1));
    assert.equal(doc.getText(wrongTotal), '3');
  });

  after(async function () {
    // Leave the fixture as it is on disk for the other tests.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('gives *.xxgk.yaml the language id xxgk-report', function () {
    assert.equal(doc.languageId, h.LANGUAGE_ID);
  });

  it('reports the wrong total as appeal-total on exactly the written number, plus the prose mismatch', async function () {
    const diagnostics = await h.diagnosticsWhen(doc.uri, (ds) => ds.length > 0);
    const summary = diagnostics.map((d) => h.codeOf(d)).sort();
    assert.deepEqual(summary, ['appeal-total', 'prose-number'], 'codes of wrong-total.xxgk.yaml');
    const total = diagnostics.find((d) => h.codeOf(d) === 'appeal-total');
    assert.deepEqual(
      [total.range.start.line, total.range.start.character, total.range.end.line, total.range.end.character],
      [wrongTotal.start.line, wrongTotal.start.character, wrongTotal.end.line, wrongTotal.end.character],
    );
    assert.equal(total.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(total.source, 'xxgk');
    // The rules document shipped beside the server, opened at the rule's heading line (works offline).
    assert.match(String(total.code.target), /^file:.*\/rules\.md#L\d+$/, 'the code links to the rule documentation');
    assert.match(total.message, /3/);
    // Its terms are in its own row, which the message names: no related information repeats them.
    assert.equal(total.relatedInformation?.length ?? 0, 0, 'no related rows for a row total');
    const prose = diagnostics.find((d) => h.codeOf(d) === 'prose-number');
    assert.equal(prose.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(prose.range.start.line, h.positionOf(doc, '行政复议2件').line);
  });

  it('hovering the wrong total shows the computation with ✗, the written 3 and the computed 2', async function () {
    const text = await h.hoverText(doc.uri, wrongTotal.start);
    assert.match(text, /✗/, text);
    assert.match(text, /(填写|written) 3/, text);
    assert.match(text, /(计算|computed) 2/, text);
    assert.match(text, /结果维持 1/, text);
  });

  it('inside a flow row, completion offers the missing column keys only', async function () {
    const other = await h.openFixture('missing-columns.xxgk.yaml');
    const labels = await h.completionLabels(other.uri, h.positionOf(other, '其他结果: 0, ', { after: true }));
    assert.ok(labels.includes('尚未审结'), `completion labels: ${labels.join(', ')}`);
    assert.ok(labels.includes('总计'), `completion labels: ${labels.join(', ')}`);
    for (const present of ['结果维持', '结果纠正', '其他结果']) assert.ok(!labels.includes(present), `${present} is already written`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.window.showTextDocument(doc);
  });

  it('the preferred quick fix rewrites the total to 2 and changes nothing else; the diagnostics clear', async function () {
    const diagnostics = await h.diagnosticsWhen(doc.uri, (ds) => ds.some((d) => h.codeOf(d) === 'appeal-total'));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, wrongTotal, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    assert.ok(fix, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(fix.title, /2/);
    const before = doc.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    const original = fs.readFileSync(doc.uri.fsPath, 'utf8');
    assert.equal(before, original);
    assert.equal(doc.getText(), original.replace(WRONG_ROW, FIXED_ROW), 'exactly the one character changed');
    assert.ok(diagnostics.length > 0);
    const after = await h.diagnosticsWhen(doc.uri, (ds) => !ds.some((d) => h.codeOf(d) === 'appeal-total'));
    assert.deepEqual(after.map(h.codeOf), [], 'a consistent report has no diagnostics');
  });
});
