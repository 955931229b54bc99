/**
 * A Word .docx into blocks. The package is a ZIP (fflate, synchronous and small); its main part
 * (word/document.xml) is read with the same markup parser as HTML. Tables keep their merged
 * cells: w:gridSpan spans columns, a w:vMerge continuation is an empty slot under the merged cell.
 * Deleted text (tracked changes), field codes and drawings are left out.
 */
import { strFromU8, unzipSync } from 'fflate';
import { grid, isElement, parseMarkup } from './markup';
import type { Child, Element, SpanCell } from './markup';
import { tidy } from './normalize';
import type { Block } from './types';

export class DocxError extends Error {}

/** Parts of a run that are not visible text (or duplicate it). */
const SKIP = new Set(['w:del', 'w:delText', 'w:instrText', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:pPr', 'w:rPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:tblGrid', 'w:sectPr', 'w:commentReference', 'w:footnoteReference']);
const HEADING_STYLE = /heading|title|标题/i;

const child = (el: Element, name: string) => el.children.find((c): c is Element => isElement(c) && c.name === name);

function mainPart(files: Record<string, Uint8Array>): string {
  const rels = files['_rels/.rels'];
  if (rels) {
    const m = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(strFromU8(rels));
    const target = m?.[1] ?? m?.[2];
    if (target && files[target]) return target;
  }
  return 'word/document.xml';
}

export function unpackDocx(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === '_rels/.rels' || /^word\/[^/]+\.xml$/.test(f.name) });
  } catch (e) {
    throw new DocxError(`not a .docx (ZIP) file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const part = files[mainPart(files)];
  if (!part) throw new DocxError('not a Word document: word/document.xml is missing');
  return strFromU8(part);
}

/** Visible text of a paragraph (or of anything holding runs). */
function runText(el: Element): string {
  let out = '';
  const walk = (c: Child) => {
    if (!isElement(c)) return; // Text outside w:t is XML white space.
    if (SKIP.has(c.name)) return;
    if (c.name === 'w:t') out += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (c.name === 'w:tab') out += ' ';
    else if (c.name === 'w:br' || c.name === 'w:cr') out += '\n';
    else if (c.name === 'w:noBreakHyphen') out += '-';
    else c.children.forEach(walk);
  };
  el.children.forEach(walk);
  return out;
}

function isHeading(p: Element): boolean {
  const style = child(child(p, 'w:pPr') ?? { name: '', attrs: {}, children: [] }, 'w:pStyle');
  return HEADING_STYLE.test(style?.attrs['w:val'] ?? '');
}

/** Rows of a table, looking through content controls and custom XML wrapping rows or cells. */
function items(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') out.push(...items(c, name));
  }
  return out;
}

function cellText(tc: Element): string {
  return items(tc, 'w:p')
    .map((p) => runText(p).split('\n').map(tidy).join('\n'))
    .join('\n')
    .trim();
}

const hasNestedTable = (tbl: Element) => items(tbl, 'w:tr').some((tr) => items(tr, 'w:tc').some((tc) => items(tc, 'w:tbl').length > 0));

function tableRows(tbl: Element): SpanCell[][] {
  return items(tbl, 'w:tr').map((tr) => {
    const before = Number.parseInt(child(child(tr, 'w:trPr') ?? tr, 'w:gridBefore')?.attrs['w:val'] ?? '0', 10) || 0;
    const cells: SpanCell[] = before > 0 ? [{ text: '', colspan: before, rowspan: 1 }] : [];
    for (const tc of items(tr, 'w:tc')) {
      const pr = child(tc, 'w:tcPr');
      const span = Number.parseInt((pr && child(pr, 'w:gridSpan')?.attrs['w:val']) ?? '1', 10) || 1;
      const vMerge = pr && child(pr, 'w:vMerge');
      // <w:vMerge/> or w:val="continue" continues the merged cell above; "restart" starts one.
      const covered = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart';
      cells.push({ text: covered ? '' : cellText(tc), colspan: span, rowspan: 1, covered });
    }
    return cells;
  });
}

export function readDocx(bytes: Uint8Array): Block[] {
  const doc = parseMarkup(unpackDocx(bytes), true);
  const blocks: Block[] = [];
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c) || SKIP.has(c.name)) continue;
      if (c.name === 'w:p') {
        const heading = isHeading(c);
        for (const line of runText(c).split('\n')) {
          const text = tidy(line);
          if (text) blocks.push({ kind: 'text', text, ...(heading ? { heading } : {}) });
        }
      } else if (c.name === 'w:tbl') {
        if (hasNestedTable(c)) for (const tr of items(c, 'w:tr')) for (const tc of items(tr, 'w:tc')) walk(tc);
        else blocks.push({ kind: 'table', rows: grid(tableRows(c)), grid: true });
      } else walk(c);
    }
  };
  walk(doc);
  return blocks;
}
