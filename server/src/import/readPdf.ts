/**
 * PDF into blocks, rebuilt from the geometry of the text layer (see importDocument).
 */
import type { Block } from './types';

/** The PDF cannot be read: broken, encrypted, or without a text layer (a scan). */
export class PdfError extends Error {}

export async function readPdf(_bytes: Uint8Array): Promise<Block[]> {
  throw new PdfError('PDF import is not available yet');
}
