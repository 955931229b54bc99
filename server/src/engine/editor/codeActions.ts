/**
 * Quick fixes for the engine's diagnostics, file-wide variants, and `source.fixAll` (every wrong
 * total). Each fix is computed from the parsed report (exact spans) and the format definition, and
 * changes only the characters it must.
 */
import type { CodeAction, CodeActionContext, Diagnostic as LspDiagnostic, Range, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver-types';
import { parentPath } from '../format';
import { displayName } from '../parse/report';
import type { DiagnosticData, Diagnostic as EngineDiagnostic } from '../parse/types';
import type { Analysis } from './analysis';
import { fillBlankRow, writeCells } from '../write/cellWrites';
import { cellValueEdit, inBlankRow, numberText } from '../write/edits';
import { featureText } from '../i18n/editor';
import type { FeatureText } from '../i18n/editor';
import { copyCarryOverEdits, fillAllBlanksEdits, fixAllTotalsEdits, followingTotal, fullwidthEdit, renameEdit, renumberEdits, replaceAllFullwidthEdits } from './fixEdits';
import { missingItemEdit } from '../write/missing';
import { solveTotals } from './totals';
import { zeros } from '../write/yamlText';
import { ARITHMETIC_RULES } from '../rules/registry';

/** A diagnostic of the request with what the engine knows about it (cell path, data). */
interface Resolved {
  lsp: LspDiagnostic;
  code: string;
  cell?: string;
  data: DiagnosticData;
}

const samePos = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;
const sameRange = (a: Range, b: Range) => samePos(a.start, b.start) && samePos(a.end, b.end);

/**
 * The client sends back code, range, message and data; the cell path may not survive the trip, so
 * the engine's own diagnostic (same code and range, same message when several share a range) is
 * looked up and its cell and data used.
 */
function resolve(a: Analysis, lsp: LspDiagnostic): Resolved {
  const code = String(lsp.code ?? '');
  const same = a.result.diagnostics.filter((e) => e.code === code && sameRange(e.range, lsp.range));
  const engine: EngineDiagnostic | undefined = same.find((e) => e.message === lsp.message) ?? same[0];
  const sent = (lsp.data ?? {}) as DiagnosticData & { cell?: string };
  return { lsp, code, cell: engine?.cell ?? sent.cell, data: { ...sent, ...(engine?.data ?? {}) } };
}

const wanted = (only: string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));

function action(uri: string, title: string, edits: TextEdit[], diagnostics: LspDiagnostic[], kind: string = CodeActionKind.QuickFix, preferred = false): CodeAction {
  return { title, kind, diagnostics, ...(preferred ? { isPreferred: true } : {}), edit: { changes: { [uri]: edits } } };
}

/** Fix of one total: the anchor's value characters replaced (a blank row is written whole). */
function totalFix(a: Analysis, uri: string, d: Resolved, text: FeatureText): CodeAction | undefined {
  const report = a.result.report;
  const computed = d.data.computed;
  const cell = d.cell ? report.cells.get(d.cell) : undefined;
  if (computed === undefined || !cell) return undefined;
  // A negative carry-over cannot be right: the balance is off somewhere else.
  if (d.code === 'balance' && computed < 0) return undefined;
  let edits: TextEdit[];
  let title = d.code === 'balance' ? text.setCell(displayName(cell.path), numberText(computed)) : text.setTotal(numberText(computed));
  if (inBlankRow(cell)) {
    const values = solveTotals(report);
    values.set(cell.path, computed);
    const row = parentPath(cell.path);
    edits = writeCells(report, new Map([...values].filter(([p]) => p.startsWith(`${row}/`))));
  } else {
    const edit = cellValueEdit(report, cell, numberText(computed));
    edits = edit ? [edit] : [];
    const follow = d.code === 'balance' && edit ? followingTotal(report, cell, computed) : undefined;
    if (follow) {
      edits.push(follow.edit);
      title = text.setCellAndTotal(displayName(cell.path), numberText(computed), numberText(follow.value));
    }
  }
  if (edits.length === 0) return undefined;
  return action(uri, title, edits, [d.lsp], CodeActionKind.QuickFix, true);
}

