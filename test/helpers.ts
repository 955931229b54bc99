/** Shared test helpers: repository paths and a compact view of diagnostics. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../server/src/engine/check';
import type { CheckOptions, Diagnostic } from '../server/src/engine/check';

/** Repository root (compiled tests run from out/test/…). */
export const root = path.resolve(__dirname, '..', '..');

/** Reads a fixture from the source folder next to the test (`test/<dir>/fixtures/<name>`). */
export function fixture(dir: string, name: string): string {
  return fs.readFileSync(path.join(root, 'test', dir, 'fixtures', name), 'utf8');
}

export function example(name: string): string {
  return fs.readFileSync(path.join(root, 'examples', name), 'utf8');
}

export function diagnostics(text: string, options?: CheckOptions): Diagnostic[] {
  return check(text, options).diagnostics;
}

export function codes(text: string, options?: CheckOptions): string[] {
  return diagnostics(text, options).map((d) => d.code);
}

export function only(text: string, code: string, options?: CheckOptions): Diagnostic[] {
  return diagnostics(text, options).filter((d) => d.code === code);
}

/** The source text a diagnostic's range covers. */
export function covered(text: string, d: { range: Diagnostic['range'] }): string {
  // Positions count a byte-order mark as a character of line 0 and a lone CR as a line break, as editors do.
  const lines = text.replace(/\r(?!\n)/g, '\n').split('\n');
  const { start, end } = d.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** Deterministic PRNG (mulberry32), so a failing random run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
