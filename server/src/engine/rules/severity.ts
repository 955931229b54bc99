import type { RuleCode, Severity } from '../format';
import { RULE_REGISTRY } from './registry';

/** Default severity of every rule code (the public contract in docs/rules.md), from the registry. */
export const SEVERITY = Object.fromEntries(RULE_REGISTRY.map((r) => [r.code, r.severity])) as Record<RuleCode, Severity>;

/** Every rule code, in the registry's order. */
export const RULE_CODES: RuleCode[] = RULE_REGISTRY.map((r) => r.code);
