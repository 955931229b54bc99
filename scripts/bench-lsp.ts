/**
 * Language-server benchmark (`npm run bench:lsp`): our server (dist/server.js) against
 * yaml-language-server with the generated JSON Schema, both over stdio, in one run.
 *
 *   1. didChange → publishDiagnostics with our debounce set to 0 (pure check + transfer);
 *   2. completion (inside a flow row; on an empty line under 办理结果) and hover (on a 总计 value);
 *   3. the same didChange → publishDiagnostics on yaml-language-server, minus its fixed
 *      validation delay (read from its source; it has no setting), and our time as a ratio of its;
 *   4. the RSS of a fresh server process with 200 different reports open.
 *
 * Texts: examples/clean-2024.xxgk.yaml and a generated ~5,000-line report (the example with a long
 * 总体情况 list; still a valid report). Every wait has a timeout; both servers are always killed.
 *
 * Options: --n=200 (changes / requests per measurement), --warmup=20, --json=<file>.
 * Exit code: 0 all goals met, 1 a goal missed, 2 the run failed, 3 the run timed out.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ConfigurationParams, Diagnostic, InitializeParams, Position } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { option, synthetic } from './bench-common';
import { killAllServers, LspSession } from './lsp-session';

const root = path.resolve(__dirname, '..', '..');
const OUR_SERVER = path.join(root, 'dist', 'server.js');
const PEER_DIR = path.join(root, 'node_modules', 'yaml-language-server');
const PEER_SERVER = path.join(PEER_DIR, 'bin', 'yaml-language-server');
const SCHEMA = path.join(root, 'schemas', 'report-2021.schema.json');
const EXAMPLE = path.join(root, 'examples', 'clean-2024.xxgk.yaml');

// ---------------------------------------------------------------------------------------------
// Options and goals

const N = option('n', 200);
const WARMUP = option('warmup', 20);
const DOCS_FOR_MEMORY = 200;
const JSON_OUT = process.argv.find((a) => a.startsWith('--json='))?.slice('--json='.length);

const GOAL_P95_MS = 20;
const GOAL_RATIO = 0.2;
const GOAL_RSS_MB = 150;

/** Failsafe for a single wait (a 5,000-line validation on a busy 2-core box stays far below). */
const WAIT_MS = 30_000;
/** Failsafe for the whole run: kill everything and fail rather than hang. */
const RUN_MS = 15 * 60_000;

// ---------------------------------------------------------------------------------------------
// Texts

/** The cell alternated by the change loop: 予以公开·自然人 23 ↔ 24 (24 breaks two sums: 2 errors). */
const CELL_PREFIX = '予以公开: {自然人: ';
const CELL_VALUES = ['24', '23'] as const;

/**
 * The text for the "empty line under 办理结果" completion: a blank, indented line right under the
 * key, and the omissible 办理结果·总计 row dropped so that there is something to offer (still valid).
 */
