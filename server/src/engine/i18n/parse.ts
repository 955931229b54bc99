/** Why a YAML text was not checked at all: the parser's limits (parse/yaml.ts), in Chinese and English. */
import type { Locale } from './messages';

export type LimitKind = 'depth' | 'entries' | 'total';

export const LIMIT_TEXT: Record<Locale, (limit: LimitKind, max: number) => string> = {
  'zh-CN': (limit, max) => {
    switch (limit) {
      case 'depth':
        return `嵌套超过 ${max} 层，未检查`;
      case 'entries':
        return `一个映射或列表中超过 ${max} 项，未检查`;
      case 'total':
        return `键和列表项共超过 ${max} 个，未检查`;
    }
  },
  en: (limit, max) => {
    switch (limit) {
      case 'depth':
        return `nested more than ${max} levels deep; not checked`;
      case 'entries':
        return `more than ${max} entries in one mapping or list; not checked`;
      case 'total':
        return `more than ${max} keys and list items in all; not checked`;
    }
  },
};
