/** `xxgk/import` through the bundled language server: the server reads and converts the file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/engine/check';
import type { ImportReportResult } from '../../server/src/shared/protocol';
import { LspClient } from '../lsp/client';
import { fixturePath, reference } from './helpers';

test('xxgk/import: text and notes of a file on disk; InvalidParams for what cannot be imported', async () => {
  const c = await LspClient.start();
  try {
    const uri = pathToFileURL(fixturePath('jiangzhou-2024.html')).toString();
    const r = await c.request<ImportReportResult>('xxgk/import', { uri });
    assert.equal(r.fileName, 'jiangzhou-2024.xxgk.yaml');
    assert.equal(r.format, '2021');
    assert.equal(check(r.text).report.agency, '江州市交通运输局');
    assert.ok(r.notes.some((n) => n.kind === 'note' && /22（其中修订16件）/.test(n.message)));
    // Made by the editor's command, the header says so (not the CLI).
    assert.match(r.text, /^# 由 VS Code 的“导入年报”命令 从 「jiangzhou-2024\.html」 导入/);
    // Cells to check, by hand from the page: 22（其中修订16件）, 行政强制 "/", the 7 cells of the row
    // labelled "已获得信息" (the format says 已获取), 逾期未缴费·自然人 "—", 其他·商业企业 "无".
    assert.equal(r.cellsToCheck, 11);
    assert.ok(r.cellsRead > 150, String(r.cellsRead));
    const lines = r.text.split('\n');
    for (const n of r.notes) assert.equal(lines[n.line], `#   - ${n.message}`);
    const at = (path: string) => r.notes.find((n) => n.path === path)?.target;
    assert.match(lines[at('主动公开/行政规范性文件/本年制发') ?? -1], /^ {2}行政规范性文件: \{本年制发: 22,/);
    assert.match(lines[at('主动公开/行政强制') ?? -1], /^ {2}行政强制:/);
    assert.match(lines[at('依申请公开/办理结果/其他处理/逾期未缴费/自然人') ?? -1], /^ +逾期未缴费: \{自然人: ,/);
    // The format note is about no cell: it points nowhere but its comment.
    assert.ok(r.notes.some((n) => n.path === undefined && n.target === undefined));

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-import-'));
    const notReport = path.join(dir, 'list.txt');
    fs.writeFileSync(notReport, 'milk\n');
    for (const bad of [pathToFileURL(path.join(dir, 'missing.docx')).toString(), pathToFileURL(notReport).toString(), 'untitled:Untitled-1', pathToFileURL(path.join(dir, 'a.pdf')).toString(), undefined]) {
      await assert.rejects(c.request('xxgk/import', { uri: bad }), (e: { code?: number }) => e.code === -32602, String(bad));
    }
    // A PDF: the bundled server loads pdf.js from beside itself on first use.
    const pdf = await c.request<ImportReportResult>('xxgk/import', { uri: pathToFileURL(reference('real-docs', 'hongze-2024.pdf')).toString() });
    assert.equal(pdf.fileName, 'hongze-2024.xxgk.yaml');
    assert.equal(check(pdf.text).report.cells.get('主动公开/行政许可')?.value, 9487);
    assert.ok(c.alive);
  } finally {
    await c.stop();
  }
});
