/**
 * Builders of the hostile and odd inputs, shared by the hostile tests (test/cli/hostile.test.ts,
 * test/import/hostile.test.ts, test/import/savedPage.test.ts) and `npm run bench:hostile`, which
 * runs every case in a child process and prints its time and peak memory.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { example, root } from './helpers';

export const cleanReport = (): string => example('clean-2024.xxgk.yaml');

/** A fresh folder under the temp directory holding `files`. */
export function folder(files: Record<string, string | Buffer> = {}, prefix = 'xxgk-hostile-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The clean report with a 上年报告 line naming `ref`. */
export const withRef = (ref: string): string => cleanReport().replace('机关: 江州市交通运输局', `机关: 江州市交通运输局\n上年报告: '${ref}'`);

export function mkfifo(p: string): boolean {
  return spawnSync('mkfifo', [p]).status === 0;
}

/** A sparse file of `bytes` (nothing written: the size alone must refuse it). */
export function sparseFile(file: string, bytes: number): string {
  const fd = fs.openSync(file, 'w');
  fs.ftruncateSync(fd, bytes);
  fs.closeSync(fd);
  return file;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export function docxFile(file: string, documentXml: string): string {
  fs.writeFileSync(file, zipSync({ 'word/document.xml': strToU8(documentXml) }, { level: 9 }));
  return file;
}

/** A .docx under 1 MB whose document.xml inflates to `mb` MB; zipped as a stream, never held whole. */
export function docxBomb(file: string, mb = 200): string {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const entry = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(entry);
  entry.push(strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>`));
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < mb; i++) entry.push(spaces);
  entry.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  fs.writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** `depth` tables nested in each other's first cell. */
export function docxNestedTables(file: string, depth = 100_000): string {
  const open = '<w:tbl><w:tr><w:tc>';
  const close = '<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  return docxFile(file, `<w:document ${W}><w:body>${open.repeat(depth)}${close.repeat(depth)}</w:body></w:document>`);
}

/** 200 rows whose first cell spans `span` grid columns. */
export function docxHugeGridSpan(file: string, span = '100000000'): string {
  const cell = (s: string, text: string) => `<w:tc><w:tcPr><w:gridSpan w:val="${s}"/></w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const rows = Array.from({ length: 200 }, (_, i) => `<w:tr>${cell(span, `行${i}`)}${cell('1', String(i))}</w:tr>`).join('');
  return docxFile(file, `<w:document ${W}><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:tbl>${rows}</w:tbl></w:body></w:document>`);
}

/** Copied text whose lines defeated regular expressions with a leading \s*: 200,000 tabs, long blank runs. */
export const blankRunsText = (): string =>
  ['一、总体情况', '\t'.repeat(200_000), `规章 | 1${' '.repeat(200_000)}|0`, `规章 | 1${' '.repeat(200_000)}〔注`, '二、主动公开政府信息情况', '\t'.repeat(200_000)].join('\n');

/** One prose line of a real report, wrapped: `bytes` worth of such lines join into one paragraph. */
export const WRAPPED_LINE = '我局坚持以公开为常态不公开为例外围绕交通基础设施建设道路运输管理公共交通服务等群众关注事项通过门户网站';
export const wrappedProseText = (chars = 1_900_000): string =>
  ['江州市交通运输局2024年政府信息公开工作年度报告', '一、总体情况', ...Array.from({ length: Math.ceil(chars / WRAPPED_LINE.length) }, () => WRAPPED_LINE)].join('\n');

/** A saved page with `depth` nested div/span elements. */
export const deepHtml = (depth = 60_000): string =>
  `<html><body><p>江州市交通运输局2024年政府信息公开工作年度报告</p>${'<div><span>'.repeat(depth)}深处的文字${'</span></div>'.repeat(depth)}</body></html>`;

/** A table of `rows` rows whose first cell spans 100,000 rows and columns. */
export const hugeSpanHtml = (rows = 2000): string => `<table>${'<tr><td rowspan="100000" colspan="100000">1</td><td>2</td></tr>'.repeat(rows)}</table>`;

export const pdfFixture = (name: string): string => path.join(root, 'test', 'import', 'fixtures', 'pdf', name);