/** The single-diagnostic fix, if there is one. */
function fixFor(a: Analysis, uri: string, d: Resolved, text: FeatureText): CodeAction | undefined {
  const report = a.result.report;
  const one = (title: string, edit: TextEdit | undefined) => (edit ? action(uri, title, [edit], [d.lsp], CodeActionKind.QuickFix, true) : undefined);
  if (ARITHMETIC_RULES.has(d.code)) return totalFix(a, uri, d, text);
  switch (d.code) {
    case 'blank-cell': {
      if (!d.cell) return undefined;
      const cell = report.cells.get(d.cell);
      if (cell) return one(text.fillZero, cellValueEdit(report, cell, '0'));
      return one(text.fillRowZero(displayName(d.cell)), fillBlankRow(report, d.cell, zeros));
    }
    case 'missing-item':
      return d.cell ? one(text.insertMissing(displayName(d.cell)), missingItemEdit(report, d.cell)) : undefined;
    case 'fullwidth': {
      const r = d.data.replacement;
      return r === undefined ? undefined : one(text.replaceFullwidth(r), fullwidthEdit(report, d.lsp.range, r));
    }
    case 'unknown-key':
      return d.data.suggestion ? one(text.rename(d.data.suggestion), renameEdit(report, d.lsp.range, d.cell, d.data.suggestion)) : undefined;
    case 'carry-over': {
      // Only the per-column diagnostics carry last year's value; those about the file itself have no fix.
      const computed = d.data.computed;
      if (!d.cell || computed === undefined || !a.result.previous) return undefined;
      const edits = writeCells(report, new Map([[d.cell, computed]]));
      return edits.length ? action(uri, text.copyCarryOver(numberText(computed)), edits, [d.lsp], CodeActionKind.QuickFix, true) : undefined;
    }
    case 'artifact': {
      if (d.data.replacement === undefined) return undefined;
      const s = report.lines.offset(d.lsp.range.start);
      const found = report.text.slice(s, report.lines.offset(d.lsp.range.end));
      return one(text.removeArtifact(found), { range: d.lsp.range, newText: d.data.replacement });
    }
    case 'numbering': {
      const fix = renumberEdits(report, report.lines.offset(d.lsp.range.start));
      if (!fix) return undefined;
      const title = fix.edits.length === 1 ? text.renumberOne(fix.expected) : text.renumber(fix.expected, fix.edits.length);
      return action(uri, title, fix.edits, [d.lsp], CodeActionKind.QuickFix, true);
    }
    default:
      return undefined;
  }
}

const count = (a: Analysis, code: string) => a.result.diagnostics.filter((d) => d.code === code).length;
/** Carry-over diagnostics on cells (the row fix is offered when it does more than one of them). */
const carryOverCells = (a: Analysis) => a.result.diagnostics.filter((d) => d.code === 'carry-over' && d.cell).length;

/**
 * `range` is the selection the client asks about; the diagnostics the client found there come in
 * `context.diagnostics`, which is all the quick fixes need.
 */
export function codeActions(a: Analysis, uri: string, range: Range, context: CodeActionContext): CodeAction[] {
  const text = featureText(a.t.locale);
  const report = a.result.report;
  const out: CodeAction[] = [];
  const fileWide = new Map<string, { title: string; edits: () => TextEdit[]; diagnostics: LspDiagnostic[] }>();
  const addFileWide = (id: string, title: string, edits: () => TextEdit[], d: LspDiagnostic | undefined) => {
    const entry = fileWide.get(id) ?? { title, edits, diagnostics: [] };
    if (d) entry.diagnostics.push(d);
    fileWide.set(id, entry);
  };
  for (const lsp of context.diagnostics) {
    const d = resolve(a, lsp);
    const fix = fixFor(a, uri, d, text);
    if (fix) out.push(fix);
    // File-wide variants: offered where there is more than the one fix above to make.
    // Offered on a balance too (wrong totals often cause it), but not listed as resolving it.
    if (ARITHMETIC_RULES.has(d.code)) addFileWide('totals', text.fixAllTotals, () => fixAllTotalsEdits(report), d.code === 'balance' ? undefined : lsp);
    if (d.code === 'blank-cell' && count(a, 'blank-cell') > 1) addFileWide('blanks', text.fillAllBlanks, () => fillAllBlanksEdits(report), lsp);
    if (d.code === 'fullwidth' && count(a, 'fullwidth') > 1) addFileWide('fullwidth', text.replaceAllFullwidth, () => replaceAllFullwidthEdits(a), lsp);
    if (d.code === 'carry-over' && d.cell && carryOverCells(a) > 1) addFileWide('carry-over', text.copyCarryOverRow, () => copyCarryOverEdits(a), lsp);
  }
  for (const w of fileWide.values()) {
    const edits = w.edits();
    if (edits.length > 0) out.push(action(uri, w.title, edits, w.diagnostics));
  }
  if (context.only && wanted(context.only, CodeActionKind.SourceFixAll)) {
    const edits = fixAllTotalsEdits(report);
    if (edits.length > 0) out.push(action(uri, text.fixAllTotals, edits, [], CodeActionKind.SourceFixAll));
  }
  return out.filter((c) => wanted(context.only, c.kind ?? CodeActionKind.QuickFix));
}
