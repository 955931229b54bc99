/**
 * The one mapper from blocks (whatever the input was) to a report source: outline, format
 * detection, each table section placed by its layout kind, prose sections assembled, the rest
 * noted. Driven by the format definition throughout: parts, labels and layouts come from it.
 */
import { allCells, allNodes, currentFormat, defaultFormat, TABLE_NOTE_KEY } from '../format';
import { displayName } from '../parse/report';
import type { FormatDef, PartDef } from '../format';
import { detectFormat, spellings } from './detect';
import { readDump } from './dump';
import { emitSource } from './emit';
import type { Sink } from './fit';
import { importMessages } from '../i18n/import';
import type { ImportMessages } from '../i18n/import';
import { findTargets, LEADING_NUMBER, normalizeLabel } from './normalize';
import type { Target } from './normalize';
import { placeCaptioned, placeMatrix, placeWide } from './place';
import { assembleProse, proseText } from './prose';
import type { ProseItem } from './prose';
import { region } from './rows';
import type { Region } from './rows';
import { CAPS } from './markup';
import { agencyOf, closingYear, decideYear, numberedParts, openingYear, outline, periodYear, titleYear } from './structure';
import type { YearSource } from './structure';
import type { Block, ImportNote, ImportOptions, ImportResult, ReadInfo, TextBlock } from './types';

/** Source keys of the settings the importer fills (public contract, docs/source-format.md). */
const YEAR_KEY = '年度';
const AGENCY_KEY = '机关';
const TITLE_KEY = '标题';

const textBlocks = (blocks: readonly Block[]) => blocks.filter((b): b is TextBlock => b.kind === 'text');
const tableBlocks = (blocks: readonly Block[]) => blocks.filter((b) => b.kind === 'table');

/** All text of blocks, cells included, for label searches. */
function allText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'text' ? b.text : b.rows.map((r) => r.join('\n')).join('\n'))).join('\n');
}

/**
 * Whether a label names a row of one of the tables, or a lone cell of table 2 (a row of blanks
 * under it is data). Column labels do not count: a header row is not data.
 */
function knownLabel(def: FormatDef): (label: string) => boolean {
  const tables = new Set(def.parts.filter((p) => p.layout).map((p) => p.node.key));
  const targets: Target<string>[] = allNodes(def)
    .filter((l) => l.depth > 0 && tables.has(l.path.split('/')[0]))
    .filter((l) => l.node.kind === 'row' || (l.node.kind === 'cell' && l.parent?.node.kind === 'group'))
    .map((l) => ({ value: l.path, forms: spellings(l) }));
  // "其他", "总计" are column labels too: too short to tell a row from a header, unless numbered as a
  // row ("（七）总计") and nothing else.
  const long = targets.map((t) => ({ ...t, forms: t.forms.filter((f) => f.length >= 3) }));
  const short = new Set(targets.flatMap((t) => t.forms.filter((f) => f.length < 3)));
  return (label) => findTargets(normalizeLabel(label), long, false).length > 0 || (LEADING_NUMBER.test(label) && short.has(normalizeLabel(label)));
}

/** The comment lines at the top; each note learns its line there (one comment line per note). */
function header(m: ImportMessages, options: ImportOptions, format: string, notes: readonly ImportNote[], counts: [number, number]): string[] {
  const lines = [m.headerFrom(options.sourceName, format, options.madeBy ?? 'cli'), m.headerReview(), m.headerCounts(...counts)];
  for (const [kind, title] of [['unplaced', m.unplacedTitle()], ['note', m.notesTitle()]] as const) {
    const own = notes.filter((n) => n.kind === kind);
    if (own.length === 0) continue;
    lines.push('', title);
    for (const n of own) {
      n.line = lines.length;
      // One comment line per note: any line break YAML knows (CR, NEL, LS, PS too) would end the comment.
      lines.push(`  - ${n.message.replace(/\s*[\n\r\u0085\u2028\u2029]\s*/g, ' ')}`);
    }
  }
  return lines;
}

