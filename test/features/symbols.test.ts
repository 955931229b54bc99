/** Outline (sections → tables → row groups → rows) and folding ranges, with exact ranges. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver';
import { FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { check } from '../../server/src/engine/check';
import type { Analysis } from '../../server/src/engine/editor/analysis';
import { documentSymbols, foldingRanges } from '../../server/src/engine/editor/symbols';
import { i18n } from '../../server/src/engine/i18n/messages';
import { fixture } from '../helpers';

const text = fixture('features', 'symbols/report.xxgk.yaml');
const analyze = (t: string): Analysis => ({ text: t, result: check(t), t: i18n('zh-CN') });

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function child(symbols: DocumentSymbol[] | undefined, ...names: string[]): DocumentSymbol {
  let list = symbols ?? [];
  let found: DocumentSymbol | undefined;
  for (const name of names) {
    found = list.find((s) => s.name === name);
    assert.ok(found, `no symbol ${names.join(' › ')}`);
    list = found.children ?? [];
  }
  return found as DocumentSymbol;
}

test('top level: every written part in source order, with official labels and kinds', () => {
  const symbols = documentSymbols(analyze(text));
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail, s.kind]),
    [
      ['格式', undefined, SymbolKind.Property],
      ['年度', undefined, SymbolKind.Property],
      ['机关', undefined, SymbolKind.Property],
      ['总体情况', '一、总体情况', SymbolKind.String],
      ['主动公开', '二、主动公开政府信息情况', SymbolKind.Struct],
      ['依申请公开', '三、收到和处理政府信息公开申请情况', SymbolKind.Struct],
      ['复议诉讼', '四、政府信息公开行政复议、行政诉讼情况', SymbolKind.Struct],
      ['问题与改进', '五、存在的主要问题及改进情况', SymbolKind.String],
      ['其他事项', '六、其他需要报告的事项', SymbolKind.Module],
    ],
  );
});

test('ranges: key start to value end (trailing newline excluded); selection = key', () => {
  const symbols = documentSymbols(analyze(text));
  const table = child(symbols, '主动公开');
  assert.deepEqual(table.range, r(13, 0, 19, 15));
  assert.deepEqual(table.selectionRange, r(13, 0, 13, 4));
  const row = child(symbols, '依申请公开', '办理结果', '不予公开', '国家秘密');
  assert.equal(row.detail, '1.属于国家秘密');
  assert.equal(row.kind, SymbolKind.Array);
  assert.deepEqual(row.range, r(27, 6, 27, 74));
  assert.deepEqual(row.selectionRange, r(27, 6, 27, 10));
  const block = child(symbols, '复议诉讼', '行政诉讼', '复议后起诉');
  assert.deepEqual(block.range, r(55, 4, 60, 11));
  assert.equal(block.children, undefined, 'cells of a row are not listed');
  const prose = child(symbols, '问题与改进');
  assert.deepEqual(prose.range, r(61, 0, 65, 14));
});

test('tables nest row groups and rows in definition order; single-value cells are numbers', () => {
  const symbols = documentSymbols(analyze(text));
  assert.deepEqual(
    child(symbols, '依申请公开').children?.map((s) => [s.name, s.kind]),
    [
      ['本年新收', SymbolKind.Array],
      ['上年结转', SymbolKind.Array],
      ['办理结果', SymbolKind.Namespace],
      ['结转下年度', SymbolKind.Array],
    ],
  );
  assert.deepEqual(
    child(symbols, '依申请公开', '办理结果').children?.map((s) => s.name),
    ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计'],
  );
  assert.equal(child(symbols, '依申请公开', '办理结果', '总计').detail, '（七）总计');
  assert.deepEqual(
    child(symbols, '主动公开').children?.map((s) => [s.name, s.kind]),
    [
      ['规章', SymbolKind.Array],
      ['行政规范性文件', SymbolKind.Array],
      ['行政许可', SymbolKind.Number],
      ['行政处罚', SymbolKind.Number],
      ['行政强制', SymbolKind.Number],
      ['行政事业性收费', SymbolKind.Number],
    ],
  );
});

test('a section written as a list has one child per sub-section, named by its 标题', () => {
  const section = child(documentSymbols(analyze(text)), '总体情况');
  assert.deepEqual(
    section.children?.map((s) => [s.name, s.detail, s.range, s.selectionRange]),
    [
      ['（一）主动公开', undefined, r(5, 4, 6, 19), r(5, 8, 5, 15)],
      ['依申请公开', '（二）', r(7, 4, 10, 24), r(7, 8, 7, 13)],
    ],
  );
});

test('unwritten parts are absent; a broken file still outlines what parsed', () => {
  const partial = '年度: 2023\n复议诉讼:\n  行政复议: {结果维持: 1}\n';
  assert.deepEqual(
    documentSymbols(analyze(partial)).map((s) => [s.name, s.children?.map((c) => c.name)]),
    [
      ['年度', undefined],
      ['复议诉讼', ['行政复议']],
    ],
  );
  assert.deepEqual(documentSymbols(analyze('')), []);
});

test('folding: every multi-line mapping, list item and block scalar; comment runs; `#` inside text is not a comment', () => {
  assert.deepEqual(foldingRanges(analyze(text)), [
    { startLine: 4, endLine: 10 },
    { startLine: 5, endLine: 6 },
    { startLine: 7, endLine: 10 },
    { startLine: 8, endLine: 10 },
    { startLine: 11, endLine: 12, kind: FoldingRangeKind.Comment },
    { startLine: 13, endLine: 19 },
    { startLine: 20, endLine: 50 },
    { startLine: 23, endLine: 49 },
    { startLine: 26, endLine: 34 },
    { startLine: 35, endLine: 38 },
    { startLine: 39, endLine: 44 },
    { startLine: 45, endLine: 48 },
    { startLine: 51, endLine: 60 },
    { startLine: 53, endLine: 60 },
    { startLine: 55, endLine: 60 },
    { startLine: 61, endLine: 65 },
    { startLine: 66, endLine: 68 },
  ]);
});

test('folding and outline ranges are the same in a CRLF file', () => {
  const crlf = text.replace(/\n/g, '\r\n');
  assert.deepEqual(foldingRanges(analyze(crlf)), foldingRanges(analyze(text)));
  assert.deepEqual(documentSymbols(analyze(crlf)), documentSymbols(analyze(text)));
});
