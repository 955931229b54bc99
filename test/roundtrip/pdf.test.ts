/**
 * Round trip through a real word processor: every example (and the 2019 fixture) exported to .docx,
 * converted to PDF by LibreOffice (headless), and imported from that PDF gives the same numbers,
 * the same blanks and the same prose sections. Skipped, saying why, where LibreOffice is missing
 * (.ci/run installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '../../server/src/engine/check';
import { exportDocx } from '../../server/src/engine/export/docx';
import { importDocument } from '../../server/src/engine/import';
import { loadPdfjs } from '../../server/src/node/pdfjs';
import { sameCells } from '../import/helpers';
import { sections, sources } from './helpers';

const skip = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0 && 'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui';

/**
 * Prose is compared without white space and punctuation: LibreOffice hangs a comma or 、 that falls
 * at the end of a line into the margin and leaves it out of the text layer (poppler's pdftotext does
 * not see it either), so the PDF really lacks it.
 */
const SPACE_AND_PUNCTUATION = /[\s\p{P}]+/gu;

test('every example: .docx export → LibreOffice PDF → import gives the same cells and sections', { skip, timeout: 300_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-pdf-'));
  try {
    const docs = await Promise.all(
      sources.map(async ([name, text]) => {
        const report = check(text).report;
        const docx = path.join(dir, name.replace(/\.xxgk\.yaml$/, '.docx'));
        fs.writeFileSync(docx, await exportDocx(report));
        return { name, report, pdf: docx.replace(/\.docx$/, '.pdf') };
      }),
    );
    // One LibreOffice run for all documents, with a profile of its own.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs.map((d) => d.pdf.replace(/\.pdf$/, '.docx'))], { encoding: 'utf8', timeout: 240_000 });
    assert.equal(r.status, 0, r.stderr);
    for (const { name, report: original, pdf } of docs) {
      const result = await importDocument({ kind: 'pdf', data: fs.readFileSync(pdf) }, { loadPdf: loadPdfjs, sourceName: path.basename(pdf) });
      const imported = check(result.text);
      assert.deepEqual(imported.diagnostics.filter((d) => ['yaml-syntax', 'unknown-key', 'fullwidth'].includes(d.code)), [], name);
      const back = imported.report;
      assert.equal(back.format.id, original.format.id, `${name}: format`);
      assert.equal(back.year, original.year, `${name}: year`);
      sameCells(original, back, ['其他事项/']);
      const want = sections(original, SPACE_AND_PUNCTUATION);
      const got = sections(back, SPACE_AND_PUNCTUATION);
      for (const [part, prose] of want) assert.equal(got.get(part), prose, `${name}: section ${part}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
