/**
 * 《中华人民共和国政府信息公开工作年度报告格式（试行）》(国办公开办函〔2019〕60号) as data: used for
 * the 2019 and 2020 reports (and by some agencies later). Tables 3 and 4 are those of 2021 except
 * that （六）其他处理 is a single row; table 2 has other columns and a （九）项 for 政府集中采购.
 */
import { activePart, appealTable, common, countCell, meta, otherMatters, proseSections, requestRow } from './shared';
import type { CellNode, FormatDef, GroupNode, RowNode } from './types';

const row = (key: string, label: string, description: string, cells: CellNode[]): RowNode => ({ kind: 'row', key, label, description, cells });

const publication: CellNode[] = [
  countCell('本年新制作', '本年新制作数量', '本年新制作的件数'),
  countCell('本年新公开', '本年新公开数量', '本年新公开的件数'),
  countCell('对外公开总数', '对外公开总数量', '截至年底对外公开的总件数'),
];

const items = (decisions: boolean): CellNode[] => [
  countCell('上一年项目数量', '上一年项目数量', '上一年的项目数量'),
  { ...countCell('本年增减', '本年增/减', '本年增加（正数）或减少（负数）的项目数量'), signed: true },
  ...(decisions ? [countCell('处理决定数量', '处理决定数量', '本年作出的处理决定数量')] : []),
];

const active: GroupNode = {
  kind: 'group',
  key: '主动公开',
  label: '二、主动公开政府信息情况',
  description: '条例第二十条第（一）（五）（六）（八）（九）项的主动公开情况',
  children: [
    row('规章', '规章', '条例第二十条第（一）项：规章', publication),
    { ...row('规范性文件', '规范性文件', '条例第二十条第（一）项：规范性文件', publication), aliases: ['行政规范性文件'] },
    row('行政许可', '行政许可', '条例第二十条第（五）项：行政许可', items(true)),
    row('其他对外管理服务事项', '其他对外管理服务事项', '条例第二十条第（五）项：其他对外管理服务事项', items(true)),
    row('行政处罚', '行政处罚', '条例第二十条第（六）项：行政处罚', items(true)),
    row('行政强制', '行政强制', '条例第二十条第（六）项：行政强制', items(true)),
    row('行政事业性收费', '行政事业性收费', '条例第二十条第（八）项：行政事业性收费项目', items(false)),
    row('政府集中采购', '政府集中采购', '条例第二十条第（九）项：政府集中采购', [
      countCell('采购项目数量', '采购项目数量', '本年政府集中采购项目数量'),
      { kind: 'cell', key: '采购总金额', label: '采购总金额', unit: '万元', decimal: true, description: '本年政府集中采购总金额，单位万元' },
    ]),
  ],
};

export const format2019: FormatDef = {
  id: '2019',
  source: '国办公开办函〔2019〕60号',
  appliesFrom: 2019,
  titleTemplate: '{机关}{年度}年政府信息公开工作年度报告',
  parts: [
    ...meta,
    proseSections.overview,
    activePart(active, { 一: ['规章', '规范性文件'], 五: ['行政许可', '其他对外管理服务事项'], 六: ['行政处罚', '行政强制'], 八: ['行政事业性收费'], 九: ['政府集中采购'] }),
    common.requests(requestRow('其他处理', '（六）其他处理', '因申请人原因等不再处理的申请')),
    appealTable,
    proseSections.problems,
    otherMatters,
  ],
  relations: common.relations,
  semantic: { ...common.semantic, regulationRows: ['主动公开/规章'] },
  // No inventory: 本年新制作 · 本年新公开 · 对外公开总数 have no stated stock equation (reports fill
  // 对外公开总数 both as a running total and as this year's count), so only table 3 is compared.
  crossYear: { carryOver: common.carryOver },
};
