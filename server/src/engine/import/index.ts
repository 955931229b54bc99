/**
 * Import of a published report (.docx, PDF, HTML, plain text) into a report source. Pure: bytes or
 * text in, source text and notes out; the CLI and the language server read the file (and supply the
 * PDF library). Four readers make the same blocks, one mapper places them (map.ts); the result goes
 * through `check` like any source.
 */
import { decodeText, looksBinary } from './decode';
import { DocxError, readDocx } from './readDocx';
import { readHtml } from './readHtml';
import { readText } from './readText';
import { mapBlocks } from './map';
import { defaultFormat } from '../format';
import { numberedParts } from './structure';
import { PdfError, readPdf } from './readPdf';
import type { Block, ImportOptions, ImportResult, InputKind, ReadInfo } from './types';
import { READER_TEXT } from '../i18n/import';
import type { ReaderRefusal } from '../i18n/import';
import type { Locale } from '../i18n/messages';

export type { Block, DocumentMeta, ImportNote, ImportOptions, ImportResult, InputKind, ReadInfo } from './types';

/** The input could not be read as the kind it claims to be. */
/** A document the readers refuse; `message` is English, `text(locale)` says it in the user's language. */
export class ImportError extends Error {
  constructor(readonly refusal: ReaderRefusal) {
    super(READER_TEXT.en(refusal));
  }
  text(locale: Locale): string {
    return READER_TEXT[locale](this.refusal);
  }
}

/** Formats people try that the importer cannot read (save as .docx or PDF, or copy the text). */
const UNSUPPORTED = /\.(?:doc|wps|ofd|xls|xlsx|et|ppt|pptx|odt|rtf|zip|rar|7z|png|jpe?g|gif|tiff?)$/i;

/** The reader of each usual extension: one table for inputKind and for what a folder import picks up. */
const KIND_BY_EXTENSION: ReadonlyMap<string, InputKind> = new Map([
  ['docx', 'docx'],
  ['pdf', 'pdf'],
  ['html', 'html'],
  ['htm', 'html'],
  ['xhtml', 'html'],
  ['shtml', 'html'],
  ['txt', 'text'],
  ['md', 'text'],
]);

/**
 * Files a folder import picks up: the usual extensions above (a named file of any other name is read
 * as text, but a folder's other files are not reports).
 */
export const IMPORTABLE_FILE = new RegExp(`\\.(?:${[...KIND_BY_EXTENSION.keys()].join('|')})$`, 'i');

/** `报告.docx` → `报告.xxgk.yaml`: the source's file name for an input's. */
export function sourceFileName(inputName: string): string {
  return `${inputName.replace(/\.[^.]+$/, '') || 'report'}.xxgk.yaml`;
}

/** The kind of input by file name: .docx, .pdf, .html/.htm/.shtml, anything else text; undefined when unsupported. */
export function inputKind(fileName: string): InputKind | undefined {
  const known = KIND_BY_EXTENSION.get(/\.([^./\\]+)$/.exec(fileName)?.[1].toLowerCase() ?? '');
  if (known) return known;
  if (UNSUPPORTED.test(fileName)) return undefined;
  return 'text';
}

/** The report's section titles (both formats share them): they locate the article on a saved page. */
const SECTION_TITLES = numberedParts(defaultFormat.parts).map((p) => p.node.label);

/** Blocks of an input, and what the reader knows besides (a page's publication data, caps hit). */
export function readDocument(kind: Exclude<InputKind, 'pdf'>, data: Uint8Array | string): { blocks: Block[]; info: ReadInfo } {
  if (kind === 'docx') {
    if (typeof data === 'string') throw new ImportError({ kind: 'bytesNeeded', what: 'docx' });
    try {
      return { blocks: readDocx(data), info: {} };
    } catch (e) {
      if (e instanceof DocxError) throw new ImportError(e.refusal);
      throw e;
    }
  }
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    if (looksBinary(data)) throw new ImportError({ kind: 'binary' });
    text = decodeText(data).text;
  }
  // A saved page renamed .txt (or saved by a tool as .asp, .jsp…) is still a page.
  if (kind === 'text' && !/^\s*(?:<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 512))) return { blocks: readText(text), info: {} };
  const { blocks, ...info } = readHtml(text, SECTION_TITLES);
  return { blocks, info };
}

/** Blocks of an input: text inputs may come as bytes (any encoding, see decode.ts) or as a string. */
export function readBlocks(kind: Exclude<InputKind, 'pdf'>, data: Uint8Array | string): Block[] {
  return readDocument(kind, data).blocks;
}

/** Import of a .docx, HTML or text input (synchronous; a PDF needs `importDocument`). */
export function importReport(input: { kind: Exclude<InputKind, 'pdf'>; data: Uint8Array | string }, options: ImportOptions = {}): ImportResult {
  const { blocks, info } = readDocument(input.kind, input.data);
  return mapBlocks(blocks, options, info);
}

/**
 * Import of any input, PDF included. The PDF library behind readPdf is loaded only when a PDF is
 * imported, so it costs nothing to the rest.
 */
export async function importDocument(input: { kind: InputKind; data: Uint8Array | string }, options: ImportOptions = {}): Promise<ImportResult> {
  if (input.kind !== 'pdf') return importReport({ kind: input.kind, data: input.data }, options);
  if (typeof input.data === 'string') throw new ImportError({ kind: 'bytesNeeded', what: 'pdf' });
  let blocks: Block[];
  try {
    blocks = await readPdf(input.data, options.loadPdf);
  } catch (e) {
    if (e instanceof PdfError) throw new ImportError(e.refusal);
    throw e;
  }
  return mapBlocks(blocks, options);
}
