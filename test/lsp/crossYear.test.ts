/**
 * Cross-year rules through the bundled server: last year's report is read from disk, or from the
 * editor when it is open (unsaved text wins); this year's diagnostics follow when last year's
 * document is opened, edited or closed, or the file changes on disk (workspace/didChangeWatchedFiles).
 * Also `xxgk/nextYear`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { check } from '../../server/src/engine/check';
import type { NextYearResult } from '../../server/src/shared/protocol';
import { fixture } from '../helpers';
import { LspClient } from './client';

const LAST = fixture('engine', 'cross-year/jiangzhou-2022.xxgk.yaml');
const LAST_CARRIED = '结转下年度: {自然人: 1,';
/** This year, with 上年结转·自然人 2 where last year's 结转下年度·自然人 is 1. */
const THIS = fixture('engine', 'base.xxgk.yaml').replace('上年结转: {自然人: 1,', '上年结转: {自然人: 2,');

async function withFolder(body: (c: LspClient, dir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lsp-cross-'));
  const c = await LspClient.start();
  try {
    await body(c, dir);
  } finally {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const carryOver = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'carry-over');

test('carry-over from last year\'s file on disk, refreshed as last year\'s document is opened, edited and closed', async () => {
  await withFolder(async (c, dir) => {
    const lastPath = path.join(dir, 'jiangzhou-2022.xxgk.yaml');
    fs.writeFileSync(lastPath, LAST);
    const lastUri = pathToFileURL(lastPath).href;
    const uri = pathToFileURL(path.join(dir, 'jiangzhou-2023.xxgk.yaml')).href;

    // On disk: found as the sibling with 年度 − 1 and the same 机关.
    await c.open(uri, THIS);
    let [d] = carryOver((await c.diagnostics(uri, 1)).diagnostics);
    assert.ok(d, 'carry-over against the file on disk');
    assert.deepEqual(d.data, { written: 2, computed: 1, difference: 1 });
    assert.equal(d.relatedInformation?.[0].location.uri, lastUri);
    assert.equal(d.relatedInformation?.[0].location.range.start.line, LAST.split('\n').findIndex((l) => l.includes(LAST_CARRIED)));

    // Opened in the editor with other (unsaved) text: that text wins.
    let next = c.nextDiagnostics(uri);
    await c.open(lastUri, LAST.replace(LAST_CARRIED, '结转下年度: {自然人: 2,'));
    assert.deepEqual(carryOver((await next).diagnostics), []);

    // Edited in the editor: this year's diagnostics follow.
    next = c.nextDiagnostics(uri);
    await c.replace(lastUri, '结转下年度: {自然人: 2,', '结转下年度: {自然人: 5,');
    [d] = carryOver((await next).diagnostics);
    assert.equal(d?.data?.computed, 5);
    assert.equal(d.relatedInformation?.[0].location.uri, lastUri);

    // Closed without saving: back to the file on disk.
    next = c.nextDiagnostics(uri);
    await c.close(lastUri);
    [d] = carryOver((await next).diagnostics);
    assert.equal(d?.data?.computed, 1);

    // Changed on disk (a watched file): re-checked.
    fs.writeFileSync(lastPath, LAST.replace(LAST_CARRIED, '结转下年度: {自然人: 2,'));
    next = c.nextDiagnostics(uri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lastUri, type: FileChangeType.Changed }] });
    assert.deepEqual(carryOver((await next).diagnostics), []);

    // Deleted: no last year's report any more, no carry-over, and no stale squiggle.
    fs.writeFileSync(lastPath, LAST);
    next = c.nextDiagnostics(uri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lastUri, type: FileChangeType.Changed }] });
    assert.equal(carryOver((await next).diagnostics).length, 1);
    fs.rmSync(lastPath);
    next = c.nextDiagnostics(uri);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lastUri, type: FileChangeType.Deleted }] });
    assert.deepEqual(carryOver((await next).diagnostics), []);
    assert.ok(c.alive);
  });
});

test('上年报告 naming a missing file: a warning on 上年报告', async () => {
  await withFolder(async (c, dir) => {
    const uri = pathToFileURL(path.join(dir, 'x.xxgk.yaml')).href;
    await c.open(uri, THIS.replace('机关: 江州市生态环境局', '机关: 江州市生态环境局\n上年报告: gone.xxgk.yaml'));
    const [d] = carryOver((await c.diagnostics(uri, 1)).diagnostics);
    assert.equal(d?.severity, 2);
    assert.match(typeof d.message === 'string' ? d.message : d.message.value, /gone\.xxgk\.yaml/);
  });
});

test('xxgk/nextYear: next year\'s text and file name; 上年报告 relative to the target; null when not open; InvalidParams without 年度', async () => {
  await withFolder(async (c, dir) => {
    const uri = pathToFileURL(path.join(dir, 'jiangzhou-2022.xxgk.yaml')).href;
    await c.open(uri, LAST);
    const r = await c.request<NextYearResult>('xxgk/nextYear', { uri });
    assert.equal(r.fileName, '江州市生态环境局2023.xxgk.yaml');
    assert.match(r.text, /^格式: 2021\n年度: 2023\n机关: 江州市生态环境局\n上年报告: jiangzhou-2022\.xxgk\.yaml\n/);
    // Only the prose is left to write.
    assert.deepEqual(check(r.text, { previous: { text: LAST } }).diagnostics.map((d) => d.code), ['missing-item', 'missing-item', 'missing-item']);
    const target = pathToFileURL(path.join(dir, 'sub', 'next.xxgk.yaml')).href;
    const there = await c.request<NextYearResult>('xxgk/nextYear', { uri, target });
    assert.match(there.text, /\n上年报告: \.\.\/jiangzhou-2022\.xxgk\.yaml\n/);
    assert.equal(await c.request('xxgk/nextYear', { uri: pathToFileURL(path.join(dir, 'closed.xxgk.yaml')).href }), null);
    const noYear = pathToFileURL(path.join(dir, 'no-year.xxgk.yaml')).href;
    await c.open(noYear, '机关: 甲局\n');
    await assert.rejects(c.request('xxgk/nextYear', { uri: noYear }), (e: { code?: number; message?: string }) => e.code === -32602 && e.message === '报告没有有效的年度');
    assert.ok(c.alive);
  });
});
