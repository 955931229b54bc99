/**
 * The parsed report: every value of the source with its exact source span, read against the
 * format definition. Produced once per text by `parseReport`; rules and the renderer only read it.
 */
import type { CellNode, FormatDef, RuleCode, Severity } from '../format';
import type { LineIndex } from './lines';
import type { Span, Range } from './positions';

export type { Position, Range, Span } from './positions';

export type CellState =
  /** A number is written. */
  | 'number'
  /** The key is there, the value empty (`自然人:` or `~`): counted as 0, warned about. */
  | 'blank'
  /** The key is absent: counted as 0 (a `missing-item` is reported). */
  | 'missing'
  /** A total that is absent: computed from its parts. */
  | 'computed'
  /** Not a usable number (text, negative, …): counted as 0, an `invalid-value` is reported. */
  | 'invalid';

export interface Cell {
  /** `/`-joined key path, e.g. `依申请公开/办理结果/总计/自然人`. */
  path: string;
  def: CellNode;
  state: CellState;
  /** The value used in sums: the number written, the computed total, or 0. */
  value: number;
  /** The key, when written. */
  keySpan?: Span;
  /** The value, when written (absent for a blank with no `~`: then an empty span after the key). */
  valueSpan?: Span;
  /** The row or mapping this cell belongs to, when written (to place diagnostics of absent cells). */
  containerSpan?: Span;
  /**
   * A total computed (absent) or blank whose value is the sum of its parts, at least one of them
   * written: the value is known. A computed or blank total without it is unknown (nothing written).
   */
  derived?: boolean;
  /** Source text of the value was full-width digits, read as ASCII. */
  fullwidth?: boolean;
}

/** A paragraph of prose (sections, sub-section titles and bodies, 前言, 正文, 备注). */
export interface Paragraph {
  /** Path of the text node, e.g. `总体情况`, `总体情况/2/正文`, `其他事项/正文`. */
  path: string;
  /** The top-level part it belongs to, e.g. `总体情况`. */
  part: string;
  /** A sub-section heading (标题) rather than body text. */
  heading?: boolean;
  text: string;
  span: Span;
}

/** Where a key and its value were written (for every key read against the definition). */
export interface Entry {
  path: string;
  keySpan: Span;
  valueSpan: Span;
}

export interface Report {
  /** The text parsed (without a BOM). */
  text: string;
  lines: LineIndex;
  format: FormatDef;
  /** `年度`, when it is a usable integer. */
  year?: number;
  agency?: string;
  /** 上年报告 as written (a path relative to this file), when it is a non-empty string. */
  previousRef?: string;
  /** 标题 as written, or the default title of the format. */
  title: string;
  titleWritten: boolean;
  /** Every cell of the definition, written or not, keyed by path. */
  cells: Map<string, Cell>;
  /** Every written key that the definition knows, keyed by path. */
  entries: Map<string, Entry>;
  paragraphs: Paragraph[];
  /**
   * Key paths where full-width input hid a known key or number and was read as meant; the schema
   * check stays silent there because a `fullwidth` diagnostic already says what to fix.
   */
  repaired: Set<string>;
  /**
   * Paths of rows written under their official label or an alias (属于国家秘密:): read as the row
   * (unknown-key says to rename them), so the row is not missing.
   */
  labelled: Set<string>;
}

export interface RelatedInfo {
  span: Span;
  message: string;
  cell?: string;
  /**
   * A location in another file (last year's report): its name as the edge gave it, and its line
   * index, which turns `span` (an offset into that file) into a range.
   */
  other?: { path: string; lines: LineIndex };
}

/** A diagnostic as rules produce it (offsets); `toDiagnostic` turns spans into LSP ranges. */
export interface Finding {
  code: RuleCode;
  span: Span;
  message: string;
  cell?: string;
  related?: RelatedInfo[];
  data?: DiagnosticData;
  /** Overrides the rule's default severity (rarely needed). */
  severity?: Severity;
}

export interface DiagnosticData {
  written?: number | null;
  computed?: number;
  difference?: number;
  /** Paths of cells counted as 0 because they are blank or absent. */
  blanks?: string[];
  /** Replacement text for the span (used by quick fixes). */
  replacement?: string;
  /** Suggested key for `unknown-key`. */
  suggestion?: string;
}

export interface Diagnostic {
  code: RuleCode;
  severity: Severity;
  message: string;
  range: Range;
  cell?: string;
  /** `path` is set for a location in another file (as the edge named it: a path or a URI). */
  related?: { range: Range; message: string; cell?: string; path?: string }[];
  data?: DiagnosticData;
}
