/**
 * `xxgk review` on a folder that mixes sources, real published texts, a real PDF and a broken
 * document: the overview page (as a DOM: rows, links, sorting, filtering), the review pages, the
 * imported sources, tables.csv and tables.xlsx read back cell for cell, and the same bytes whatever
 * `--jobs` is. Expected numbers are the documents' own, read from them by hand.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { check } from '../../server/src/engine';
import { root } from '../helpers';

const REFERENCE = path.join(root, 'test', 'import', 'fixtures', 'reference');

function xxgk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp = '';
let input = '';
let out1 = '';
let out2 = '';
let run1: ReturnType<typeof xxgk>;
let inputsBefore: string[] = [];

const listing = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-review-'));
  input = path.join(tmp, 'region');
  fs.mkdirSync(path.join(input, 'sub'), { recursive: true });
  const clean = fs.readFileSync(path.join(root, 'examples', 'clean-2024.xxgk.yaml'), 'utf8');
  fs.writeFileSync(path.join(input, 'jiangzhou-2024.xxgk.yaml'), clean);
  // Last year's report of the same 机关, one number changed: 行政许可 15236 → 15000.
  fs.writeFileSync(path.join(input, 'sub', 'jiangzhou-2023.xxgk.yaml'), clean.replace('年度: 2024', '年度: 2023').replace('行政许可: 15236', '行政许可: 15000'));
  fs.copyFileSync(path.join(REFERENCE, 'real-reports', '05-huaian-shizhengfu-2024.txt'), path.join(input, 'huaian-2024.txt'));
  fs.copyFileSync(path.join(REFERENCE, 'real-docs', 'hongze-2024.pdf'), path.join(input, 'hongze-2024.pdf'));
  fs.writeFileSync(path.join(input, 'broken.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));
  inputsBefore = listing(input);
  out1 = path.join(tmp, 'review-1');
  out2 = path.join(tmp, 'review-2');
  run1 = xxgk('review', input, '-o', out1, '--jobs', '1');
  xxgk('review', input, '-o', out2, '--jobs', '2');
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('review: every output, nothing beside the inputs, the same bytes with 1 and 2 threads', () => {
  // The broken document fails the run (exit 1); the others are still reviewed.
  assert.equal(run1.code, 1, run1.err);
  assert.match(run1.out, /共 5 份报告，1 份无法读取/);
  assert.deepEqual(listing(input), inputsBefore);
  const files = listing(out1);
  for (const f of ['index.html', 'tables.csv', 'tables.xlsx', 'jiangzhou-2024.html', 'jiangzhou-2023.html', 'huaian-2024.html', 'huaian-2024.xxgk.yaml', 'hongze-2024.html', 'hongze-2024.xxgk.yaml']) {
    assert.ok(files.includes(f), `${f} in ${files.join(', ')}`);
  }
  // A broken document has no page; sources are not copied.
  assert.ok(!files.includes('broken.html') && !files.includes('jiangzhou-2024.xxgk.yaml'), files.join(', '));
  assert.deepEqual(listing(out2), files);
  for (const f of files) assert.ok(fs.readFileSync(path.join(out1, f)).equals(fs.readFileSync(path.join(out2, f))), `${f} differs between --jobs 1 and --jobs 2`);
});

test('review: the imported sources are reports (the PDF and the text, as published)', () => {
  const hongze = check(fs.readFileSync(path.join(out1, 'hongze-2024.xxgk.yaml'), 'utf8'));
  assert.equal(hongze.report.agency, '淮安市洪泽区人民政府');
  assert.equal(hongze.report.year, 2024);
  assert.ok(!hongze.diagnostics.some((d) => d.code === 'yaml-syntax'));
});

interface Dom {
  document: Document;
  window: { happyDOM: { close(): Promise<void>; waitUntilComplete(): Promise<void> } };
}

async function load(file: string): Promise<Dom> {
  const { Window } = await import('happy-dom');
  const window = new Window({ url: 'file:///review/index.html', settings: { enableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  const document = window.document as unknown as Document;
  document.write(fs.readFileSync(file, 'utf8'));
  // The inline script may run after write() returns: wait for the page to settle.
  await window.happyDOM.waitUntilComplete();
  return { document, window };
}

test('review: index.html lists every input, links to each page and source, sorts and filters', async () => {
  const html = fs.readFileSync(path.join(out1, 'index.html'), 'utf8');
  // Self-contained: nothing is loaded from anywhere, the script is allowed by its hash only.
  assert.doesNotMatch(html, /<(?:link|img|iframe)\b|\bsrc=|https?:\/\/(?!schemas)/);
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/]+=*'/);
  const { document, window } = await load(path.join(out1, 'index.html'));
  try {
    const rows = Array.from(document.querySelectorAll('#reports tbody tr')) as HTMLTableRowElement[];
    assert.equal(rows.length, 5);
    const byAgency = new Map(rows.map((r) => [r.cells[0].textContent ?? '', r]));
    assert.deepEqual(rows.map((r) => r.cells[0].textContent ?? '').sort(), [path.join(input, 'broken.docx'), '江州市交通运输局', '江州市交通运输局', '淮安市人民政府', '淮安市洪泽区人民政府'].sort());
    const failed = rows.filter((r) => r.classList.contains('failed'));
    assert.equal(failed.length, 1);
    assert.match(failed[0].cells[4].textContent ?? '', /^失败/);
    // Every link of the table points at a file that exists (pages, sources, inputs).
    const links = Array.from(document.querySelectorAll('#reports a')).map((a) => a.getAttribute('href') ?? '');
    assert.ok(links.length >= 9, links.join(' '));
    for (const href of links) assert.ok(fs.existsSync(path.join(out1, decodeURIComponent(href))), href);
    // Each report page links back and to its source; the PDF's source is its import, in the review folder.
    const hongze = byAgency.get('淮安市洪泽区人民政府') as HTMLTableRowElement;
    assert.equal(hongze.cells[1].textContent, '2024');
    assert.equal(hongze.cells[0].querySelector('a')?.getAttribute('href'), 'hongze-2024.html');
    const page = fs.readFileSync(path.join(out1, 'hongze-2024.html'), 'utf8');
    assert.match(page, /<a href="hongze-2024\.xxgk\.yaml" class="source">/);
    assert.match(page, /<a href="index\.html" class="back">/);
    assert.match(page, /<aside class="review-side"[^>]*><h2>问题 \(\d+\)<\/h2><ol>/);
    // 2024 of 江州 is paired with 2023 (same 机关, the year before), found in a subfolder.
    const jz = rows.filter((r) => r.cells[0].textContent === '江州市交通运输局');
    const jz2024 = jz.find((r) => r.cells[1].textContent === '2024') as HTMLTableRowElement;
    assert.equal(jz2024.cells[8].querySelector('a')?.getAttribute('href'), 'jiangzhou-2023.html');
    // Sorting by the 年度 column: ascending, then descending.
    const yearHeader = document.querySelectorAll('#reports thead th')[1] as HTMLElement;
    yearHeader.click();
    const years = () => Array.from(document.querySelectorAll('#reports tbody tr')).map((r) => (r as HTMLTableRowElement).cells[1].textContent);
    assert.deepEqual(years(), ['', '2023', '2024', '2024', '2024']);
    yearHeader.click();
    assert.deepEqual(years(), ['2024', '2024', '2024', '2023', '']);
    // Filtering: only the rows whose text matches stay visible.
    const filter = document.getElementById('filter') as HTMLInputElement;
    filter.value = '洪泽';
    filter.dispatchEvent(new (document.defaultView as unknown as { Event: typeof Event }).Event('input'));
    const visible = Array.from(document.querySelectorAll('#reports tbody tr')).filter((r) => !(r as HTMLElement).hidden);
    assert.deepEqual(visible.map((r) => (r as HTMLTableRowElement).cells[0].textContent), ['淮安市洪泽区人民政府']);
    assert.equal(document.getElementById('shown')?.textContent, '1');
  } finally {
    await window.happyDOM.close();
  }
});

/** RFC 4180 CSV to rows of strings. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    }
    else field += c;
  }
  return rows;
}

/** The sheet of an .xlsx as rows of strings (inline strings and numbers, by cell reference). */
function readXlsx(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) assert.ok(files[part], part);
  const xml = strFromU8(files['xl/worksheets/sheet1.xml']);
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const rows: string[][] = [];
  for (const m of xml.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)) {
    const row: string[] = [];
    for (const c of m[2].matchAll(/<c r="([A-Z]+)\d+"(?: t="inlineStr")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)) row[col(c[1])] = c[2] ?? unescape(c[3]);
    rows[Number(m[1]) - 1] = Array.from(row, (v) => v ?? '');
  }
  return rows;
}

