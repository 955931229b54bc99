/**
 * Plausibility rules about what an agency can report: regulation-authority and fee-mention.
 */
import type { I18n } from '../i18n/messages';
import { displayName } from '../parse/report';
import type { Finding, Report } from '../parse/types';
import { amount, cellSpan, parentSpan } from './cells';

/** 乡镇、街道 and county-level bodies (县, 旗, 市辖区 — but not 自治区) have no 规章制定权. */
export function lacksRegulationPower(agency: string): boolean {
  return /街道|乡|镇|县|旗/.test(agency) || /区/.test(agency.replace(/自治区/g, ''));
}

export function checkRegulationAuthority(report: Report, t: I18n): Finding[] {
  if (!report.agency || !lacksRegulationPower(report.agency)) return [];
  const out: Finding[] = [];
  for (const row of report.format.semantic.regulationRows) {
    const nonZero = [...report.cells.values()].filter((c) => c.path.startsWith(row + '/') && c.value !== 0 && !c.def.total);
    if (nonZero.length === 0) continue;
    const list = nonZero.map((c) => `${c.def.label} ${c.value}`).join('，');
    out.push({
      code: 'regulation-authority',
      span: cellSpan(report, nonZero[0]),
      message: t.m.regulationAuthority(report.agency, list),
      cell: nonZero[0].path,
      related: nonZero.slice(1).map((c) => ({ span: cellSpan(report, c), message: displayName(c.path), cell: c.path })),
    });
  }
  return out;
}

export function checkFeeMention(report: Report, t: I18n): Finding[] {
  const s = report.format.semantic;
  const notices = report.cells.get(s.feeNotices);
  const fees = report.cells.get(s.feeAmount);
  const out: Finding[] = [];
  if (s.feeUnpaid) {
    const unpaid = amount(report, s.feeUnpaid);
    if (unpaid.value > 0 && (!notices || notices.value === 0)) {
      const at = unpaid.cells[0];
      out.push({
        code: 'fee-mention',
        span: at ? cellSpan(report, at) : parentSpan(report, s.feeUnpaid),
        message: t.m.feeUnpaidNoNotice(displayName(s.feeUnpaid), unpaid.value, displayName(s.feeNotices)),
        cell: at?.path,
        related: notices ? [{ span: cellSpan(report, notices), message: displayName(notices.path), cell: notices.path }] : [],
      });
    }
  }
  const handled = amount(report, s.newRequests).value + amount(report, s.carriedIn).value;
  const charged = (notices?.value ?? 0) > 0 ? notices : (fees?.value ?? 0) > 0 ? fees : undefined;
  if (charged && handled === 0 && report.entries.has(s.newRequests.split('/')[0])) {
    out.push({ code: 'fee-mention', span: cellSpan(report, charged), message: t.m.feeWithoutRequests(displayName(s.feeNotices.slice(0, s.feeNotices.lastIndexOf('/')))), cell: charged.path });
  }
  return out;
}
