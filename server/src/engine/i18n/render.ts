/** Words the renderer prints for cell states, in Chinese and English. */
import type { Locale } from './messages';

/** Hover words for cell states. */
export interface UiStrings {
  computed: string;
  blank: string;
  missing: string;
  invalid: string;
}

export const STRINGS: Record<Locale, UiStrings> = {
  'zh-CN': { computed: '自动计算', blank: '空白（发布时应填 0）', missing: '未填写', invalid: '不是有效的数值' },
  en: { computed: 'computed', blank: 'blank (a published report prints 0)', missing: 'not written', invalid: 'not a valid number' },
};
