/**
 * What every piece of the renderer needs: the report, source lines for `data-line` (so a preview
 * can jump back to the source), diagnostics indexed by cell, and the few UI words that are not
 * official labels (those come from the format definition only).
 */
import type { Severity } from '../format';
import type { Locale } from '../i18n/messages';
import { normalizeLocale } from '../i18n/messages';
import type { Diagnostic, Report, Span } from '../parse/types';

export interface RenderOptions {
  diagnostics?: Diagnostic[];
  locale?: Locale | string;
  /**
   * The report as it will be published (export, `xxgk render`): no review marks at all, computed
   * totals as plain numbers, no state tooltips. The preview leaves this off and keeps the marks.
   */
  publish?: boolean;
}

/** Hover words for cell states; 自动计算 stays in both languages because users search for it. */
export interface UiStrings {
  computed: string;
  blank: string;
  missing: string;
  invalid: string;
}

const STRINGS: Record<Locale, UiStrings> = {
  'zh-CN': { computed: '自动计算', blank: '空白（发布时应填 0）', missing: '未填写', invalid: '不是有效的数值' },
  en: { computed: 'computed', blank: 'blank (a published report prints 0)', missing: 'not written', invalid: 'not a valid number' },
};

export interface RenderContext {
  report: Report;
  strings: UiStrings;
  /** Diagnostics keyed by their `cell` path (a cell, row, block or part). */
  byCell: Map<string, Diagnostic[]>;
  /** Diagnostics not tied to a cell (prose, structure). */
  loose: Diagnostic[];
  publish: boolean;
  /** `loose` by start line, so a paragraph finds its own without scanning them all. */
  looseByLine: Map<number, Diagnostic[]>;
}

export function createContext(report: Report, options: RenderOptions = {}): RenderContext {
  const byCell = new Map<string, Diagnostic[]>();
  const loose: Diagnostic[] = [];
  // A published page carries no review marks, so it gets no diagnostics to mark.
  for (const d of options.publish ? [] : (options.diagnostics ?? [])) {
    if (d.cell === undefined) {
      loose.push(d);
      continue;
    }
    const list = byCell.get(d.cell);
    if (list) list.push(d);
    else byCell.set(d.cell, [d]);
  }
  const looseByLine = new Map<number, Diagnostic[]>();
  for (const d of loose) {
    const list = looseByLine.get(d.range.start.line);
    if (list) list.push(d);
    else looseByLine.set(d.range.start.line, [d]);
  }
  return { report, strings: STRINGS[normalizeLocale(options.locale)], byCell, loose, looseByLine, publish: options.publish ?? false };
}

/** 0-based source line of an offset. */
export function lineAt(report: Report, offset: number): number {
  return report.lines.position(offset).line;
}

const parentPath = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** Line of the key at `path`, or of its nearest written ancestor (0 when nothing is written). */
export function keyLine(report: Report, path: string): number {
  for (let p = path; p; p = parentPath(p)) {
    const entry = report.entries.get(p);
    if (entry) return lineAt(report, entry.keySpan[0]);
  }
  return 0;
}

/** Lines [first, last] a span covers. */
export function spanLines(report: Report, span: Span): [number, number] {
  return [lineAt(report, span[0]), lineAt(report, Math.max(span[0], span[1] - 1))];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Class (most severe wins) and messages for a set of diagnostics. */
export interface Marks {
  className?: string;
  messages: string[];
}

export function marksOf(diagnostics: Diagnostic[]): Marks {
  if (diagnostics.length === 0) return { messages: [] };
  let worst: Severity = 'info';
  for (const d of diagnostics) if (RANK[d.severity] > RANK[worst]) worst = d.severity;
  return { className: `has-${worst}`, messages: diagnostics.map((d) => d.message) };
}

/**
 * Diagnostics for a cell: its own, and those placed on a row, block or part containing it (a
 * blank or missing row, a missing table: every cell inside is affected).
 */
export function cellDiagnostics(ctx: RenderContext, path: string): Diagnostic[] {
  if (ctx.byCell.size === 0) return [];
  const out: Diagnostic[] = [];
  for (let p = path; p; p = parentPath(p)) out.push(...(ctx.byCell.get(p) ?? []));
  return out;
}

/** Diagnostics not tied to a cell that start on the lines of a span. */
export function spanDiagnostics(ctx: RenderContext, span: Span): Diagnostic[] {
  if (ctx.loose.length === 0) return [];
  const [first, last] = spanLines(ctx.report, span);
  // By line: linear over a page of 40,000 flagged paragraphs (a filter of every diagnostic per
  // paragraph made that 7.5 s). A span over more lines than there are diagnostics filters instead.
  if (last - first + 1 > ctx.loose.length) return ctx.loose.filter((d) => d.range.start.line >= first && d.range.start.line <= last);
  const out: Diagnostic[] = [];
  for (let line = first; line <= last; line++) {
    const list = ctx.looseByLine.get(line);
    if (list) out.push(...list);
  }
  return out;
}
