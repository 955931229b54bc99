/**
 * The preview: the report rendered as an HTML fragment (the client wraps it in its webview page),
 * with a map back to the source for click-to-jump (cells) and scroll sync (blocks).
 */
import type { Range } from 'vscode-languageserver';
import { lookup } from '../format';
import type { Report, Span } from '../parse/types';
import { renderBody } from '../render/html';
import type { Analysis } from './analysis';
import { entryExtent, hasText } from '../write/edits';

export interface PreviewResult {
  html: string;
  map: {
    /** Cell path → range of its written value (of its key when blank). */
    cells: Record<string, Range>;
    /** Source line span of every rendered paragraph and table row, in source order. */
    blocks: { line: number; endLine: number }[];
  };
}

/** Key written in the source whose value prints as the heading (not a paragraph of its own). */
const TITLE_KEY = '标题';

function lines(report: Report, span: Span): { line: number; endLine: number } {
  return { line: report.lines.position(span[0]).line, endLine: report.lines.position(Math.max(span[0], span[1] - 1)).line };
}

/** Rows printed in a table: rows and single-value cells directly under a part with a layout. */
function printedRow(report: Report, path: string): boolean {
  const loc = lookup(report.format, path);
  if (!loc || !loc.part.layout) return false;
  return loc.node.kind === 'row' || (loc.node.kind === 'cell' && loc.parent?.node.kind === 'group');
}

export function preview(a: Analysis): PreviewResult {
  const { report, diagnostics } = a.result;
  const html = renderBody(report, { diagnostics, locale: a.t.locale });
  const cells: Record<string, Range> = {};
  for (const cell of report.cells.values()) {
    if (!cell.keySpan) continue;
    cells[cell.path] = report.lines.range(hasText(cell.valueSpan) ? cell.valueSpan : cell.keySpan);
  }
  const blocks = report.paragraphs.map((p) => lines(report, p.span));
  for (const e of report.entries.values()) {
    if (printedRow(report, e.path) || (e.path === TITLE_KEY && report.titleWritten)) blocks.push(lines(report, entryExtent(report, e)));
  }
  blocks.sort((x, y) => x.line - y.line || x.endLine - y.endLine);
  return { html, map: { cells, blocks } };
}
