/** Words of the explained relations (cell states, verdicts) in Chinese and English. */
import type { CellState } from '../parse/types';

/** Words of the feature texts (the engine's messages hold whole sentences, not these parts). */
export const WORDS = {
  'zh-CN': {
    state: { number: '填写', blank: '空白(按0计)', missing: '缺失(按0计)', computed: '自动计算', invalid: '无效(按0计)' } as Record<CellState, string>,
    computed: '自动计算',
    unchecked: '自动计算，不检查',
    wrong: (w: string, c: string, d: string) => `填写 ${w}，计算 ${c}（差 ${d}）`,
    blankWritten: '空白',
  },
  en: {
    state: { number: 'written', blank: 'blank (counted as 0)', missing: 'missing (counted as 0)', computed: 'computed', invalid: 'invalid (counted as 0)' } as Record<CellState, string>,
    computed: 'computed',
    unchecked: 'computed, not checked',
    wrong: (w: string, c: string, d: string) => `written ${w}, computed ${c} (difference ${d})`,
    blankWritten: 'blank',
  },
};
