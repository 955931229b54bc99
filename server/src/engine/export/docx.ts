/**
 * The report as a Word document (.docx), laid out like a printed Chinese official document (see
 * ./docxStyle): title, 前言, the six parts with their tables and prose, in the order and with the
 * grids the HTML renderer uses (../render/outline, ../render/grid). Pure: returns the file's bytes.
 * The published report carries no diagnostics: blank cells print empty, computed totals their value.
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { FileChild } from 'docx';
import type { Report } from '../parse/types';
import { partContents, PREFACE_KEY, printedParts } from '../render/outline';
import { proseBlocks } from '../render/prose';
import { BODY_LINE, FONT, GAP_LINE, INDENT_2_CHARS, MARGIN, NOTE_LINE, PAGE, SIZE, TITLE_LINE } from './docxStyle';
import { paragraph, xmlSafe } from './docxText';
import type { RunStyle } from './docxText';
import { gridTable } from './docxTable';

const BODY: RunStyle = { font: FONT.body, latin: FONT.latin, size: SIZE.sanhao };

const body = (text: string) => paragraph(text, BODY, { line: BODY_LINE, indent: INDENT_2_CHARS });
/** 一、… headings: 黑体; （一）… sub-headings: 楷体; both indented like body text and kept with what follows. */
const heading1 = (text: string) =>
  paragraph(text, { ...BODY, font: FONT.heading1 }, { line: BODY_LINE, indent: INDENT_2_CHARS, keepNext: true, heading: HeadingLevel.HEADING_1 });
const heading2 = (text: string) =>
  paragraph(text, { ...BODY, font: FONT.heading2 }, { line: BODY_LINE, indent: INDENT_2_CHARS, keepNext: true, heading: HeadingLevel.HEADING_2 });
const note = (text: string) => paragraph(text, { ...BODY, size: SIZE.xiaosi }, { line: NOTE_LINE });
/** Space around tables; also keeps two tables apart (adjacent tables would merge into one in Word). */
const gap = () => paragraph('', { ...BODY, size: SIZE.wuhao }, { line: GAP_LINE });

function prose(report: Report, base: string, asNote = false): Paragraph[] {
  return proseBlocks(report, base).map((b) => (b.kind === 'heading' ? heading2(b.text) : asNote ? note(b.text) : body(b.text)));
}

function content(report: Report): FileChild[] {
  const out: FileChild[] = [paragraph(report.title, { font: FONT.title, size: SIZE.erhao }, { align: 'center', line: TITLE_LINE, after: BODY_LINE, heading: HeadingLevel.TITLE })];
  out.push(...prose(report, PREFACE_KEY));
  for (const part of printedParts(report.format)) {
    out.push(heading1(part.node.label));
    for (const c of partContents(report.format, part)) {
      if (c.kind === 'prose') out.push(...prose(report, c.base, c.note));
      else for (const grid of c.grids) out.push(gridTable(report, grid), gap());
    }
  }
  return out;
}

/**
 * Page numbers as GB/T 9704 places them: 4号 宋体 between dashes (— 1 —), odd pages on the right,
 * even pages on the left, one character in from the edge of the text block.
 */
function pageNumber(side: 'left' | 'right'): Footer {
  const indent = side === 'right' ? { right: SIZE.sihao * 10 } : { left: SIZE.sihao * 10 };
  const font = { eastAsia: FONT.table, ascii: FONT.table, hAnsi: FONT.table };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: SIZE.sihao })],
      }),
    ],
  });
}

const font = (name: string, latin: string = name) => ({ eastAsia: name, ascii: latin, hAnsi: latin });

/**
 * Styles the paragraphs use, so a paragraph typed later in Word looks right too and the headings
 * appear in the navigation pane. The library's Title/Heading styles are blue Calibri: replaced.
 */
const STYLES = {
  default: {
    document: { run: { font: font(FONT.body, FONT.latin), size: SIZE.sanhao, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
    title: { run: { font: font(FONT.title), size: SIZE.erhao, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER } },
    heading1: { run: { font: font(FONT.heading1, FONT.latin), size: SIZE.sanhao, color: '000000' }, paragraph: { outlineLevel: 0, keepNext: true } },
    heading2: { run: { font: font(FONT.heading2, FONT.latin), size: SIZE.sanhao, color: '000000' }, paragraph: { outlineLevel: 1, keepNext: true } },
  },
};

export async function exportDocx(report: Report): Promise<Uint8Array> {
  const doc = new Document({
    title: xmlSafe(report.title),
    creator: 'xxgk-report',
    evenAndOddHeaderAndFooters: true,
    // A line ending in a kept line break (YAML `|` text) is not stretched to the margin in justified text.
    compatibility: { doNotExpandShiftReturn: true },
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGIN, gutter: 0 },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: content(report),
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
