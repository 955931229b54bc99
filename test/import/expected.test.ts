/**
 * Real published reports imported cell for cell against expectations written by hand from each
 * document (fixtures/expected/*.json, see expected.ts): every visible cell the number printed,
 * blank for blank; no number where the document leaves a cell blank or undecidable; an undecidable
 * cell blank and said in a note. Each assertion message starts "name: right/visible cells right".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/engine/check';
import { lookup } from '../../server/src/engine/format';
import { importDocument, inputKind } from '../../server/src/engine/import';
import { loadPdfjs } from '../../server/src/node/pdfjs';
import type { ImportResult } from '../../server/src/engine/import';
import { brokenEquations, compareCells, coverage, scoreLine, formatOf, importedValue, listProblems, loadExpected, sourceFile } from './expected';
import type { Comparison } from './expected';

const documents = loadExpected();

test('expected cells: the documents are all there, each accounting for every table cell exactly once', () => {
  assert.ok(documents.length >= 9, `only ${documents.length} expectation files`);
  for (const doc of documents) {
    assert.ok(fs.existsSync(sourceFile(doc)), `${doc.name}: no fixture ${doc.source}`);
    assert.deepEqual(coverage(doc), { absent: [], repeated: [], unknown: [] }, doc.name);
    for (const [p, why] of Object.entries(doc.deviations)) assert.ok(why.length > 20, `${doc.name}: deviation ${p} without a reason`);
    if (doc.ambiguous.length > 0) assert.ok(doc.remarks.length > 100, `${doc.name}: ambiguous cells without remarks`);
    for (const row of Object.keys(doc.printedRows ?? {})) {
      assert.ok(lookup(formatOf(doc), row), `${doc.name}: printed row ${row} is not a node of the format`);
      assert.ok(Object.keys(doc.deviations).some((p) => p.startsWith(row + '/')), `${doc.name}: printed row ${row} replaces no deviating cell`);
    }
  }
});

test('expected cells: the hand-written numbers satisfy the format arithmetic, except the originals\' own errors', () => {
  for (const doc of documents) {
    assert.deepEqual(brokenEquations(doc).sort(), [...(doc.knownInconsistencies ?? [])].sort(), `${doc.name}: a transcription error, or an undeclared error of the original`);
  }
});

async function importFile(file: string): Promise<ImportResult> {
  const kind = inputKind(file);
  assert.ok(kind, `no input kind for ${file}`);
  return importDocument({ kind, data: fs.readFileSync(file) }, { sourceName: path.basename(file), loadPdf: loadPdfjs });
}

for (const doc of documents) {
  test(`expected cells: ${doc.name} (${doc.source}) imports as printed`, async (t) => {
    const visible = Object.keys(doc.cells).length;
    let result: ImportResult;
    try {
      result = await importFile(sourceFile(doc));
    } catch (e) {
      assert.fail(`${doc.name}: 0/${visible} cells right: the import failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const report = check(result.text).report;
    const score: Comparison = compareCells(doc, report);
    t.diagnostic(scoreLine(doc.name, score));
    const failures: string[] = [];
    if (result.format !== doc.format) failures.push(`format ${result.format}, expected ${doc.format}`);
    if (doc.titlePrinted !== false) {
      // A title without 机关 or 年度 (a template) must not make them up.
      if (result.year !== (doc.year ?? undefined)) failures.push(`年度 ${result.year}, expected ${doc.year}`);
      if (result.agency !== (doc.agency ?? undefined)) failures.push(`机关 ${result.agency}, expected ${doc.agency}`);
    }
    for (const p of doc.ambiguous) {
      const got = importedValue(report, p);
      if (got !== null) failures.push(`${p}: the document does not decide this cell; imported ${got === undefined ? 'absent' : got}, expected blank`);
      if (!result.notes.some((n) => n.path !== undefined && (n.path === p || p.startsWith(n.path + '/')))) failures.push(`${p}: undecidable, and no note says so`);
    }
    // Rows printed in place of several format rows: what is written there adds up to what is printed.
    for (const [row, values] of Object.entries(doc.printedRows ?? {})) {
      for (const [column, printed] of Object.entries(values)) {
        const parts = Object.keys(doc.deviations).filter((p) => p.startsWith(row + '/') && p.endsWith('/' + column));
        const written = parts.map((p) => importedValue(report, p)).filter((v): v is number => typeof v === 'number');
        const sum = written.reduce((s, v) => s + v, 0);
        if (sum > (printed ?? 0) || (written.length === parts.length && sum !== (printed ?? 0))) {
          failures.push(`${row} (${column}) printed as one row ${printed}: the imported parts give ${written.join(' + ')}`);
        }
      }
    }
    if (score.right !== score.visible) failures.push(`cells not as printed: ${listProblems(score)}`);
    assert.deepEqual(failures, [], `${scoreLine(doc.name, score)}\n${failures.join('\n')}`);
  });
}
