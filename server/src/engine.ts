/**
 * The engine's entry point: source text in, parsed report and diagnostics out. Pure: no I/O, no
 * editor API; the language server, the CLI and the tests all call `check`.
 */
import type { Document } from 'yaml';
import type { RuleCode, Severity } from './format';
import { i18n, normalizeLocale } from './i18n/messages';
import type { Locale } from './i18n/messages';
import { parseReport } from './parse/report';
import { toData } from './parse/yaml';
import type { Diagnostic, Finding, Report } from './parse/types';
import { runRules, SEVERITY } from './rules';
import { validateStructure } from './schema/validate';

export interface CheckOptions {
  locale?: Locale | string;
  /** Per-code severity override, or 'off' to drop the code. */
  severities?: Partial<Record<RuleCode, Severity | 'off'>>;
}

export interface CheckResult {
  report: Report;
  diagnostics: Diagnostic[];
  /** The YAML AST (absent when the text was refused before parsing), for editor features. */
  doc?: Document.Parsed;
}

/** Alias budget for turning the YAML into plain data for the schema check: nodes aliases may add. */
const MAX_ALIAS_NODES = 10_000;

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const t = i18n(normalizeLocale(options.locale));
  const { report, findings, doc } = parseReport(text, t);
  if (doc && doc.errors.length === 0) {
    let data: unknown;
    let ok = true;
    try {
      data = toData(doc, MAX_ALIAS_NODES);
    } catch {
      ok = false;
      findings.push({ code: 'yaml-syntax', span: [0, 0], message: t.m.aliasBomb() });
    }
    if (ok && data !== null && data !== undefined) findings.push(...validateStructure(report, doc, data, t));
  }
  if (!doc || doc.errors.length === 0) findings.push(...runRules(report, t));
  return { report, diagnostics: toDiagnostics(report, findings, options), doc };
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
        ? { related: f.related.map((r) => ({ range: report.lines.range(r.span), message: r.message, ...(r.cell ? { cell: r.cell } : {}) })) }
        : {}),
      ...(f.data ? { data: f.data } : {}),
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export type { Diagnostic, Report } from './parse/types';
export type { Locale } from './i18n/messages';
