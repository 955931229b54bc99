/**
 * Shapes of a format definition. A definition (one per national format revision) is pure data:
 * schema generation, the checker, the renderer and the editor features all read it, so a row,
 * column or label is written exactly once, in the definition.
 */

export type Unit = '件' | '万元' | '元';

// Rule codes and severities are listed once, with the rest of each rule's facts, in the registry.
import type { RuleCode } from '../rules/registry';
export type { RuleCode, Severity } from '../rules/registry';

interface NodeBase {
  /** YAML key (short, stable, part of the public contract). */
  key: string;
  /** Verbatim official label, printed in the preview and used as the schema title. */
  label: string;
  /** One line for hover, completion and the schema description. */
  description?: string;
  /** Absent without a warning (a `missing-item` is reported for every other node). */
  optional?: boolean;
  /** Other spellings people type (official long labels, old names); `unknown-key` suggests `key`. */
  aliases?: string[];
}

/** A numeric cell. */
export interface CellNode extends NodeBase {
  kind: 'cell';
  unit: Unit;
  /** Decimals allowed (amounts of money); otherwise a non-negative integer count. */
  decimal?: boolean;
  /** May be negative (the 2019 format's 本年增/减). */
  signed?: boolean;
  /** A total: computed (and shown as computed) when omitted, checked when written. */
  total?: boolean;
  /** Heading of the value column when the cell stands alone in a table row (table 2). */
  valueLabel?: string;
  /** Merged header above adjacent columns that share it (table 3's 法人或其他组织). */
  group?: string;
}

/** A mapping of cells sharing one column set (a table row). */
export interface RowNode extends NodeBase {
  kind: 'row';
  cells: CellNode[];
}

/** A mapping with fixed children (a table, or a block of rows inside a table). */
export interface GroupNode extends NodeBase {
  kind: 'group';
  children: Node[];
}

/** A free-text value (string). */
export interface TextNode extends NodeBase {
  kind: 'text';
}

/** A prose section: a string, or a list of {标题, 正文} sub-sections. */
export interface SectionNode extends NodeBase {
  kind: 'section';
}

/** A scalar setting such as 年度 or 格式. */
export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  type: 'integer' | 'string';
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
}

export type Node = CellNode | RowNode | GroupNode | TextNode | SectionNode | ScalarNode;

/** How a table is laid out when printed; each value is a generic shape, not a specific table. */
export type TableLayout =
  /** Several small captioned tables, one per 条例 item (table 2). */
  | { kind: 'captioned'; blocks: { caption: string; firstHeader: string; rows: string[] }[] }
  /** Rows down, one shared column set across (table 3). */
  | { kind: 'matrix'; corner: string; columnsHeader: string; rowLabelColumns: number }
  /** One line of values under a multi-level header built from the group tree (table 4). */
  | { kind: 'wide' };

/** A top-level part of the report. */
export interface PartDef {
  /** The node describing the YAML value. */
  node: Node;
  /** Official section number, e.g. 一 (absent for metadata such as 年度). */
  number?: string;
  /** Present for parts printed as a table. */
  layout?: TableLayout;
}

/**
 * A linear relation between cells, declared compactly in the definition and expanded into one
 * equation per row or column by `expandRelations`.
 * - `row-sum`: in every row under `table`, the total cell = sum of the other cells.
 * - `column-sum`: for every column, the row `total` of `group` = sum of the group's other leaf rows.
 * - `per-column`: for every column of the rows named, Σ lhs = Σ rhs; the diagnostic sits on `anchor`.
 */
export type RelationDef =
  | { code: RuleCode; kind: 'row-sum'; table: string }
  | { code: RuleCode; kind: 'column-sum'; group: string; total: string }
  | { code: RuleCode; kind: 'per-column'; lhs: string[]; rhs: string[]; anchor: string };

/** A concrete equation over cell paths: Σ lhs = Σ rhs. */
export interface Equation {
  code: RuleCode;
  lhs: string[];
  rhs: string[];
  /** The cell the diagnostic (and the quick fix) is placed on; a member of lhs or rhs. */
  anchor: string;
  /** True when lhs is a single total cell that is the sum of rhs (it can then be computed). */
  isSum: boolean;
}

/** Cell paths that semantic rules need; named so the rules stay free of format details. */
export interface SemanticRefs {
  /** Table 3 rows. */
  newRequests: string;
  carriedIn: string;
  outcomeTotal: string;
  carriedOut: string;
  /** Table 3 column holding the row total. */
  totalColumn: string;
  /** Rows whose cells count fee non-payment (逾期未缴费), if the format has one. */
  feeUnpaid?: string;
  /** 六: fee notices and amount. */
  feeNotices: string;
  feeAmount: string;
  /** Table 2: rows where only agencies with 规章制定权 may report non-zero numbers. */
  regulationRows: string[];
  /** Table 4: the row of 行政复议 and rows of 行政诉讼, and their outcome cells. */
  reviewRow: string;
  litigationRows: string[];
  correctedColumn: string;
  pendingColumn: string;
  /** How the prose names the rows, groups and totals of tables 3 and 4 (rule `prose-number`). */
  prose: ProseVocabulary;
  /** How lists are numbered inside paragraphs (rule `numbering`). */
  lists: ListConventions;
}

