/**
 * The shared real reports against their true defects, listed by hand in fixtures/real-defects
 * (see its README): the prose rules report exactly those, each with the table's true value, and
 * each table defect is reported on its cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine/check';
import type { Diagnostic } from '../../server/src/engine/check';
import { importReport, inputKind } from '../../server/src/engine/import';
import { covered, example, root } from '../helpers';

const DIR = path.join(root, 'test', 'engine', 'fixtures', 'real-defects');
const REFERENCE = path.join(root, 'test', 'import', 'fixtures', 'reference');
const PROSE_CODES = new Set(['period-year', 'prose-number', 'prose-contradiction', 'prose-trend', 'duplicate-paragraph', 'artifact', 'numbering']);

interface Expected {
  source: string;
  prose: { code: string; text: string; value?: string }[];
  table: { code: string; cell: string; computed: number }[];
}

function sourceText(source: string): string {
  if (source.startsWith('example:')) return example(source.slice('example:'.length));
  const file = path.join(REFERENCE, source);
  const kind = inputKind(file);
  assert.ok(kind && kind !== 'pdf');
  return importReport({ kind, data: fs.readFileSync(file) }, { sourceName: path.basename(file) }).text;
}

const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

test('every shared real report and the seed example has its list of true defects', () => {
  const reports = fs.readdirSync(path.join(REFERENCE, 'real-reports')).filter((f) => f.endsWith('.txt'));
  const listed = files.map((f) => (JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Expected).source);
  for (const r of reports) assert.ok(listed.includes(`real-reports/${r}`), r);
  assert.ok(listed.includes('baiyunlu-2023-published.txt'));
  assert.ok(listed.includes('example:baiyunlu-2023.xxgk.yaml'));
});

for (const file of files) {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as Expected;
  test(`${expected.source}: exactly its true prose defects, and its table defects`, () => {
    const text = sourceText(expected.source);
    const ds = check(text).diagnostics;
    const prose = ds.filter((d) => PROSE_CODES.has(d.code));
    const left: Diagnostic[] = [...prose];
    for (const e of expected.prose) {
      const i = left.findIndex((d) => d.code === e.code && covered(text, d).includes(e.text) && (!e.value || d.message.includes(e.value)));
      assert.ok(i !== -1, `not reported: ${JSON.stringify(e)}\n${prose.map((d) => `${d.code} ${covered(text, d)}: ${d.message}`).join('\n')}`);
      left.splice(i, 1);
    }
    assert.deepEqual(left.map((d) => `${d.code}: ${d.message}`), [], 'false alarms');
    for (const e of expected.table) {
      assert.ok(ds.some((d) => d.code === e.code && d.cell === e.cell && d.data?.computed === e.computed), `not reported: ${JSON.stringify(e)}`);
    }
    // No arithmetic finding beyond the listed ones.
    const arithmetic = ds.filter((d) => ['row-total', 'outcome-total', 'balance', 'appeal-total'].includes(d.code));
    assert.equal(arithmetic.length, expected.table.filter((e) => ['row-total', 'outcome-total', 'balance', 'appeal-total'].includes(e.code)).length);
  });
}
