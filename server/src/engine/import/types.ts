/**
 * The importer's intermediate form and its result. Every reader (.docx, HTML, plain text) turns its
 * input into the same list of blocks, so one mapper, driven by the format definition, places them.
 */
import type { Locale } from '../i18n/messages';
import type { PdfLoader } from './pdfLib';

/** A paragraph or heading of running text. */
export interface TextBlock {
  kind: 'text';
  text: string;
  /** A heading element (HTML h1–h6, a Word heading style): a hint only, headings are found by their wording. */
  heading?: boolean;
  /**
   * One physical line of plain text (PDF/Word copy): it may be a soft-wrapped piece of a longer
   * paragraph, a table label split over lines, or a row of numbers; the mapper decides by section.
   */
  line?: boolean;
  /** An empty line preceded this one (a paragraph break in plain text). */
  afterBlank?: boolean;
}

/** A table: rows of cell texts. Merged cells (rowspan/colspan) are expanded; covered slots are ''. */
export interface TableBlock {
  kind: 'table';
  rows: string[][];
  /**
   * Cells stand in their columns (HTML, Word, Word's tab-separated copy): surplus blanks on the left
   * of a row's values are slots of merged label cells, a blank on the right is a blank cell. Rows
   * of an extraction (" | ", Markdown) have no columns: surplus blanks trail.
   */
  grid?: boolean;
  /**
   * Every row is a data row, blank cells included: rows cut from a dump at the definition's row
   * labels (a row of blanks is a row whose cells could not be told apart, said in a note).
   */
  data?: boolean;
}

export type Block = TextBlock | TableBlock;

export type InputKind = 'docx' | 'pdf' | 'html' | 'text';

/** Publication data a saved page carries beside the article (info bar, `<meta>` tags, `<title>`). */
export interface DocumentMeta {
  /** `<meta name="ArticleTitle">`, else the page's `<title>` without the site's name. */
  title?: string;
  /** 发布机构, 来源, 发文机关 or `<meta name="ContentSource">`, with the label it came from. */
  agency?: { name: string; label: string };
  /** 发布日期, 成文日期 or `<meta name="PubDate">`. */
  date?: { year: number; month: number; day?: number; label: string };
}

/** What a reader knows besides the blocks. */
export interface ReadInfo {
  meta?: DocumentMeta;
  /** The page element taken as the article (e.g. `div#zoom`) and how much page text around it was left out. */
  article?: { element: string; leftOut: number };
  /** Caps hit on an odd document (see markup.ts). */
  limits?: { depth?: boolean; span?: boolean; cells?: boolean };
}

/** What the importer could not place, or changed while placing it. */
export interface ImportNote {
  /** `unplaced`: content left out of the source (a row, cells, a section); `note`: placed, but check it. */
  kind: 'unplaced' | 'note';
  /** Key path in the generated source, when the note is about a cell, row or section. */
  path?: string;
  message: string;
  /** 0-based line of this note's comment at the top of the generated text. */
  line?: number;
}

export interface ImportOptions {
  /** Language of the notes (and of the comments at the top of the generated file). */
  locale?: Locale | string;
  /** Name of the imported file, quoted in the generated file's first comment. */
  sourceName?: string;
  /** What made the file, named in its first comment: the CLI (default) or the editor's command. */
  madeBy?: 'cli' | 'editor';
  /** Loads the PDF library (an edge supplies it: the engine does no I/O); PDFs cannot be read without it. */
  loadPdf?: PdfLoader;
}

export interface ImportResult {
  /** The generated `*.xxgk.yaml` source (notes as comments at the top). */
  text: string;
  notes: ImportNote[];
  /** Format id detected from the table labels (`2021` or `2019`). */
  format: string;
  year?: number;
  agency?: string;
  /** False when nothing of a report was recognised (no section heading and no table row placed). */
  recognised: boolean;
  /** Table cells that got a number. */
  cellsRead: number;
  /** Table cells to check: value inferred, placed by a fuzzy label, or left blank (each covered by a note). */
  cellsToCheck: number;
  /** Paths of those cells, in the format's order. */
  toCheck: string[];
}
