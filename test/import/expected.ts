/**
 * Expected table cells of real published reports, written by hand from each document
 * (test/import/fixtures/expected/*.json), and their comparison with an imported report.
 * Tests and summaries share this module so every document is scored the same way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../server/src/engine/check';
import { allCells, equations, getFormat } from '../../server/src/engine/format';
import type { FormatDef } from '../../server/src/engine/format';
import { root } from '../helpers';
import { reference } from './helpers';

export const EXPECTED_DIR = path.join(root, 'test', 'import', 'fixtures', 'expected');

/** A cell value as the document prints it: a number, or null for a cell printed blank. */
export type Expected = number | null;

export interface ExpectedDocument {
  /** File name without `.json`. */
  name: string;
  /** Path of the document under test/import/fixtures/reference/. */
  source: string;
  format: string;
  /** 年度 and 机关 as printed in the title; null when the title does not give them. */
  year: number | null;
  agency: string | null;
  title: string | null;
  /** False when the document as kept has no title at all (a partial text). */
  titlePrinted?: boolean;
  cells: Record<string, Expected>;
  /** Cells the document does not show (the text stops before them). */
  notVisible: string[];
  /** Cells whose value the document does not determine (run-together digits, a displaced cell). */
  ambiguous: string[];
  /** Cells the document does not print as such (another row layout), with the reason. */
  deviations: Record<string, string>;
  /** Rows printed in place of the format's rows (a group printed as one row), column → value. */
  printedRows?: Record<string, Record<string, Expected>>;
  /** Equation anchors that the original itself breaks (its own arithmetic errors). */
  knownInconsistencies?: string[];
  /** Values of ambiguous cells found in another publication of the same report; never compared. */
  published?: Record<string, number | string>;
  remarks: string;
}

export function loadExpected(): ExpectedDocument[] {
  return fs
    .readdirSync(EXPECTED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(fs.readFileSync(path.join(EXPECTED_DIR, f), 'utf8')) as Omit<ExpectedDocument, 'name'>), name: f.slice(0, -5) }));
}

export function sourceFile(doc: ExpectedDocument): string {
  return reference(...doc.source.split('/'));
}

export function formatOf(doc: ExpectedDocument): FormatDef {
  const def = getFormat(doc.format);
  if (!def) throw new Error(`${doc.name}: unknown format ${doc.format}`);
  return def;
}

/** Every cell of the format's tables (parts printed as a table), in document order. */
export function tableCells(def: FormatDef): string[] {
  return allCells(def)
    .filter((c) => c.part.layout)
    .map((c) => c.path);
}

/** Table cells not accounted for, accounted for more than once, or not of the format. */
export function coverage(doc: ExpectedDocument): { absent: string[]; repeated: string[]; unknown: string[] } {
  const count = new Map<string, number>();
  for (const p of [...Object.keys(doc.cells), ...doc.notVisible, ...doc.ambiguous, ...Object.keys(doc.deviations)]) count.set(p, (count.get(p) ?? 0) + 1);
  const all = tableCells(formatOf(doc));
  const known = new Set(all);
  return {
    absent: all.filter((p) => !count.has(p)),
    repeated: [...count].filter(([, n]) => n > 1).map(([p]) => p),
    unknown: [...count.keys()].filter((p) => !known.has(p)),
  };
}

/** Anchors of the format's equations that the expected numbers break (all terms must be numbers). */
export function brokenEquations(doc: ExpectedDocument): string[] {
  const out: string[] = [];
  for (const eq of equations(formatOf(doc))) {
    const terms = [...eq.lhs, ...eq.rhs].map((p) => doc.cells[p]);
    if (terms.some((v) => typeof v !== 'number')) continue;
    const sum = (ps: string[]) => ps.reduce((s, p) => s + (doc.cells[p] as number), 0);
    if (Math.abs(sum(eq.lhs) - sum(eq.rhs)) > 1e-9) out.push(eq.anchor);
  }
  return out;
}

/** The value an imported report gives a cell: its number, null when blank, undefined otherwise. */
export function importedValue(report: Report, cellPath: string): Expected | undefined {
  const c = report.cells.get(cellPath);
  if (c?.state === 'number') return c.value;
  if (c?.state === 'blank') return null;
  return undefined;
}

export interface CellProblem {
  path: string;
  expected: Expected;
  /** undefined: the cell is absent (or only computed) in the imported source. */
  actual: Expected | undefined;
}

export interface Comparison {
  /** Cells imported as printed (same number, or blank for blank). */
  right: number;
  /** Cells holding another number, or a number where the document prints a blank. */
  wrong: number;
  /** Cells left blank or absent where the document prints a number, or absent where it prints a blank. */
  missing: number;
  /** Cells the document shows (the cells compared). */
  visible: number;
  problems: CellProblem[];
}

export function compareCells(expected: ExpectedDocument, report: Report): Comparison {
  const result: Comparison = { right: 0, wrong: 0, missing: 0, visible: 0, problems: [] };
  for (const [p, want] of Object.entries(expected.cells)) {
    result.visible++;
    const got = importedValue(report, p);
    if (got === want) result.right++;
    else {
      if (typeof got === 'number') result.wrong++;
      else result.missing++;
      result.problems.push({ path: p, expected: want, actual: got });
    }
  }
  return result;
}

/** One line per document: "name: right/visible cells right (wrong …, missing …)". */
export function scoreLine(name: string, c: Comparison): string {
  return `${name}: ${c.right}/${c.visible} cells right (wrong ${c.wrong}, missing ${c.missing})`;
}

/** The cells not imported as printed, the first `limit` of them. */
export function listProblems(c: Comparison, limit = 12): string {
  const show = (v: Expected | undefined) => (v === undefined ? 'absent' : v === null ? 'blank' : String(v));
  const list = c.problems.slice(0, limit).map((p) => `${p.path} = ${show(p.actual)}, expected ${show(p.expected)}`);
  if (c.problems.length > limit) list.push(`… ${c.problems.length - limit} more`);
  return list.join('; ');
}
