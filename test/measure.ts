/**
 * Runs the bundled `xxgk` in a child process with a time limit, and reports its exit code, output,
 * wall time and peak memory (test/peak.ts), so hostile-input tests can assert all three. A child
 * still running at the limit is killed: the test fails on the time, it does not hang.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { root } from './helpers';

export interface Measured {
  code: number | null;
  out: string;
  err: string;
  ms: number;
  /** Peak resident memory in MiB (NaN when the child was killed before it could say). */
  peakMb: number;
  timedOut: boolean;
}

/** Every measurement of the run, for the summary a test file may print. */
export const measurements: { label: string; ms: number; peakMb: number }[] = [];

export function measureXxgk(label: string, args: string[], options: { timeoutMs?: number; cwd?: string } = {}): Measured {
  const peakFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-peak-')), 'peak');
  const t0 = performance.now();
  const command = [process.execPath, '-r', path.join(__dirname, 'peak.js'), path.join(root, 'bin', 'xxgk.js'), ...args];
  // Linux keeps the peak memory of the forking process across exec: a child forked straight from
  // this (possibly large) test process would report the test's peak. A small shell forks it instead
  // (the command after it keeps the shell from exec'ing it in place).
  const [file, ...argv] = process.platform === 'win32' ? command : ['/bin/sh', '-c', '"$@"; status=$?; exit $status', 'sh', ...command];
  const r = spawnSync(file, argv, {
    encoding: 'utf8',
    cwd: options.cwd ?? root,
    timeout: options.timeoutMs ?? 10_000,
    env: { ...process.env, XXGK_PEAK_FILE: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  let peakMb = NaN;
  try {
    peakMb = Number(fs.readFileSync(peakFile, 'utf8')) / 1024;
  } catch {
    // Killed at the time limit.
  }
  fs.rmSync(path.dirname(peakFile), { recursive: true, force: true });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  measurements.push({ label, ms: Math.round(ms), peakMb: Math.round(peakMb) });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', ms, peakMb, timedOut };
}