/** Whether a note names `path` or one of its ancestors (its row, its table). */
function covered(notePaths: ReadonlySet<string>, path: string): boolean {
  for (let p = path; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (notePaths.has(p)) return true;
    if (!p.includes('/')) return false;
  }
}

/**
 * The cells to check, in the format's order: every blank cell (a note says why; one is added where
 * none does) and every number inferred or placed by a fuzzy label.
 */
function cellsToCheck(def: FormatDef, sink: Sink): string[] {
  const notePaths = new Set(sink.notes.flatMap((n) => (n.path ? [n.path] : [])));
  const out: string[] = [];
  for (const { path } of allCells(def)) {
    const v = sink.values.get(path);
    if (v === undefined) continue;
    if (v === null && !covered(notePaths, path)) sink.notes.push({ kind: 'note', path, message: sink.m.blankCell(displayName(path)) });
    if (v === null || sink.inferred.has(path)) out.push(path);
  }
  return out;
}

/**
 * 年度 from what the sources agree on: the title, the statistics period, the paragraphs opening on
 * "YYYY年，" (of the preface and the first section: later sections speak of next year's plans),
 * and the publication date (a page's, else the closing date line) less one. One stale sentence
 * does not decide: the majority does, a disagreement is said.
 */
function yearOf(
  title: string | undefined,
  opening: readonly string[],
  all: readonly string[],
  published: number | undefined,
  m: ImportMessages,
  notes: ImportNote[],
): number | undefined {
  const votes: { source: YearSource; year: number; label: string }[] = [];
  const vote = (source: YearSource, year: number | undefined, label = m.yearSource(source)) => {
    if (year !== undefined) votes.push({ source, year, label });
  };
  vote('title', titleYear(title));
  vote('period', periodYear(opening));
  vote('opening', openingYear(opening));
  if (published !== undefined) vote('published', published - 1);
  else vote('published', closingYear(all), m.yearSource('closing'));
  const year = decideYear(votes);
  if (year === undefined) notes.push({ kind: 'unplaced', path: YEAR_KEY, message: m.noYear() });
  else if (votes.some((v) => v.year !== year)) {
    notes.push({ kind: 'note', path: YEAR_KEY, message: m.yearDisagrees(year, votes.map((v) => [v.label, v.year] as const)) });
  } else if (!votes.some((v) => v.source === 'title')) {
    notes.push({ kind: 'note', path: YEAR_KEY, message: m.yearFromText(year, votes.map((v) => v.label)) });
  }
  return year;
}

/** 机关 from the title (with the line above or below it, see structure.ts), else a page's 发布机构/来源. */
function agencyOfDocument(title: string | undefined, published: { name: string; label: string } | undefined, m: ImportMessages, notes: ImportNote[]): string | undefined {
  const fromTitle = title ? agencyOf(title) || undefined : undefined;
  if (fromTitle) {
    if (published && normalizeLabel(published.name) !== normalizeLabel(fromTitle)) notes.push({ kind: 'note', path: AGENCY_KEY, message: m.agencyMetaDiffers(fromTitle, published.name, published.label) });
    return fromTitle;
  }
  if (published) {
    notes.push({ kind: 'note', path: AGENCY_KEY, message: m.agencyFromMeta(published.name, published.label) });
    return published.name;
  }
  notes.push({ kind: 'unplaced', path: AGENCY_KEY, message: m.noAgency() });
  return undefined;
}

