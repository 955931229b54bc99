/**
 * `npm run bench:hostile`: every hostile-input case of the CLI and import tests, each run by the
 * bundled `xxgk` in its own child process (test/measure.ts), printed as a Markdown table: the case,
 * its outcome (exit code and the start of its message), wall time and peak resident memory.
 * The inputs come from test/hostileInputs.ts, the builders the tests use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanReport, blankRunsText, deepHtml, docxBomb, docxHugeGridSpan, docxNestedTables, folder, hugeSpanHtml, mkfifo, pdfFixture, sparseFile, withRef, wrappedProseText } from '../test/hostileInputs';
import { measureXxgk } from '../test/measure';
import { root } from '../test/helpers';

interface Case {
  label: string;
  /** Builds the input in `dir`; returns the xxgk arguments (and the folder to run in). */
  setup(dir: string): { args: string[]; cwd?: string } | undefined;
}

const unix = process.platform !== 'win32';
const clean = cleanReport();
const write = (dir: string, name: string, data: string | Buffer) => {
  fs.writeFileSync(path.join(dir, name), data);
  return path.join(dir, name);
};
const checkWithRef = (ref: string): Case => ({
  label: `check, 上年报告: ${ref}`,
  setup: (dir) => (write(dir, 'this.xxgk.yaml', withRef(ref)), { args: ['check', dir, '--locale', 'en'], cwd: dir }),
});

const cases: Case[] = [
  // CLI file access (test/cli/hostile.test.ts)
  ...['/dev/zero', '/dev/stdin', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\host\\share\\x.xxgk.yaml', '//host/share/x.xxgk.yaml', '../outside-2023.xxgk.yaml', 'notes.txt'].map(checkWithRef),
  {
    label: 'check, 上年报告: a FIFO',
    setup: (dir) => (unix && mkfifo(path.join(dir, 'pipe.xxgk.yaml')) ? { args: ['check', write(dir, 'this.xxgk.yaml', withRef('pipe.xxgk.yaml')), '--locale', 'en'], cwd: dir } : undefined),
  },
  {
    label: 'check a folder with a FIFO and a /dev/zero link named *.xxgk.yaml',
    setup: (dir) => {
      if (!unix || !mkfifo(path.join(dir, 'pipe.xxgk.yaml'))) return undefined;
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.xxgk.yaml'));
      write(dir, 'this.xxgk.yaml', clean);
      return { args: ['check', dir], cwd: dir };
    },
  },
  { label: 'check /dev/zero', setup: () => (unix ? { args: ['check', '/dev/zero'] } : undefined) },
  { label: 'check a FIFO', setup: (dir) => (unix && mkfifo(path.join(dir, 'p.xxgk.yaml')) ? { args: ['check', path.join(dir, 'p.xxgk.yaml')] } : undefined) },
  { label: 'import a FIFO named .docx', setup: (dir) => (unix && mkfifo(path.join(dir, 'p.docx')) ? { args: ['import', path.join(dir, 'p.docx'), '-o', '-'] } : undefined) },
  { label: 'check a 1 GB sparse file', setup: (dir) => ({ args: ['check', sparseFile(path.join(dir, 'big.xxgk.yaml'), 1024 ** 3)] }) },
  { label: 'import a 1 GB sparse .txt', setup: (dir) => ({ args: ['import', sparseFile(path.join(dir, 'big.txt'), 1024 ** 3), '-o', '-'] }) },
  { label: 'render -o an existing file', setup: (dir) => ({ args: ['render', write(dir, 'r.xxgk.yaml', clean), '-o', write(dir, 'old.html', 'keep')] }) },
  { label: 'render -o its own input --force', setup: (dir) => ({ args: ['render', write(dir, 'r.xxgk.yaml', clean), '-o', path.join(dir, 'r.xxgk.yaml'), '--force'] }) },
  {
    label: 'render -o a symbolic link',
    setup: (dir) => {
      if (!unix) return undefined;
      fs.symlinkSync(write(dir, 'precious.txt', 'keep'), path.join(dir, 'link.html'));
      return { args: ['render', write(dir, 'r.xxgk.yaml', clean), '-o', path.join(dir, 'link.html')] };
    },
  },
  { label: 'render a file that cannot be parsed', setup: (dir) => ({ args: ['render', write(dir, 'broken.xxgk.yaml', '年度: [2024\n机关: 某局\n')] }) },
  {
    label: 'check, control characters (OSC 52, clear screen, bidi)',
    setup: (dir) => ({
      args: ['check', write(dir, 'c.xxgk.yaml', clean.replace('行政许可: 15236', '行政许可: "\u001b]52;c;ZWNobyBoaQ==\u0007"') + '"\u001b[2J\u001b[H\u202e键": 1\n')],
    }),
  },
  { label: 'check a GBK file', setup: (dir) => ({ args: ['check', write(dir, 'gbk.xxgk.yaml', Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x3a, 0x20, 0x32, 0x30, 0x32, 0x34, 0x0a]))] }) },
  { label: 'check a CR-only file', setup: (dir) => ({ args: ['check', write(dir, 'cr.xxgk.yaml', clean.replace(/\n/g, '\r'))] }) },
  ...['1e400', '.inf', '9'.repeat(5000)].map((v) => ({
    label: `check 行政许可: ${v.length > 8 ? `${v.slice(0, 4)}… (${v.length} digits)` : v}`,
    setup: (dir: string) => ({ args: ['check', write(dir, 'a.xxgk.yaml', clean.replace('行政许可: 15236', `行政许可: ${v}`))] }),
  })),
  // Importer (test/import/hostile.test.ts, savedPage.test.ts, pdf.test.ts)
  { label: 'import a .docx inflating to 200 MB', setup: (dir) => ({ args: ['import', docxBomb(path.join(dir, 'bomb.docx')), '-o', '-'] }) },
  { label: 'import 100,000 nested w:tbl', setup: (dir) => ({ args: ['import', docxNestedTables(path.join(dir, 'nested.docx')), '-o', '-'] }) },
  { label: 'import a w:gridSpan of 100,000,000', setup: (dir) => ({ args: ['import', docxHugeGridSpan(path.join(dir, 'span.docx')), '-o', '-'] }) },
  { label: 'import 200,000 tabs and blank runs (.txt)', setup: (dir) => ({ args: ['import', write(dir, 'blank-runs.txt', blankRunsText()), '-o', '-'] }) },
  { label: 'import 1.9 MB of wrapped prose lines (.txt)', setup: (dir) => ({ args: ['import', write(dir, 'wrapped.txt', wrappedProseText()), '-o', '-'] }) },
  { label: 'import 60,000 nested div/span (.html)', setup: (dir) => ({ args: ['import', write(dir, 'deep.html', deepHtml()), '-o', '-'] }) },
  { label: 'import 2,000 cells spanning 100,000 rows and columns (.html)', setup: (dir) => ({ args: ['import', write(dir, 'spans.html', hugeSpanHtml()), '-o', '-'] }) },
  { label: 'import a scanned PDF (no text layer)', setup: () => ({ args: ['import', pdfFixture('scan-no-text.pdf'), '-o', '-'] }) },
  { label: 'import an encrypted PDF', setup: () => ({ args: ['import', pdfFixture('encrypted.pdf'), '-o', '-'] }) },
  {
    label: 'import a damaged PDF (cut at 20 KB)',
    setup: (dir) => ({
      args: ['import', write(dir, 'cut.pdf', fs.readFileSync(path.join(root, 'test', 'import', 'fixtures', 'reference', 'real-docs', 'hongze-2024.pdf')).subarray(0, 20_000)), '-o', '-'],
    }),
  },
  { label: 'import a 65 MB sparse PDF', setup: (dir) => ({ args: ['import', sparseFile(path.join(dir, 'big.pdf'), 65 * 1024 * 1024), '-o', '-'] }) },
];

