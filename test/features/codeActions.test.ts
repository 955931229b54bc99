/**
 * Code actions against golden files: each fix is applied to a fixture and the result compared
 * byte for byte with `<name>.<fix>.xxgk.yaml`; then the engine must no longer report the code.
 * CRLF variants convert fixture and golden file alike.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/engine/check';
import type { Diagnostic } from '../../server/src/engine/check';
import type { Analysis } from '../../server/src/engine/editor/analysis';
import { codeActions } from '../../server/src/engine/editor/codeActions';
import { i18n, normalizeLocale } from '../../server/src/engine/i18n/messages';
import { fixture } from '../helpers';

const URI = 'file:///test/report.xxgk.yaml';

function analyze(text: string, locale = 'zh-CN'): Analysis {
  return { text, result: check(text, { locale }), t: i18n(normalizeLocale(locale)) };
}

/** What the client sends back: the LSP diagnostic as published (no cell path). */
function toLsp(d: Diagnostic): LspDiagnostic {
  return { range: d.range, code: d.code, message: d.message, source: 'xxgk', ...(d.data ? { data: d.data } : {}) };
}

const load = (name: string) => fixture('features', name);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
}

function editsOf(action: CodeAction): TextEdit[] {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits, `action "${action.title}" has no edits for the document`);
  return edits;
}

function find(a: Analysis, code: string, cell?: string): Diagnostic {
  const d = a.result.diagnostics.find((x) => x.code === code && (cell === undefined || x.cell === cell));
  assert.ok(d, `no ${code} diagnostic${cell ? ` on ${cell}` : ''}`);
  return d;
}

function actionsFor(a: Analysis, ds: Diagnostic[], only?: string[]): CodeAction[] {
  const range = ds[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return codeActions(a, URI, range, { diagnostics: ds.map(toLsp), ...(only ? { only } : {}) });
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const found = actions.find((x) => x.title === title);
  assert.ok(found, `no action "${title}" among ${JSON.stringify(actions.map((x) => x.title))}`);
  return found;
}

const codesAfter = (text: string): string[] => check(text).diagnostics.map((d) => d.code);

test('row-total: the total\'s value characters are replaced by the computed sum', () => {
  const text = load('codeActions/totals.xxgk.yaml');
  const a = analyze(text);
  const d = find(a, 'row-total', '依申请公开/本年新收/总计');
  const fix = titled(actionsFor(a, [d]), '将总计改为 8');
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.diagnostics?.map((x) => x.code), ['row-total']);
  assert.deepEqual(editsOf(fix), [{ range: d.range, newText: '8' }]);
  const fixed = apply(text, editsOf(fix));
  assert.equal(fixed, load('codeActions/totals.row.xxgk.yaml'));
  assert.ok(!check(fixed).diagnostics.some((x) => x.cell === '依申请公开/本年新收/总计'));
});

test('row-total on a blank total inserts the number after the colon', () => {
  const text = load('codeActions/totals.xxgk.yaml');
  const a = analyze(text);
  const d = find(a, 'row-total', '依申请公开/办理结果/部分公开/总计');
  const fix = titled(actionsFor(a, [d]), '将总计改为 1');
  const [edit] = editsOf(fix);
  assert.equal(edit.newText, '1');
  assert.equal(edit.range.start.line, edit.range.end.line);
  assert.equal(edit.range.start.character, edit.range.end.character);
  const fixed = apply(text, editsOf(fix));
  assert.equal(fixed, load('codeActions/totals.blank.xxgk.yaml'));
  assert.ok(!check(fixed).diagnostics.some((x) => x.cell === '依申请公开/办理结果/部分公开/总计'));
});

test('a blank total written as `总计:` (no space) gains one space and the number', () => {
  const text = load('codeActions/totals.xxgk.yaml').replace('其他: 0, 总计: }', '其他: 0, 总计:}');
  const a = analyze(text);
  const d = find(a, 'row-total', '依申请公开/办理结果/部分公开/总计');
  const fixed = apply(text, editsOf(titled(actionsFor(a, [d]), '将总计改为 1')));
  assert.equal(fixed, load('codeActions/totals.blank.xxgk.yaml'));
});

