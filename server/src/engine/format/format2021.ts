/**
 * 《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号) as data.
 * Labels are verbatim from the official template.
 */
import { activePart, common, requestRow, appealTable, meta, proseSections, countCell, otherMatters } from './shared';
import type { FormatDef, GroupNode, RowNode } from './types';

const activeRow = (key: string, label: string, description: string): RowNode => ({
  kind: 'row',
  key,
  label,
  description,
  cells: [
    countCell('本年制发', '本年制发件数', '本年新制定、发布的件数'),
    countCell('本年废止', '本年废止件数', '本年废止的件数'),
    countCell('现行有效', '现行有效件数', '截至年底现行有效的件数'),
  ],
});

const decisions = '本年处理决定数量';

const active: GroupNode = {
  kind: 'group',
  key: '主动公开',
  label: '二、主动公开政府信息情况',
  description: '条例第二十条第（一）（五）（六）（八）项的主动公开情况',
  children: [
    activeRow('规章', '规章', '条例第二十条第（一）项：规章（只有享有规章制定权的机关才可能不为 0）'),
    { ...activeRow('行政规范性文件', '行政规范性文件', '条例第二十条第（一）项：行政规范性文件'), aliases: ['规范性文件'] },
    { ...countCell('行政许可', '行政许可', '条例第二十条第（五）项：本年作出的行政许可处理决定数量'), valueLabel: decisions },
    { ...countCell('行政处罚', '行政处罚', '条例第二十条第（六）项：本年作出的行政处罚决定数量'), valueLabel: decisions },
    { ...countCell('行政强制', '行政强制', '条例第二十条第（六）项：本年作出的行政强制决定数量'), valueLabel: decisions },
    {
      kind: 'cell',
      key: '行政事业性收费',
      label: '行政事业性收费',
      unit: '万元',
      decimal: true,
      valueLabel: '本年收费金额（单位：万元）',
      description: '条例第二十条第（八）项：本年行政事业性收费金额，单位万元，可有小数',
    },
  ],
};

const otherHandling: GroupNode = {
  kind: 'group',
  key: '其他处理',
  label: '（六）其他处理',
  description: '因申请人原因等不再处理的申请',
  children: [
    requestRow('逾期不补正', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '条例第三十条：申请人逾期不补正的'),
    requestRow('逾期未缴费', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '条例第四十二条、国办函〔2020〕109号：逾期未缴纳信息处理费的'),
    requestRow('其他', '3.其他', '其他不再处理的情形'),
  ],
};

export const format2021: FormatDef = {
  id: '2021',
  source: '国办公开办函〔2021〕30号',
  // 国办公开办函〔2021〕30号: the new format is used from the 2021 annual report on.
  appliesFrom: 2021,
  titleTemplate: '{机关}{年度}年政府信息公开工作年度报告',
  parts: [
    ...meta,
    proseSections.overview,
    activePart(active, { 一: ['规章', '行政规范性文件'], 五: ['行政许可'], 六: ['行政处罚', '行政强制'], 八: ['行政事业性收费'] }),
    common.requests(otherHandling),
    appealTable,
    proseSections.problems,
    otherMatters,
  ],
  relations: common.relations,
  semantic: {
    ...common.semantic,
    feeUnpaid: '依申请公开/办理结果/其他处理/逾期未缴费',
    regulationRows: ['主动公开/规章'],
  },
  crossYear: {
    carryOver: common.carryOver,
    // 第二十条第（一）项 counts documents in force (现行有效) only since the 2021 format; the 2019
    // columns meant something else, so no other format shares this meaning.
    inventory: {
      meaning: 'table2-documents-in-force-2021',
      rows: ['主动公开/规章', '主动公开/行政规范性文件'].map((row) => ({ row, stock: '现行有效', added: '本年制发', removed: '本年废止' })),
    },
  },
};
