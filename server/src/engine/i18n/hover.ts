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
