/**
 * All rules over one parsed report. Each rule reads the report and returns findings; nothing is
 * parsed or computed twice.
 */
import type { I18n } from '../i18n/messages';
import type { Finding, Report } from '../parse/types';
import { checkEmptyParts } from './empty';
import { checkEquations } from './equations';
import { checkArtifacts, checkDuplicates, checkPeriodYear, checkProseContradiction } from './prose';
import { checkProseNumbers } from './proseNumbers';
import { checkNumbering } from './numbering';
import { checkOutdatedFormat } from './outdatedFormat';
import { checkFeeMention, checkRegulationAuthority } from './semantic';

export type Rule = (report: Report, t: I18n) => Finding[];

export const RULES: Rule[] = [
  checkEmptyParts,
  checkEquations,
  checkRegulationAuthority,
  checkPeriodYear,
  checkProseNumbers,
  checkProseContradiction,
  checkFeeMention,
  checkDuplicates,
  checkArtifacts,
  checkNumbering,
  checkOutdatedFormat,
];

export function runRules(report: Report, t: I18n): Finding[] {
  return RULES.flatMap((rule) => rule(report, t));
}

export { SEVERITY, RULE_CODES } from './severity';