export function mapBlocks(input: readonly Block[], options: ImportOptions = {}, info: ReadInfo = {}): ImportResult {
  const m = importMessages(options.locale);
  // A web-archive dump (the report on one line) is cut into sections and rows first.
  const dump = readDump(input, m);
  const blocks = dump.blocks;
  const notes: ImportNote[] = [...dump.notes];
  const outlineOf = outline([...blocks], defaultFormat.parts);

  // The format, from the labels of the table sections (of the whole text when none was found).
  const tableKeys = numberedParts(defaultFormat.parts).filter((p) => p.layout).map((p) => p.node.key);
  const tableSectionBlocks = tableKeys.flatMap((k) => outlineOf.sections.get(k)?.blocks ?? []);
  const detected = detectFormat(allText(tableSectionBlocks.length ? tableSectionBlocks : blocks));
  const def = detected.format;
  notes.push({ kind: 'note', message: detected.certain ? m.formatDetected(def.id, detected.labels) : m.formatAssumed(def.id) });

  // What the reader says besides the blocks: the article it chose on a page, caps it hit.
  if (info.article) notes.push({ kind: 'note', message: m.articleFound(info.article.element, info.article.leftOut) });
  // Rows dropped beyond the cell cap were not imported; flattened or cut markup was, to be checked.
  for (const limit of ['depth', 'span', 'cells'] as const) if (info.limits?.[limit]) notes.push({ kind: limit === 'cells' ? 'unplaced' : 'note', message: m.limitHit(limit, CAPS) });

  // Title, year, agency.
  const meta = info.meta ?? {};
  const preface = textBlocks(outlineOf.preface);
  const firstSection = outlineOf.sections.values().next().value;
  let pageTitle: string | undefined;
  if (!outlineOf.title && meta.title) {
    pageTitle = meta.title;
    notes.push({ kind: 'note', message: m.titleFromMeta(meta.title) });
  } else if (!outlineOf.title) notes.push({ kind: 'note', message: m.noTitle() });
  const titleText = outlineOf.title ?? pageTitle;
  const year = yearOf(titleText, [...preface, ...textBlocks(firstSection?.blocks ?? [])].map((b) => b.text), textBlocks(blocks).map((b) => b.text), meta.date?.year, m, notes);
  const agency = agencyOfDocument(titleText, meta.agency, m, notes);
  const current = year === undefined ? undefined : currentFormat(year);
  if (year !== undefined && current && current.appliesFrom > def.appliesFrom) notes.push({ kind: 'note', path: YEAR_KEY, message: m.outdatedFormat(year, def.id, current.id, current.appliesFrom) });
  if (outlineOf.skipped.length) notes.push({ kind: 'unplaced', message: m.skippedBeforeTitle(outlineOf.skipped.join(' ')) });

  const sink: Sink = { values: new Map(), notes, m, inferred: new Set(), explained: dump.explained };
  const texts = new Map<string, string>();
  const sections = new Map<string, ProseItem[]>();
  const known = knownLabel(def);
  const numbered = numberedParts(def.parts);

  // Tables outside their section (a heading missed, a table in the prose) serve sections not found.
  const stray = [...tableBlocks(outlineOf.preface), ...numbered.filter((p) => !p.layout).flatMap((p) => tableBlocks(outlineOf.sections.get(p.node.key)?.blocks ?? []))];
  let strayRegion: Region | undefined;
  const regions: { part: PartDef; region: Region }[] = [];
  for (const part of numbered.filter((p) => p.layout)) {
    const found = outlineOf.sections.get(part.node.key);
    let reg: Region;
    if (found) {
      reg = region(found.blocks, known);
      regions.push({ part, region: reg });
    } else {
      notes.push({ kind: 'unplaced', path: part.node.key, message: m.sectionMissing(part.node.label) });
      if (!strayRegion) {
        strayRegion = region(stray, known);
        regions.push({ part, region: strayRegion });
      }
      reg = strayRegion;
    }
    const layout = part.layout;
    if (layout?.kind === 'captioned') placeCaptioned(def, part, reg, sink);
    else if (layout?.kind === 'matrix') placeMatrix(def, part, reg, sink);
    else if (layout?.kind === 'wide') placeWide(def, part, reg, sink);
    if (found && reg.footnotes.length) {
      texts.set(`${part.node.key}/${TABLE_NOTE_KEY}`, reg.footnotes.join('\n'));
      for (const f of reg.footnotes) notes.push({ kind: 'note', path: `${part.node.key}/${TABLE_NOTE_KEY}`, message: m.footnote(f) });
    }
  }

  // Prose sections. Without a 五 heading, the text after the last table is that section.
  const lastTable = [...regions].reverse().find((r) => r.region !== strayRegion && r.region.trailing.length);
  for (const part of numbered.filter((p) => !p.layout)) {
    const key = part.node.key;
    const found = outlineOf.sections.get(key);
    let blocksOf = found ? textBlocks(found.blocks) : undefined;
    const index = numbered.indexOf(part);
    if (!found && lastTable && numbered.indexOf(lastTable.part) === index - 1 && part.node.kind === 'section') {
      blocksOf = lastTable.region.trailing;
      lastTable.region.trailing = [];
      notes.push({ kind: 'note', path: key, message: m.problemsFromTrailing(lastTable.part.node.label) });
    } else if (!found) notes.push({ kind: 'unplaced', path: key, message: m.sectionMissing(part.node.label) });
    if (!blocksOf) continue;
    const items = assembleProse(blocksOf);
    if (part.node.kind === 'section') sections.set(key, items);
    else if (part.node.kind === 'group') {
      const textChild = part.node.children.find((c) => c.kind === 'text' || c.kind === 'section');
      if (textChild) texts.set(`${key}/${textChild.key}`, proseText(items));
    }
  }
  // Text left after a table: its note (备注), said so.
  for (const { part, region: reg } of regions) {
    if (reg === strayRegion || reg.trailing.length === 0) continue;
    const text = proseText(assembleProse(reg.trailing));
    if (!text) continue;
    const path = `${part.node.key}/${TABLE_NOTE_KEY}`;
    texts.set(path, [texts.get(path), text].filter(Boolean).join('\n\n'));
    notes.push({ kind: 'note', path, message: m.trailingText(part.node.label, text) });
  }

  // The opening text.
  const prefaceNode = def.parts.find((p) => p.node.kind === 'text')?.node;
  const opening = proseText(assembleProse(preface));
  if (prefaceNode && opening) texts.set(prefaceNode.key, opening);

  // Rows of numbers no table took.
  for (const { part, region: reg } of regions) {
    for (const row of reg.rows) {
      if (row.used) continue;
      const nearby = row.context.split('\n').pop() ?? '';
      notes.push({ kind: 'unplaced', path: part.node.key, message: m.rowUnplaced(part.node.label, row.label, row.raw.join(' | '), nearby) });
    }
  }
  if (strayRegion === undefined) {
    for (const t of stray) {
      const where = [...outlineOf.sections.values()].find((s) => s.blocks.includes(t))?.part.node.label ?? prefaceNode?.label ?? '';
      if (t.kind === 'table') notes.push({ kind: 'unplaced', message: m.tableInProse(where, t.rows.length) });
    }
  }

  const placed = [...sink.values.values()].some((v) => typeof v === 'number');
  const recognised = outlineOf.sections.size > 0 || placed;
  if (!recognised) notes.push({ kind: 'unplaced', message: m.nothingRecognised() });

  const toCheck = cellsToCheck(def, sink);
  const cellsRead = [...sink.values.values()].filter((v) => typeof v === 'number').length;

  const defaultTitle = def.titleTemplate.replace('{机关}', agency ?? '').replace('{年度}', String(year ?? ''));
  const title = titleText && titleText !== defaultTitle ? titleText : undefined;
  const text = emitSource({
    def,
    header: header(m, options, def.id, notes, [cellsRead, toCheck.length]),
    scalars: { [YEAR_KEY]: year, [AGENCY_KEY]: agency, [TITLE_KEY]: title },
    hints: { [YEAR_KEY]: m.hintYear(), [AGENCY_KEY]: m.hintAgency() },
    texts,
    sections,
    values: sink.values,
  });
  return {
    text,
    notes,
    format: def.id,
    ...(year !== undefined ? { year } : {}),
    ...(agency ? { agency } : {}),
    recognised,
    cellsRead,
    cellsToCheck: toCheck.length,
    toCheck,
  };
}
