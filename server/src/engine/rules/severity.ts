import type { RuleCode, Severity } from '../format';

/** Default severity of every rule code (the public contract in docs/rules.md). */
export const SEVERITY: Record<RuleCode, Severity> = {
  'yaml-syntax': 'error',
  'unknown-key': 'error',
  'invalid-value': 'error',
  'missing-item': 'warning',
  'blank-cell': 'warning',
  fullwidth: 'error',
  'row-total': 'error',
  'outcome-total': 'error',
  balance: 'error',
  'appeal-total': 'error',
  'carry-over': 'error',
  inventory: 'warning',
  'regulation-authority': 'warning',
  'period-year': 'warning',
  'prose-number': 'warning',
  'prose-contradiction': 'warning',
  'prose-trend': 'warning',
  'fee-mention': 'info',
  'duplicate-paragraph': 'warning',
  artifact: 'warning',
  numbering: 'warning',
  'outdated-format': 'warning',
  encoding: 'warning',
};

export const RULE_CODES = Object.keys(SEVERITY) as RuleCode[];
