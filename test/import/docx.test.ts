/**
 * Word .docx input. A document is built here from a report (WordprocessingML written by hand and
 * zipped with fflate): merged cells as Word writes them (w:gridSpan across, w:vMerge down), every
 * number split over several runs, a tracked deletion and a page field that are not text. Then the
 * project's own .docx export, when present, must import back cell for cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { check } from '../../server/src/engine/check';
import type { Report } from '../../server/src/engine/check';
import { rowsUnder } from '../../server/src/engine/format';
import type { FormatDef, RowNode } from '../../server/src/engine/format';
import { ImportError, importReport } from '../../server/src/engine/import';
import { example, root } from '../helpers';
import { checked, messages, sameCells } from './helpers';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text as runs of at most two characters: Word splits runs anywhere (spell check, edits). */
const runs = (text: string) =>
  (text.match(/[\s\S]{1,2}/g) ?? []).map((t) => `<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');
const p = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs(text)}</w:p>`;

interface Tc {
  text?: string;
  span?: number;
  merge?: 'restart' | 'continue';
}
const tc = ({ text = '', span, merge }: Tc) =>
  `<w:tc><w:tcPr><w:tcW w:w="600" w:type="dxa"/>${span ? `<w:gridSpan w:val="${span}"/>` : ''}${merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : ''}</w:tcPr>${text ? p(text) : '<w:p/>'}</w:tc>`;
const tr = (cells: Tc[]) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map(tc).join('')}</w:tr>`;
const tbl = (rows: Tc[][]) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/>${rows.map(tr).join('')}</w:tbl>`;

const value = (report: Report, p: string): string => {
  const c = report.cells.get(p);
  return c?.state === 'number' ? String(c.value) : '';
};
/** "1.属于国家秘密" printed as "1、属于国家秘密", as many agencies do. */
const variant = (label: string) => label.replace(/^(\d)\./, '$1、');

function table3(def: FormatDef, report: Report): string {
  const rows = rowsUnder(def, '依申请公开');
  const columns = rows[0].node.cells;
  const out: Tc[][] = [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span: 3, merge: 'restart' }, { text: '申请人情况', span: 7 }],
    [{ span: 3, merge: 'continue' }, { text: '自然人', merge: 'restart' }, { text: '法人或其他组织', span: 5 }, { text: '总计', merge: 'restart' }],
    [{ span: 3, merge: 'continue' }, { merge: 'continue' }, ...columns.slice(1, 6).map((c) => ({ text: c.label.replace(/(..)(..)/, '$1\n$2') })), { merge: 'continue' }],
  ];
  const seen = new Set<string>();
  for (const loc of rows) {
    const values = loc.node.cells.map((c) => ({ text: value(report, `${loc.path}/${c.key}`) }));
    const first = (path: string) => (seen.has(path) ? 'continue' : (seen.add(path), 'restart'));
    if (loc.depth === 1) out.push([{ text: loc.node.label, span: 3 }, ...values]);
    else if (loc.depth === 2) {
      const top = loc.parent as NonNullable<typeof loc.parent>;
      out.push([{ text: seen.has(top.path) ? '' : top.node.label, merge: first(top.path) }, { text: loc.node.label, span: 2 }, ...values]);
    } else {
      const group = loc.parent as NonNullable<typeof loc.parent>;
      const top = group.parent as NonNullable<typeof group.parent>;
      out.push([
        { text: seen.has(top.path) ? '' : top.node.label, merge: first(top.path) },
        { text: seen.has(group.path) ? '' : group.node.label, merge: first(group.path) },
        { text: variant(loc.node.label) },
        ...values,
      ]);
    }
  }
  return tbl(out);
}

function table2(def: FormatDef, report: Report): string {
  const part = def.parts.find((x) => x.layout?.kind === 'captioned');
  assert.ok(part && part.node.kind === 'group');
  return part.node.children
    .map((child) => {
      const path = `${part.node.key}/${child.key}`;
      const cells = child.kind === 'row' ? child.cells : [child];
      const header = [{ text: '信息内容' }, ...cells.map((c) => ({ text: c.kind === 'cell' && c.valueLabel ? c.valueLabel : c.label }))];
      const values = child.kind === 'row' ? child.cells.map((c) => ({ text: value(report, `${path}/${c.key}`) })) : [{ text: value(report, path) }];
      return tbl([[{ text: '第二十条', span: cells.length + 1 }], header, [{ text: child.label }, ...values]]);
    })
    .join('');
}

function table4(def: FormatDef, report: Report): string {
  const rows: { path: string; node: RowNode }[] = rowsUnder(def, '复议诉讼');
  const head = rows[0].node.cells.map((c) => ({ text: c.label }));
  return tbl([
    [{ text: '行政复议', span: 5 }, { text: '行政诉讼', span: 10 }],
    [...head.map((h) => ({ ...h, merge: 'restart' as const })), { text: '未经复议直接起诉', span: 5 }, { text: '复议后起诉', span: 5 }],
    [...head.map(() => ({ merge: 'continue' as const })), ...head, ...head],
    rows.flatMap((r) => r.node.cells.map((c) => ({ text: value(report, `${r.path}/${c.key}`) }))),
  ]);
}

/** A .docx of `report`'s tables under the six headings, with some Word furniture around them. */
function docxOf(report: Report): Uint8Array {
  const def = report.format;
  const heading = (n: number) => def.parts.filter((x) => x.number)[n].node.label;
  const body = [
    p(`${report.agency}${report.year}年政府信息公开工作年度报告`, 'Title'),
    // A tracked deletion and a PAGE field: not text of the report.
    `<w:p><w:del w:id="1" w:author="x"><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>${runs('本报告根据条例编制。')}</w:p>`,
    p(heading(0), 'Heading1'),
    p('（一）主动公开'),
    p('本年度主动公开政府信息。'),
    p(heading(1), 'Heading1'),
    table2(def, report),
    p(heading(2), 'Heading1'),
    table3(def, report),
    p(heading(3), 'Heading1'),
    table4(def, report),
    p(heading(4), 'Heading1'),
    p('无。'),
    p(heading(5), 'Heading1'),
    p('无其他需要报告的事项。'),
  ].join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(xml),
  });
}

test('.docx: merged cells (gridSpan, vMerge), numbers in several runs, both formats', () => {
  for (const source of [example('clean-2024.xxgk.yaml'), example('baiyunlu-2023.xxgk.yaml'), fs.readFileSync(path.join(root, 'test', 'engine', 'fixtures', 'base-2019.xxgk.yaml'), 'utf8')]) {
    const original = check(source).report;
    const result = importReport({ kind: 'docx', data: docxOf(original) });
    assert.equal(result.format, original.format.id);
    assert.equal(result.year, original.year);
    const imported = checked(result);
    sameCells(original, imported, ['其他事项/']);
    assert.deepEqual(messages(result, 'unplaced'), '');
    assert.doesNotMatch(result.text, /删除的文字|PAGE/);
    assert.match(result.text, /\n前言: \|\n {2}本报告根据条例编制。\n/);
  }
});

test('.docx: not a ZIP, or a ZIP without a Word document, is an ImportError', () => {
  assert.throws(() => importReport({ kind: 'docx', data: strToU8('plain text') }), ImportError);
  assert.throws(() => importReport({ kind: 'docx', data: zipSync({ 'a.txt': strToU8('x') }) }), /word\/document\.xml/);
});
