/**
 * The report as published, as HTML: title, 前言, then every numbered part of the format in
 * definition order. Labels, rows, columns and spans all come from `report.format`; a part absent
 * from the source still prints (empty cells marked `missing`) so the layout is always complete.
 */
import type { PartDef } from '../format';
import type { Diagnostic, Report } from '../parse/types';
import { createContext, keyLine, marksOf } from './context';
import type { RenderContext, RenderOptions } from './context';
import { classes, el, escapeHtml } from './escape';
import { partContents, PREFACE_KEY, printedParts, TITLE_KEY } from './outline';
import { renderProse } from './prose';
import { PAGE_CSS, REPORT_CSS } from './style';
import { renderGrid } from './tables';

export type { RenderOptions } from './context';
export { escapeHtml } from './escape';

export interface PageOptions extends RenderOptions {
  /** `<title>` of the page; the report title by default. */
  title?: string;
  /**
   * Diagnostics the page lists above the report, with their lines: those no cell or paragraph can
   * show, such as the syntax errors of a file that could not be parsed (its page is otherwise blank).
   */
  listed?: Diagnostic[];
}

function renderListed(listed: Diagnostic[]): string {
  if (listed.length === 0) return '';
  const items = listed.map((d) => el('li', { class: `has-${d.severity}` }, escapeHtml(`${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}: ${d.message}`)));
  return el('ul', { class: 'xxgk-problems', role: 'alert' }, items.join(''));
}

function renderPartBody(ctx: RenderContext, part: PartDef): string {
  return partContents(ctx.report.format, part)
    .map((c) => (c.kind === 'table' ? c.grids.map((g) => renderGrid(ctx, g)).join('') : renderProse(ctx, c.base, c.note ? 'note' : undefined)))
    .join('');
}

function renderPart(ctx: RenderContext, part: PartDef): string {
  const base = part.node.key;
  const line = keyLine(ctx.report, base);
  const written = ctx.report.entries.has(base);
  // Diagnostics on the part itself (e.g. the whole section is missing) mark its heading.
  const marks = marksOf(ctx.byCell.get(base) ?? []);
  const messages = marks.messages.join('\n');
  const heading = el('h2', { class: marks.className, 'data-line': line, 'data-diagnostics': messages, title: messages }, escapeHtml(part.node.label));
  return el('section', { class: classes('part', !written && 'missing'), 'data-part': base, 'data-line': line }, heading + renderPartBody(ctx, part));
}

export function renderBody(report: Report, options: RenderOptions = {}): string {
  const ctx = createContext(report, options);
  const title = el('h1', { class: 'title', 'data-line': keyLine(report, TITLE_KEY) }, escapeHtml(report.title));
  const preface = renderProse(ctx, PREFACE_KEY, 'preface');
  const parts = printedParts(report.format).map((p) => renderPart(ctx, p));
  return el('article', { class: 'xxgk-report', lang: 'zh-CN', 'data-format': report.format.id }, title + preface + parts.join(''));
}

/**
 * A standalone, script-free HTML5 document; the CSP forbids anything but the inline style. It is
 * the page as published (export, `xxgk render`): no review marks whatever the options say.
 */
export function renderPage(report: Report, options: PageOptions = {}): string {
  const title = options.title ?? report.title;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    renderListed(options.listed ?? []) + renderBody(report, { ...options, publish: true }),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