test('outcome-total and appeal-total offer the single-cell fix with the computed value', () => {
  const a = analyze(load('codeActions/totals.xxgk.yaml'));
  const outcome = find(a, 'outcome-total', '依申请公开/办理结果/总计/自然人');
  assert.deepEqual(editsOf(titled(actionsFor(a, [outcome]), '将总计改为 5')), [{ range: outcome.range, newText: '5' }]);
  const appeal = find(a, 'appeal-total', '复议诉讼/行政复议/总计');
  assert.deepEqual(editsOf(titled(actionsFor(a, [appeal]), '将总计改为 2')), [{ range: appeal.range, newText: '2' }]);
});

test('fix all totals: row totals first, then （七）总计 over the corrected rows; one WorkspaceEdit', () => {
  const text = load('codeActions/totals.xxgk.yaml');
  const a = analyze(text);
  // （七）总计's own 总计 (8) is right: its row-total, off only through the wrong 自然人 column, is a
  // consequence and not reported; the fixes hang on the root error.
  assert.ok(!a.result.diagnostics.some((x) => x.cell === '依申请公开/办理结果/总计/总计'));
  const d = find(a, 'outcome-total', '依申请公开/办理结果/总计/自然人');
  const actions = actionsFor(a, [d]);
  titled(actions, '将总计改为 5');
  const all = titled(actions, '修正本文件中所有总计');
  assert.equal(all.kind, 'quickfix');
  assert.deepEqual(Object.keys(all.edit?.changes ?? {}), [URI]);
  assert.equal(editsOf(all).length, 5);
  const fixed = apply(text, editsOf(all));
  assert.equal(fixed, load('codeActions/totals.fixall.xxgk.yaml'));
  const after = codesAfter(fixed);
  for (const code of ['row-total', 'outcome-total', 'appeal-total', 'balance']) assert.ok(!after.includes(code), `${code} still reported`);
});

test('source.fixAll is offered when asked for, with the same edits, and not for quickfix-only requests', () => {
  const text = load('codeActions/totals.xxgk.yaml');
  const a = analyze(text);
  const [source] = actionsFor(a, [], ['source.fixAll']);
  assert.equal(source.kind, 'source.fixAll');
  assert.equal(source.title, '修正本文件中所有总计');
  assert.equal(apply(text, editsOf(source)), load('codeActions/totals.fixall.xxgk.yaml'));
  assert.equal(actionsFor(a, [], ['source']).length, 1);
  assert.deepEqual(actionsFor(a, [], ['quickfix']), []);
  assert.deepEqual(actionsFor(a, []), []);
  // A clean file has nothing to fix.
  assert.deepEqual(actionsFor(analyze(load('codeActions/totals.fixall.xxgk.yaml')), [], ['source.fixAll']), []);
  // A quickfix-only request never carries the source action.
  const d = find(a, 'row-total', '依申请公开/本年新收/总计');
  assert.ok(actionsFor(a, [d], ['quickfix']).every((x) => x.kind === 'quickfix'));
});

