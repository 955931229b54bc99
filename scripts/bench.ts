/**
 * `npm run bench`: how fast the engine and the CLI check reports.
 *
 *   1. check() on examples/clean-2024.xxgk.yaml, in process: median and p95 of 2,000 runs
 *      (after 200 warm-up runs);
 *   2. check() on 1,000 different generated reports in one process: reports/s;
 *   3. `node bin/xxgk.js check <folder of those 1,000 files> --format json`, spawned once: files/s
 *      (skipped, with a note, when dist/cli.js is not built or the CLI fails);
 *   4. check() against the bare `yaml` parseDocument of the same text (the floor: a full check
 *      re-parses the text), on clean-2024, on the real example baiyunlu-2023 and on the 5,002-line
 *      text of bench-lsp: the two are timed alternately in the same run, so the machine's load
 *      weighs on both alike;
 *   5. the goals, with PASS/FAIL. The exit code is 1 when a goal fails.
 *
 * `--ratio`: only step 4 (and its goals).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { check } from '../server/src/engine/check';
import { synthetic } from './bench-common';

const root = path.resolve(__dirname, '..', '..');
const WARMUP = 200;
const RUNS = 2_000;
const REPORTS = 1_000;
const GOAL_MEDIAN_MS = 2;
const GOAL_REPORTS_PER_S = 500;
const GOAL_PARSE_RATIO = 1.3;
const RATIO_ROUNDS = 7;

/** Median over rounds of (median check() time / median parseDocument time), timed alternately. */
function parseRatio(text: string, runs: number): { ratio: number; check: number; parse: number } {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const checks: number[] = [];
  const parses: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(runs, 20); i++) {
    check(text);
    parseDocument(text);
  }
  for (let r = 0; r < RATIO_ROUNDS; r++) {
    const c: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      parseDocument(text);
      p.push(performance.now() - t0);
      t0 = performance.now();
      check(text);
      c.push(performance.now() - t0);
    }
    checks.push(med(c));
    parses.push(med(p));
    ratios.push(med(c) / med(p));
  }
  return { ratio: med(ratios), check: med(checks), parse: med(parses) };
}

/** Deterministic PRNG (mulberry32): the same 1,000 reports on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A variant of the clean example with other numbers, totals and prose kept consistent: table 2
 * figures are replaced everywhere they occur (table and prose), and `d` more 自然人 applications
 * are received and granted (本年新收, 予以公开 and （七）总计 rows, their 总计, and the prose).
 */
