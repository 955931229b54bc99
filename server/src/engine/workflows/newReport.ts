/**
 * The text of a new report file (the editor's "New Report" command): the completion skeleton with
 * 年度 and 机关 filled in, as plain text, and where to put the cursor (the first empty prose, the
 * skeleton's first empty tab stop). Built from the format definition like every generator.
 */
import type { Position } from 'vscode-languageserver';
import { defaultFormat } from '../format';
import type { FormatDef, ScalarNode } from '../format';
import { render, skeleton } from '../write/snippet';

/** Source keys (public contract, see docs/source-format.md). */
const AGENCY_KEY = '机关';
const YEAR_KEY = '年度';

export class NewReportError extends Error {}

/** The years the definition's 年度 accepts. */
export function yearRange(def: FormatDef = defaultFormat): { min: number; max: number } {
  const node = def.parts.find((p) => p.node.key === YEAR_KEY)?.node as ScalarNode | undefined;
  return { min: node?.minimum ?? 0, max: node?.maximum ?? Number.MAX_SAFE_INTEGER };
}

export function newReportText(agency: string, year: number, def: FormatDef = defaultFormat): { text: string; cursor: Position } {
  const { min, max } = yearRange(def);
  if (!Number.isInteger(year) || year < min || year > max) throw new NewReportError(`year must be an integer from ${min} to ${max}`);
  // The name is one line: control characters would break the quoted YAML scalar.
  const name = String(agency).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const pieces = skeleton(def, year, { [AGENCY_KEY]: name });
  const first = pieces.findIndex((p) => typeof p !== 'string' && p.tab > 0 && p.text === '');
  const before = render(first === -1 ? [] : pieces.slice(0, first), false).split('\n');
  return { text: render(pieces, false), cursor: { line: before.length - 1, character: before[before.length - 1].length } };
}
