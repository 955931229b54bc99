/**
 * Inlay hints for totals: an omitted 总计 shows the value it is computed as (`总计 = 8`, at the end
 * of its row), a wrong one shows what it should be (`≠ 8`, after the written value), each with the
 * sum spelled out in the tooltip.
 */
import type { InlayHint, Position, Range } from 'vscode-languageserver';
import { equations, lastKey, lookup, parentPath } from '../format';
import type { Equation } from '../format';
import type { Cell, Report, Span } from '../parse/types';
import type { Analysis } from './analysis';
import { afterColon, contentEnd, entryExtent, hasText, numberText } from '../write/edits';
import { featureText } from '../i18n/editor';
import { SUM_RULES } from '../rules/registry';

/**
 * `自然人 5 + 商业企业 2 + … = 8`: terms in the anchor's row are named by column, terms in other
 * rows (a column sum) by row.
 */
function expression(report: Report, eq: Equation, result: number): string {
  const row = parentPath(eq.anchor);
  const terms = eq.rhs.map((p) => {
    const name = parentPath(p) === row ? lastKey(p) : lastKey(parentPath(p));
    return `${name} ${numberText(report.cells.get(p)?.value ?? 0)}`;
  });
  return `${terms.join(' + ')} = ${numberText(result)}`;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const inRange = (p: Position, r: Range) => !before(p, r.start) && !before(r.end, p);

/**
 * After the row: past `}` for a flow row; for a block row after its last cell's value (the block's
 * range would also take in a trailing comment).
 */
function rowEnd(report: Report, rowPath: string): number | undefined {
  const row = report.entries.get(rowPath);
  if (!row || !hasText(row.valueSpan)) return undefined;
  if (report.text[row.valueSpan[0]] === '{') return contentEnd(report.text, row.valueSpan);
  let last: Cell | undefined;
  for (const cell of report.cells.values()) {
    if (parentPath(cell.path) === rowPath && cell.keySpan && (!last || cell.keySpan[0] > (last.keySpan as Span)[0])) last = cell;
  }
  return last ? valueEnd(report, last) : contentEnd(report.text, row.valueSpan);
}

/** Just after a written value, or after the colon of a blank `总计:`. */
function valueEnd(report: Report, cell: Cell): number | undefined {
  if (hasText(cell.valueSpan)) return cell.valueSpan[1];
  return cell.keySpan ? afterColon(report.text, cell.keySpan[1]) : undefined;
}

export function inlayHints(a: Analysis, range: Range): InlayHint[] {
  const report = a.result.report;
  const text = featureText(a.t.locale);
  const sums = equations(report.format).filter((eq) => eq.isSum);
  const out: InlayHint[] = [];
  const push = (offset: number | undefined, label: string, tooltip: string) => {
    if (offset === undefined) return;
    const position = report.lines.position(offset);
    if (inRange(position, range)) out.push({ position, label, tooltip, paddingLeft: true });
  };

  // Omitted totals. A row left out entirely (（七）总计 is optional) gets one hint for all its cells,
  // at the end of the group it belongs to.
  const omittedRows = new Map<string, Cell[]>();
  for (const cell of report.cells.values()) {
    if (cell.state !== 'computed') continue;
    const rowPath = parentPath(cell.path);
    if (report.entries.has(rowPath)) {
      const eq = sums.find((e) => e.anchor === cell.path);
      const tooltip = text.computed(eq ? expression(report, eq, cell.value) : numberText(cell.value));
      push(rowEnd(report, rowPath), `${cell.def.key} = ${numberText(cell.value)}`, tooltip);
    } else {
      const list = omittedRows.get(rowPath) ?? [];
      list.push(cell);
      omittedRows.set(rowPath, list);
    }
  }
  for (const [rowPath, cells] of omittedRows) {
    const group = report.entries.get(parentPath(rowPath));
    const loc = lookup(report.format, rowPath);
    // Only a row that is all totals (（七）总计) is computed whole; an absent ordinary row is a
    // missing-item, not something to show as computed.
    if (!group || !loc || loc.node.kind !== 'row' || cells.length !== loc.node.cells.length) continue;
    const values = cells.map((c) => `${c.def.key}: ${numberText(c.value)}`).join(', ');
    push(entryExtent(report, group)[1], `${lastKey(rowPath)} = {${values}}`, text.computed(loc.node.description ?? loc.node.label));
  }

  // Wrong totals, from the diagnostics (so a rule switched off shows nothing); one hint per cell.
  const wrong = new Map<string, { needed: string[]; lines: string[] }>();
  for (const d of a.result.diagnostics) {
    if (!SUM_RULES.has(d.code) || !d.cell || d.data?.computed === undefined) continue;
    const eq = sums.find((e) => e.code === d.code && e.anchor === d.cell);
    const needed = numberText(d.data.computed);
    const w = wrong.get(d.cell) ?? { needed: [], lines: [] };
    if (!w.needed.includes(needed)) w.needed.push(needed);
    w.lines.push(text.shouldBe(needed, eq ? expression(report, eq, d.data.computed) : needed));
    wrong.set(d.cell, w);
  }
  for (const [path, w] of wrong) {
    const cell = report.cells.get(path);
    if (cell) push(valueEnd(report, cell), `≠ ${w.needed.join(' / ')}`, w.lines.join('\n'));
  }
  return out.sort((x, y) => x.position.line - y.position.line || x.position.character - y.position.character);
}
