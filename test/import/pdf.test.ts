/**
 * PDF import: the real WPS-made report of 淮安市洪泽区人民政府 (2024), read from the geometry of its
 * text layer; a scan without text, an encrypted and a damaged PDF each give one clear message. The
 * values asserted here were read off the PDF's pages by hand; test/import/expected.test.ts compares
 * every cell against the hand-written list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importDocument, ImportError } from '../../server/src/engine/import';
import type { ImportResult } from '../../server/src/engine/import';
import { readPdf } from '../../server/src/engine/import/readPdf';
import { loadPdfjs } from '../../server/src/node/pdfjs';
import { root } from '../helpers';
import { cell, checked } from './helpers';

const HONGZE = path.join(root, 'test', 'import', 'fixtures', 'reference', 'real-docs', 'hongze-2024.pdf');
const pdfFixture = (name: string) => path.join(root, 'test', 'import', 'fixtures', 'pdf', name);

const importPdf = (file: string): Promise<ImportResult> => importDocument({ kind: 'pdf', data: fs.readFileSync(file) }, { loadPdf: loadPdfjs, sourceName: path.basename(file) });

const OUT = '依申请公开/办理结果';

test('洪泽区 2024 (WPS PDF): title over two lines, table 3 across a page break, wrapped and spaced labels', async () => {
  const result = await importPdf(HONGZE);
  assert.deepEqual([result.format, result.year, result.agency], ['2021', 2024, '淮安市洪泽区人民政府']);
  const r = checked(result);
  // Table 2: four small tables, one number each below its own heading.
  assert.deepEqual(['本年制发', '本年废止', '现行有效'].map((c) => cell(r, `主动公开/行政规范性文件/${c}`)), [3, 0, 8]);
  assert.equal(cell(r, '主动公开/行政许可'), 9487);
  assert.equal(cell(r, '主动公开/行政处罚'), 2776);
  assert.equal(cell(r, '主动公开/行政强制'), 84);
  assert.equal(cell(r, '主动公开/行政事业性收费'), 7545);
  // Table 3, page 3: a label wrapped over two lines with its numbers between them.
  assert.equal(cell(r, `${OUT}/部分公开/自然人`), 9);
  assert.equal(cell(r, `${OUT}/部分公开/总计`), 9);
  assert.equal(cell(r, `${OUT}/无法提供/本机关不掌握/总计`), 31);
  // Page 4, after the page number "-3-": the table goes on.
  assert.equal(cell(r, `${OUT}/无法提供/需要另行制作/自然人`), 1);
  assert.equal(cell(r, `${OUT}/不予处理/信访举报投诉类/总计`), 1);
  assert.equal(cell(r, `${OUT}/不予处理/要求确认或重新出具/总计`), 0);
  assert.equal(cell(r, `${OUT}/总计/自然人`), 95);
  assert.equal(cell(r, '依申请公开/结转下年度/总计'), 0);
  // Table 4: fifteen numbers under a header of several lines.
  assert.deepEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => cell(r, `复议诉讼/行政复议/${c}`)), [1, 1, 0, 0, 2]);
  assert.deepEqual(['结果维持', '其他结果', '总计'].map((c) => cell(r, `复议诉讼/行政诉讼/复议后起诉/${c}`)), [2, 1, 3]);
  // （六）其他处理 printed as one row in a 2021-format report: nothing invented, the rows blank, said.
  for (const row of ['逾期不补正', '逾期未缴费', '其他']) assert.equal(cell(r, `${OUT}/其他处理/${row}/总计`), null);
  const group = result.notes.find((n) => n.path === `${OUT}/其他处理`);
  assert.equal(group?.kind, 'unplaced');
  assert.match(group?.message ?? '', /作为一行（0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0）.*数字无法拆分，未导入/);
  // Page numbers are not prose; the prose is re-joined into paragraphs.
  assert.doesNotMatch(result.text, /-\s*[1-5]\s*-/);
  assert.match(result.text, /区政府办代表区政府受理政府信息公开申请17件/);
});

test('a PDF without a text layer (a scan) is refused with a message saying so', async () => {
  await assert.rejects(importPdf(pdfFixture('scan-no-text.pdf')), (e: unknown) => e instanceof ImportError && /no text layer \(a scanned document\)/.test(e.message) && /没有文字层（扫描件）/.test(e.text('zh-CN')));
});

test('an encrypted PDF and a damaged one are refused with a message each', async () => {
  await assert.rejects(importPdf(pdfFixture('encrypted.pdf')), (e: unknown) => e instanceof ImportError && /encrypted \(password protected\)/.test(e.message));
  const truncated = fs.readFileSync(HONGZE).subarray(0, 20_000);
  await assert.rejects(importDocument({ kind: 'pdf', data: truncated }, { loadPdf: loadPdfjs }), (e: unknown) => e instanceof ImportError && /damaged/.test(e.message));
  await assert.rejects(importDocument({ kind: 'pdf', data: Buffer.from('<html>not a pdf</html>') }, { loadPdf: loadPdfjs }), /does not start with %PDF/);
});

test('the engine reads no PDF without a loader from its edge', async () => {
  await assert.rejects(readPdf(fs.readFileSync(HONGZE)), /not available here/);
});
