/**
 * What a printed report consists of, for every output (HTML page, .docx): the title, 前言, then
 * each numbered part of the format in definition order with its tables and prose. Pure: reads the
 * definition only.
 */
import { TABLE_NOTE_KEY } from '../format';
import type { FormatDef, PartDef } from '../format';
import { tableGrids } from './grid';
import type { TableGrid } from './grid';

/** Source keys (public contract) of the title and the opening paragraph. */
export const TITLE_KEY = '标题';
export const PREFACE_KEY = '前言';

/** A piece of a part's body: its table(s), or the prose written at `base` (a 备注 under a table is a note). */
export type PartContent = { kind: 'table'; grids: TableGrid[] } | { kind: 'prose'; base: string; note?: boolean };

/** The numbered parts (一 … 六); metadata such as 年度 is not printed. */
export function printedParts(format: FormatDef): PartDef[] {
  return format.parts.filter((p) => p.number !== undefined);
}

/**
 * Body of a part. Tables follow their layout, with the 备注 under them; other parts print their
 * prose fields in definition order. Numeric fields outside a table (六's 信息处理费) are data the
 * prose describes: not printed.
 */
export function partContents(format: FormatDef, part: PartDef): PartContent[] {
  const base = part.node.key;
  if (part.layout) return [{ kind: 'table', grids: tableGrids(format, part, part.layout) }, { kind: 'prose', base: `${base}/${TABLE_NOTE_KEY}`, note: true }];
  if (part.node.kind === 'section' || part.node.kind === 'text') return [{ kind: 'prose', base }];
  if (part.node.kind !== 'group') return [];
  return part.node.children.filter((c) => c.kind === 'section' || c.kind === 'text').map((c) => ({ kind: 'prose', base: `${base}/${c.key}` }));
}
