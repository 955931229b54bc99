/**
 * The part of a PDF library's API the PDF reader uses (pdf.js's `getDocument` / `getTextContent`).
 * The engine never loads the library itself: the edges (CLI, language server) pass a loader, so the
 * library is read from disk only when a PDF is imported and the engine stays free of I/O.
 */

/** One run of text as the PDF draws it: string, transform [a b c d e f] (e, f = origin), width. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  /** Drawing operations: fnArray[i] is an operator id (see PdfLib.OPS), argsArray[i] its arguments. */
  getOperatorList(): Promise<{ fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }>;
  cleanup?(): unknown;
}

export interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

export interface PdfLoadingTask {
  promise: Promise<PdfDocument>;
  destroy(): Promise<void>;
}

export interface PdfLib {
  /** Operator ids by name (save, restore, transform, constructPath, …). */
  OPS: Record<string, number>;
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    verbosity?: number;
    stopAtErrors?: boolean;
    cMapUrl?: string;
    cMapPacked?: boolean;
    standardFontDataUrl?: string;
  }): PdfLoadingTask;
}

/** Loads the PDF library on first use (an edge supplies it). */
export type PdfLoader = () => Promise<PdfLib & { options?: { cMapUrl?: string; standardFontDataUrl?: string } }>;

export function isTextItem(item: unknown): item is PdfTextItem {
  if (typeof item !== 'object' || item === null) return false;
  const i = item as Partial<PdfTextItem>;
  return typeof i.str === 'string' && Array.isArray(i.transform) && i.transform.length >= 6 && typeof i.width === 'number';
}
