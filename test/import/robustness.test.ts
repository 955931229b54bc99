/**
 * Whatever the input, the importer returns a source that is valid YAML of the format (no syntax
 * error, no unknown key): seeded random documents made of report fragments, markup and junk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { check } from '../../server/src/engine/check';
import { ImportError, importReport } from '../../server/src/engine/import';
import { prng } from '../helpers';


const PIECES = [
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '某某局2024年政府信息公开工作年度报告', '规章', '行政规范性文件',
  '行政许可', '本年制发件数', '本年新制作数量', '政府集中采购', '（三）不予公开', '1.属于国家秘密', '（六）其他处理', '3.其他',
  '（七）总计', '四、结转下年度继续办理', '结果维持', '总计', '0', '12', '—', '无', '22（其中修订16件）', '1 1', '-3', '3.5',
  ' | ', '\t', '\n', '\n\n', '|---|', '| ', ' |', '〔分页〕', '-2-', 'key: value', '"', "'", '#', '&amp;', '<td>', '</td>',
  '<tr>', '</tr>', '<table>', '</table>', '<p>', '<br>', '<td rowspan="3">', '<td colspan="99999">', '\u0000', '\u2028', '💡', '：', '｛',
];

function document(next: () => number): string {
  const n = Math.floor(next() * 200);
  let out = '';
  for (let i = 0; i < n; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

test('random documents never break the importer or the YAML it writes', () => {
  const next = prng(20240501);
  const kinds: ('text' | 'html')[] = ['text', 'html'];
  for (let i = 0; i < 300; i++) {
    const kind = kinds[i % kinds.length];
    const data = document(next);
    const result = importReport({ kind, data });
    const bad = check(result.text).diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'unknown-key');
    assert.deepEqual(bad, [], `${kind} #${i}: ${JSON.stringify(data)}\n${result.text}`);
  }
});

test('random .docx bodies: read or refused with an ImportError, never another exception', () => {
  const next = prng(7);
  for (let i = 0; i < 50; i++) {
    const body = document(next).replace(/<(\/?)(td|tr|table|p)>/g, '<$1w:$2>').replace(/<w:td/g, '<w:tc').replace(/<\/w:td/g, '</w:tc');
    const xml = `<w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`;
    try {
      const result = importReport({ kind: 'docx', data: zipSync({ 'word/document.xml': strToU8(xml) }) });
      assert.deepEqual(check(result.text).diagnostics.filter((d) => d.code === 'yaml-syntax'), []);
    } catch (e) {
      assert.ok(e instanceof ImportError, String(e));
    }
  }
});