function variant(clean: string, rand: () => number): string {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  let text = clean;
  for (const n of ['15236', '2871', '143']) text = text.split(n).join(String(int(100, 99_999)));
  text = text.split('125.36').join((rand() * 500).toFixed(2));
  const d = int(0, 400);
  const bump = (row: RegExp, person: number, total: number) => {
    text = text.replace(row, (line) => line.replace(`自然人: ${person},`, `自然人: ${person + d},`).replace(`总计: ${total}}`, `总计: ${total + d}}`));
  };
  bump(/^ {2}本年新收: .*$/m, 52, 67);
  bump(/^ {4}予以公开: .*$/m, 23, 31);
  bump(/^ {4}总计: .*$/m, 51, 66);
  return text.replace('申请67件', `申请${67 + d}件`).replace('办结66件', `办结${66 + d}件`).replace('予以公开31件', `予以公开${31 + d}件`);
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const rate = (n: number, msTotal: number) => Math.round((n * 1000) / msTotal);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

const ratioOnly = process.argv.includes('--ratio');

function main(): void {
  const clean = fs.readFileSync(path.join(root, 'examples', 'clean-2024.xxgk.yaml'), 'utf8');
  const real = fs.readFileSync(path.join(root, 'examples', 'baiyunlu-2023.xxgk.yaml'), 'utf8');
  if (ratioOnly) {
    const ratios = parseRatios(clean, real);
    printRows(ratioRows(ratios));
    if (ratios.some(([, r]) => r.ratio > GOAL_PARSE_RATIO)) process.exitCode = 1;
    return;
  }

  // (1) One report, many times.
  for (let i = 0; i < WARMUP; i++) check(clean);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    check(clean);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);

  // (2) 1,000 different reports, once each (generation is not timed).
  const rand = prng(2024);
  const reports = Array.from({ length: REPORTS }, () => variant(clean, rand));
  let withFindings = 0;
  const t0 = performance.now();
  for (const text of reports) if (check(text).diagnostics.length > 0) withFindings++;
  const perSecond = rate(REPORTS, performance.now() - t0);

  // (3) The CLI on a folder of the same 1,000 files, end to end (start-up included).
  let cli = 'skipped: dist/cli.js is not built (run npm run build)';
  let cliRate: number | undefined;
  if (fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-'));
    try {
      reports.forEach((text, i) => fs.writeFileSync(path.join(dir, `r${String(i).padStart(4, '0')}.xxgk.yaml`), text));
      const c0 = performance.now();
      const run = spawnSync(process.execPath, [path.join(root, 'bin', 'xxgk.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const wall = performance.now() - c0;
      let files = -1;
      try {
        files = (JSON.parse(run.stdout) as { files: unknown[] }).files.length;
      } catch {
        /* reported below */
      }
      // Exit 0 (no errors) or 1 (errors found) with every file in the JSON; anything else is a broken build.
      if ((run.status === 0 || run.status === 1) && files === REPORTS) cliRate = rate(REPORTS, wall);
      else cli = `skipped: the CLI failed (exit ${run.status}, ${files} files in output): ${(run.stderr || '').split('\n')[0]}`;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  // (4) check() / parseDocument on the same text.
  const ratios = parseRatios(clean, real);

  // (5) The table.
  const medianOk = median < GOAL_MEDIAN_MS;
  const rateOk = perSecond >= GOAL_REPORTS_PER_S;
  const rows: [string, string, string, string][] = [
    ['measure', 'value', 'goal', 'result'],
    [`check() clean-2024, median of ${RUNS}`, ms(median), `< ${GOAL_MEDIAN_MS} ms`, medianOk ? 'PASS' : 'FAIL'],
    [`check() clean-2024, p95`, ms(p95), '', ''],
    [`check() ${REPORTS} generated reports`, `${perSecond} reports/s`, `>= ${GOAL_REPORTS_PER_S}/s`, rateOk ? 'PASS' : 'FAIL'],
    [`xxgk check --format json, ${REPORTS} files`, cliRate !== undefined ? `${cliRate} files/s` : '-', '', ''],
    ...ratioRows(ratios),
  ];
  printRows(rows);
  console.log(`(${withFindings} of ${REPORTS} generated reports have diagnostics)`);
  if (cliRate === undefined) console.log(`CLI: ${cli}`);
  if (!medianOk || !rateOk || ratios.some(([, r]) => r.ratio > GOAL_PARSE_RATIO)) process.exitCode = 1;
}

type Ratio = ReturnType<typeof parseRatio>;

/** Step 4 on the three texts. */
function parseRatios(clean: string, real: string): [string, Ratio][] {
  return [
    ['clean-2024', parseRatio(clean, 200)],
    ['baiyunlu-2023 (real report)', parseRatio(real, 200)],
    ['5,002 lines', parseRatio(synthetic(clean, 984), 15)],
  ];
}

function ratioRows(ratios: [string, Ratio][]): [string, string, string, string][] {
  return ratios.map(([name, r]) => [
    `check() / yaml parseDocument, ${name}`,
    `${r.ratio.toFixed(3)} (${ms(r.check)} / ${ms(r.parse)})`,
    `<= ${GOAL_PARSE_RATIO}`,
    r.ratio <= GOAL_PARSE_RATIO ? 'PASS' : 'FAIL',
  ]);
}

function printRows(body: [string, string, string, string][]): void {
  const rows: [string, string, string, string][] = body[0][0] === 'measure' ? body : [['measure', 'value', 'goal', 'result'], ...body];
  const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`xxgk-report bench: Node ${process.version}, ${os.cpus().length} cores, ${os.platform()} ${os.arch()}`);
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(width[c])).join('  ').trimEnd());
}

main();
