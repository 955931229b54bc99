/** Words of completion items in Chinese and English (keys and labels are Chinese data in both). */
export const COMPLETION_TEXT = {
  'zh-CN': {
    skeleton: '年报骨架',
    skeletonDetail: '完整的年度报告：六个部分，表格填 0',
    row: '整行填 0',
    group: '整组填 0',
    table: '整张表填 0',
    unit: (u: string) => `单位：${u}`,
    note: '印在表格下方的说明',
    sum: '按勾稽关系计算的值',
    lastYear: '上一年度（通常的报告年度）',
  },
  en: {
    skeleton: 'report skeleton',
    skeletonDetail: 'A whole report: the six parts, tables filled with 0',
    row: 'whole row with zeros',
    group: 'whole group with zeros',
    table: 'whole table with zeros',
    unit: (u: string) => `unit: ${u}`,
    note: 'A note printed under the table',
    sum: 'The value the relation needs',
    lastYear: 'Last year (the usual report year)',
  },
};
