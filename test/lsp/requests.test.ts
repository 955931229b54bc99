/**
 * The custom requests the VS Code extension's commands use (New Report, Export as HTML, Check All
 * Reports in Workspace), through the bundled server and a real protocol client.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/engine/check';
import { yearRange } from '../../server/src/engine/workflows/newReport';
import { REPORT_YEARS } from '../../server/src/shared/protocol';
import type { CheckFilesResult, ExportHtmlResult, SkeletonResult } from '../../server/src/shared/protocol';
import { fixture } from '../helpers';
import { withServer } from './client';

const BASE = fixture('lsp', 'base.xxgk.yaml');
const WRONG = fixture('lsp', 'wrong-total.xxgk.yaml');

test('the client-side year bounds are the format definition’s', () => {
  assert.deepEqual(yearRange(), { ...REPORT_YEARS });
});

test('xxgk/skeleton: a whole report for the agency and year that checks clean, cursor on the first prose', async () => {
  await withServer(async (c) => {
    const agency = "昆都仑区白云路街道办事处 O'Brien";
    const r = await c.request<SkeletonResult>('xxgk/skeleton', { agency, year: 2024 });
    assert.match(r.text, /^格式: 2021\n年度: 2024\n机关: 昆都仑区白云路街道办事处 O'Brien\n/);
    for (const key of ['总体情况', '主动公开', '依申请公开', '复议诉讼', '问题与改进', '其他事项']) assert.match(r.text, new RegExp(`^${key}:`, 'm'));
    const result = check(r.text);
    // Every number checks; the prose parts are left to write.
    const prose = (t: string) => check(t).diagnostics.map((d) => `${d.code} ${d.cell}`);
    assert.deepEqual(prose(r.text), ['总体情况', '问题与改进', '其他事项/正文'].map((p) => `missing-item ${p}`));
    assert.equal(result.report.agency, agency);
    const lines = r.text.split('\n');
    assert.match(lines[r.cursor.line - 1], /: \|$/, 'cursor under a block scalar key');
    assert.equal(lines[r.cursor.line].slice(0, r.cursor.character).trim(), '');

    // A line break in the name cannot break the YAML.
    const multiline = await c.request<SkeletonResult>('xxgk/skeleton', { agency: '第一行\n第二行', year: 2024 });
    assert.deepEqual(prose(multiline.text), prose(r.text));

    for (const year of [2007, 2101, 2024.5, '2024']) {
      await assert.rejects(c.request('xxgk/skeleton', { agency: 'x', year }), (e: { code?: number }) => e.code === -32602, `year ${year}`);
    }
    assert.ok(c.alive);
  });
});

test('xxgk/exportHtml: a standalone page of the current, unsaved text; null for a document not open', async () => {
  await withServer(async (c) => {
    const uri = 'file:///tmp/xxgk-test/export.xxgk.yaml';
    await c.open(uri, BASE);
    await c.replace(uri, '机关: 江州市生态环境局', '机关: 江州市未保存的新名称局');
    const r = await c.request<ExportHtmlResult | null>('xxgk/exportHtml', { uri });
    assert.ok(r);
    assert.match(r.html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(r.html, /<\/html>\n$/);
    assert.match(r.html, /<title>江州市未保存的新名称局2023年政府信息公开工作年度报告<\/title>/);
    assert.doesNotMatch(r.html, /<script/i);
    assert.equal(await c.request('xxgk/exportHtml', { uri: 'file:///tmp/xxgk-test/not-open.xxgk.yaml' }), null);
  });
});

test('xxgk/checkFiles: reads files from disk, publishes diagnostics for unopened ones, counts open ones as edited', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-check-'));
  try {
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;
    fs.writeFileSync(path.join(dir, '白云路2023.xxgk.yaml'), WRONG);
    fs.writeFileSync(path.join(dir, 'clean.xxgk.yaml'), BASE);
    fs.writeFileSync(path.join(dir, 'open.xxgk.yml'), WRONG);
    fs.mkdirSync(path.join(dir, 'folder.xxgk.yaml'));
    await withServer(async (c) => {
      // On disk it has a wrong total; in the editor it is clean: the editor's text counts.
      await c.open(uri('open.xxgk.yml'), BASE);
      const wrong = c.nextDiagnostics(uri('白云路2023.xxgk.yaml'));
      const clean = c.nextDiagnostics(uri('clean.xxgk.yaml'));
      const uris = ['白云路2023.xxgk.yaml', 'clean.xxgk.yaml', 'open.xxgk.yml', 'missing.xxgk.yaml', 'folder.xxgk.yaml'].map(uri);
      const r = await c.request<CheckFilesResult>('xxgk/checkFiles', { uris: [...uris, 'untitled:Untitled-1'] });
      assert.deepEqual(r, {
        files: 3,
        errors: 1,
        warnings: 1,
        unreadable: [uri('missing.xxgk.yaml'), uri('folder.xxgk.yaml'), 'untitled:Untitled-1'],
        cancelled: false,
      });
      const published = await wrong;
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        ['prose-number', 'appeal-total'],
      );
      assert.equal(published.diagnostics[0].relatedInformation?.[0].location.uri, uri('白云路2023.xxgk.yaml'));
      assert.deepEqual((await clean).diagnostics, [], 'a clean file is published empty (clears old results)');
      assert.equal(c.publishCount(uri('open.xxgk.yml')), 1, 'the open document is published by validation only');

      // Malformed params are answered, not fatal.
      assert.deepEqual(await c.request<CheckFilesResult>('xxgk/checkFiles', {}), { files: 0, errors: 0, warnings: 0, unreadable: [], cancelled: false });
      assert.ok(c.alive);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
