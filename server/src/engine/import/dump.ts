/**
 * A web-archive dump: the whole report on one (or a few) very long lines, section titles mid-line
 * and each table row's cells run together (`（七）总计801000081`, `规章007`). Before the mapper runs,
 * such text is cut at the section titles and, in the table sections, at the row labels (both from
 * the format definition), and each row's digit run is split into its cells (digitRuns.ts). What
 * comes out are ordinary blocks: a heading per section, prose, and one table row per label with
 * its cells separated, so the one mapper places them. Every inferred split is said in a note.
 */
import { allCells, allNodes, equations, formats } from '../format';
import type { CellNode, FormatDef, Located, PartDef } from '../format';
import { detectFormat } from './detect';
import { narrow, segmentsOf, splitRun } from './digitRuns';
import type { Candidate, CellSpec } from './digitRuns';
import type { ImportMessages } from '../i18n/import';
import { distance, LEADING_NUMBER, normalizeLabel, stripLeadingNumber } from './normalize';
import { rowEquations } from './rowRules';
import { numberedParts } from './structure';
import type { Block, ImportNote, TableBlock, TextBlock } from './types';

/** A line this long holding section titles after its start is a dump, not a paragraph. */
const DUMP_LINE = 200;
/** Readings listed in a note; the others are counted. */
const LISTED = 6;
/** Title of the report: at the start, ending in 报告, with a year. */
const TITLE = /^\s*(\S[^。；，,]{3,46}?报告(?:[（(][^）)]{1,12}[)）])?)/;
/** Numbering before a section title mid-line: 一、 二． … */
const TITLE_NUMBER = /[一二三四五六七八九十]{1,3}\s*[、.．]\s*/g;
/** A run of digits (with the signs, points, spaces and commas a dump keeps between them). */
const RUN = /^[-−－+＋]?[0-9０-９][0-9０-９\s.,，\-−－+＋]*/;
/** Closing marks between a label and its numbers (`危及“三安全一稳定”0000000`). */
const AFTER_LABEL = /^[\s”"’'）)】》」』:：]*/;
const UNIT_AFTER = /^\s*(万元|元|件)/;
/** Numbering right before a row label (digits are taken by the run before: see readRun). */
const LABEL_NUMBER = /(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．])\s*$/;

export interface DumpResult {
  blocks: Block[];
  notes: ImportNote[];
  /** Row paths whose blank cells the notes already explain (not blank in the document). */
  explained: Set<string>;
}

/** The text folded as labels are (width, punctuation, spaces), with each character's raw offset. */
function fold(raw: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i].normalize('NFKC');
    if (/^[\s\p{P}\p{S}]*$/u.test(c)) continue;
    for (const ch of c) {
      text += ch;
      at.push(i);
    }
  }
  return { text, at };
}

/** The wording of a part's title without its number, folded. */
const wording = (part: PartDef) => normalizeLabel(stripLeadingNumber(part.node.label));

interface TitleCut {
  part: PartDef;
  start: number;
  end: number;
}

/**
 * Section titles mid-line, in order: a numbering ("四、") followed by a part's title wording,
 * exactly or with a few edits (a renumbered or reworded title still counts; a mention of the
 * wording without its numbering, as in "本报告包括总体情况、…", does not).
 */
function findTitles(raw: string, parts: readonly PartDef[]): TitleCut[] {
  const out: TitleCut[] = [];
  let next = 0;
  for (const m of raw.matchAll(TITLE_NUMBER)) {
    if (next >= parts.length) break;
    const from = m.index! + m[0].length;
    const window = fold(raw.slice(from, from + 80));
    for (let k = next; k < parts.length; k++) {
      const w = wording(parts[k]);
      const budget = w.length >= 8 ? Math.floor(w.length * 0.15) : 0;
      const head = window.text.slice(0, w.length);
      if (head.length < w.length || distance(head, w) > budget) continue;
      out.push({ part: parts[k], start: m.index!, end: from + window.at[w.length - 1] + 1 });
      next = k + 1;
      break;
    }
  }
  return out;
}

/**
 * Where a dump starts: a long line with section titles after its start and, under a table's title
 * on that line, a row label followed by its numbers (a preface listing the numbered sections in one
 * sentence is not a dump).
 */