/** The first line of what the case said (stderr first: refusals go there), shortened for the table. */
function said(out: string, err: string, dir: string): string {
  // The case's temporary folder and the repository are the same on every run: named, not spelled out.
  const line = ((err.trim() || out.trim()).split('\n')[0] ?? '').split(dir).join('DIR').split(root).join('.');
  const oneLine = line.replace(/\|/g, '\\|').replace(/[\u0000-\u001f]/g, ' ');
  return oneLine.length > 90 ? `${oneLine.slice(0, 89)}…` : oneLine;
}

const rows: string[] = [];
for (const c of cases) {
  const dir = folder({}, 'xxgk-bench-hostile-');
  try {
    const run = c.setup(dir);
    if (!run) {
      rows.push(`| ${c.label} | not run on this platform | | |`);
      continue;
    }
    const r = measureXxgk(c.label, run.args, { cwd: run.cwd, timeoutMs: 60_000 });
    const outcome = r.timedOut ? 'killed after 60 s' : `exit ${r.code}: ${said(r.out, r.err, dir)}`;
    rows.push(`| ${c.label} | ${outcome} | ${Math.round(r.ms)} | ${Number.isNaN(r.peakMb) ? '—' : Math.round(r.peakMb)} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write('.');
}
process.stderr.write('\n');
console.log(['| case | outcome (exit code: message start) | time ms | peak RSS MB |', '|---|---|---:|---:|', ...rows].join('\n'));