/**
 * The words reports use for the categories of the tables. Every row and group under `tables` is
 * named by its key, its official label (without its numbering) and its aliases; `phrases` add the
 * other words reports use, and the columns of a row are named by their labels after the row
 * (行政复议351件，其中结果维持72件).
 */
export interface ProseVocabulary {
  /** Tables whose rows, groups and columns the prose names. */
  tables: string[];
  /** Keys too common to name a row or column alone (其他, 总计). */
  notWords: string[];
  phrases: ProsePhrase[];
  /** Shares written after a number of a row under `under` are shares of `total`. */
  shares: { under: string; total: string }[];
  /** Words joining two categories whose numbers the prose adds up (予以公开及部分公开42件). */
  conjunctions: string[];
  /** Units after a count (件). */
  units: string[];
}

export interface ProsePhrase {
  /** A row or group path: the prose quotes its total (a group: the sum of its rows' totals). */
  path: string;
  /** Words besides the key, label and aliases. */
  words: string[];
  /** A verb naming the total only when no category word comes before the number (办结, 答复). */
  generic?: boolean;
  /** Other readings also accepted, each a list of paths summed (受理 may include last year's). */
  alternatives?: string[][];
}

/**
 * One way of numbering the items of a list written inside a paragraph (一是, 第一，, （1）, 1. …).
 * An item is a `prefix`, the number, and a `suffix` (any of the alternatives each); the number is
 * written in Chinese numerals (一 … 九十九), in digits (1 … 99, ASCII or full-width), or as one
 * of `words`. The context fields keep the same characters used otherwise (第一书记, 第1条, 2.5万,
 * 唯一是) from being read as list items.
 */
export interface OrdinalSystem {
  /** The first ordinal as written, naming the system in docs and tests: 一是, 第一, （1）. */
  name: string;
  numerals: 'chinese' | 'digits' | 'words';
  /** For `words`: the ordinals in order. */
  words?: string[];
  /** For `words`: a closing word, right after any item, that ends the list (最后). */
  last?: string;
  prefix?: string[];
  suffix?: string[];
  /**
   * The item opens a clause: it starts a line, follows whitespace, or follows one of these
   * characters. Absent: any character may come before it except those in `notAfter`.
   */
  after?: string;
  /** Characters that may not come right before the item (唯一是, 之一是, 第一是…). */
  notAfter?: string;
  /** The character right after the item must be one of these (第一，). */
  followedBy?: string;
  /** Characters that may not come right after the item (第（一）项, 2.5, 一是否). */
  notFollowedBy?: string;
  /** Only an item that starts a line counts (一、 headings written in the text). */
  lineStart?: boolean;
}

export interface ListConventions {
  /** Kept apart: a list of one system inside a list of another is its own list. */
  ordinals: OrdinalSystem[];
  /**
   * A list may start again at its first ordinal after a sentence containing one of these
   * (主要有以下几个方面, 采取如下措施) or ending with one of `introEndings` (：).
   */
  introPhrases: string[];
  introEndings: string[];
  /** Quotation marks (open, close): ordinals inside a quotation are the quoted text's own. */
  quotes: [string, string][];
}

/**
 * Relations between this year's report and last year's (rules `carry-over` and `inventory`).
 * Each names the `meaning` of the cells it reads: two reports in different formats are compared
 * by a relation only when last year's format declares one of the same kind with the same meaning
 * (the columns mean the same thing); last year's side is read from last year's declaration. So
 * whether a relation crosses a format boundary is decided by this data, never by format ids.
 */
export interface CrossYearDef {
  /** Table 3: for every column of row `this`, this year's cell = last year's cell of row `last`. */
  carryOver?: { meaning: string; this: string; last: string };
  /** Table 2: per row, `stock` = last year's `stock` + this year's `added` − this year's `removed`. */
  inventory?: { meaning: string; rows: InventoryRow[] };
}

export interface InventoryRow {
  /** Row path, e.g. `主动公开/规章`; the three keys are cells of that row. */
  row: string;
  stock: string;
  added: string;
  removed: string;
}

export interface FormatDef {
  /** Value of `格式`. */
  id: string;
  /** The document that issued the format. */
  source: string;
  /**
   * First report year the format was issued for. A report of a year for which a later format has
   * been issued is in an outdated format (rule `outdated-format`).
   */
  appliesFrom: number;
  /** Metadata and the six sections, in document order. */
  parts: PartDef[];
  relations: RelationDef[];
  semantic: SemanticRefs;
  crossYear: CrossYearDef;
  /** Default title; {机关} and {年度} are replaced. */
  titleTemplate: string;
}
