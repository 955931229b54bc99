import type { RuleCode, Severity } from '../format';
import { RULE_REGISTRY } from './registry';

/** Default severity of every rule code (the public contract in docs/rules.md), from the registry (pure: unused, it is dropped from a bundle). */
export const SEVERITY = /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ RULE_REGISTRY.map((r) => [r.code, r.severity])) as Record<RuleCode, Severity>;

/** Every rule code, in the registry's order. */
export const RULE_CODES: RuleCode[] = /* @__PURE__ */ RULE_REGISTRY.map((r) => r.code);