test('balance: the anchor cell is offered its needed value, never a negative one; fix-all leaves it alone', () => {
  const text = load('codeActions/balance.xxgk.yaml');
  const a = analyze(text);
  assert.deepEqual(
    a.result.diagnostics.map((x) => `${x.code} ${x.cell} ${x.data?.computed}`),
    ['balance 依申请公开/结转下年度/自然人 2', 'balance 依申请公开/结转下年度/总计 2'],
  );
  // The row's written total moves with the cell, so 结转下年度 stays consistent and the 总计
  // column balances too.
  const d = find(a, 'balance', '依申请公开/结转下年度/自然人');
  const fix = titled(actionsFor(a, [d]), '将「结转下年度·自然人」改为 2，总计改为 2');
  assert.equal(editsOf(fix).length, 2);
  assert.deepEqual(editsOf(fix)[0], { range: d.range, newText: '2' });
  const fixed = apply(text, editsOf(fix));
  assert.equal(fixed, load('codeActions/balance.fixed.xxgk.yaml'));
  assert.ok(!codesAfter(fixed).includes('balance'));
  // On the 总计 column alone only the total can be set (which column is wrong is unknown).
  const total = find(a, 'balance', '依申请公开/结转下年度/总计');
  assert.deepEqual(editsOf(titled(actionsFor(a, [total]), '将「结转下年度·总计」改为 2')), [{ range: total.range, newText: '2' }]);
  // Fix-all does not touch the balance: no total is wrong here.
  assert.deepEqual(actionsFor(a, [], ['source.fixAll']), []);

  // 本年新收 lowered (row still consistent): 结转下年度·自然人 would have to be −1, so no fix, and
  // with no total wrong there is nothing for fix-all either (which cell is wrong is unknown).
  const base = fixture('engine', 'base.xxgk.yaml');
  const negative = base.replace('本年新收: {自然人: 5,', '本年新收: {自然人: 3,').replace('法律服务机构: 1, 其他: 0, 总计: 8}\n  上年结转', '法律服务机构: 1, 其他: 0, 总计: 6}\n  上年结转');
  const b = analyze(negative);
  assert.deepEqual(
    b.result.diagnostics.filter((x) => x.code !== 'prose-number').map((x) => `${x.code} ${x.cell}`),
    ['balance 依申请公开/结转下年度/自然人', 'balance 依申请公开/结转下年度/总计'],
  );
  const bal = find(b, 'balance', '依申请公开/结转下年度/自然人');
  assert.equal(bal.data?.computed, -1);
  assert.deepEqual(actionsFor(b, [bal]), []);
  assert.deepEqual(actionsFor(b, [], ['source.fixAll']), []);
});

test('blank-cell: 填写 0 for one cell (block style, comment kept)', () => {
  const text = load('codeActions/blank.xxgk.yaml');
  const a = analyze(text);
  const d = find(a, 'blank-cell', '复议诉讼/行政诉讼/复议后起诉/结果纠正');
  const fix = titled(actionsFor(a, [d]), '填写 0');
  const fixed = apply(text, editsOf(fix));
  assert.equal(fixed, load('codeActions/blank.one.xxgk.yaml'));
  assert.ok(!check(fixed).diagnostics.some((x) => x.cell === d.cell));
});

test('blank-cell: `~` and a whole blank row', () => {
  const a = analyze(load('codeActions/blank.xxgk.yaml'));
  const tilde = find(a, 'blank-cell', '复议诉讼/行政诉讼/复议后起诉/结果维持');
  const [edit] = editsOf(titled(actionsFor(a, [tilde]), '填写 0'));
  assert.equal(edit.newText, '0');
  assert.equal(edit.range.end.character - edit.range.start.character, 1);
  const row = find(a, 'blank-cell', '依申请公开/办理结果/不予公开/国家秘密');
  const [rowEdit] = editsOf(titled(actionsFor(a, [row]), '将「办理结果·不予公开·国家秘密」整行填为 0'));
  assert.equal(rowEdit.newText, ' {自然人: 0, 商业企业: 0, 科研机构: 0, 社会公益组织: 0, 法律服务机构: 0, 其他: 0, 总计: 0}');
});

test('blank-cell: 将所有空白单元格填为 0 fills every blank in the file', () => {
  const text = load('codeActions/blank.xxgk.yaml');
  const a = analyze(text);
  const blanks = a.result.diagnostics.filter((d) => d.code === 'blank-cell');
  assert.equal(blanks.length, 7);
  const all = titled(actionsFor(a, [blanks[0]]), '将所有空白单元格填为 0');
  assert.equal(editsOf(all).length, 7);
  const fixed = apply(text, editsOf(all));
  assert.equal(fixed, load('codeActions/blank.fixed.xxgk.yaml'));
  assert.deepEqual(codesAfter(fixed), []);
  // Several blank diagnostics in one request still give one file-wide action.
  assert.equal(actionsFor(a, blanks).filter((x) => x.title === '将所有空白单元格填为 0').length, 1);
});

