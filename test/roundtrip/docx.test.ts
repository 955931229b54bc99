/**
 * Round trip: every example (and the 2019 fixture) exported to .docx and imported back gives the
 * same numbers, the same blanks and the same prose sections.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine';
import type { Report } from '../../server/src/engine';
import { exportDocx } from '../../server/src/export/docx';
import { importReport } from '../../server/src/import';
import { fixture, root } from '../helpers';
import { sameCells } from '../import/helpers';

const sources: [string, string][] = [
  ...fs
    .readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.xxgk.yaml'))
    .map((f): [string, string] => [f, fs.readFileSync(path.join(root, 'examples', f), 'utf8')]),
  ['base-2019.xxgk.yaml', fixture('engine', 'base-2019.xxgk.yaml')],
];

/** Prose per top-level part, whitespace-insensitive (Word keeps paragraphs, not YAML line breaks). */
function sections(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of report.paragraphs) {
    if (p.part === '其他事项' || p.part === '标题') continue;
    out.set(p.part, (out.get(p.part) ?? '') + p.text.replace(/\s+/g, ''));
  }
  return out;
}

for (const [name, text] of sources) {
  test(`${name}: .docx export → import gives the same numbers and sections`, async () => {
    const original = check(text).report;
    const result = importReport({ kind: 'docx', data: await exportDocx(original) });
    const imported = check(result.text);
    // Invalid values (errors.xxgk.yaml has some on purpose) come back as written; syntax and keys must be clean.
    assert.deepEqual(imported.diagnostics.filter((d) => ['yaml-syntax', 'unknown-key', 'fullwidth'].includes(d.code)), []);
    const back = imported.report;
    assert.equal(back.format.id, original.format.id, 'format revision detected from the table labels');
    assert.equal(back.year, original.year);
    // 信息处理费 is not printed as a table (it lives in the prose of 六), so it cannot come back.
    sameCells(original, back, ['其他事项/']);
    const want = sections(original);
    const got = sections(back);
    for (const [part, prose] of want) assert.equal(got.get(part), prose, `section ${part}`);
  });
}
