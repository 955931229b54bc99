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
  const filled = new Set<string>();
  for (const p of report.paragraphs) {
    // `总体情况/0/正文` fills 总体情况 too. A prefix already filled has its own prefixes filled:
    // stop there, so thousands of paragraphs under one part cost one look-up each.
    let path = p.path;
    while (!filled.has(path)) {
      filled.add(path);
      const cut = path.lastIndexOf('/');
      if (cut === -1) break;
      path = path.slice(0, cut);
    }
  }
  const out: Finding[] = [];
  for (const { path, node } of requiredText(report)) {
    const entry = report.entries.get(path);
    if (!entry) continue; // absent: the schema's missing-item says so
    if (node.kind === 'scalar') {
      const value = report.text.slice(entry.valueSpan[0], entry.valueSpan[1]).trim();
      if (value !== "''" && value !== '""') continue;
    } else if (filled.has(path)) continue;
    out.push({ code: 'missing-item', span: entry.keySpan, message: t.m.emptyPart(path.replace(/\//g, '·')), cell: path });
  }
  return out;
}