test('missing-item: cells, rows, a group and a section inserted from the definition in the siblings\' style', () => {
  const text = load('codeActions/missing.xxgk.yaml');
  const a = analyze(text);
  const missing = a.result.diagnostics.filter((d) => d.code === 'missing-item');
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  for (const d of missing) {
    const fixes = actionsFor(a, [d]);
    if (d.cell === '年度') {
      // A setting has no sensible default value: no fix.
      assert.deepEqual(fixes, []);
      continue;
    }
    assert.equal(fixes.length, 1, `one fix for ${d.cell}`);
    titles.push(fixes[0].title);
    edits.push(...editsOf(fixes[0]));
  }
  assert.deepEqual(titles.sort(), [
    '插入「其他事项」',
    '插入「办理结果·不予公开·国家秘密·自然人」',
    '插入「办理结果·不予处理·重复申请」',
    '插入「办理结果·其他处理」',
    '插入「本年新收·科研机构」',
    '插入「行政强制」',
    '插入「行政诉讼·复议后起诉」',
    '插入「行政诉讼·未经复议直接起诉·结果纠正」',
  ]);
  const fixed = apply(text, edits);
  assert.equal(fixed, load('codeActions/missing.fixed.xxgk.yaml'));
  assert.deepEqual(
    check(fixed).diagnostics.map((d) => `${d.code} ${d.cell}`),
    // The inserted 其他事项 still has its text to write, which has no fix.
    ['missing-item 年度', 'missing-item 其他事项/正文'],
  );
});

test('missing-item: a flow cell keeps the definition\'s column order', () => {
  const a = analyze(load('codeActions/missing.xxgk.yaml'));
  const first = find(a, 'missing-item', '依申请公开/办理结果/不予公开/国家秘密/自然人');
  assert.equal(editsOf(actionsFor(a, [first])[0])[0].newText, '自然人: 0, ');
  const middle = find(a, 'missing-item', '依申请公开/本年新收/科研机构');
  assert.equal(editsOf(actionsFor(a, [middle])[0])[0].newText, ', 科研机构: 0');
});

test('missing-item in a CRLF file inserts CRLF lines', () => {
  const text = crlf(load('codeActions/missing.xxgk.yaml'));
  const a = analyze(text);
  const edits = a.result.diagnostics
    .filter((d) => d.code === 'missing-item')
    .flatMap((d) => actionsFor(a, [d]))
    .flatMap(editsOf);
  const fixed = apply(text, edits);
  assert.equal(fixed, crlf(load('codeActions/missing.fixed.xxgk.yaml')));
  assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF was inserted');
});

test('fullwidth: each run replaced (no doubled space), and all at once', () => {
  const text = load('codeActions/fullwidth.xxgk.yaml');
  const a = analyze(text);
  const ds = a.result.diagnostics.filter((d) => d.code === 'fullwidth');
  assert.equal(ds.length, 4);
  const singles = ds.map((d) => actionsFor(a, [d])[0]);
  assert.deepEqual(
    singles.map((x) => x.title),
    ['替换为半角「:」', '替换为半角「:」', '替换为半角「,」', '替换为半角「1」'],
  );
  assert.deepEqual(singles.map((x) => editsOf(x)[0].newText), [': ', ':', ', ', '1']);
  const golden = load('codeActions/fullwidth.fixed.xxgk.yaml');
  assert.equal(apply(text, singles.flatMap(editsOf)), golden);
  const all = titled(actionsFor(a, [ds[0]]), '替换本文件中所有全角字符');
  assert.equal(apply(text, editsOf(all)), golden);
  assert.deepEqual(codesAfter(golden), []);
});

test('fullwidth fix works from the LSP diagnostic alone (data.replacement)', () => {
  const text = load('codeActions/fullwidth.xxgk.yaml');
  const a = analyze(text);
  const lsp: LspDiagnostic = {
    range: { start: { line: 48, character: 15 }, end: { line: 48, character: 16 } },
    code: 'fullwidth',
    message: 'stale message',
    data: { replacement: '1' },
  };
  const [fix] = codeActions(a, URI, lsp.range, { diagnostics: [lsp] });
  assert.deepEqual(editsOf(fix), [{ range: lsp.range, newText: '1' }]);
});

