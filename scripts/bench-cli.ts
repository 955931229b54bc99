/**
 * `npm run bench:cli`: throughput and memory of `xxgk check` (and `xxgk review`) on many reports.
 *
 *   1. generates 1,000 and 10,000 varied sources from the examples into a temp folder, in folders of
 *      500 (a region's departments): each its own 机关, some with an error (a row total changed),
 *      one in four with last year's report beside it (so the cross-year rules run);
 *   2. spawns `node bin/xxgk.js check <folder> --format json --jobs 1`, then with `--jobs <cores>`;
 *      wall time from the parent, peak RSS reported by the child on exit (process.resourceUsage,
 *      which counts every thread of the process);
 *   3. the physical floor of spreading the work, in the same run: <cores> separate processes, each
 *      `--jobs 1` on its share of the folders, started together (no threads, nothing shared);
 *   4. prints reports/s, the 10k/1k time ratio, the all-cores speed-up and the floor's.
 * Options: `--sizes=1000,10000`, `--command=check|review`, `--plain` (no `--jobs` flag: a CLI
 * from before it existed), `--generate=DIR` (only write the first size's reports into DIR),
 * `--rounds=N` (run every configuration N times, one after the other in turn, and summarise with
 * the median: the machine's speed drifts by up to 10 % between runs, so one run's ratio is noisy).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (arg('sizes') ?? '1000,10000').split(',').map(Number);
const COMMAND = arg('command') ?? 'check';
const PLAIN = process.argv.includes('--plain');
const ROUNDS = Math.max(1, Number(arg('rounds') ?? 1) || 1);
const CORES = os.availableParallelism();

const EXAMPLES = ['baiyunlu-2023', 'clean-2024', 'errors'].map((n) => fs.readFileSync(path.join(root, 'examples', `${n}.xxgk.yaml`), 'utf8'));

/** Report `i` of a region: its own 机关, its year; every 7th gets a wrong number. */
function variant(i: number, year: number): string {
  let text = EXAMPLES[i % 2 === 0 ? 1 : i % 3 === 0 ? 2 : 0]
    // The name only: the example with errors has a comment after it, which once left its name unchanged.
    .replace(/^机关: ([^#\n]*?)(\s*#.*)?$/m, (_, name: string, comment = '') => `机关: ${name.replace(/(办事处|局|政府)$/, `第${i}分$1`)}${comment}`)
    .replace(/^年度: \d+$/m, `年度: ${year}`);
  if (i % 7 === 3) text = text.replace(/总计: (\d+)\}/, (_, n: string) => `总计: ${Number(n) + 1}}`);
  return text;
}

function generate(dir: string, count: number): void {
  let made = 0;
  for (let folder = 0; made < count; folder++) {
    const sub = path.join(dir, `region-${String(folder).padStart(3, '0')}`);
    fs.mkdirSync(sub);
    for (let j = 0; j < 500 && made < count; j++, made++) {
      const i = folder * 500 + j;
      // One in four has last year's report beside it (counted in the total).
      if (i % 4 === 1 && made + 1 < count) {
        fs.writeFileSync(path.join(sub, `r${i}-2023.xxgk.yaml`), variant(i, 2023));
        made++;
      }
      fs.writeFileSync(path.join(sub, `r${i}-2024.xxgk.yaml`), variant(i, 2024));
    }
  }
}

/**
 * Writes the child's peak RSS (bytes) and CPU time (µs, every thread) to $XXGK_BENCH_RSS when it
 * exits. CPU time tells a slow machine (other work running) from slow code: wall time alone cannot.
 */
const HOOK = `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.XXGK_BENCH_RSS, JSON.stringify({ rss: u.maxRSS * 1024, cpu: u.userCPUTime + u.systemCPUTime })); });\n`;

interface Run {
  ms: number;
  rss: number;
  cpuMs: number;
  code: number | null;
  /** Separate processes run (a size with fewer folders than cores runs fewer). */
  processes?: number;
}

/**
 * One CLI child on `inputs` (`name` keeps its files apart from other children's): its peak RSS and
 * CPU time as it reported them on exit, and its exit code.
 */
function child(inputs: string[], jobs: number, tmp: string, name: string): Promise<{ rss: number; cpu: number; code: number | null }> {
  const hook = path.join(tmp, 'rss-hook.js');
  fs.writeFileSync(hook, HOOK);
  const rssFile = path.join(tmp, `rss-${name}.txt`);
  const out = path.join(tmp, `review-${name}`);
  fs.rmSync(out, { recursive: true, force: true });
  const args = COMMAND === 'review' ? ['review', ...inputs, '-o', out, '--quiet'] : ['check', ...inputs, '--format', 'json'];
  if (!PLAIN) args.push('--jobs', String(jobs));
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['--require', hook, path.join(root, 'bin', 'xxgk.js'), ...args], {
      env: { ...process.env, XXGK_BENCH_RSS: rssFile },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    c.on('close', (code) => resolve({ ...(JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { rss: number; cpu: number }), code }));
  });
}

async function run(dir: string, jobs: number, tmp: string): Promise<Run> {
  const start = performance.now();
  const { rss, cpu, code } = await child([dir], jobs, tmp, String(jobs));
  return { ms: performance.now() - start, rss, cpuMs: cpu / 1000, code };
}

/**
 * The floor threads are measured against: `n` processes started together, each checking its share
 * of the subfolders (split by file count) with `--jobs 1`. Wall time until the last ends; CPU time
 * summed; peak RSS summed (the processes' memory adds up as threads' does).
 */
async function runSplit(dir: string, n: number, tmp: string): Promise<Run> {
  const folders = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  const sizes = folders.map((f) => fs.readdirSync(f).length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const groups: string[][] = Array.from({ length: n }, () => []);
  let done = 0;
  folders.forEach((f, i) => {
    // Contiguous shares of about total / n files each.
    groups[Math.min(n - 1, Math.floor((done * n) / total))].push(f);
    done += sizes[i];
  });
  const start = performance.now();
  const results = await Promise.all(groups.filter((g) => g.length > 0).map((group, i) => child(group, 1, tmp, `split-${i}`)));
  const ms = performance.now() - start;
  return {
    ms,
    rss: results.reduce((a, r) => a + r.rss, 0),
    cpuMs: results.reduce((a, r) => a + r.cpu, 0) / 1000,
    code: results.find((r) => r.code !== 0 && r.code !== 1)?.code ?? results[0].code,
    processes: results.length,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<number> {
  // `--generate=DIR --sizes=N`: only write the reports (to run the CLI on them by hand).
  const only = arg('generate');
  if (only) {
    fs.mkdirSync(only, { recursive: true });
    generate(only, SIZES[0]);
    return 0;
  }
  if (!fs.existsSync(path.join(root, 'dist', 'cli.js'))) {
    console.error('dist/cli.js is not built: run `npm run build` first (npm run bench:cli does).');
    return 2;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-bench-cli-'));
  try {
    console.log(`xxgk ${COMMAND}; node ${process.version}, ${CORES} core(s), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log('');
    console.log('| reports | jobs | wall time | reports/s | CPU time | CPU ms/report | peak RSS | exit |');
    console.log('|---|---|---|---|---|---|---|---|');
    // Every run's wall time, per size and configuration (`1`, the cores, `split`), in round order.
    const times = new Map<string, number[]>();
    const record = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms]);
    const splitProcesses = new Map<number, number>();
    const configs = PLAIN ? [1] : [...new Set([1, CORES])];
    for (const size of SIZES) {
      const dir = path.join(tmp, `in-${size}`);
      fs.mkdirSync(dir);
      generate(dir, size);
      const row = (label: string, r: Run) =>
        console.log(
          `| ${size} | ${label} | ${(r.ms / 1000).toFixed(1)} s | ${((size * 1000) / r.ms).toFixed(0)} | ${(r.cpuMs / 1000).toFixed(1)} s | ${(r.cpuMs / size).toFixed(1)} | ${mb(r.rss)} | ${r.code} |`,
        );
      for (let round = 0; round < ROUNDS; round++) {
        const tag = ROUNDS > 1 ? ` (round ${round + 1})` : '';
        for (const jobs of configs) {
          const r = await run(dir, jobs, tmp);
          record(`${size}/${jobs}`, r.ms);
          row((PLAIN ? '(plain)' : String(jobs)) + tag, r);
        }
        if (!PLAIN && CORES > 1) {
          const r = await runSplit(dir, CORES, tmp);
          record(`${size}/split`, r.ms);
          splitProcesses.set(size, r.processes ?? CORES);
          row(`${r.processes} processes${tag}`, r);
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log('');
    if (ROUNDS > 1) console.log(`Medians of ${ROUNDS} rounds; each round's own ratio in brackets.`);
    const median = (xs: number[] | undefined) => {
      if (!xs?.length) return undefined;
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    };
    const each = (a: number[] | undefined, b: number[] | undefined) =>
      ROUNDS > 1 && a && b ? ` [${a.map((x, i) => (x / b[i]).toFixed(2)).join(', ')}]` : '';
    const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
    for (const jobs of configs) {
      const a = median(times.get(`${small}/${jobs}`));
      const b = median(times.get(`${large}/${jobs}`));
      if (a && b && large !== small) console.log(`jobs ${jobs}: ${large} reports take ${(b / a).toFixed(2)}× the time of ${small} (linear: ${(large / small).toFixed(1)}×)`);
    }
    if (!PLAIN && CORES > 1) {
      for (const size of SIZES) {
        const [ones, alls, splits] = [times.get(`${size}/1`), times.get(`${size}/${CORES}`), times.get(`${size}/split`)];
        const [one, all, split] = [median(ones), median(alls), median(splits)];
        if (one && all) console.log(`${size} reports: ${CORES} cores give ${(one / all).toFixed(2)}× the single-core throughput${each(ones, alls)}`);
        if (one && all && split)
          console.log(
            `${size} reports: ${splitProcesses.get(size)} separate processes give ${(one / split).toFixed(2)}× (the floor)${each(ones, splits)}; threads reach ${((100 * split) / all).toFixed(0)} % of its speed${each(splits, alls)}`,
          );
      }
    }
    return 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main().then((code) => process.exit(code));
