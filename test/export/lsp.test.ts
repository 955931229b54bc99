/** `xxgk/exportDocx` through the bundled server: the current, unsaved text as a base64 .docx. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportDocxResult } from '../../server/src/shared/protocol';
import { fixture } from '../helpers';
import { LspClient } from '../lsp/client';
import { textOf } from './wordXml';
import { unzip } from './zip';

test('xxgk/exportDocx: a .docx of the current, unsaved text; null for a document not open', async () => {
  const c = await LspClient.start();
  try {
    const uri = 'file:///tmp/xxgk-test/export-docx.xxgk.yaml';
    await c.open(uri, fixture('lsp', 'base.xxgk.yaml'));
    await c.replace(uri, '机关: 江州市生态环境局', '机关: 江州市未保存的新名称局');
    const r = await c.request<ExportDocxResult | null>('xxgk/exportDocx', { uri });
    assert.ok(r);
    const xml = (unzip(Buffer.from(r.data, 'base64')).get('word/document.xml') as Buffer).toString('utf8');
    assert.ok(textOf(xml).startsWith('江州市未保存的新名称局2023年政府信息公开工作年度报告'));
    assert.equal(await c.request('xxgk/exportDocx', { uri: 'file:///tmp/xxgk-test/not-open.xxgk.yaml' }), null);
  } finally {
    await c.stop();
  }
});
