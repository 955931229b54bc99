/**
 * The `xxgk` settings section (shape and defaults: shared/settings.ts): a tolerant reader (a client may send
 * anything; wrong values fall back instead of failing). Also accepts dotted keys such as
 * `validation.debounce`, which some clients send flat.
 */
import type { CheckOptions } from '../engine';
import type { RuleCode } from '../engine';
import { normalizeLocale } from '../engine';
import type { Locale } from '../engine';
import { RULE_CODES } from '../engine';
import { DEFAULT_SETTINGS, RULE_SETTING_VALUES } from '../shared/settings';
import type { RuleSetting, Settings } from '../shared/settings';

export { DEFAULT_SETTINGS } from '../shared/settings';
export type { LocaleSetting, RuleSetting, Settings } from '../shared/settings';

/** Upper bound for the debounce: a larger value would look like a broken server. */
const MAX_DEBOUNCE_MS = 10_000;
const RULE_VALUES: readonly string[] = RULE_SETTING_VALUES;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj.a.b`, or the flat `obj['a.b']`. */
function pick(obj: Record<string, unknown>, dotted: string): unknown {
  if (dotted in obj) return obj[dotted];
  let cur: unknown = obj;
  for (const part of dotted.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Reads a raw `xxgk` section over `base`: absent or invalid values keep the base value; `rules` replaces. */
export function readSettings(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!isRecord(raw)) return base;
  const out: Settings = { locale: base.locale, rules: { ...base.rules }, validation: { ...base.validation }, inlayHints: { ...base.inlayHints } };
  const locale = pick(raw, 'locale');
  if (locale === 'auto' || locale === 'zh-CN' || locale === 'en') out.locale = locale;
  else if (typeof locale === 'string' && locale) out.locale = normalizeLocale(locale);
  const rules = pick(raw, 'rules');
  if (isRecord(rules)) {
    // The map is one value: a newer one replaces the base map (so a rule can be turned back on).
    out.rules = {};
    for (const [code, value] of Object.entries(rules)) {
      if ((RULE_CODES as string[]).includes(code) && typeof value === 'string' && RULE_VALUES.includes(value)) {
        out.rules[code as RuleCode] = value as RuleSetting;
      }
    }
  }
  const debounce = pick(raw, 'validation.debounce');
  if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0) out.validation.debounce = Math.min(debounce, MAX_DEBOUNCE_MS);
  const inlay = pick(raw, 'inlayHints.enabled');
  if (typeof inlay === 'boolean') out.inlayHints.enabled = inlay;
  return out;
}

/** Initialization options may hold the section itself or `{ xxgk: {...} }`. */
export function sectionOf(options: unknown): unknown {
  return isRecord(options) && isRecord(options.xxgk) ? options.xxgk : options;
}

export function resolveLocale(settings: Settings, clientLocale: string | undefined): Locale {
  return settings.locale === 'auto' ? normalizeLocale(clientLocale) : settings.locale;
}

/**
 * Test switch: `XXGK_DROP_RULE=<code>[,<code>…]` in the server's environment turns those rules off
 * whatever the settings say (the end-to-end tests use it to prove they can fail).
 */
function droppedRules(): Partial<Record<RuleCode, RuleSetting>> {
  const dropped: Partial<Record<RuleCode, RuleSetting>> = {};
  for (const code of (process.env.XXGK_DROP_RULE ?? '').split(',').map((c) => c.trim())) {
    if ((RULE_CODES as string[]).includes(code)) dropped[code as RuleCode] = 'off';
  }
  return dropped;
}

export function checkOptions(settings: Settings, clientLocale: string | undefined): CheckOptions & { locale: Locale } {
  return { locale: resolveLocale(settings, clientLocale), severities: { ...settings.rules, ...droppedRules() } };
}
