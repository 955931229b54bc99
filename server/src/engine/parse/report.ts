/**
 * Source text → `Report`: one YAML parse (eemeli `yaml`, which keeps source offsets), then one walk
 * of the AST guided by the format definition. Reports syntax errors, blank cells and full-width
 * characters; structural errors (unknown keys, types, absent items) come from the schema check.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, YAMLMap } from 'yaml';
import type { Node as YNode, Pair } from 'yaml';
import { allCells, defaultFormat, equations, getFormat, labelledChild, lookup, SUBSECTION_KEYS, TABLE_NOTE_KEY } from '../format';
import type { CellNode, FormatDef, Node } from '../format';
import type { I18n } from '../i18n/messages';
import { fullwidthRuns, replacementFor, toHalfwidth } from './fullwidth';
import { LineIndex } from './lines';
import { locate } from './locate';
import { parseYaml, refusalDetail } from './yaml';
import type { PlainData } from './yaml';
import type { Cell, Entry, Finding, Paragraph, Report, Span } from './types';

/** Largest source checked. Real reports are well under 100 KB; beyond this we refuse, quickly. */
export const MAX_SOURCE_LENGTH = 2 * 1024 * 1024;
const MAX_SYNTAX_ERRORS = 20;

export interface Parsed {
  report: Report;
  findings: Finding[];
  /** The YAML document, absent when the text was refused before parsing. */
  doc?: Document.Parsed;
  /** The document as plain data for the schema check, made in the same walk as the checks of ./yaml. */
  data?: PlainData;
}

const spanOf = (node: YNode | null | undefined, fallback: Span): Span =>
  node && node.range ? [node.range[0], node.range[1]] : fallback;

function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null || k.value === undefined ? '' : String(k.value);
  return undefined;
}

