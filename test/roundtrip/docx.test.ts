/**
 * Round trip: every example (and the 2019 fixture) exported to .docx and imported back gives the
 * same numbers, the same blanks and the same prose sections.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine/check';
import { exportDocx } from '../../server/src/engine/export/docx';
import { importReport } from '../../server/src/engine/import';
import { sameCells } from '../import/helpers';
import { sections, sources } from './helpers';

/** Word keeps paragraphs, not YAML line breaks: prose is compared without white space. */
const WHITE_SPACE = /\s+/g;

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
    const want = sections(original, WHITE_SPACE);
    const got = sections(back, WHITE_SPACE);
    for (const [part, prose] of want) assert.equal(got.get(part), prose, `section ${part}`);
  });
}