function completionVariant(text: string): { text: string; position: Position } {
  const key = '  办理结果:\n';
  const at = text.indexOf(key);
  if (at === -1) throw new Error('no 办理结果');
  let out = text.slice(0, at + key.length) + '    \n' + text.slice(at + key.length);
  out = out.replace(/^ {4}总计: \{[^\n]*\n/m, '');
  const line = out.slice(0, at).split('\n').length; // the line after the key (0-based)
  return { text: out, position: { line, character: 4 } };
}

function positionOf(text: string, find: string, delta: number): Position {
  const at = text.indexOf(find);
  if (at === -1) throw new Error(`not in text: ${find}`);
  return TextDocument.create('x:', 'x', 0, text).positionAt(at + delta);
}

/** The i-th of the memory reports: the example with other numbers (and still valid). */
function memoryReport(base: string, i: number): string {
  return base
    .replace('机关: 江州市交通运输局', `机关: 江州市交通运输局第${i}分局`)
    .replace('行政许可: 15236', `行政许可: ${15236 + i}`)
    .replace('行政处罚: 2871', `行政处罚: ${2871 + 3 * i}`)
    .replace('行政强制: 143', `行政强制: ${143 + (i % 50)}`);
}

// ---------------------------------------------------------------------------------------------
// Either server, through the LSP session shared with the protocol tests

async function startServer(
  name: string,
  args: string[],
  languageId: string,
  params: Partial<InitializeParams>,
  configuration?: (p: ConfigurationParams) => unknown[],
): Promise<LspSession> {
  const session = new LspSession(args, { name, languageId, timeoutMs: WAIT_MS, configuration });
  await session.initialize(params);
  return session;
}

const killAll = killAllServers;
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, median: (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2, p95: rank(0.95), max: s[s.length - 1] };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * didChange → publishDiagnostics, `warmup` + `n` times, alternating the cell. `versioned`: the
 * server reports the version (ours), so the right publish is matched exactly; otherwise (the peer)
 * the next publish for the uri is taken, which is exact too since one change is pending at a time.
 * `delay` is subtracted from every sample. `check` sees each result (a sanity check on its content).
 */
async function changeLatency(
  c: LspSession,
  uri: string,
  opts: { versioned: boolean; delay: number; n: number; warmup: number; check?: (value: string, d: Diagnostic[]) => void },
): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < opts.warmup + opts.n; i++) {
    const text = c.text(uri);
    const at = text.indexOf(CELL_PREFIX) + CELL_PREFIX.length;
    const old = text.slice(at, at + 2);
    const value = old === CELL_VALUES[0] ? CELL_VALUES[1] : CELL_VALUES[0];
    const version = c.version(uri) + 1;
    const got = c.published((p) => p.uri === uri && (!opts.versioned || p.version === version), `diagnostics after change ${i} of ${uri}`);
    const t0 = performance.now();
    await c.edit(uri, at, at + 2, value);
    const p = await got;
    const dt = performance.now() - t0 - opts.delay;
    opts.check?.(value, p.diagnostics);
    if (i >= opts.warmup) samples.push(dt);
  }
  return stats(samples);
}

async function requestLatency(c: LspSession, method: string, params: object, n: number, warmup: number): Promise<{ stats: Stats; items: number }> {
  const samples: number[] = [];
  let items = 0;
  for (let i = 0; i < warmup + n; i++) {
    const t0 = performance.now();
    const r = await c.request<unknown>(method, params);
    const dt = performance.now() - t0;
    if (i === 0) items = countResult(r);
    if (i >= warmup) samples.push(dt);
  }
  return { stats: stats(samples), items };
}

/** Completion items, or 1 for a hover with contents. */
function countResult(r: unknown): number {
  if (!r) return 0;
  if (Array.isArray(r)) return r.length;
  if (typeof r === 'object' && r !== null && 'items' in r && Array.isArray((r as { items: unknown[] }).items)) return (r as { items: unknown[] }).items.length;
  if (typeof r === 'object' && r !== null && 'contents' in r) return 1;
  return 0;
}

function rssOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(/^(\w+):\s+(\d+) kB/m.exec(status.split('\n').find((l) => l.startsWith(key + ':')) ?? '')?.[2]);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** The fixed validation delay of yaml-language-server, read from its source (no setting exists). */
function peerDelay(): { ms: number; where: string } {
  const file = path.join(PEER_DIR, 'out', 'src', 'yamlSettings.js');
  const m = /this\.validationDelayMs\s*=\s*(\d+)/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) throw new Error(`validationDelayMs not found in ${file}: check how the peer schedules validation`);
  const handler = fs.readFileSync(path.join(PEER_DIR, 'out', 'src', 'languageserver', 'handlers', 'validationHandlers.js'), 'utf8');
  if (!/setTimeout\([\s\S]*?this\.yamlSettings\.validationDelayMs\)/.test(handler)) throw new Error('the peer no longer schedules validation with setTimeout(validationDelayMs)');
  return { ms: Number(m[1]), where: path.relative(root, file) };
}

// ---------------------------------------------------------------------------------------------
// The run

interface FileResult {
  name: string;
  lines: number;
  ours: Stats;
  peer: Stats;
  ourCompletionRow: { stats: Stats; items: number };
  ourCompletionEmpty: { stats: Stats; items: number };
  ourHover: { stats: Stats; items: number };
  peerCompletionRow: { stats: Stats; items: number };
  peerCompletionEmpty: { stats: Stats; items: number };
  peerHover: { stats: Stats; items: number };
  peerDiagnostics: number;
}

interface Positions {
  row: Position;
  hover: Position;
  empty: { text: string; position: Position };
}

function positions(text: string): Positions {
  return {
    // Just after the `{` of the 部分公开 row (its 总计 is omitted: offered there).
    row: positionOf(text, '部分公开: {', '部分公开: {'.length),
    // On the value of 办理结果·总计·总计 (the whole computation in the hover).
    hover: positionOf(text, '总计: 66}', '总计: '.length),
    empty: completionVariant(text),
  };
}

