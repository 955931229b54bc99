/**
 * Required parts written but left empty: a prose part with no paragraph (`总体情况: |` and
 * nothing under it) or a text setting that is '' (`机关: ''`). The schema only sees that the key
 * is there, so without this a new report's skeleton checks clean and exports bare headings.
 */
import type { Node } from '../format';
import type { I18n } from '../i18n/messages';
import type { Finding, Report } from '../parse/types';

/** Paths of the required prose and text nodes of the definition, with their nodes. */
function requiredText(report: Report): { path: string; node: Node }[] {
  const out: { path: string; node: Node }[] = [];
  const walk = (node: Node, path: string) => {
    if (node.optional) return;
    if (node.kind === 'group') for (const child of node.children) walk(child, `${path}/${child.key}`);
    else if (node.kind === 'section' || node.kind === 'text' || (node.kind === 'scalar' && node.type === 'string')) out.push({ path, node });
  };
  for (const part of report.format.parts) walk(part.node, part.node.key);
  return out;
}

export function checkEmptyParts(report: Report, t: I18n): Finding[] {
  const required = requiredText(report).filter(({ path }) => report.entries.has(path)); // absent: the schema's missing-item says so
  // Prose parts written: filled by a paragraph at or below them (`总体情况/0/正文` fills 总体情况).
  // Each paragraph is compared with the parts not yet filled; a complete report stops early.
  const pending = new Set(required.filter(({ node }) => node.kind !== 'scalar').map(({ path }) => path));
  for (const p of report.paragraphs) {
    if (pending.size === 0) break;
    for (const path of pending) if (p.path === path || (p.path.startsWith(path) && p.path[path.length] === '/')) pending.delete(path);
  }
  const out: Finding[] = [];
  for (const { path, node } of required) {
    const entry = report.entries.get(path)!;
    if (node.kind === 'scalar') {
      const value = report.text.slice(entry.valueSpan[0], entry.valueSpan[1]).trim();
      if (value !== "''" && value !== '""') continue;
    } else if (!pending.has(path)) continue;
    out.push({ code: 'missing-item', span: entry.keySpan, message: t.m.emptyPart(path.replace(/\//g, '·')), cell: path });
  }
  return out;
}
