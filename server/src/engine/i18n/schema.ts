/** How the structure check (schema/validate.ts) names a value it did not expect, in Chinese and English. */
import type { Locale } from './messages';

export const VALUE_WORDS: Record<Locale, (value: unknown) => string> = {
  'zh-CN': (value) => {
    if (value === null || value === undefined) return '空值';
    if (typeof value === 'string') return `“${value.length > 20 ? value.slice(0, 20) + '…' : value}”`;
    if (Array.isArray(value)) return '列表';
    if (typeof value === 'object') return '映射';
    return String(value);
  },
  en: (value) => {
    if (value === null || value === undefined) return 'nothing';
    if (typeof value === 'string') return `"${value.length > 20 ? value.slice(0, 20) + '…' : value}"`;
    if (Array.isArray(value)) return 'a list';
    if (typeof value === 'object') return 'a mapping';
    return String(value);
  },
};
