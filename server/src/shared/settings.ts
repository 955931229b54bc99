/**
 * The `xxgk` settings the language server reads: their shape and defaults, in one place for the
 * server (lsp/settings.ts reads and checks them), the client (client/src/settings.ts sends them)
 * and the manifest test (package.json's `contributes.configuration` must say the same).
 * Preview settings (`preview.*`) are read by the client's preview only.
 */
import type { RuleCode, Severity } from '../engine';

export type LocaleSetting = 'auto' | 'zh-CN' | 'en';
export type RuleSetting = Severity | 'off';

/** What `xxgk.rules` accepts for a rule code. */
export const RULE_SETTING_VALUES: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

export interface Settings {
  /** 'auto' follows the client's `initializeParams.locale`. */
  locale: LocaleSetting;
  /** Per rule code: a severity, or 'off' to drop the code. */
  rules: Partial<Record<RuleCode, RuleSetting>>;
  validation: { debounce: number };
  inlayHints: { enabled: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  locale: 'auto',
  rules: {},
  validation: { debounce: 150 },
  inlayHints: { enabled: true },
};
