/**
 * One code lens above each table: whether its arithmetic relations hold (`勾稽关系 ✓`) or how many
 * do not (`2 处不平衡`). The command opens the problems view; the client registers it.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from './analysis';
import { entryExtent } from '../write/edits';
import { featureText } from '../i18n/editor';
import { ARITHMETIC_RULES } from '../rules/registry';

export const SHOW_PROBLEMS_COMMAND = 'xxgk.showProblems';

export function codeLenses(a: Analysis): CodeLens[] {
  const report = a.result.report;
  const text = featureText(a.t.locale);
  const out: CodeLens[] = [];
  for (const part of report.format.parts) {
    const key = part.node.key;
    const entry = report.entries.get(key);
    if (!part.layout || !entry) continue;
    const [start, end] = entryExtent(report, entry);
    const first = report.lines.position(start).line;
    const last = report.lines.position(end).line;
    const count = a.result.diagnostics.filter(
      (d) => ARITHMETIC_RULES.has(d.code) && (d.cell ? d.cell.startsWith(`${key}/`) : d.range.start.line >= first && d.range.start.line <= last),
    ).length;
    const title = count === 0 ? text.balanced : text.unbalanced(count);
    out.push({ range: report.lines.range(entry.keySpan), command: { title, command: SHOW_PROBLEMS_COMMAND } });
  }
  return out;
}
