/** Words of the hover text in Chinese and English (labels and keys inside them are Chinese data in both). */
export const HOVER_TEXT = {
  'zh-CN': {
    part: (n: string, source: string) => `全国格式第${n}部分（${source}）`,
    unit: (u: string) => `单位：${u}`,
    columns: '列',
    contains: '包括',
    rules: '勾稽关系',
    checkedAt: (where: string) => `在 ${where} 核对`,
    sep: '、',
    colon: '：',
    lastYear: (file: string) => `上年报告（${file}）`,
    last: '上年',
  },
  en: {
    part: (n: string, source: string) => `Part ${n} of the national format (${source})`,
    unit: (u: string) => `Unit: ${u}`,
    columns: 'Columns',
    contains: 'Contains',
    rules: 'Relations',
    checkedAt: (where: string) => `checked at ${where}`,
    sep: ', ',
    colon: ': ',
    lastYear: (file: string) => `Last year's report (${file})`,
    last: "last year's ",
  },
};

/** Words of the `prose-trend` hover (editor/trendHover.ts); the values, names and phrase come from the rule. */
export const TREND_TEXT = {
  'zh-CN': {
    title: '与上年比较',
    text: (p: string) => `正文写：“${p}”`,
    claimed: (word: string, amount: string, unit: string) => `写的变化：${word} ${amount}${unit}`,
    share: (diff: string, base: string) => `（${diff} ÷ ${base}）`,
    colon: '：',
    thisYear: (name: string, v: string) => `本年：${name} ${v}（本报告表格）`,
    lastYear: (name: string, v: string, file: string) => `上年：${name} ${v}（上年报告 ${file}）`,
    computed: (sum: string, change: string) => `计算：${sum}，${change}`,
    change: (diff: number, amount: string, unit: string) => (diff === 0 ? '持平' : `${diff > 0 ? '增加' : '减少'} ${amount}${unit}`),
    count: ' 件',
  },
  en: {
    title: 'Compared with last year',
    text: (p: string) => `The text says: “${p}”`,
    claimed: (word: string, amount: string, unit: string, up: boolean) => `Change written: ${word} ${amount}${unit} (${up ? 'up' : 'down'})`,
    share: (diff: string, base: string) => ` (${diff} ÷ ${base})`,
    colon: ': ',
    thisYear: (name: string, v: string) => `This year: ${name} ${v} (this report's table)`,
    lastYear: (name: string, v: string, file: string) => `Last year: ${name} ${v} (last year's report ${file})`,
    computed: (sum: string, change: string) => `Computed: ${sum}, ${change}`,
    change: (diff: number, amount: string, unit: string) => (diff === 0 ? 'unchanged' : `${diff > 0 ? 'up' : 'down'} ${amount}${unit}`),
    count: '',
  },
};
