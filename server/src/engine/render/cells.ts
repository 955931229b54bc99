/**
 * One numeric table cell: value as published, plus the state, source line and diagnostics a
 * preview needs (the print stylesheet hides all of that again).
 */
import type { Cell } from '../parse/types';
import { cellDiagnostics, keyLine, lineAt, marksOf } from './context';
import type { RenderContext } from './context';
import { classes, el, escapeHtml } from './escape';
import { SUM_RULES } from '../rules/registry';

/** Longest invalid source text shown in a cell; the diagnostic carries the rest. */
const MAX_INVALID_TEXT = 40;

/** A plain decimal literal, printed exactly as written (keeps `0.50`, avoids `1e21`). */
const PLAIN_NUMBER = /^(0|[1-9]\d*)(\.\d+)?$/;

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // Sums of decimals pick up binary noise (0.1 + 0.2); six places is finer than any report prints.
  return String(Math.round(value * 1e6) / 1e6);
}

function sourceText(cell: Cell, text: string): string | undefined {
  return cell.valueSpan ? text.slice(cell.valueSpan[0], cell.valueSpan[1]).trim() : undefined;
}

/** The cell's printed content (unescaped). */
export function cellText(cell: Cell, text: string): string {
  switch (cell.state) {
    case 'number': {
      const written = cell.fullwidth ? undefined : sourceText(cell, text);
      return written !== undefined && PLAIN_NUMBER.test(written) ? written : formatNumber(cell.value);
    }
    case 'computed':
      return formatNumber(cell.value);
    case 'invalid': {
      const written = sourceText(cell, text) ?? '';
      return written.length > MAX_INVALID_TEXT ? `${written.slice(0, MAX_INVALID_TEXT)}…` : written;
    }
    default:
      return '';
  }
}

/** Line of the value, else of the key, else of the nearest written parent key. */
export function cellLine(ctx: RenderContext, path: string, cell: Cell | undefined): number {
  const span = cell?.valueSpan ?? cell?.keySpan ?? cell?.containerSpan;
  return span ? lineAt(ctx.report, span[0]) : keyLine(ctx.report, path);
}

/** The computed value beside a wrong total: `≠ 8`; the preview's quick action writes it. */
function computedBeside(ctx: RenderContext, path: string, cell: Cell | undefined): string {
  if (!cell || (cell.state !== 'number' && cell.state !== 'blank')) return '';
  const d = (ctx.byCell.get(path) ?? []).find((x) => SUM_RULES.has(x.code) && x.data?.computed !== undefined);
  const computed = d?.data?.computed;
  if (computed === undefined || computed === cell.value) return '';
  return el('span', { class: 'xxgk-should-be', 'data-computed': formatNumber(computed) }, `≠ ${escapeHtml(formatNumber(computed))}`);
}

export function renderCell(ctx: RenderContext, path: string): string {
  const cell = ctx.report.cells.get(path);
  // Published: the number as printed, nothing about how it was obtained.
  if (ctx.publish) return el('td', { class: 'num' }, cell ? escapeHtml(cellText(cell, ctx.report.text)) : '');
  const state = cell?.state ?? 'missing';
  const marks = marksOf(cellDiagnostics(ctx, path));
  const stateWord = state === 'number' ? undefined : ctx.strings[state];
  const title = [stateWord, ...marks.messages].filter(Boolean).join('\n');
  return el(
    'td',
    {
      class: classes('num', state === 'number' ? undefined : state, marks.className),
      'data-cell': path,
      'data-line': cellLine(ctx, path, cell),
      'data-diagnostics': marks.messages.join('\n'),
      title,
      // The preview edits these cells in place (an ARIA grid; the webview moves the focus).
      role: 'gridcell',
      tabindex: -1,
    },
    (cell ? escapeHtml(cellText(cell, ctx.report.text)) : '') + computedBeside(ctx, path, cell),
  );
}