test('unknown-key renames inside the quotes; artifact removes the leftover', () => {
  const text = load('codeActions/keys.xxgk.yaml');
  const a = analyze(text);
  const unknown = a.result.diagnostics.filter((d) => d.code === 'unknown-key');
  const artifact = find(a, 'artifact');
  const fixes = [...unknown, artifact].map((d) => actionsFor(a, [d])[0]);
  assert.deepEqual(
    fixes.map((x) => x.title),
    ['改为「国家秘密」', '改为「社会公益组织」', '删除「[bookmark: _Toc123]」'],
  );
  const quoted = editsOf(fixes[0])[0];
  assert.equal(quoted.range.start.character, unknown[0].range.start.character + 1);
  const fixed = apply(text, fixes.flatMap(editsOf));
  assert.equal(fixed, load('codeActions/keys.fixed.xxgk.yaml'));
  assert.deepEqual(codesAfter(fixed), []);
});

test('unknown-key: no rename onto a key that is already there', () => {
  const text = fixture('engine', 'base.xxgk.yaml').replace('  行政处罚: 35\n', '  行政处罚: 35\n  行政处理: 1\n');
  const a = analyze(text);
  const d = find(a, 'unknown-key');
  assert.equal(d.data?.suggestion, '行政处罚');
  assert.deepEqual(actionsFor(a, [d]), []);
});

test('comments, odd quoting and key order survive fix-all byte for byte (LF and CRLF)', () => {
  const text = load('codeActions/comments.xxgk.yaml');
  const golden = load('codeActions/comments.fixed.xxgk.yaml');
  const [lf] = actionsFor(analyze(text), [], ['source.fixAll']);
  assert.equal(apply(text, editsOf(lf)), golden);
  assert.deepEqual(codesAfter(golden), []);
  const [cr] = actionsFor(analyze(crlf(text)), [], ['source.fixAll']);
  assert.equal(apply(crlf(text), editsOf(cr)), crlf(golden));
});

test('titles follow the locale', () => {
  const a = analyze(load('codeActions/totals.xxgk.yaml'), 'en');
  const d = find(a, 'row-total', '依申请公开/本年新收/总计');
  assert.deepEqual(
    actionsFor(a, [d]).map((x) => x.title),
    ['Change the total to 8', 'Fix all totals in this file'],
  );
});

test('numbering: the list is renumbered from the broken ordinal on, only the numbers change (LF and CRLF)', () => {
  for (const eol of ['\n', '\r\n']) {
    const text = load('codeActions/numbering.xxgk.yaml').replace(/\n/g, eol);
    const golden = load('codeActions/numbering.fixed.xxgk.yaml').replace(/\n/g, eol);
    const a = analyze(text);
    const ds = a.result.diagnostics.filter((d) => d.code === 'numbering');
    assert.equal(ds.length, 3);
    const fixes = ds.map((d) => actionsFor(a, [d]));
    assert.deepEqual(
      fixes.map((f) => f.map((x) => x.title)),
      [['从此处重新编号：改为「二是」，后续序号顺延（共 3 处）'], ['改为「（2）」'], ['从此处重新编号：改为「其次」，后续序号顺延（共 2 处）']],
    );
    const edits = fixes.map(([f]) => editsOf(f));
    // Each edit replaces the number alone: one character (一, 3, or the two of 再次/其次).
    assert.deepEqual(
      edits.map((es) => es.map((e) => e.newText)),
      [['二', '三', '四'], ['2'], ['其次', '再次']],
    );
    for (const e of edits.flat()) assert.equal(e.range.start.line, e.range.end.line);
    assert.equal(apply(text, edits.flat()), golden);
    assert.ok(!codesAfter(golden).includes('numbering'));
  }
});

test('numbering fix in English', () => {
  const a = analyze(load('codeActions/numbering.xxgk.yaml'), 'en');
  const d = find(a, 'numbering');
  assert.deepEqual(actionsFor(a, [d]).map((x) => x.title), ['Renumber from here: 「二是」 and on (3 ordinals)']);
});
