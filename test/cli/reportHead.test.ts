/**
 * Reading a sibling's 年度 and 机关 from the top of its file (node/reportHead.ts) gives what the whole
 * text gives, and picking last year's file among many siblings (previousReportPath) keeps its rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeSource, previousReportPath, readHead } from '../../server/src/engine';
import type { Report, SiblingHead } from '../../server/src/engine';
import { readFileHead } from '../../server/src/node/reportHead';
import { legacyBytes } from '../import/helpers';

function withFiles(files: Record<string, string | Uint8Array>, body: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-head-'));
  try {
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A comment line of `n` bytes in UTF-8 (three per character), newline included. */
const comment = (n: number) => `# ${'说'.repeat(Math.floor((n - 3) / 3))}${'x'.repeat((n - 3) % 3)}\n`;
const body = '政府信息公开情况:\n  主动公开: 这里是正文。\n'.repeat(200);

test('the head read from the top of a file is the head of the whole text', () => {
  const files: Record<string, string | Uint8Array> = {
    // Both keys at the top of a long file: only the top is needed.
    'top.xxgk.yaml': `年度: 2023\n机关: 江州市交通运输局\n${body}`,
    // A long comment first: 机关 comes after the first 4,096 bytes.
    'late.xxgk.yaml': `年度: 2023\n${comment(5000)}机关: 江州市财政局\n${body}`,
    // The 机关 line starts before byte 4,096 and ends after it: the top's last whole line ends before it.
    'straddle.xxgk.yaml': `年度: 2022\n${comment(4096 - 9 - 8)}机关: 江州市跨界局\n${body}`,
    // The same with a 机关 in Latin letters: the top ends inside the line at a character boundary.
    'latin.xxgk.yaml': `年度: 2022\n${comment(4096 - 13 - 10)}机关: Jiangzhou Transport Bureau\n${body}`,
    // A character cut by the 4,096th byte, and a byte-order mark.
    'cut.xxgk.yaml': `\ufeff${comment(4095)}年度: 2021\n机关：江州市切分局\n${body}`,
    // Only one key anywhere: the whole text is read, and the answer is the same.
    'one.xxgk.yaml': `年度: 2020\n${body}`,
    // The first of two 年度 lines wins, in the top as in the whole.
    'twice.xxgk.yaml': `年度: 2019\n年度: 2018\n机关: 江州市重复局\n${body}`,
    // A short file is read whole.
    'short.xxgk.yaml': '年度: 2024\n机关: "江州市 # 短局"\n',
    // GBK bytes: not UTF-8, so the whole file is decoded as a source is.
    'gbk.xxgk.yaml': legacyBytes(`年度: 2023\n机关: 江州市旧编码局\n${body}`, 'gb18030'),
    // UTF-8 at the top, a stray GBK byte further down: the top reads as the whole text's lenient UTF-8 does.
    'stray.xxgk.yaml': Buffer.concat([Buffer.from(`年度: 2023\n机关: 江州市混排局\n${body}`), Buffer.from([0xc4, 0x0a])]),
  };
  withFiles(files, (dir) => {
    for (const name of Object.keys(files)) {
      const file = path.join(dir, name);
      const whole = readHead(decodeSource(fs.readFileSync(file)).text);
      assert.deepEqual(readFileHead(file), whole, name);
    }
    assert.deepEqual(readFileHead(path.join(dir, 'late.xxgk.yaml')), { year: 2023, agency: '江州市财政局' });
    assert.deepEqual(readFileHead(path.join(dir, 'straddle.xxgk.yaml')), { year: 2022, agency: '江州市跨界局' });
    assert.deepEqual(readFileHead(path.join(dir, 'latin.xxgk.yaml')), { year: 2022, agency: 'Jiangzhou Transport Bureau' });
    assert.deepEqual(readFileHead(path.join(dir, 'cut.xxgk.yaml')), { year: 2021, agency: '江州市切分局' });
    assert.deepEqual(readFileHead(path.join(dir, 'gbk.xxgk.yaml')), { year: 2023, agency: '江州市旧编码局' });
    assert.deepEqual(readFileHead(path.join(dir, 'twice.xxgk.yaml')), { year: 2019, agency: '江州市重复局' });
  });
});

test('a sibling that is not a readable regular file has no head', () => {
  withFiles({}, (dir) => {
    fs.mkdirSync(path.join(dir, 'folder.xxgk.yaml'));
    assert.equal(readFileHead(path.join(dir, 'folder.xxgk.yaml')), undefined);
    assert.equal(readFileHead(path.join(dir, 'missing.xxgk.yaml')), undefined);
  });
});

test('last year among many siblings: same 机关 and 年度 − 1, the first by name, never the file itself', () => {
  // Only 年度, 机关 and 上年报告 are looked at.
  const report = (year: number, agency: string) => ({ year, agency }) as Report;
  const dir = path.join(os.tmpdir(), 'region');
  const siblings: SiblingHead[] = [];
  for (let i = 0; i < 3000; i++) siblings.push({ path: path.join(dir, `r${i}-2023.xxgk.yaml`), year: 2023, agency: `江州市第${i}局` });
  siblings.push({ path: path.join(dir, 'z-2023.xxgk.yaml'), year: 2023, agency: '江州市第7局' });
  siblings.push({ path: path.join(dir, 'a-2023.xxgk.yaml'), year: 2023, agency: '江州市第7局' });
  siblings.push({ path: path.join(dir, 'no-year.xxgk.yaml'), agency: '江州市第9999局' });
  const list = () => siblings;
  assert.equal(previousReportPath(report(2024, '江州市第7局'), path.join(dir, 'r7-2024.xxgk.yaml'), list), path.join(dir, 'a-2023.xxgk.yaml'));
  assert.equal(previousReportPath(report(2024, '江州市第2999局'), path.join(dir, 'x.xxgk.yaml'), list), path.join(dir, 'r2999-2023.xxgk.yaml'));
  // The same list asked again (an edge keeps it): the same answers, and none for a 机关 not there.
  assert.equal(previousReportPath(report(2024, '江州市第7局'), path.join(dir, 'r7-2024.xxgk.yaml'), list), path.join(dir, 'a-2023.xxgk.yaml'));
  assert.equal(previousReportPath(report(2024, '江州市第9999局'), path.join(dir, 'r9999-2024.xxgk.yaml'), list), undefined);
  assert.equal(previousReportPath(report(2025, '江州市第7局'), path.join(dir, 'r7-2025.xxgk.yaml'), list), undefined);
  // A report is never its own last year, even with 年度 matching.
  const self = path.join(dir, 'r5-2023.xxgk.yaml');
  assert.equal(previousReportPath(report(2024, '江州市第5局'), self, () => [{ path: self, year: 2023, agency: '江州市第5局' }]), undefined);
});