const BENCH_DIR = 'file:///tmp/xxgk-bench';

async function main(): Promise<void> {
  for (const f of [OUR_SERVER, PEER_SERVER, SCHEMA, EXAMPLE]) if (!fs.existsSync(f)) throw new Error(`missing ${path.relative(root, f)} (run npm run build / npm install)`);
  const example = fs.readFileSync(EXAMPLE, 'utf8');
  const big = synthetic(example, 984);
  const files = [
    { name: 'clean-2024 example', text: example },
    { name: 'synthetic report', text: big },
  ];
  const delay = peerDelay();
  const peerVersion = (JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'package.json'), 'utf8')) as { version: string }).version;
  const schemaUrl = pathToFileURL(SCHEMA).href;
  const cpus = os.cpus();

  console.log('xxgk language server benchmark');
  console.log(`  machine: ${cpus.length} × ${cpus[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`  texts: ${files.map((f) => `${f.name} ${f.text.split('\n').length} lines / ${(Buffer.byteLength(f.text) / 1024).toFixed(0)} KiB`).join('; ')}`);
  console.log(`  N = ${N} (+${WARMUP} warm-up) per measurement; peer: yaml-language-server ${peerVersion}, fixed validation delay ${delay.ms} ms (${delay.where}) subtracted`);
  console.log();

  const results: FileResult[] = [];
  const partial: Partial<FileResult>[] = files.map((f) => ({ name: f.name, lines: f.text.split('\n').length }));

  // --- 1, 2: our server --------------------------------------------------------------------------
  const ours = await startServer('xxgk', [OUR_SERVER], 'xxgk-report', {
    initializationOptions: { validation: { debounce: 0 } },
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true } } },
  });
  try {
    for (const [i, f] of files.entries()) {
      const uri = `${BENCH_DIR}/ours-${i}.xxgk.yaml`;
      const variantUri = `${BENCH_DIR}/ours-${i}-empty-line.xxgk.yaml`;
      const pos = positions(f.text);
      const opened = ours.published((p) => p.uri === uri && p.version === 1, `open ${uri}`);
      await ours.open(uri, f.text);
      const first = await opened;
      if (first.diagnostics.length) throw new Error(`${f.name}: expected a clean report, got ${first.diagnostics.map((d) => d.code).join(', ')}`);
      const openedVariant = ours.published((p) => p.uri === variantUri && p.version === 1, `open ${variantUri}`);
      await ours.open(variantUri, pos.empty.text);
      await openedVariant;
      const result = partial[i];
      result.ours = await changeLatency(ours, uri, {
        versioned: true,
        delay: 0,
        n: N,
        warmup: WARMUP,
        // 24 breaks the row sum and the outcome total; 23 is the clean value.
        check: (value, d) => {
          const want = value === '24' ? 2 : 0;
          if (d.length !== want) throw new Error(`ours: ${want} diagnostics expected with ${value}, got ${d.map((x) => x.code).join(', ') || 'none'}`);
        },
      });
      result.ourCompletionRow = await requestLatency(ours, 'textDocument/completion', { textDocument: { uri }, position: pos.row }, N, WARMUP);
      result.ourCompletionEmpty = await requestLatency(ours, 'textDocument/completion', { textDocument: { uri: variantUri }, position: pos.empty.position }, N, WARMUP);
      result.ourHover = await requestLatency(ours, 'textDocument/hover', { textDocument: { uri }, position: pos.hover }, N, WARMUP);
      console.log(`  ours  ${f.name}: didChange→diagnostics median ${ms(result.ours.median)} ms, p95 ${ms(result.ours.p95)} ms`);
    }
  } finally {
    await ours.stop();
  }

  // --- 3: yaml-language-server --------------------------------------------------------------------
  const yamlSettings = {
    schemas: { [schemaUrl]: '*.xxgk.yaml' },
    validate: true,
    hover: true,
    completion: true,
    schemaStore: { enable: false, url: '' },
    format: { enable: false },
  };
  let configured = 0;
  const peer = await startServer(
    'yaml-language-server',
    [PEER_SERVER],
    'yaml',
    // No workspace.configuration capability: the server then validates without asking the client
    // for `[yaml]` settings before every run (one round trip less for it). It still pulls `yaml`.
    { capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } },
    (p) => {
      configured++;
      return p.items.map((item) => (item.section === 'yaml' ? yamlSettings : item.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}));
    },
  );
  try {
    // Verify that it validates against the schema: a wrong type must give a schema diagnostic.
    await peer.within(
      (async () => {
        while (configured === 0) await sleep(10);
      })(),
      'the peer pulling its configuration',
    );
    const wrongUri = `${BENCH_DIR}/peer-wrong-type.xxgk.yaml`;
    const wrong = example.replace('年度: 2024', '年度: 二〇二四');
    const wrongLine = positionOf(wrong, '年度: 二〇二四', 0).line;
    let verified: Diagnostic | undefined;
    const deadline = performance.now() + WAIT_MS;
    let got = peer.published((p) => p.uri === wrongUri, 'peer: diagnostics of the wrong-type document');
    await peer.open(wrongUri, wrong);
    while (!verified) {
      const p = await got;
      verified = p.diagnostics.find((d) => d.range.start.line === wrongLine && /integer|type/i.test(typeof d.message === 'string' ? d.message : ''));
      if (verified) break;
      if (performance.now() > deadline) throw new Error(`peer does not validate against the schema: ${JSON.stringify(p.diagnostics)}`);
      // The schema association may have landed after the first run: change the text and look again.
      got = peer.published((p) => p.uri === wrongUri, 'peer: diagnostics of the wrong-type document');
      const t = peer.text(wrongUri);
      await peer.edit(wrongUri, t.length, t.length, '\n');
    }
    console.log(`  peer  schema validation verified: line ${verified.range.start.line + 1} “${verified.message}” (source ${verified.source})`);
    await peer.close(wrongUri);

    for (const [i, f] of files.entries()) {
      const uri = `${BENCH_DIR}/peer-${i}.xxgk.yaml`;
      const variantUri = `${BENCH_DIR}/peer-${i}-empty-line.xxgk.yaml`;
      const pos = positions(f.text);
      const opened = peer.published((p) => p.uri === uri, `peer: open ${uri}`);
      await peer.open(uri, f.text);
      const first = await opened;
      const openedVariant = peer.published((p) => p.uri === variantUri, `peer: open ${variantUri}`);
      await peer.open(variantUri, pos.empty.text);
      await openedVariant;
      const result = partial[i];
      result.peerDiagnostics = first.diagnostics.length;
      result.peer = await changeLatency(peer, uri, { versioned: false, delay: delay.ms, n: N, warmup: WARMUP });
      result.peerCompletionRow = await requestLatency(peer, 'textDocument/completion', { textDocument: { uri }, position: pos.row }, N, WARMUP);
      result.peerCompletionEmpty = await requestLatency(peer, 'textDocument/completion', { textDocument: { uri: variantUri }, position: pos.empty.position }, N, WARMUP);
      result.peerHover = await requestLatency(peer, 'textDocument/hover', { textDocument: { uri }, position: pos.hover }, N, WARMUP);
      console.log(`  peer  ${f.name}: didChange→diagnostics median ${ms(result.peer.median)} ms, p95 ${ms(result.peer.p95)} ms (after −${delay.ms} ms)`);
      results.push(result as FileResult);
    }
  } finally {
    await peer.stop();
  }

  // --- 4: memory with 200 open reports, in a fresh process -----------------------------------------
  const mem = await startServer('xxgk', [OUR_SERVER], 'xxgk-report', { initializationOptions: { validation: { debounce: 0 } }, capabilities: {} });
  let memory: { baseline?: { rss: number; hwm: number }; loaded?: { rss: number; hwm: number }; docs: number };
  try {
    await mem.request('textDocument/hover', { textDocument: { uri: `${BENCH_DIR}/none.xxgk.yaml` }, position: { line: 0, character: 0 } });
    const baseline = rssOf(mem.pid);
    const uris = Array.from({ length: DOCS_FOR_MEMORY }, (_, i) => `${BENCH_DIR}/memory-${i}.xxgk.yaml`);
    const pending = new Set(uris);
    let stopListening: () => void = () => undefined;
    const all = mem.within(
      new Promise<void>((resolve) => {
        stopListening = mem.onPublish((p) => {
          pending.delete(p.uri);
          if (!pending.size) resolve();
        });
      }),
      `memory: diagnostics for all ${DOCS_FOR_MEMORY} reports`,
      WAIT_MS * 4,
    ).finally(() => stopListening());
    for (const [i, uri] of uris.entries()) await mem.open(uri, memoryReport(example, i));
    await all;
    // Settle: a round trip through the server's queue, then a moment for it to go idle.
    await mem.request('textDocument/hover', { textDocument: { uri: uris[0] }, position: positionOf(example, '总计: 66}', 4) });
    await sleep(1000);
    memory = { baseline, loaded: rssOf(mem.pid), docs: DOCS_FOR_MEMORY };
  } finally {
    await mem.stop();
  }

  // --- 5: the table -----------------------------------------------------------------------------
  const rows: string[][] = [['measurement', 'median ms', 'p95 ms', 'max ms', 'items']];
  const line = (label: string, s: Stats, items?: number) => rows.push([label, ms(s.median), ms(s.p95), ms(s.max), items === undefined ? '' : String(items)]);
  for (const r of results) {
    rows.push([`— ${r.name} (${r.lines} lines)`, '', '', '', '']);
    line('  ours  didChange→diagnostics', r.ours);
    line(`  peer  didChange→diagnostics (−${delay.ms})`, r.peer, r.peerDiagnostics);
    line('  ours  completion, flow row', r.ourCompletionRow.stats, r.ourCompletionRow.items);
    line('  peer  completion, flow row', r.peerCompletionRow.stats, r.peerCompletionRow.items);
    line('  ours  completion, empty line', r.ourCompletionEmpty.stats, r.ourCompletionEmpty.items);
    line('  peer  completion, empty line', r.peerCompletionEmpty.stats, r.peerCompletionEmpty.items);
    line('  ours  hover on 总计', r.ourHover.stats, r.ourHover.items);
    line('  peer  hover on 总计', r.peerHover.stats, r.peerHover.items);
  }
  console.log();
  printTable(rows);
  console.log('  items: completion items / hover present (1) of the first response; for the peer\'s diagnostics, how many the clean text gets');

  const goals: string[][] = [['goal', 'measured', 'target', 'result']];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const ex = results[0];
  goals.push(['ours didChange→diagnostics p95, example', `${ms(ex.ours.p95)} ms`, `≤ ${GOAL_P95_MS} ms`, verdict(ex.ours.p95 <= GOAL_P95_MS)]);
  for (const r of results) {
    const ratio = r.ours.median / r.peer.median;
    goals.push([`ratio ours/peer (medians), ${r.name}`, `${ratio.toFixed(3)} (p95s: ${(r.ours.p95 / r.peer.p95).toFixed(3)})`, `≤ ${GOAL_RATIO}`, verdict(ratio <= GOAL_RATIO)]);
  }
  for (const r of results) {
    // Not a goal: what a user sees, the peer's fixed delay included.
    const ratio = r.ours.median / (r.peer.median + delay.ms);
    goals.push([`  info: same, peer's ${delay.ms} ms delay kept, ${r.name}`, ratio.toFixed(3), '', 'info']);
  }
  const rss = memory.loaded?.rss;
  goals.push([
    `ours RSS with ${memory.docs} reports open`,
    rss === undefined ? 'n/a (no /proc)' : `${rss.toFixed(1)} MB (baseline ${memory.baseline?.rss.toFixed(1)} MB, peak ${memory.loaded?.hwm.toFixed(1)} MB)`,
    `≤ ${GOAL_RSS_MB} MB`,
    rss === undefined ? 'n/a' : verdict(rss <= GOAL_RSS_MB),
  ]);
  console.log();
  printTable(goals);

  if (JSON_OUT) {
    fs.writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, cpus: cpus.length, n: N, warmup: WARMUP, peerVersion, peerDelayMs: delay.ms, results, memory }, null, 2) + '\n');
    console.log(`\n  wrote ${JSON_OUT}`);
  }
  if (goals.slice(1).some((g) => g[3] === 'FAIL')) process.exitCode = 1;
}

/** Display width: CJK characters take two columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => width(r[j]))));
  for (const [i, r] of rows.entries()) {
    console.log('  ' + r.map((c, j) => (j === 0 ? c + ' '.repeat(widths[j] - width(c)) : ' '.repeat(widths[j] - width(c)) + c)).join('  '));
    if (i === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench-lsp: no result after ${RUN_MS / 60_000} min; killing the servers`);
  killAll();
  process.exit(3);
}, RUN_MS);
watchdog.unref();

main().then(
  () => {
    clearTimeout(watchdog);
  },
  (e: unknown) => {
    console.error(`bench-lsp failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    killAll();
    process.exit(2);
  },
);
