/**
 * Runs and paragraphs of the .docx. Every run names its East Asian font in `w:eastAsia` (Word picks
 * the font of a Chinese character from that attribute only) and its Latin font in `w:ascii`/`w:hAnsi`.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { IParagraphOptions } from 'docx';

export interface RunStyle {
  /** East Asian font. */
  font: string;
  /** Font of digits and Latin letters (the East Asian font when absent). */
  latin?: string;
  /** Half-points. */
  size: number;
  bold?: boolean;
}

/**
 * Characters XML 1.0 cannot hold (C0 controls but tab/newline, U+FFFE/U+FFFF, lone surrogates):
 * a prose value may contain them through a YAML escape, and Word refuses a document that does.
 * (docx drops the C0 controls itself, but not the others.)
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Runs for a text; single line breaks (kept from a YAML `|` block, as the HTML `<br>`) become `w:br`. */
export function runs(text: string, style: RunStyle): TextRun[] {
  const font = { eastAsia: style.font, ascii: style.latin ?? style.font, hAnsi: style.latin ?? style.font, hint: 'eastAsia' };
  return xmlSafe(text)
    .split(/\r?\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font, size: style.size, bold: style.bold || undefined, language: { eastAsia: 'zh-CN' } }));
}

export interface ParagraphStyle {
  align?: 'left' | 'center' | 'justify';
  /** Exact line pitch in twips: independent of the font the reader's machine substitutes. */
  line: number;
  indent?: IParagraphOptions['indent'];
  after?: number;
  keepNext?: boolean;
  heading?: IParagraphOptions['heading'];
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED } as const;

export function paragraph(text: string, run: RunStyle, style: ParagraphStyle): Paragraph {
  return new Paragraph({
    children: runs(text, run),
    alignment: ALIGN[style.align ?? 'justify'],
    heading: style.heading,
    indent: style.indent,
    keepNext: style.keepNext,
    // LineRuleType.EXACT, not EXACTLY: the latter writes a value Word ignores (see docx's own note).
    spacing: { line: style.line, lineRule: LineRuleType.EXACT, before: 0, after: style.after ?? 0 },
  });
}