function dumpStart(blocks: readonly Block[], def: FormatDef): number {
  const parts = numberedParts(def.parts);
  return blocks.findIndex((b) => {
    if (b.kind !== 'text' || b.text.length < DUMP_LINE) return false;
    const titles = findTitles(b.text, parts);
    if (titles.length < 2 || titles.every((t) => t.start === 0)) return false;
    return titles.some((t, i) => t.part.layout && runsOf(b.text.slice(t.end, titles[i + 1]?.start ?? b.text.length), def, t.part).some((r) => r.target));
  });
}

/** A row of a table: a row node (its cells) or a lone cell (table 2 of 2021). */
interface RowTarget {
  path: string;
  label: string;
  forms: string[];
  cells: Located<CellNode>[];
  /** The number the definition prints before the label ("2." of "2.其他法律…"), if any. */
  number?: string;
}

function rowTargets(def: FormatDef, part: PartDef): RowTarget[] {
  const cells = allCells(def);
  return allNodes(def)
    .filter((l) => l.path.startsWith(`${part.node.key}/`))
    .filter((l) => l.node.kind === 'row' || (l.node.kind === 'cell' && l.parent?.node.kind === 'group'))
    .map((l) => {
      const n = l.node;
      const number = LEADING_NUMBER.exec(n.label.normalize('NFKC'))?.[0].match(/\d+/)?.[0];
      return {
        path: l.path,
        label: n.label,
        forms: [...new Set([n.label, n.key, ...(n.aliases ?? [])].map(normalizeLabel).filter((f) => f.length >= 2))],
        cells: n.kind === 'cell' ? [l as Located<CellNode>] : cells.filter((c) => c.parent === l),
        ...(number ? { number } : {}),
      };
    });
}

interface Hit {
  target: RowTarget;
  /** Raw offsets of the label. */
  start: number;
  end: number;
}

