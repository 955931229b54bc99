/** What the round-trip tests share: the documents sent round, and their prose per part. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Report } from '../../server/src/engine/check';
import { fixture, root } from '../helpers';

/** Every example, and the 2019 fixture: [file name, source text]. */
export const sources: [string, string][] = [
  ...fs
    .readdirSync(path.join(root, 'examples'))
    .filter((f) => f.endsWith('.xxgk.yaml'))
    .map((f): [string, string] => [f, fs.readFileSync(path.join(root, 'examples', f), 'utf8')]),
  ['base-2019.xxgk.yaml', fixture('engine', 'base-2019.xxgk.yaml')],
];

/** Prose per top-level part (not 六's fee line nor the title), with what `ignored` matches taken out. */
export function sections(report: Report, ignored: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of report.paragraphs) {
    if (p.part === '其他事项' || p.part === '标题') continue;
    out.set(p.part, (out.get(p.part) ?? '') + p.text.replace(ignored, ''));
  }
  return out;
}
