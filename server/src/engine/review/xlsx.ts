/**
 * A one-sheet .xlsx (Office Open XML SpreadsheetML) written as a stream: rows are pushed as they
 * come and leave compressed (fflate, already used for .docx), so a sheet of ten thousand reports
 * is never held whole. Strings are inline (no shared-string table to keep); numbers are numbers.
 * Every entry carries the same fixed time, so the same rows give the same bytes.
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { TableCell } from './tableRows';

const MTIME = new Date('2000-01-01T00:00:00Z');

const STATIC: [string, string][] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ],
];

function workbook(sheetName: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/** XML text: the five specials escaped, characters XML 1.0 forbids (C0 controls, lone surrogates) dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Strings above this are cut: a cell holds at most 32,767 characters. */
const MAX_CELL = 32_767;
/** Rows are gathered into pieces of about this many characters before compression. */
const CHUNK = 64 * 1024;

export class XlsxWriter {
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private row = 0;
  private pending = '';

  /** `out` receives the file's bytes in order; the file is complete after `end()`. */
  constructor(out: (bytes: Uint8Array) => void, sheetName: string) {
    this.zip = new Zip((err, data) => {
      if (err) throw err;
      out(data);
    });
    for (const [name, text] of [...STATIC, ['xl/workbook.xml', workbook(sheetName)] as [string, string]]) {
      const file = new ZipDeflate(name, { level: 6 });
      file.mtime = MTIME;
      this.zip.add(file);
      file.push(strToU8(text), true);
    }
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    this.sheet.mtime = MTIME;
    this.zip.add(this.sheet);
    // The header row stays in view while scrolling.
    this.pending =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>';
  }

  addRow(cells: readonly TableCell[]): void {
    const r = ++this.row;
    let xml = `<row r="${r}">`;
    cells.forEach((c, i) => {
      if (c === null || c === '') return;
      const ref = `${columnName(i)}${r}`;
      if (typeof c === 'number') xml += Number.isFinite(c) ? `<c r="${ref}"><v>${c}</v></c>` : '';
      else xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(c.slice(0, MAX_CELL))}</t></is></c>`;
    });
    this.pending += xml + '</row>';
    if (this.pending.length >= CHUNK) this.flush(false);
  }

  private flush(final: boolean): void {
    this.sheet.push(strToU8(this.pending), final);
    this.pending = '';
  }

  end(): void {
    this.pending += '</sheetData></worksheet>';
    this.flush(true);
    this.zip.end();
  }
}
