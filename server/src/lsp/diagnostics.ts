/** Engine diagnostics as LSP diagnostics. */
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleDocLink } from '../node/ruleDocs';
import type { Diagnostic } from '../engine';
import type { Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const SOURCE = 'xxgk';

/** `uri` is the document's; a related location in last year's file carries that file's URI as `path`. */
export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  // The rules document shipped with the server, at the rule's section (node/ruleDocs.ts).
  const href = ruleDocLink(d.code);
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    source: SOURCE,
    code: d.code,
    ...(href ? { codeDescription: { href } } : {}),
    message: d.message,
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri: r.path ?? uri, range: r.range }, message: r.message })) } : {}),
    ...(d.data ? { data: d.data } : {}),
  };
}
