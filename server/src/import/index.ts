/**
 * Import of a published report (.docx, HTML, plain text) into a report source. Pure: bytes or text
 * in, source text and notes out; the CLI and the language server read the file. Three readers make
 * the same blocks, one mapper places them (map.ts); the result goes through `check` like any source.
 */
import { decodeText, looksBinary } from './decode';
import { DocxError, readDocx } from './readDocx';
import { readHtml } from './readHtml';
import { readText } from './readText';
import { mapBlocks } from './map';
import type { Block, ImportOptions, ImportResult, InputKind } from './types';

export type { Block, ImportNote, ImportOptions, ImportResult, InputKind } from './types';

/** The input could not be read as the kind it claims to be. */
export class ImportError extends Error {}

/** Formats people try that the importer cannot read (save as .docx, or copy the text). */
const UNSUPPORTED = /\.(?:doc|wps|pdf|ofd|xls|xlsx|et|ppt|pptx|odt|rtf|zip|rar|7z|png|jpe?g|gif|tiff?)$/i;

/** The kind of input by file name: .docx, .html/.htm, anything else text; undefined when unsupported. */
export function inputKind(fileName: string): InputKind | undefined {
  if (/\.docx$/i.test(fileName)) return 'docx';
  if (/\.(?:html?|xhtml|shtml)$/i.test(fileName)) return 'html';
  if (UNSUPPORTED.test(fileName)) return undefined;
  return 'text';
}

/** Blocks of an input: text inputs may come as bytes (any encoding, see decode.ts) or as a string. */
export function readBlocks(kind: InputKind, data: Uint8Array | string): Block[] {
  if (kind === 'docx') {
    if (typeof data === 'string') throw new ImportError('a .docx file must be given as bytes');
    try {
      return readDocx(data);
    } catch (e) {
      if (e instanceof DocxError) throw new ImportError(e.message);
      throw e;
    }
  }
  let text: string;
  if (typeof data === 'string') text = data;
  else {
    if (looksBinary(data)) throw new ImportError('a binary file, not text or HTML');
    text = decodeText(data).text;
  }
  return kind === 'html' ? readHtml(text) : readText(text);
}

export function importReport(input: { kind: InputKind; data: Uint8Array | string }, options: ImportOptions = {}): ImportResult {
  return mapBlocks(readBlocks(input.kind, input.data), options);
}
