/**
 * `npm run bench:import`: how long `xxgk import <folder> -o <dir>` takes on 50 mixed documents, and
 * how much memory it holds (files are imported one at a time, so the peak should not grow with the
 * number of files).
 *
 *   1. builds a folder of 50 documents: the two real PDFs, and from the examples .docx through the exporter, .html through
 *      the renderer (each with another 机关, so no two are alike), and .txt copies of the real
 *      published texts of test/import/fixtures;
 *   2. spawns `node bin/xxgk.js import <folder> -o <dir> --locale en` once, and once on a single
 *      .docx of the folder for comparison; wall time from the parent, peak RSS (maxRSS) reported by
 *      the child itself on exit through a preloaded hook (no /usr/bin/time needed);
 *   3. prints the figures; exit 1 when the import did not write 50 sources.
 * Options: `--files=50`, `--runs=3` (the median run is reported).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from '../server/src/engine/check';
import { exportDocx } from '../server/src/engine/export/docx';
import { renderPage } from '../server/src/engine/render/html';
import { option } from './bench-common';

const root = path.resolve(__dirname, '..', '..');
const FILES = option('files', 50);
const RUNS = Math.max(1, option('runs', 3));

const EXAMPLES = ['baiyunlu-2023', 'clean-2024', 'errors'].map((n) => fs.readFileSync(path.join(root, 'examples', `${n}.xxgk.yaml`), 'utf8'));
const FIXTURES = path.join(root, 'test', 'import', 'fixtures');
const TEXTS = [
  path.join(FIXTURES, 'reference', 'real-reports', '05-huaian-shizhengfu-2024.txt'),
  path.join(FIXTURES, 'reference', 'real-reports', '06-shanghai-kewei-2024.txt'),
  path.join(FIXTURES, 'reference', 'real-reports', '08-shanghai-bangongting-2025.txt'),
  path.join(FIXTURES, 'reference', 'baiyunlu-2023-published.txt'),
  path.join(FIXTURES, 'jiangzhou-2020-format2019.txt'),
];
/** Real published PDFs (WPS-made): every fourth document is one of them. */
const PDFS = [path.join(FIXTURES, 'reference', 'real-docs', 'hongze-2024.pdf'), path.join(FIXTURES, 'reference', 'real-docs', 'huaian-shizhengfu-2024.pdf')];

/** The example with another reporting body, so every generated document differs. */
function variant(source: string, i: number): string {
  return source.replace(/^机关: (.+)$/m, (_, name: string) => `机关: ${name.replace(/(办事处|局|政府)$/, `第${i}分$1`)}`);
}

async function buildFolder(dir: string): Promise<Record<string, number>> {
  const kinds: Record<string, number> = { docx: 0, html: 0, txt: 0, pdf: 0 };
  for (let i = 0; i < FILES; i++) {
    const kind = (['docx', 'html', 'txt', 'pdf'] as const)[i % 4];
    const name = path.join(dir, `${String(i).padStart(2, '0')}-report.${kind}`);
    if (kind === 'txt') fs.copyFileSync(TEXTS[i % TEXTS.length], name);
    else if (kind === 'pdf') fs.copyFileSync(PDFS[i % PDFS.length], name);
    else {
      const { report } = check(variant(EXAMPLES[i % EXAMPLES.length], i));
      fs.writeFileSync(name, kind === 'docx' ? await exportDocx(report) : renderPage(report));
    }
    kinds[kind]++;
  }
  return kinds;
}

/** Writes the child's peak RSS (bytes) to $XXGK_BENCH_RSS when it exits. */
const HOOK = `process.on('exit', () => require('node:fs').writeFileSync(process.env.XXGK_BENCH_RSS, String(process.resourceUsage().maxRSS * 1024)));\n`;

interface Run {
  ms: number;
  rss: number;
  code: number | null;
  summary: string;
}

function runImport(args: string[], tmp: string): Run {
  const hook = path.join(tmp, 'rss-hook.js');
  const rssFile = path.join(tmp, 'rss.txt');
  fs.writeFileSync(hook, HOOK);
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, path.join(root, 'bin', 'xxgk.js'), 'import', ...args, '--force', '--locale', 'en'], {
    encoding: 'utf8',
    env: { ...process.env, XXGK_BENCH_RSS: rssFile },
  });
  const ms = performance.now() - start;
  const summary = r.stderr.trimEnd().split('\n').pop() ?? '';
  return { ms, rss: Number(fs.readFileSync(rssFile, 'utf8')), code: r.status, summary };
}

const median = (runs: Run[]) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    console.error('dist/cli.js is not built: run `npm run build` first (npm run bench:import does).');
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-import-'));
  try {
    const inputs = path.join(tmp, 'in');
    const out = path.join(tmp, 'out');
    fs.mkdirSync(inputs);
    const kinds = await buildFolder(inputs);
    const bytes = fs.readdirSync(inputs).reduce((n, f) => n + fs.statSync(path.join(inputs, f)).size, 0);
    const one = path.join(inputs, fs.readdirSync(inputs).find((f) => f.endsWith('.docx')) as string);
    const many: Run[] = [];
    const single: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      many.push(runImport([inputs, '-o', out], tmp));
      single.push(runImport([one, '-o', path.join(tmp, 'one.xxgk.yaml')], tmp));
    }
    const m = median(many);
    const s = median(single);
    const written = fs.readdirSync(out).filter((f) => f.endsWith('.xxgk.yaml')).length;
    console.log(`input: ${FILES} documents (${kinds.pdf} .pdf, ${kinds.docx} .docx, ${kinds.html} .html, ${kinds.txt} .txt), ${mb(bytes)}; ${RUNS} run(s), median shown`);
    console.log(`node ${process.version}, ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log('');
    console.log('| run | wall time | per file | peak RSS | exit |');
    console.log('|---|---|---|---|---|');
    console.log(`| xxgk import <folder of ${FILES}> -o <dir> | ${m.ms.toFixed(0)} ms | ${(m.ms / FILES).toFixed(1)} ms | ${mb(m.rss)} | ${m.code} |`);
    console.log(`| xxgk import <one .docx> | ${s.ms.toFixed(0)} ms | — | ${mb(s.rss)} | ${s.code} |`);
    console.log('');
    console.log(`summary line: ${m.summary}`);
    console.log(`sources written: ${written}`);
    console.log(`all runs (ms): folder ${many.map((r) => r.ms.toFixed(0)).join(', ')}; one file ${single.map((r) => r.ms.toFixed(0)).join(', ')}`);
    return written === FILES && m.code === 0 ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
