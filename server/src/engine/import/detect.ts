/**
 * Which national format a document's tables follow, from the labels it prints, never from the
 * year (agencies kept the 2019 tables in 2022, and cite one notice while printing the other).
 * A label counts for a format when no other format has it (2021: 本年制发件数, 本年处理决定数量, the
 * three 其他处理 sub-rows; 2019: 本年新制作数量, 政府集中采购, …). Longer labels are matched first
 * and consumed, so 规范性文件 is not found again inside 行政规范性文件. A row of one format that is a
 * group in the other (the single 其他处理 row of 2019) counts when its label is printed and none of
 * the group's distinctive children are.
 */
import { allNodes, defaultFormat, formats } from '../format';
import type { FormatDef, Located } from '../format';
import { findTargets, normalizeLabel } from './normalize';
import type { Target } from './normalize';

/** Spellings of a definition node: label, aliases and, for a lone cell, its value column heading. */
export function spellings(loc: Located): string[] {
  const n = loc.node;
  const raw = [n.label, ...(n.aliases ?? []), ...(n.kind === 'cell' && n.valueLabel ? [n.valueLabel] : [])];
  return [...new Set(raw.map(normalizeLabel).filter((s) => s.length > 0))];
}

/** Nodes of the table parts (those printed with a layout). */
function tableNodes(def: FormatDef): Located[] {
  const tables = new Set(def.parts.filter((p) => p.layout).map((p) => p.node.key));
  return allNodes(def).filter((l) => tables.has(l.path.split('/')[0]) && l.depth > 0);
}

interface Evidence {
  format: FormatDef;
  labels: string[];
}

/** The label a spelling stands for, as the definition prints it (for notes). */
function printed(loc: Located, form: string): string {
  const n = loc.node;
  if (n.kind === 'cell' && n.valueLabel && normalizeLabel(n.valueLabel) === form) return n.valueLabel;
  return n.label;
}

export function detectFormat(text: string): { format: FormatDef; labels: string[]; certain: boolean } {
  const defs = Object.values(formats);
  /** Per format: normalised spelling → label as printed. */
  const formsOf = new Map(defs.map((d) => [d, new Map(tableNodes(d).flatMap((l) => spellings(l).map((f) => [f, printed(l, f)] as const)))]));
  const targets: Target<{ def: FormatDef; label: string }>[] = [];
  for (const def of defs) {
    for (const [form, label] of formsOf.get(def) ?? []) {
      // Short forms ("其他") appear as column labels everywhere; they prove nothing.
      if (form.length < 3 || defs.some((d) => d !== def && formsOf.get(d)?.has(form))) continue;
      targets.push({ value: { def, label }, forms: [form] });
    }
  }
  const normal = normalizeLabel(text);
  const hits = findTargets(normal, targets, false);
  const evidence: Evidence[] = defs.map((format) => ({ format, labels: hits.filter((h) => h.value.def === format).map((h) => h.value.label) }));

  // A row in one format that is a group in another, printed without the group's distinctive rows.
  for (const def of defs) {
    for (const loc of tableNodes(def)) {
      if (loc.node.kind !== 'row') continue;
      for (const other of defs) {
        if (other === def) continue;
        const twin = allNodes(other).find((l) => l.path === loc.path && l.node.kind === 'group');
        if (!twin) continue;
        const childForms = allNodes(other).filter((l) => l.parent === twin).flatMap(spellings);
        const seen = spellings(loc).some((f) => normal.includes(f));
        const childrenSeen = childForms.some((f) => f.length >= 3 && normal.includes(f));
        if (seen && !childrenSeen) evidence.find((e) => e.format === def)?.labels.push(loc.node.label);
      }
    }
  }
  evidence.sort((a, b) => b.labels.length - a.labels.length);
  const [best, second] = evidence;
  if (!best || best.labels.length === 0 || (second && second.labels.length === best.labels.length)) {
    return { format: defaultFormat, labels: [], certain: false };
  }
  return { format: best.format, labels: best.labels, certain: true };
}