test('review: tables.csv (UTF-8 with BOM) and tables.xlsx hold the same cells, numbers as the documents print them', () => {
  const csvText = fs.readFileSync(path.join(out1, 'tables.csv'), 'utf8');
  assert.equal(csvText.charCodeAt(0), 0xfeff);
  const csv = parseCsv(csvText.slice(1));
  const xlsx = readXlsx(fs.readFileSync(path.join(out1, 'tables.xlsx')));
  assert.equal(xlsx.length, csv.length);
  // Cell for cell (trailing empty cells are not written in the sheet).
  csv.forEach((row, r) => {
    const sheet = xlsx[r];
    row.forEach((value, c) => assert.equal(sheet[c] ?? '', value, `row ${r + 1}, column ${c + 1}`));
  });
  const header = csv[0];
  const at = (row: string[], cell: string) => row[header.indexOf(cell)];
  assert.deepEqual(header.slice(0, 6), ['机关', '年度', '格式', '源文件', '错误', '警告']);
  // 4 reports (the broken document has no row), a total per 年度, one change since last year.
  assert.equal(csv.length, 1 + 4 + 2 + 1);
  const row = (agency: string, year: string) => csv.find((r) => r[0] === agency && r[1] === year) as string[];
  // 05-huaian-shizhengfu-2024.txt, read by hand: 规章 1 · 0 · 11; 行政许可 447228; 收费 96171.6; 本年新收 3001 … 3119.
  const huaian = row('淮安市人民政府', '2024');
  assert.deepEqual(['主动公开/规章/本年制发', '主动公开/规章/本年废止', '主动公开/规章/现行有效'].map((c) => at(huaian, c)), ['1', '0', '11']);
  assert.equal(at(huaian, '主动公开/行政许可'), '447228');
  assert.equal(at(huaian, '主动公开/行政事业性收费'), '96171.6');
  assert.equal(at(huaian, '依申请公开/本年新收/自然人'), '3001');
  assert.equal(at(huaian, '依申请公开/本年新收/总计'), '3119');
  // hongze-2024.pdf, read by hand: 行政许可 9487, 行政处罚 2776, 本年新收 总计 95.
  const hongze = row('淮安市洪泽区人民政府', '2024');
  assert.equal(at(hongze, '主动公开/行政许可'), '9487');
  assert.equal(at(hongze, '主动公开/行政处罚'), '2776');
  assert.equal(at(hongze, '依申请公开/本年新收/总计'), '95');
  // The 2024 total: 447228 + 9487 + 15236.
  const total = csv.find((r) => r[0] === '合计（2024年度）') as string[];
  assert.equal(at(total, '主动公开/行政许可'), '471951');
  assert.equal(at(csv.find((r) => r[0] === '合计（2023年度）') as string[], '主动公开/行政许可'), '15000');
  // 江州 2024 against 2023: 15236 − 15000; an unchanged cell reads 0.
  const change = csv.find((r) => r[1] === '2024年度较2023年度增减') as string[];
  assert.equal(change[0], '江州市交通运输局');
  assert.equal(at(change, '主动公开/行政许可'), '236');
  assert.equal(at(change, '主动公开/行政处罚'), '0');
});

test('review: a second run into a folder inside the inputs does not review its own output', () => {
  const inner = path.join(input, 'review-out');
  const first = xxgk('review', input, '-o', inner, '--jobs', '1', '--locale', 'en');
  const second = xxgk('review', input, '-o', inner, '--jobs', '1', '--locale', 'en');
  assert.match(first.out, /^5 report\(s\), 1 could not be read/);
  assert.equal(second.out, first.out);
  fs.rmSync(inner, { recursive: true });
});

test('review: usage errors exit 2 (no -o, nothing to review)', () => {
  assert.equal(xxgk('review', input).code, 2);
  const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
  assert.equal(xxgk('review', empty, '-o', path.join(tmp, 'x')).code, 2);
});
