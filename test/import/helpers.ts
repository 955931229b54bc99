/** Helpers of the importer tests: reference texts beside the clone, imports, cell comparison. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine/check';
import type { Report } from '../../server/src/engine/check';
import { importReport, inputKind } from '../../server/src/engine/import';
import type { ImportResult } from '../../server/src/engine/import';
import { root } from '../helpers';

/** Published reports, kept as fixtures with their defects (copies of the team's reference texts). */
export const REFERENCE = path.join(root, 'test', 'import', 'fixtures', 'reference');

export function reference(...parts: string[]): string {
  return path.join(REFERENCE, ...parts);
}

export const fixturePath = (name: string) => path.join(root, 'test', 'import', 'fixtures', name);

export function importPath(file: string): ImportResult {
  const kind = inputKind(file);
  assert.ok(kind && kind !== 'pdf', `no synchronous input kind for ${file}`);
  return importReport({ kind, data: fs.readFileSync(file) }, { sourceName: path.basename(file) });
}

/** The imported text goes through the normal check: a valid source, keys the format knows. */
export function checked(result: ImportResult): Report {
  const { report, diagnostics } = check(result.text);
  const structural = diagnostics.filter((d) => ['yaml-syntax', 'unknown-key', 'invalid-value', 'fullwidth'].includes(d.code));
  assert.deepEqual(structural, [], `the imported source is not clean YAML of the format:\n${result.text.slice(0, 2000)}`);
  assert.equal(report.format.id, result.format);
  return report;
}

/** A cell as a test sees it: its number, or null when blank. */
export function cell(report: Report, path: string): number | null | undefined {
  const c = report.cells.get(path);
  assert.ok(c, `no cell ${path}`);
  if (c.state === 'number') return c.value;
  if (c.state === 'blank') return null;
  return undefined;
}

/**
 * Every table cell of `expected` (written or blank) equals the imported one: same number, blank for
 * blank. Cells under `except` (prefixes) are not compared.
 */
export function sameCells(expected: Report, actual: Report, except: string[] = []): void {
  let compared = 0;
  for (const [p, c] of expected.cells) {
    if (except.some((e) => p.startsWith(e))) continue;
    if (c.state !== 'number' && c.state !== 'blank') continue;
    assert.equal(cell(actual, p), c.state === 'number' ? c.value : null, p);
    compared++;
  }
  assert.ok(compared > 40, `only ${compared} cells compared`);
}

export function messages(result: ImportResult, kind?: 'unplaced' | 'note'): string {
  return result.notes
    .filter((n) => !kind || n.kind === kind)
    .map((n) => n.message)
    .join('\n');
}

/** GBK (GB18030) or Big5 bytes of `text`, from a table built with the decoder (there is no such encoder built in). */
export function legacyBytes(text: string, label: 'gb18030' | 'big5'): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(label);
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  }
  return new Uint8Array(
    [...text].flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const bytes = table.get(ch);
      assert.ok(bytes, `no ${label} bytes for ${ch}`);
      return bytes;
    }),
  );
}
