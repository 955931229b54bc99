/**
 * outdated-format: a report laid out in a national format that a later one has replaced for its
 * year (the 2019 trial format used for a 2021 report). Which format applies from which year is
 * the definitions' data (`appliesFrom`), not a year written here.
 */
import { currentFormat } from '../format';
import type { I18n } from '../i18n/messages';
import type { Finding, Report } from '../parse/types';

/** Keys of the settings the rule points at (public contract, docs/source-format.md). */
const FORMAT_KEY = '格式';
const YEAR_KEY = '年度';

export function checkOutdatedFormat(report: Report, t: I18n): Finding[] {
  const year = report.year;
  if (year === undefined) return [];
  const used = report.format;
  const current = currentFormat(year);
  if (!current || current === used || used.appliesFrom >= current.appliesFrom) return [];
  const formatEntry = report.entries.get(FORMAT_KEY);
  const yearEntry = report.entries.get(YEAR_KEY);
  const at = formatEntry ?? yearEntry;
  if (!at) return [];
  return [
    {
      code: 'outdated-format',
      span: at.valueSpan,
      message: t.m.outdatedFormat(year, used.id, used.source, current.id, current.source, current.appliesFrom),
      related: formatEntry && yearEntry ? [{ span: yearEntry.valueSpan, message: t.m.reportYear(year) }] : [],
    },
  ];
}
