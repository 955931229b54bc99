/**
 * Custom requests of the xxgk language server, shared with clients (the VS Code extension imports
 * this file). Standard LSP needs nothing extra. Type-only imports keep the engine out of a client
 * bundle: only `RequestType` objects and plain constants are values here.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { PreviewResult } from '../engine';
import type { ImportNote } from '../engine';

export type { PreviewResult } from '../engine';
export type { Settings, LocaleSetting, RuleSetting } from './settings';

export interface PreviewParams {
  /** An open document. */
  uri: string;
}

/** The preview of the document version named; null when the document is not open. */
export type PreviewResponse = Omit<PreviewResult, 'version'> & { version: number };

export namespace PreviewRequest {
  export const method = 'xxgk/preview';
  export const type = new RequestType<PreviewParams, PreviewResponse | null, void>(method);
}

/** Years a new report may be for (the format's 年度 bounds; a test keeps the two equal). */
export const REPORT_YEARS = { min: 2008, max: 2100 } as const;

export interface SkeletonParams {
  /** 机关: the reporting body's full name (one line). */
  agency: string;
  /** 年度, an integer within REPORT_YEARS. */
  year: number;
}

export interface SkeletonResult {
  /** A whole report with every table filled with 0 and empty prose, which checks clean. */
  text: string;
  /** Where to start typing: the first empty prose. */
  cursor: Position;
}

/** The text of a new report, built from the format definition. Fails (InvalidParams) on a bad year. */
export namespace SkeletonRequest {
  export const method = 'xxgk/skeleton';
  export const type = new RequestType<SkeletonParams, SkeletonResult, void>(method);
}

export interface ExportHtmlParams {
  /** An open document; its current (possibly unsaved) text is rendered. */
  uri: string;
}

export interface ExportHtmlResult {
  /** A standalone, script-free HTML page (the same page as `xxgk render`). */
  html: string;
}

/** Null when the document is not open. */
export namespace ExportHtmlRequest {
  export const method = 'xxgk/exportHtml';
  export const type = new RequestType<ExportHtmlParams, ExportHtmlResult | null, void>(method);
}

export interface ExportDocxParams {
  /** An open document; its current (possibly unsaved) text is exported. */
  uri: string;
}

export interface ExportDocxResult {
  /** The .docx file (the same as `xxgk export --docx`), base64-encoded: JSON-RPC carries text only. */
  data: string;
}

/** Null when the document is not open. */
export namespace ExportDocxRequest {
  export const method = 'xxgk/exportDocx';
  export const type = new RequestType<ExportDocxParams, ExportDocxResult | null, void>(method);
}

export interface CheckFilesParams {
  /** `file:` URIs of report sources. Open documents are counted as edited, not read from disk. */
  uris: string[];
}

export interface CheckFilesResult {
  /** Files checked (readable ones). */
  files: number;
  /** Error- and warning-level diagnostics over those files. */
  errors: number;
  warnings: number;
  /** URIs that could not be read (not `file:`, missing, unreadable). */
  unreadable: string[];
  /** True when the request was cancelled before every file was checked. */
  cancelled: boolean;
}

/**
 * Checks files on disk and publishes their diagnostics (for files not open in the editor, whose
 * diagnostics the server publishes anyway). Honours cancellation between files.
 */
export namespace CheckFilesRequest {
  export const method = 'xxgk/checkFiles';
  export const type = new RequestType<CheckFilesParams, CheckFilesResult, void>(method);
}

export interface NextYearParams {
  /** An open report; its current (possibly unsaved) text is continued. */
  uri: string;
  /** Where the new file will be saved (a URI): 上年报告 is written relative to it. Default: beside `uri`. */
  target?: string;
}

export interface NextYearResult {
  /** Next year's report: 上年报告 back to this file, 上年结转 and 现行有效 carried, other numbers 0. */
  text: string;
  /** Suggested file name, `<机关><年度 + 1>.xxgk.yaml`. */
  fileName: string;
}

/** Null when the document is not open; InvalidParams when it has no usable 年度 or has YAML errors. */
export namespace NextYearRequest {
  export const method = 'xxgk/nextYear';
  export const type = new RequestType<NextYearParams, NextYearResult | null, void>(method);
}

export interface ImportReportParams {
  /** `file:` URI of a published report: .docx, .html/.htm, or text copied from Word or a PDF. */
  uri: string;
}

/** A note of an import, with where it is in the generated text. */
export interface ImportReportNote extends ImportNote {
  /** 0-based line of the note's comment at the top of `text`. */
  line: number;
  /** 0-based line of the cell, row or section the note is about, when it has one in `text`. */
  target?: number;
}

export interface ImportReportResult {
  /** The generated report source; the notes are also comments at its top. */
  text: string;
  /** What could not be placed (`unplaced`) and what to check (`note`). */
  notes: ImportReportNote[];
  /** Table cells that got a number. */
  cellsRead: number;
  /** Table cells to check (inferred, placed by a close label, or left blank); each is under a note. */
  cellsToCheck: number;
  /** Suggested file name, `<name of the input>.xxgk.yaml`. */
  fileName: string;
  /** Format detected from the table labels (`2021` or `2019`). */
  format: string;
}

/** The server reads and converts the file. InvalidParams when it cannot be read or holds no report. */
export namespace ImportReportRequest {
  export const method = 'xxgk/import';
  export const type = new RequestType<ImportReportParams, ImportReportResult, void>(method);
}

export interface CellChangeParam {
  /** Cell path, `/`-joined keys: `依申请公开/本年新收/自然人`, `主动公开/行政许可`. */
  path: string;
  /** The number to write; null blanks the cell (removes its value, or writes nothing). */
  value: number | null;
}

export interface EditCellsParams {
  /** An open document. */
  uri: string;
  /** The version the cells were read from (the preview's); another version is refused. */
  version: number;
  cells: CellChangeParam[];
}

/**
 * Table cells set from outside the text (the preview's grid): the smallest text edits, all or
 * nothing, as one WorkspaceEdit for the client to apply (one undo step). Null when the document is
 * not open; a refusal (a cell that is no table cell, a value the cell cannot hold, another
 * version, a file with YAML errors) is an InvalidParams / ContentModified error whose message says why.
 */
export namespace EditCellsRequest {
  export const method = 'xxgk/editCells';
  export const type = new RequestType<EditCellsParams, WorkspaceEdit | null, void>(method);
}

export interface PasteCellsParams {
  uri: string;
  version: number;
  /** Where the editor pastes: a row key's line, or an empty line inside a table part. */
  position: Position;
  /** The clipboard's text: tab-separated rows (Excel, WPS, a Word table). */
  text: string;
}

export interface PasteCellsResult {
  /** The edits filling the rows, when the block fits. */
  edit?: WorkspaceEdit;
  /** Why the block was refused (nothing changes then). */
  refused?: string;
}

/** Null when the position is on no table row (an ordinary paste applies). */
export namespace PasteCellsRequest {
  export const method = 'xxgk/pasteCells';
  export const type = new RequestType<PasteCellsParams, PasteCellsResult | null, void>(method);
}
