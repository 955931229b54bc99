/**
 * xxgk/editCells and xxgk/pasteCells through the bundled server and a protocol client: what any
 * LSP client gets (a WorkspaceEdit, refusals as errors or messages), not only the VS Code extension.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { PasteCellsResult } from '../../server/src/shared/protocol';
import { fixture } from '../helpers';
import { withServer } from './client';

const WRONG = fixture('lsp', 'wrong-total.xxgk.yaml');
const URI = 'file:///tmp/xxgk-test/sheet.xxgk.yaml';
const applied = (text: string, edit: WorkspaceEdit | null) => {
  assert.ok(edit?.changes?.[URI]);
  return TextDocument.applyEdits(TextDocument.create(URI, 'xxgk-report', 1, text), edit.changes[URI]);
};

test('xxgk/editCells: the edit sets the total; a wrong version, a bad value or an unknown cell is refused with a reason', async () => {
  await withServer(async (c) => {
    await c.open(URI, WRONG);
    const edit = await c.request<WorkspaceEdit | null>('xxgk/editCells', { uri: URI, version: 1, cells: [{ path: '复议诉讼/行政复议/总计', value: 2 }] });
    assert.equal(applied(WRONG, edit), WRONG.replace('尚未审结: 1, 总计: 3}', '尚未审结: 1, 总计: 2}'));
    const refused = async (params: object, code: number, message: RegExp) =>
      assert.rejects(c.request('xxgk/editCells', params), (e: { code?: number; message?: string }) => e.code === code && message.test(e.message ?? ''));
    await refused({ uri: URI, version: 7, cells: [{ path: '复议诉讼/行政复议/总计', value: 2 }] }, -32801, /文档已有改动/);
    await refused({ uri: URI, version: 1, cells: [{ path: '复议诉讼/行政复议/总计', value: 2.5 }] }, -32602, /整数/);
    await refused({ uri: URI, version: 1, cells: [{ path: '复议诉讼/行政复议', value: 2 }] }, -32602, /不是表格中的单元格/);
    await refused({ uri: URI, version: 1, cells: 'x' }, -32602, /cells/);
    assert.equal(await c.request('xxgk/editCells', { uri: 'file:///not/open.xxgk.yaml', version: 1, cells: [] }), null);
    assert.ok(c.alive);
  });
});

test('xxgk/pasteCells: a copied row on a row key fills it; a block that does not fit is refused; off the tables, null', async () => {
  await withServer(async (c) => {
    await c.open(URI, WRONG);
    const line = WRONG.split('\n').findIndex((l) => l.startsWith('  行政复议: {'));
    const r = await c.request<PasteCellsResult | null>('xxgk/pasteCells', { uri: URI, version: 1, position: { line, character: 4 }, text: '1\t0\t0\t1\t2\r\n' });
    assert.equal(applied(WRONG, r?.edit ?? null), WRONG.replace('尚未审结: 1, 总计: 3}', '尚未审结: 1, 总计: 2}'));
    // Table 4 prints as one row of fifteen cells: a second row of the copy has nowhere to go.
    const tooTall = await c.request<PasteCellsResult | null>('xxgk/pasteCells', { uri: URI, version: 1, position: { line, character: 0 }, text: '1\t0\r\n0\t1\r\n' });
    assert.match(tooTall?.refused ?? '', /复制了 2 行，从此处到表格末尾只有 1 行/);
    assert.equal(tooTall?.edit, undefined);
    const text = await c.request<PasteCellsResult | null>('xxgk/pasteCells', { uri: URI, version: 1, position: { line, character: 0 }, text: '1\t合计' });
    assert.match(text?.refused ?? '', /“合计”.*不是数字/);
    assert.equal(await c.request('xxgk/pasteCells', { uri: URI, version: 1, position: { line: 2, character: 0 }, text: '1\t2' }), null);
    assert.ok(c.alive);
  });
});
