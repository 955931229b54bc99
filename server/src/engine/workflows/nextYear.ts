/**
 * "Start next year's report": a new source for 年度 + 1 that continues this one. Same 格式 and
 * 机关, 上年报告 pointing back here, 上年结转 = this year's 结转下年度 and the documents in force
 * carried as the new baseline (so carry-over and inventory hold), 结转下年度 = 上年结转 (nothing
 * handled yet, so the balance holds), every other number 0 and the prose empty. The cells carried are the format's `crossYear` declaration read backwards; the
 * text comes from the same generator as a new report, so nothing here names a row.
 */
import type { CheckResult } from '../check';
import { equations } from '../format';
import { i18n } from '../i18n/messages';
import { parseReport } from '../parse/report';
import { evaluate } from '../rules/equations';
import { numberText } from '../write/edits';
import { yearRange } from './newReport';
import { safeFileName } from './previousReport';
import { render, skeleton } from '../write/snippet';
import { CLI_TEXT } from '../i18n/cli';
import type { NextYearRefusal } from '../i18n/cli';

/** Source keys (public contract, see docs/source-format.md). */
const AGENCY_KEY = '机关';
const PREVIOUS_KEY = '上年报告';

/** Why next year's report cannot be started; the message is English, `refusal` says it in any language (i18n/cli.ts). */
export class NextYearError extends Error {
  constructor(readonly refusal: NextYearRefusal) {
    super(CLI_TEXT.en.nextYearRefusal(refusal));
  }
}

function nextYearOf(result: CheckResult): number {
  const { report } = result;
  // With syntax errors the cells read may be incomplete: carrying them would hide the gap.
  if (!result.doc || result.doc.errors.length > 0) throw new NextYearError({ kind: 'syntax' });
  if (report.year === undefined) throw new NextYearError({ kind: 'noYear' });
  const { max } = yearRange(report.format);
  if (report.year + 1 > max) throw new NextYearError({ kind: 'beyond', year: report.year + 1, max });
  return report.year + 1;
}

/** Default name of next year's file: `<机关><年度 + 1>.xxgk.yaml`. */
export function nextYearFileName(result: CheckResult): string {
  return `${safeFileName(result.report.agency ?? '')}${nextYearOf(result)}.xxgk.yaml`;
}

/** Next year's cells that start from this year's values (path in the new report → value). */
function carried(result: CheckResult): Map<string, number | undefined> {
  const { report } = result;
  // undefined: left blank this year, so blank next year too (a 0 would claim a count nobody gave).
  const values = new Map<string, number | undefined>();
  const value = (path: string) => {
    const cell = report.cells.get(path);
    return cell?.state === 'blank' ? undefined : (cell?.value ?? 0);
  };
  const carry = report.format.crossYear.carryOver;
  if (carry) {
    const prefix = `${carry.last}/`;
    for (const [path] of report.cells) if (path.startsWith(prefix)) values.set(`${carry.this}/${path.slice(prefix.length)}`, value(path));
  }
  for (const row of report.format.crossYear.inventory?.rows ?? []) values.set(`${row.row}/${row.stock}`, value(`${row.row}/${row.stock}`));
  return values;
}

/**
 * The text of next year's report. `previousRef` is what 上年报告 says: this file's name, or its
 * path relative to where the new file goes (left out when undefined: an unsaved report has none).
 * Throws NextYearError when there is no usable 年度.
 */
export function nextYear(result: CheckResult, previousRef: string | undefined): string {
  const year = nextYearOf(result);
  const format = result.report.format;
  const values = carried(result);
  const strings: Record<string, string> = { [AGENCY_KEY]: result.report.agency ?? '' };
  if (previousRef !== undefined) strings[PREVIOUS_KEY] = previousRef;
  // The skeleton ends with the final tab stop's empty line; a file ends with one line break.
  const build = () => render(skeleton(format, year, strings, (p) => (values.has(p) && values.get(p) === undefined ? '' : numberText(values.get(p) ?? 0))), false).replace(/\n*$/, '\n');
  const text = build();
  // Nothing is handled yet, so what was carried in is still pending: the relations that are not
  // sums (table 3's balance) get their anchor (结转下年度) settled, and the draft checks clean.
  const draft = parseReport(text, i18n()).report;
  let settled = false;
  for (const eq of equations(format)) {
    if (eq.isSum) continue;
    const ev = evaluate(draft, eq);
    if (ev.ok || ev.needed < 0) continue;
    values.set(eq.anchor, ev.needed);
    settled = true;
  }
  return settled ? build() : text;
}
