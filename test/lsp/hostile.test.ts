/**
 * Odd and hostile input to the bundled language server: a didOpen without text, a client that keeps
 * the BOM, cancelled requests, an import running while other requests are answered, FIFOs in the
 * workspace. The server must keep answering.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol/node';
import type { CheckFilesResult } from '../../server/src/shared/protocol';
import { example } from '../helpers';
import { withServer } from './client';

const clean = example('clean-2024.xxgk.yaml');
const unix = process.platform !== 'win32';
const CANCELLED = -32800;

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lsp-hostile-'));

test('a didOpen without text does not break hover and diagnostics of the other reports in its folder', async () => {
  await withServer(async (c) => {
    const dir = tmp();
    const good = pathToFileURL(path.join(dir, 'good.xxgk.yaml')).toString();
    const bad = pathToFileURL(path.join(dir, 'bad.xxgk.yaml')).toString();
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bad, languageId: 'xxgk-report', version: 1 } });
    await c.open(good, clean);
    assert.deepEqual((await c.diagnostics(good, 1)).diagnostics, []);
    const line = clean.split('\n').findIndex((l) => l.includes('行政许可: 15236'));
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: good }, position: { line, character: 4 } });
    assert.ok(h, 'hover answered');
    const v = await c.replace(good, '行政许可: 15236', '行政许可: -1');
    assert.ok((await c.diagnostics(good, v)).diagnostics.some((d: Diagnostic) => d.code === 'invalid-value'));
    assert.ok(!c.logs.some((l) => /failed|uncaught/.test(l)), c.logs.join('\n'));
    assert.ok(c.alive);
  });
});

test('a client that keeps the BOM: line-0 ranges count it, and no quick fix touches it', async () => {
  await withServer(async (c) => {
    const uri = 'file:///tmp/xxgk-lsp-hostile/bom.xxgk.yaml';
    const text = '\uFEFF年渡: 2024\n' + clean.replace(/^年度: 2024\n/m, '');
    assert.ok(!/^年度: 2024$/m.test(text), 'the fixture edit applied');
    await c.open(uri, text);
    const ds = (await c.diagnostics(uri, 1)).diagnostics;
    const fw = ds.find((d: Diagnostic) => d.code === 'unknown-key' && d.range.start.line === 0);
    assert.ok(fw, JSON.stringify(ds.map((d: Diagnostic) => [d.code, d.range])));
    assert.deepEqual(fw.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, 'the key, after the BOM');
    const actions = await c.request<{ edit?: { changes?: Record<string, { range: { start: { line: number; character: number } } ; newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: fw.range,
      context: { diagnostics: [fw] },
    });
    const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
    assert.ok(edits.length > 0);
    for (const e of edits) assert.ok(!(e.range.start.line === 0 && e.range.start.character === 0), 'no edit starts at the BOM');
    assert.ok(edits.some((e) => e.newText === '年度' && e.range.start.character === 1), JSON.stringify(edits));
  });
});

test('$/cancelRequest is honoured: most of 200 cancelled previews answer RequestCancelled', async () => {
  await withServer(async (c) => {
    const uri = 'file:///tmp/xxgk-lsp-hostile/cancel.xxgk.yaml';
    await c.open(uri, clean);
    await c.diagnostics(uri, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => {
        const source = new CancellationTokenSource();
        const p = c.conn.sendRequest('xxgk/preview', { uri }, source.token).then(
          () => 'answered',
          (e: { code?: number }) => (e.code === CANCELLED ? 'cancelled' : `error ${e.code}`),
        );
        source.cancel();
        return p;
      }),
    );
    const cancelled = outcomes.filter((o) => o === 'cancelled').length;
    assert.ok(cancelled >= 150, `${cancelled} of 200 cancelled`);
    assert.deepEqual(outcomes.filter((o) => o !== 'cancelled' && o !== 'answered'), []);
    assert.ok(await c.request('xxgk/preview', { uri }), 'an uncancelled preview is still answered');
  });
});

test('import runs off the main thread: hover is answered while a large import runs, and a cancelled import ends', async () => {
  await withServer(async (c) => {
    const dir = tmp();
    // A large text to import: many sections of prose lines (several seconds of work).
    let big = '江州市交通运输局2024年政府信息公开工作年度报告\n一、总体情况\n';
    const line = '我局坚持以公开为常态不公开为例外围绕交通基础设施建设道路运输管理公共交通服务等群众关注事项，通过门户网站公开。\n';
    while (big.length < 6_000_000) big += line;
    const file = path.join(dir, 'big.txt');
    fs.writeFileSync(file, big);
    const uri = 'file:///tmp/xxgk-lsp-hostile/open.xxgk.yaml';
    await c.open(uri, clean);
    await c.diagnostics(uri, 1);

    const t0 = performance.now();
    let importDone = 0;
    const imported = c.request('xxgk/import', { uri: pathToFileURL(file).toString() }).then(
      () => (importDone = performance.now()),
      () => (importDone = performance.now()),
    );
    await new Promise((r) => setTimeout(r, 100));
    const h0 = performance.now();
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    const hoverMs = performance.now() - h0;
    assert.ok(h !== undefined);
    await imported;
    const importMs = importDone - t0;
    console.log(`import of 6 MB text: ${Math.round(importMs)} ms; hover meanwhile: ${Math.round(hoverMs)} ms`);
    assert.ok(hoverMs < 1000, `hover took ${Math.round(hoverMs)} ms during the import`);

    const source = new CancellationTokenSource();
    const c0 = performance.now();
    const cancelled = c.conn.sendRequest('xxgk/import', { uri: pathToFileURL(file).toString() }, source.token);
    setTimeout(() => source.cancel(), 50);
    await assert.rejects(cancelled, (e: { code?: number }) => e.code === CANCELLED);
    assert.ok(performance.now() - c0 < 2000, 'the cancelled import ends at once');
    assert.ok(c.alive);
  });
});

test('a FIFO in the workspace: Check All Reports and import answer at once, and the session goes on', { skip: !unix }, async () => {
  await withServer(async (c) => {
    const dir = tmp();
    const fifo = path.join(dir, 'pipe.xxgk.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const fifoDocx = path.join(dir, 'pipe.docx');
    assert.equal(spawnSync('mkfifo', [fifoDocx]).status, 0);
    fs.writeFileSync(path.join(dir, 'ok.xxgk.yaml'), clean);
    const t0 = performance.now();
    const r = await c.request<CheckFilesResult>('xxgk/checkFiles', { uris: [pathToFileURL(fifo).toString(), pathToFileURL(path.join(dir, 'ok.xxgk.yaml')).toString()] });
    assert.deepEqual(r.unreadable, [pathToFileURL(fifo).toString()]);
    assert.equal(r.files, 1);
    await assert.rejects(c.request('xxgk/import', { uri: pathToFileURL(fifoDocx).toString() }), (e: { code?: number; message?: string }) => e.code === -32602 && /not a regular file|不是普通文件/.test(e.message ?? ''));
    assert.ok(performance.now() - t0 < 5000);
    // The session goes on: an open report beside the FIFO (a sibling candidate) is checked.
    const uri = pathToFileURL(path.join(dir, 'open.xxgk.yaml')).toString();
    await c.open(uri, clean);
    assert.deepEqual((await c.diagnostics(uri, 1)).diagnostics, []);
  });
});
