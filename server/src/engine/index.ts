/**
 * The engine's one public entry point. The edges (server/src/lsp, server/src/cli, server/src/node)
 * import the engine from here only, so what they depend on is listed in one place and the folders
 * below may be rearranged freely. Pure: nothing under engine/ touches the file system, the process
 * or an editor API (test/engine/purity.test.ts).
 */

// Checking: source text in, report and diagnostics out.
export { check, toDiagnostics } from './check';
export type { CheckOptions, CheckResult, PreviousInput, Diagnostic, Report, Previous, Locale } from './check';
export { MAX_SOURCE_LENGTH } from './parse/report';
export { decodeSource, decodeUtf8 } from './parse/encoding';
export type { Decoded } from './parse/encoding';

// The national format as data.
export { allNodes, formats, SUBSECTION_KEYS, TABLE_NOTE_KEY } from './format';
export type { RuleCode, Severity } from './format';

// Rules: codes and default severities.
export { RULE_CODES, SEVERITY } from './rules/severity';
export { ARITHMETIC_RULES, SUM_RULES } from './rules/registry';

// Words.
export { CLI_TEXT } from './i18n/cli';
export type { CliText, ImportReason, NextYearRefusal, ReadRefusal } from './i18n/cli';
export { i18n, normalizeLocale, RULE_TITLES, ruleTitle } from './i18n/messages';

// Editor features: pure functions of one Analysis (a document and its single check).
export type { Analysis } from './editor/analysis';
export { codeActions } from './editor/codeActions';
export { codeLenses } from './editor/codeLens';
export { complete } from './editor/completion';
export { hover } from './editor/hover';
export { inlayHints } from './editor/inlay';
export { preview } from './editor/preview';
export type { PreviewResult } from './editor/preview';
export { documentSymbols, foldingRanges } from './editor/symbols';

// Table editing (the preview's cells, pasted blocks).
export { editCells } from './write/cellEdits';
export type { CellChange } from './write/cellEdits';
export { pasteCells } from './write/pasteRows';
export { editRefusalText, refusalText } from './i18n/sheet';
export type { EditRefusal } from './i18n/sheet';

// Report workflows: a new report, next year's report, last year's report.
export { newReportText, NewReportError } from './workflows/newReport';
export { nextYear, NextYearError, nextYearFileName } from './workflows/nextYear';
export { choosePrevious, flat, headKey, previousReportPath, readHead, refRefusal, relativeRef, REPORT_FILE } from './workflows/previousReport';
export type { PreviousChoice, RefRefusal, ReportFiles, ReportHead, SiblingHead } from './workflows/previousReport';

// Output: the HTML page and the .docx file.
export { renderPage } from './render/html';
export { escapeHtml } from './render/escape';
export { REPORT_CSS } from './render/style';
export { exportDocx } from './export/docx';

// Import of published reports.
export { IMPORTABLE_FILE, ImportError, importDocument, inputKind, sourceFileName } from './import';
export type { ImportNote, ImportResult } from './import';
export type { PdfLib, PdfLoader } from './import/pdfLib';
export { noteTargets } from './import/noteTargets';
export { distinctNames } from './import/targetNames';

// Review of many reports: the index page, each report's page, the summed tables, the workbook.
export { rowValues } from './review/columns';
export { indexFoot, indexHead, indexRow } from './review/indexPage';
export type { IndexRow } from './review/indexPage';
export { renderReviewPage } from './review/reportPage';
export { REVIEW_STRINGS } from './i18n/review';
export { csvLine, headerRow, reportRow, TableSummary } from './review/tableRows';
export type { TableReport } from './review/tableRows';
export { XlsxWriter } from './review/xlsx';
