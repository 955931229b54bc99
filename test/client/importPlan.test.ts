/**
 * The editor-free parts of the import command: which files it was given (explorer selection,
 * caller, palette), the places to check it lists, the extensions it offers (the same in the dialog,
 * the explorer menu and the CLI's folder walk) and the distinct names of several sources.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chosenInputs, IMPORT_EXTENSIONS, placesToCheck } from '../../client/src/commands/importPlan';
import { IMPORTABLE_FILE } from '../../server/src/engine/import';
import { distinctNames } from '../../server/src/engine/import/targetNames';
import type { ImportReportNote } from '../../server/src/shared/protocol';
import { root } from '../helpers';

class Uri {
  constructor(readonly path: string) {}
}
const isUri = (x: unknown): x is Uri => x instanceof Uri;

test('inputs: the explorer selection, one clicked file, a caller target, nothing from the palette', () => {
  const [a, b, c] = ['/r/a.docx', '/r/b.pdf', '/r/c.html'].map((p) => new Uri(p));
  assert.deepEqual(chosenInputs(a, [a, b, c], isUri), { inputs: [a, b, c] });
  assert.deepEqual(chosenInputs(a, [a], isUri), { inputs: [a] });
  assert.deepEqual(chosenInputs(a, [], isUri), { inputs: [a] });
  assert.deepEqual(chosenInputs(a, b, isUri), { inputs: [a], target: b });
  assert.deepEqual(chosenInputs(a, undefined, isUri), { inputs: [a] });
  assert.deepEqual(chosenInputs(undefined, undefined, isUri), { inputs: [] });
  assert.deepEqual(chosenInputs('a.docx', [a], isUri), { inputs: [] });
});

test('places to check: file by file, in the order of the header comments, at the cell when it has a line', () => {
  const note = (line: number, target?: number, kind: ImportReportNote['kind'] = 'note'): ImportReportNote => ({ kind, message: `m${line}`, line, ...(target !== undefined ? { target } : {}) });
  const places = placesToCheck([
    { file: 'one', name: 'a.docx', notes: [note(9, 40), note(5, undefined, 'unplaced'), note(8, 30)] },
    { file: 'two', name: 'b.pdf', notes: [] },
    { file: 'three', name: 'c.html', notes: [note(4)] },
  ]);
  assert.deepEqual(
    places.map((p) => [p.file, p.note.message, p.line]),
    [
      ['one', 'm5', 5],
      ['one', 'm8', 30],
      ['one', 'm9', 40],
      ['three', 'm4', 4],
    ],
  );
});

test('the dialog, the explorer menu and the CLI folder walk offer the same extensions', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const item = pkg.contributes.menus['explorer/context'].find((m: { command: string }) => m.command === 'xxgk.importReport');
  const m = /resourceExtname =~ \/(.+)\/i/.exec(item.when);
  assert.ok(m, item.when);
  const when = new RegExp(m[1].replace(/\\\\/g, '\\'), 'i');
  for (const ext of IMPORT_EXTENSIONS) {
    assert.ok(when.test(`.${ext}`), `menu: .${ext}`);
    assert.ok(IMPORTABLE_FILE.test(`report.${ext}`), `CLI: .${ext}`);
  }
  for (const ext of ['doc', 'wps', 'xlsx', 'yaml', 'js', 'png']) {
    assert.ok(!when.test(`.${ext}`), `menu: .${ext}`);
    assert.ok(!IMPORTABLE_FILE.test(`report.${ext}`), `CLI: .${ext}`);
  }
});

test('several sources of one name get -2, -3… in order, case aside; other names are kept', () => {
  assert.deepEqual(distinctNames(['a.xxgk.yaml', 'b.xxgk.yaml', 'A.xxgk.yaml', 'a.xxgk.yaml']), ['a.xxgk.yaml', 'b.xxgk.yaml', 'A-2.xxgk.yaml', 'a-3.xxgk.yaml']);
  assert.deepEqual(distinctNames(['/x/y.z/a.xxgk.yaml', '/x/y.z/a.xxgk.yaml']), ['/x/y.z/a.xxgk.yaml', '/x/y.z/a-2.xxgk.yaml']);
  // A name taken by an earlier numbering is not reused.
  assert.deepEqual(distinctNames(['a.xxgk.yaml', 'a-2.xxgk.yaml', 'a.xxgk.yaml']), ['a.xxgk.yaml', 'a-2.xxgk.yaml', 'a-3.xxgk.yaml']);
});
