/**
 * The engine's entry point: source text in, parsed report and diagnostics out. Pure: no I/O, no
 * editor API; the language server, the CLI and the tests all call `check`.
 */
import type { Document } from 'yaml';
import type { RefRefusal } from './workflows/previousReport';
import type { RuleCode, Severity } from './format';
import { i18n, normalizeLocale } from './i18n/messages';
import type { I18n, Locale } from './i18n/messages';
import { parseReport } from './parse/report';
import type { Diagnostic, Finding, Report } from './parse/types';
import { runRules, SEVERITY } from './rules';
import { checkCarryOver, checkInventory, checkLink, linkProblem, previousName } from './rules/crossYear';
import type { Previous } from './rules/crossYear';
import { checkEncoding } from './rules/encoding';
import { checkProseTrend } from './rules/proseTrend';
import { validateStructure } from './schema/validate';

export interface CheckOptions {
  locale?: Locale | string;
  /** Per-code severity override, or 'off' to drop the code. */
  severities?: Partial<Record<RuleCode, Severity | 'off'>>;
  /**
   * Last year's report, found by the edge (see features/previousReport.ts): enables carry-over and
   * inventory. A function is called once this report is parsed (its 上年报告, 年度 and 机关 tell
   * the edge which file to read), so the edge need not parse the text first.
   */
  previous?: PreviousInput | ((report: Report) => PreviousInput | undefined);
  /** How the edge decoded the file's bytes (parse/encoding.ts): GB18030 is worth a warning. */
  encoding?: 'utf-8' | 'gb18030';
}

/** Last year's report: its text, or its check result (an edge's cache), or the fact it could not be read. */
export interface PreviousInput {
  /** How the edge names the file (a path or a URI): copied to related locations, shown as its last segment. */
  path?: string;
  text?: string;
  result?: CheckResult;
  /** 上年报告 names a file the edge could not read. */
  unreadable?: boolean;
  /** 上年报告 names a file the edge will not read (features/previousReport.ts, refRefusal). */
  refused?: RefRefusal;
}

export interface CheckResult {
  report: Report;
  diagnostics: Diagnostic[];
  /** The YAML AST (absent when the text was refused before parsing), for editor features. */
  doc?: Document.Parsed;
  /** Last year's report, when the cross-year rules compared against it (for hover and quick fixes). */
  previous?: Previous;
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const t = i18n(normalizeLocale(options.locale));
  const { report, findings, doc, data } = parseReport(text, t);
  // A file refused before parsing (binary, too large) has one message that says enough.
  if (doc) findings.push(...checkEncoding(report.text, options.encoding, t));
  if (doc && data && doc.errors.length === 0) {
    if (data.aliasBomb) findings.push({ code: 'yaml-syntax', span: [0, 0], message: t.m.aliasBomb() });
    else if (data.value !== null && data.value !== undefined) findings.push(...validateStructure(report, doc, data.value, t));
  }
  let previous: Previous | undefined;
  if (!doc || doc.errors.length === 0) {
    findings.push(...runRules(report, t));
    const input = typeof options.previous === 'function' ? options.previous(report) : options.previous;
    if (input) previous = crossYear(report, input, t, findings);
  }
  return { report, diagnostics: toDiagnostics(report, findings, options), doc, ...(previous ? { previous } : {}) };
}

/** Runs the cross-year rules; returns last year's report when they compared against it. */
function crossYear(report: Report, input: PreviousInput, t: I18n, findings: Finding[]): Previous | undefined {
  // What the user wrote names the file best in these notices; else the edge's name for it.
  const name = report.previousRef ?? (input.path !== undefined ? previousName({ report, path: input.path }) : '');
  if (input.refused) {
    findings.push(linkProblem(report, name, input.refused, t));
    return undefined;
  }
  if (input.unreadable) {
    findings.push(linkProblem(report, name, 'unreadable', t));
    return undefined;
  }
  const parsed = input.result ?? (input.text !== undefined ? parseReport(input.text, t) : undefined);
  if (!parsed) return undefined;
  // A file with syntax errors has unreliable cells; one refused before parsing has none.
  if (!parsed.doc || parsed.doc.errors.length > 0) {
    findings.push(linkProblem(report, name, 'broken', t));
    return undefined;
  }
  const previous: Previous = { report: parsed.report, ...(input.path !== undefined ? { path: input.path } : {}) };
  const link = checkLink(report, previous, t);
  findings.push(...link.findings);
  if (!link.compare) return undefined;
  findings.push(...checkCarryOver(report, previous, t), ...checkInventory(report, previous, t), ...checkProseTrend(report, previous, t));
  return previous;
}

export function toDiagnostics(report: Report, findings: Finding[], options: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const override = options.severities?.[f.code];
    if (override === 'off') continue;
    out.push({
      code: f.code,
      severity: override ?? f.severity ?? SEVERITY[f.code],
      message: f.message,
      range: report.lines.range(f.span),
      ...(f.cell ? { cell: f.cell } : {}),
      ...(f.related && f.related.length
        ? {
            related: f.related.map((r) => ({
              range: (r.other?.lines ?? report.lines).range(r.span),
              message: r.message,
              ...(r.cell ? { cell: r.cell } : {}),
              ...(r.other ? { path: r.other.path } : {}),
            })),
          }
        : {}),
      ...(f.data ? { data: f.data } : {}),
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export type { Diagnostic, Report } from './parse/types';
export type { Previous } from './rules/crossYear';
export type { Locale } from './i18n/messages';
