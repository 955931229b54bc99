/**
 * A real word processor reads the .docx: LibreOffice (headless) converts it to PDF and pdftotext
 * (poppler-utils) reads the text back; the tables' labels and numbers must be there, row by row.
 * Skipped, saying why, where LibreOffice is not installed (.ci/run installs it).
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
import { cellText } from '../../server/src/engine/render/cells';
import { example } from '../helpers';

const runs = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils';
const skip = !runs('soffice', ['--version'])
  ? `LibreOffice (soffice) is not installed; to run this check: ${INSTALL}`
  : !runs('pdftotext', ['-v'])
    ? `pdftotext is not installed; to run this check: ${INSTALL}`
    : false;

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

test('LibreOffice converts the .docx to an A4 PDF holding the tables’ labels and numbers', { skip, timeout: 180_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lo-'));
  try {
    const source = example('clean-2024.xxgk.yaml');
    const { report } = check(source);
    const docx = path.join(dir, 'report.docx');
    fs.writeFileSync(docx, await exportDocx(report));
    // A profile of its own: no clash with a running LibreOffice or another test process.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx]);
    const pdf = path.join(dir, 'report.pdf');
    assert.ok(fs.existsSync(pdf), 'the PDF was written');
    assert.match(run('pdfinfo', [pdf]), /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

    const text = run('pdftotext', ['-layout', pdf, '-']);
    const lines = text.split('\n');
    const flat = text.replace(/\s+/g, '');
    for (const label of [report.title, '三、收到和处理政府信息公开申请情况', '申请人情况', '法人或其他组织', '第二十条第（一）项', '未经复议直接起诉', '复议后起诉', '（七）总计']) {
      assert.ok(flat.includes(label), `“${label}” is in the PDF`);
    }
    const values = (row: string, columns: string[]) => columns.map((c) => cellText(report.cells.get(`${row}/${c}`)!, report.text));
    const columns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    // The （七）总计 row: its label, then its seven numbers in column order, on one line.
    const total = lines.find((l) => l.includes('（七）总计'));
    assert.ok(total, 'a line with （七）总计');
    assert.deepEqual(total.slice(total.indexOf('（七）总计') + 5).trim().split(/\s+/), values('依申请公开/办理结果/总计', columns));
    const carried = lines.find((l) => l.includes('二、上年结转政府信息公开申请数量'));
    assert.deepEqual(carried?.replace('二、上年结转政府信息公开申请数量', '').trim().split(/\s+/), values('依申请公开/上年结转', columns));
    // Table 4: its 15 numbers on one line.
    const appeals = ['行政复议', '行政诉讼/未经复议直接起诉', '行政诉讼/复议后起诉'].flatMap((r) =>
      values(`复议诉讼/${r}`, ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']),
    );
    assert.ok(lines.some((l) => l.trim().split(/\s+/).join(' ') === appeals.join(' ')), `a line “${appeals.join(' ')}”`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