/** Labels of the rows, longest first and without overlaps, that are followed by numbers. */
function labelHits(raw: string, targets: readonly RowTarget[]): Hit[] {
  const { text, at } = fold(raw);
  const forms = targets.flatMap((target) => target.forms.map((form) => ({ form, target }))).sort((a, b) => b.form.length - a.form.length);
  const taken = new Uint8Array(text.length);
  const hits: Hit[] = [];
  for (const { form, target } of forms) {
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
      if (taken.subarray(i, i + form.length).some((x) => x)) continue;
      taken.fill(1, i, i + form.length);
      hits.push({ target, start: at[i], end: at[i + form.length - 1] + 1 });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  // A label is a row's only when numbers follow it (a column header or a title is followed by words).
  return hits.filter((h) => RUN.test(raw.slice(h.end, h.end + 16).replace(AFTER_LABEL, '')));
}

interface Run {
  target?: RowTarget;
  /** The label as printed. */
  label: string;
  /** Raw offsets of the whole row (label and numbers). */
  start: number;
  end: number;
  /** The numbers as printed, and other readings of them (a trailing row number left on or off). */
  variants: string[];
  unit?: string;
}

/** The digits after a label, up to the next label; a row number of the next label is left off. */
function readRun(raw: string, from: number, limit: number, next: RowTarget | undefined): { variants: string[]; end: number; unit?: string } | undefined {
  const skip = AFTER_LABEL.exec(raw.slice(from, limit))?.[0].length ?? 0;
  const m = RUN.exec(raw.slice(from + skip, limit));
  if (!m) return undefined;
  let text = m[0];
  const end = from + skip + text.length;
  const variants: string[] = [];
  const tail = raw.slice(end, limit);
  if (next?.number && /^[\s.．、]*$/.test(tail)) {
    // "…00000002.其他法律…": "2." numbers the next row. Without the point it may be either.
    const numbered = new RegExp(`${next.number}\\s*([.．、])?\\s*$`).exec(text + tail);
    if (numbered) {
      const without = text.slice(0, numbered.index);
      if (numbered[1]) text = without;
      else variants.push(without);
    }
  }
  const clean = (t: string) => t.replace(/[\s.,，\-−－+＋]+$/, '');
  const all = [clean(text), ...variants.map(clean)].filter((t) => /\d/.test(t.normalize('NFKC')));
  if (all.length === 0) return undefined;
  const unit = UNIT_AFTER.exec(raw.slice(end, end + 4));
  return { variants: [...new Set(all)], end: end + (unit?.[0].length ?? 0), ...(unit ? { unit: unit[1] } : {}) };
}

/** Runs of a table section: after each row label; in a wide table, the one run under the header. */
function runsOf(raw: string, def: FormatDef, part: PartDef): Run[] {
  const targets = rowTargets(def, part);
  const hits = labelHits(raw, targets);
  const runs: Run[] = [];
  hits.forEach((h, i) => {
    const limit = hits[i + 1]?.start ?? raw.length;
    const r = readRun(raw, h.end, limit, hits[i + 1]?.target);
    if (!r) return;
    // The label's own numbering ("（二）", "四、") belongs to the row, not to the text before it.
    const before = raw.slice(Math.max(runs[runs.length - 1]?.end ?? 0, h.start - 8), h.start);
    const start = h.start - (LABEL_NUMBER.exec(before)?.[0].length ?? 0);
    runs.push({ target: h.target, label: raw.slice(start, h.end).trim(), start, end: r.end, variants: r.variants, ...(r.unit ? { unit: r.unit } : {}) });
  });
  if (runs.length === 0 && part.layout?.kind === 'wide') {
    const width = allCells(def).filter((c) => c.path.startsWith(`${part.node.key}/`)).length;
    for (const m of raw.matchAll(new RegExp(RUN.source.slice(1), 'g'))) {
      if (m[0].normalize('NFKC').replace(/\D/g, '').length < width) continue;
      runs.push({ label: '', start: m.index!, end: m.index! + m[0].length, variants: [m[0].trim()] });
      break;
    }
  }
  return runs;
}

/** The cells a run fills: its row's, or every cell of a wide table. */
function runCells(def: FormatDef, part: PartDef, run: Run): Located<CellNode>[] {
  return run.target ? run.target.cells : allCells(def).filter((c) => c.path.startsWith(`${part.node.key}/`));
}

const spec = (c: Located<CellNode>): CellSpec => ({ ...(c.node.signed ? { signed: true } : {}), ...(c.node.decimal ? { decimal: true } : {}) });

interface Decided {
  run: Run;
  cells: Located<CellNode>[];
  readings?: string[][];
  candidate: Candidate<string>;
  intra: string[];
}

/** Splits each run of a table section and narrows the ambiguous ones across runs. */
function decide(def: FormatDef, part: PartDef, runs: readonly Run[]): { decided: Decided[]; narrowedBy: Map<number, string[]> } {
  const eqs = equations(def);
  const decided = runs.map((run): Decided => {
    const cells = runCells(def, part, run);
    const paths = cells.map((c) => c.path);
    const local = rowEquations(def, paths);
    let readings: string[][] | undefined = [];
    for (const v of run.variants) {
      const r = splitRun(v, cells.map(spec), local).readings;
      if (!r) {
        readings = undefined;
        break;
      }
      readings.push(...r);
    }
    const unique = readings && [...new Map(readings.map((r) => [r.join('|'), r])).values()];
    // The row's equations are named as a reason only when the digits alone left a choice.
    const needed = unique?.length === 1 && run.variants.length === 1 && splitRun(run.variants[0], cells.map(spec)).readings?.length !== 1;
    return {
      run,
      cells,
      readings: unique,
      candidate: { cells: paths, ...(unique ? { readings: unique.map((r) => r.map(Number)) } : {}) },
      intra: needed ? [...new Set(local.map((e) => e.code))] : [],
    };
  });
  const candidates = decided.map((d) => d.candidate);
  const used = narrow(
    candidates,
    eqs.map((e) => ({ lhs: e.lhs, rhs: e.rhs, name: e.code })),
  );
  const narrowedBy = new Map<number, string[]>();
  for (const [i, list] of used) {
    narrowedBy.set(i, [...new Set(list.map((e) => e.name ?? ''))]);
    const keep = new Set(candidates[i].readings!.map((r) => r.join('|')));
    decided[i].readings = decided[i].readings!.filter((r) => keep.has(r.map(Number).join('|')));
  }
  return { decided, narrowedBy };
}

const show = (r: readonly string[]) => r.join(' | ');

/** Turns a table section into blocks: text between rows, and one data row per run. */
function tableSection(raw: string, def: FormatDef, part: PartDef, m: ImportMessages, notes: ImportNote[], explained: Set<string>): Block[] {
  const runs = runsOf(raw, def, part);
  const { decided, narrowedBy } = decide(def, part, runs);
  const blocks: Block[] = [];
  let from = 0;
  const text = (t: string) => {
    const s = t.replace(/\s+/g, ' ').trim();
    if (s) blocks.push({ kind: 'text', text: s, line: true });
  };
  decided.forEach((d, i) => {
    const { run, cells } = d;
    text(raw.slice(from, run.start));
    from = run.end;
    const rowPath = run.target?.path ?? part.node.key;
    const rowName = run.target?.label ?? part.node.label;
    const printed = run.variants[0];
    const values: string[] = cells.map(() => '');
    const readings = d.readings;
    if (!readings) {
      notes.push({ kind: 'unplaced', path: rowPath, message: m.dumpTooMany(rowName, printed, cells.length) });
    } else if (readings.length === 0) {
      notes.push({ kind: 'unplaced', path: rowPath, message: m.dumpNoSplit(rowName, printed, cells.length) });
    } else {
      readings[0].forEach((v, k) => {
        if (readings.every((r) => r[k] === v)) values[k] = v;
      });
      const reasons = [...d.intra, ...(narrowedBy.get(i) ?? [])];
      if (readings.length === 1) {
        // Cells the document separated itself need no note.
        if (segmentsOf(printed).length !== cells.length) notes.push({ kind: 'note', path: rowPath, message: m.dumpSplit(rowName, printed, show(readings[0]), reasons) });
      } else {
        const blanks = cells.filter((_, k) => values[k] === '').map((c) => c.node.label);
        notes.push({
          kind: 'unplaced',
          path: rowPath,
          message: m.dumpAmbiguous(rowName, printed, readings.slice(0, LISTED).map(show), readings.length, blanks),
        });
      }
    }
    // A money amount printed in another unit than the cell's is not converted: left blank.
    const last = cells.length - 1;
    const unit = cells[last]?.node.unit;
    if (run.unit && unit !== '件' && run.unit !== '件' && run.unit !== unit && values[last] !== '') {
      notes.push({ kind: 'unplaced', path: cells[last].path, message: m.dumpUnit(`${rowName}·${cells[last].node.label}`, values[last], run.unit, unit) });
      values[last] = '';
    }
    if (values.some((v) => v === '')) explained.add(rowPath);
    if (!run.target) for (const c of cells) explained.add(c.path.slice(0, c.path.lastIndexOf('/')));
    const row: TableBlock = { kind: 'table', rows: [[run.label, ...values]], data: true };
    blocks.push(row);
  });
  text(raw.slice(from));
  return blocks;
}

/**
 * The blocks of a document with its dump cut into sections and rows, or the blocks unchanged
 * when no line is a dump. Lines from the first dump line on are read as one text.
 */
export function readDump(blocks: readonly Block[], m: ImportMessages): DumpResult {
  // Both formats share the section titles and table 3; a dump line is found with either.
  const first = Object.values(formats).reduce((at, f) => (at >= 0 ? at : dumpStart(blocks, f)), -1);
  if (first < 0) return { blocks: [...blocks], notes: [], explained: new Set() };
  const rest = blocks.slice(first);
  const raw = rest.filter((b): b is TextBlock => b.kind === 'text').map((b) => b.text).join('\n');
  const def = detectFormat(raw).format;
  const own = numberedParts(def.parts);
  const titles = findTitles(raw, own);
  const notes: ImportNote[] = [];
  const explained = new Set<string>();
  const out: Block[] = [...blocks.slice(0, first)];

  // Before the first section: the title, then the opening text.
  const preface = raw.slice(0, titles[0]?.start ?? raw.length);
  const title = TITLE.exec(preface);
  if (title && /(?:19|20)\d{2}/.test(title[1])) out.push({ kind: 'text', text: title[1].trim(), heading: true });
  const opening = (title && /(?:19|20)\d{2}/.test(title[1]) ? preface.slice(title[0].length) : preface).trim();
  if (opening) out.push({ kind: 'text', text: opening });

  let rows = 0;
  titles.forEach((t, i) => {
    const body = raw.slice(t.end, titles[i + 1]?.start ?? raw.length);
    out.push({ kind: 'text', text: raw.slice(t.start, t.end).trim(), heading: true });
    if (t.part.layout) {
      const section = tableSection(body, def, t.part, m, notes, explained);
      rows += section.filter((b) => b.kind === 'table').length;
      out.push(...section);
    } else if (body.trim()) out.push({ kind: 'text', text: body.trim() });
  });
  out.push(...rest.filter((b) => b.kind === 'table'));
  notes.unshift({ kind: 'note', message: m.dumpRead(titles.length, rows) });
  return { blocks: out, notes, explained };
}