/** Resolves aliases one step (the walk is bounded by the definition, so no expansion blow-up). */
function deref(doc: Document.Parsed, node: unknown): unknown {
  if (isAlias(node)) {
    try {
      return node.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

export function emptyReport(text: string, format: FormatDef = defaultFormat): Report {
  return {
    text,
    lines: new LineIndex(text),
    format,
    title: '',
    titleWritten: false,
    cells: new Map(),
    entries: new Map(),
    paragraphs: [],
    repaired: new Set(),
    labelled: new Set(),
  };
}

/**
 * A carriage return alone ends a line (YAML 1.2, and LSP clients count it so), but the YAML parser
 * and the line index only break at '\n': it becomes one, which keeps every offset. A byte-order
 * mark is kept (the parser skips it), so offsets and columns are those of the editor's text.
 */
function normalizeBreaks(input: string): string {
  return input.indexOf('\r') === -1 ? input : input.replace(/\r(?!\n)/g, '\n');
}

export function parseReport(input: string, t: I18n): Parsed {
  const text = normalizeBreaks(input);
  const findings: Finding[] = [];
  if (text.length > MAX_SOURCE_LENGTH) {
    findings.push({ code: 'yaml-syntax', span: [0, 0], message: t.m.tooLarge(text.length, MAX_SOURCE_LENGTH) });
    return { report: emptyReport(text), findings };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    findings.push({ code: 'yaml-syntax', span: [nul, nul + 1], message: t.m.binary() });
    return { report: emptyReport(text), findings };
  }

  let doc: Document.Parsed;
  let data: PlainData;
  try {
    // Bounded nesting, linear duplicate-key and alias handling: see ./yaml.
    const parsed = parseYaml(text);
    if (parsed.refused) {
      const at = Math.min(parsed.refused.at, text.length);
      findings.push({ code: 'yaml-syntax', span: [at, Math.min(at + 1, text.length)], message: t.m.yamlSyntax(refusalDetail(parsed.refused, t.locale)) });
      return { report: emptyReport(text), findings };
    }
    doc = parsed.doc;
    data = parsed.data;
  } catch (e) {
    // Not expected: the parser reports errors rather than throwing.
    findings.push({ code: 'yaml-syntax', span: [0, 0], message: t.m.yamlSyntax(e instanceof Error ? e.message : String(e)) });
    return { report: emptyReport(text), findings };
  }
  const lines = new LineIndex(text);
  // Past the first few, syntax errors are echoes of the same mistake; keep the list readable.
  for (const err of doc.errors.slice(0, MAX_SYNTAX_ERRORS)) {
    const [s, e] = err.pos;
    findings.push({ code: 'yaml-syntax', span: [s, Math.max(e, s)], message: t.m.yamlSyntax(err.message.split('\n')[0]) });
    scanLineForFullwidth(text, lines, lines.position(s).line, findings, t);
  }

  const root = deref(doc, doc.contents);
  const formatId = isMap(root) ? scalarValue(doc, (root as YAMLMap).get('格式', true)) : undefined;
  const format = getFormat(formatId) ?? defaultFormat;
  const report = emptyReport(text, format);
  report.lines = lines;

  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    if (doc.errors.length === 0) findings.push({ code: 'missing-item', span: [0, 0], message: t.m.emptyFile() });
  }

  const walker = new Walker(doc, report, findings, t);
  walker.walkMap(root, '', [0, 0]);
  walker.finishCells();
  const kept = walker.dropped.size ? findings.filter((f) => !walker.dropped.has(f)) : findings;

  const year = scalarValue(doc, isMap(root) ? root.get('年度', true) : undefined);
  if (typeof year === 'number' && Number.isInteger(year)) report.year = year;
  const agency = scalarValue(doc, isMap(root) ? root.get('机关', true) : undefined);
  if (typeof agency === 'string' && agency.trim()) report.agency = agency.trim();
  const previous = scalarValue(doc, isMap(root) ? root.get('上年报告', true) : undefined);
  if (typeof previous === 'string' && previous.trim()) report.previousRef = previous.trim();
  const title = scalarValue(doc, isMap(root) ? root.get('标题', true) : undefined);
  report.titleWritten = typeof title === 'string' && title.trim().length > 0;
  report.title = report.titleWritten
    ? String(title).trim()
    : format.titleTemplate.replace('{机关}', report.agency ?? '').replace('{年度}', report.year !== undefined ? String(report.year) : '');
  return { report, findings: dedupe(kept), doc, data };
}

/** The raw-line scan after a syntax error and the AST walk can both see one IME character. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.code}:${f.span[0]}:${f.span[1]}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function scalarValue(doc: Document.Parsed, node: unknown): unknown {
  const n = deref(doc, node);
  return isScalar(n) ? n.value : undefined;
}

/** After a syntax error the AST is unreliable; look at the raw line for IME characters instead. */
function scanLineForFullwidth(text: string, lines: LineIndex, line: number, findings: Finding[], t: I18n): void {
  const content = lines.lineText(line);
  const start = lines.lineStart(line);
  // Inside a flow collection every character is syntax; elsewhere only the key part is (after a
  // structural colon comes prose, where full-width punctuation is right).
  const flow = content.search(/[{[｛［]/);
  const colon = content.search(/:(\s|$)/);
  const [from, to] = flow !== -1 && (colon === -1 || flow < colon + 3) ? [flow, content.length] : [0, colon === -1 ? content.length : colon];
  for (const [s, e] of fullwidthRuns(content.slice(from, to))) {
    const span: Span = [start + from + s, start + from + e];
    const found = text.slice(span[0], span[1]);
    const replacement = replacementFor(found);
    findings.push({ code: 'fullwidth', span, message: t.m.fullwidth(found, replacement, /\d/.test(replacement)), data: { replacement } });
  }
}

class Walker {
  /** blank-cell findings of blank totals, dropped once their value is derived. */
  private readonly blankFindings = new Map<string, Finding>();
  /** Findings that a later, more precise one replaces. */
  readonly dropped = new Set<Finding>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly report: Report,
    private readonly findings: Finding[],
    private readonly t: I18n,
  ) {}

  private get text(): string {
    return this.report.text;
  }

  /** A mapping whose children the definition names (the top level, a table, a row group). */
  walkMap(value: unknown, path: string, containerSpan: Span): void {
    const node = deref(this.doc, value);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair);
      const keySpan = spanOf(pair.key as YNode, containerSpan);
      if (key === undefined) continue;
      const childPath = path ? `${path}/${key}` : key;
      const def = lookup(this.report.format, childPath);
      this.checkKeyFullwidth(key, keySpan);
      const valueNode = deref(this.doc, pair.value) as YNode | null;
      const valueSpan: Span = spanOf(valueNode, [keySpan[1], keySpan[1]]);
      if (!def && key === TABLE_NOTE_KEY && lookup(this.report.format, path)?.part.layout) {
        this.addProse(childPath, path.split('/')[0], valueNode, false);
        continue;
      }
      if (!def) {
        // An official label or alias of a row (属于国家秘密): unknown-key says so, but the values
        // are that row's, so no sum reports the row as missing. Unless the key is there too.
        const named = labelledChild(this.report.format, path, key);
        if (named && !node.has(named.key)) {
          const realPath = path ? `${path}/${named.key}` : named.key;
          const entry: Entry = { path: realPath, keySpan, valueSpan };
          this.report.entries.set(realPath, entry);
          this.report.labelled.add(realPath);
          this.walkValue(named, valueNode, realPath, entry);
          continue;
        }
        // Unknown to the definition (the schema check reports it), unless full-width characters
        // typed with an IME hide a known key: `自然人：3` or `　自然人` are read as meant.
        this.repairKey(key, path, valueNode, keySpan);
        continue;
      }
      const entry: Entry = { path: childPath, keySpan, valueSpan };
      this.report.entries.set(childPath, entry);
      this.walkValue(def.node, valueNode, childPath, entry);
    }
  }

  private walkValue(def: Node, value: YNode | null, path: string, entry: Entry): void {
    switch (def.kind) {
      case 'group':
        this.walkMap(value, path, entry.valueSpan);
        return;
      case 'row':
        if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
          for (const cell of def.cells) this.setBlank(`${path}/${cell.key}`, cell, entry.keySpan, entry.keySpan);
          this.findings.push({ code: 'blank-cell', span: entry.keySpan, message: this.t.m.blankRow(this.name(path)), cell: path });
          return;
        }
        this.walkMap(value, path, entry.valueSpan);
        return;
      case 'cell':
        this.readCell(def, value, path, entry);
        return;
      case 'section':
        if (isSeq(value)) {
          const part = path.split('/')[0];
          value.items.forEach((item, i) => {
            const it = deref(this.doc, item);
            if (!isMap(it)) return;
            for (const pair of it.items) {
              const k = isPair(pair) ? keyText(pair) : undefined;
              if (k !== SUBSECTION_KEYS.title && k !== SUBSECTION_KEYS.body) continue;
              const v = deref(this.doc, pair.value) as YNode | null;
              this.addProse(`${path}/${i}/${k}`, part, v, k === SUBSECTION_KEYS.title);
            }
          });
          return;
        }
        this.addProse(path, path.split('/')[0], value, false);
        return;
      case 'text':
        this.addProse(path, path.split('/')[0], value, false);
        return;
      case 'scalar':
        return;
    }
  }

  private repairKey(key: string, path: string, valueNode: YNode | null, keySpan: Span): void {
    const half = toHalfwidth(key).trim();
    if (half === key) return;
    // The `fullwidth` error on this key says what to fix; an `unknown-key` beside it would mislead.
    this.report.repaired.add(path ? `${path}/${key}` : key);
    const colon = half.indexOf(':');
    const k = (colon === -1 ? half : half.slice(0, colon)).trim();
    const inline = colon === -1 ? undefined : half.slice(colon + 1).trim();
    const realPath = path ? `${path}/${k}` : k;
    const def = lookup(this.report.format, realPath);
    if (!def) return;
    this.report.repaired.add(realPath);
    const entry: Entry = { path: realPath, keySpan, valueSpan: spanOf(valueNode, [keySpan[1], keySpan[1]]) };
    this.report.entries.set(realPath, entry);
    if (inline !== undefined && inline !== '' && def.node.kind === 'cell') {
      const n = Number(inline);
      const ok = Number.isFinite(n) && n >= 0 && (def.node.decimal || Number.isInteger(n));
      this.report.cells.set(realPath, { path: realPath, def: def.node, state: ok ? 'number' : 'invalid', value: Number.isFinite(n) ? n : 0, keySpan, valueSpan: keySpan, fullwidth: true });
      return;
    }
    this.walkValue(def.node, valueNode, realPath, entry);
  }

  private addProse(path: string, part: string, value: YNode | null, heading: boolean): void {
    if (!isScalar(value) || typeof value.value !== 'string') return;
    const nodeSpan = spanOf(value, [0, 0]);
    let from = nodeSpan[0];
    for (const para of value.value.split(/\n[ \t\u3000]*\n/)) {
      const trimmed = para.trim();
      if (!trimmed) continue;
      const span = locate(this.text, nodeSpan, trimmed, from);
      if (span !== nodeSpan) from = span[1];
      this.report.paragraphs.push({ path, part, heading, text: trimmed, span } satisfies Paragraph);
    }
  }

  private readCell(def: CellNode, value: YNode | null, path: string, entry: Entry): void {
    // A literal, not `{ ...base, state, value }`: the spread made this line 10% of a whole check.
    const cell = (state: Cell['state'], value: number): Cell => ({ path, def, keySpan: entry.keySpan, valueSpan: entry.valueSpan, state, value });
    if (value === null || (isScalar(value) && (value.value === null || (typeof value.value === 'string' && value.value.trim() === '')))) {
      this.report.cells.set(path, cell('blank', 0));
      const finding: Finding = { code: 'blank-cell', span: entry.keySpan, message: this.t.m.blankCell(this.name(path)), cell: path };
      this.findings.push(finding);
      if (def.total) this.blankFindings.set(path, finding);
      return;
    }
    if (isScalar(value) && typeof value.value === 'number') {
      const v = value.value;
      // `1e400`, `.inf` and a 5,000-digit integer are numbers to YAML and to the schema, but not
      // counts: beyond 2^53 a count is no longer exact, and Infinity would poison every sum.
      const exact = Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
      const ok = exact && (def.signed || v >= 0) && (def.decimal || Number.isInteger(v));
      this.report.cells.set(path, cell(ok ? 'number' : 'invalid', exact ? v : 0));
      if (!exact) {
        const raw = this.text.slice(entry.valueSpan[0], entry.valueSpan[1]).trim();
        this.findings.push({ code: 'invalid-value', span: entry.valueSpan, message: this.t.m.notExact(this.name(path), raw.length > 24 ? `${raw.slice(0, 20)}…（${raw.length}）` : raw), cell: path });
      }
      return;
    }
    if (isScalar(value) && typeof value.value === 'string') {
      const raw = value.value;
      const runs = fullwidthRuns(raw);
      if (runs.length > 0) {
        const half = toHalfwidth(raw).trim();
        const srcStart = this.text.indexOf(raw, entry.valueSpan[0]) === entry.valueSpan[0] ? entry.valueSpan[0] : -1;
        for (const [s, e] of runs) {
          const found = raw.slice(s, e);
          const replacement = replacementFor(found);
          const span: Span = srcStart >= 0 ? [srcStart + s, srcStart + e] : entry.valueSpan;
          this.findings.push({ code: 'fullwidth', span, message: this.t.m.fullwidth(found, replacement, /\d/.test(replacement)), cell: path, data: { replacement } });
        }
        if (/^-?\d+(\.\d+)?$/.test(half)) {
          this.report.cells.set(path, { ...cell('number', Number(half)), fullwidth: true });
          this.report.repaired.add(path);
          return;
        }
      }
    }
    this.report.cells.set(path, cell('invalid', 0));
  }

  private setBlank(path: string, def: CellNode, keySpan: Span, containerSpan: Span): void {
    this.report.cells.set(path, { path, def, state: 'blank', value: 0, keySpan, valueSpan: [keySpan[1], keySpan[1]], containerSpan });
  }

  private checkKeyFullwidth(key: string, keySpan: Span): void {
    const runs = fullwidthRuns(key);
    if (runs.length === 0) return;
    const raw = this.text.slice(keySpan[0], keySpan[1]);
    const offset = raw.indexOf(key.slice(runs[0][0], runs[0][1]));
    for (const [s, e] of runs) {
      const found = key.slice(s, e);
      const at = raw === key ? keySpan[0] + s : offset >= 0 ? keySpan[0] + raw.indexOf(found) : keySpan[0];
      const replacement = replacementFor(found);
      this.findings.push({
        code: 'fullwidth',
        span: [at, at + found.length],
        message: this.t.m.fullwidth(found, replacement, /\d/.test(replacement)),
        data: { replacement },
      });
    }
  }

  /**
   * Absent cells: totals are computed from their parts, everything else counts as 0. A blank total
   * is unknown rather than 0: it counts as the sum of its parts too (its blank-cell says so). A
   * total is `derived` when some part it was computed from is written.
   */
  finishCells(): void {
    const { format, cells, entries } = this.report;
    const sumOf = new Map<string, string[]>();
    for (const eq of equations(format)) if (eq.isSum && !sumOf.has(eq.anchor)) sumOf.set(eq.anchor, eq.rhs);
    for (const loc of allCells(format)) {
      if (cells.has(loc.path)) continue;
      const container = loc.parent ? entries.get(loc.parent.path) : undefined;
      cells.set(loc.path, {
        path: loc.path,
        def: loc.node,
        state: sumOf.has(loc.path) ? 'computed' : 'missing',
        value: 0,
        containerSpan: container ? container.keySpan : undefined,
      });
    }
    const done = new Set<string>();
    const resolving = new Set<string>();
    // Returns whether the value rests on a written number.
    const resolve = (path: string): boolean => {
      const cell = cells.get(path);
      if (!cell) return false;
      if (cell.state === 'number') return true;
      if ((cell.state !== 'computed' && cell.state !== 'blank') || !sumOf.has(path)) return false;
      if (done.has(path)) return !!cell.derived;
      if (resolving.has(path)) return false;
      resolving.add(path);
      let value = 0;
      let known = false;
      for (const p of sumOf.get(path)!) {
        if (resolve(p)) known = true;
        value += cells.get(p)?.value ?? 0;
      }
      // Resolved once; later lookups read the stored value.
      done.add(path);
      if (cell.state === 'computed' || known) cell.value = value;
      if (known) cell.derived = true;
      // Its row-total says what the blank total should be (with the fix); blank-cell's "fill 0"
      // would be wrong. A blank total of parts summing to 0 keeps its blank-cell.
      if (known && cell.state === 'blank' && value !== 0) {
        const finding = this.blankFindings.get(path);
        if (finding) this.dropped.add(finding);
      }
      return known;
    };
    for (const path of sumOf.keys()) resolve(path);
  }

  /** A cell or key path as the user reads it: the keys below the table, joined with ·. */
  private name(path: string): string {
    return displayName(path);
  }
}

export function displayName(path: string): string {
  const parts = path.split('/');
  return (parts.length > 1 ? parts.slice(1) : parts).join('·');
}

/** Flattened for tests and features that want plain values: path → number used in sums. */
export function cellValues(report: Report): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [p, c] of report.cells) out[p] = c.value;
  return out;
}

