/**
 * Parts that the 2019 and 2021 national formats share verbatim (metadata, prose sections, table 3
 * except its （六）其他处理 rows, table 4, section 六). Each format definition assembles them.
 */
import type { CellNode, GroupNode, ListConventions, Node, PartDef, RelationDef, RowNode, SectionNode, SemanticRefs } from './types';

export function countCell(key: string, label: string, description?: string, total = false): CellNode {
  return { kind: 'cell', key, label, unit: '件', description, ...(total ? { total: true } : {}) };
}

/** Column group header of the five 法人或其他组织 columns (merged above them when printed). */
const orgGroup = '法人或其他组织';
const orgCell = (key: string, description: string, extra: Partial<CellNode> = {}): CellNode => ({
  ...countCell(key, key, `${orgGroup}：${description}`),
  group: orgGroup,
  ...extra,
});

/** Table 3 columns: 申请人情况 (自然人, the five 法人或其他组织 kinds, 总计). */
export const requestColumns: CellNode[] = [
  countCell('自然人', '自然人', '以个人名义提出申请的'),
  orgCell('商业企业', '商业企业', { aliases: ['商业\n企业'] }),
  orgCell('科研机构', '科研机构'),
  orgCell('社会公益组织', '社会公益组织'),
  orgCell('法律服务机构', '法律服务机构'),
  orgCell('其他', '其他'),
  countCell('总计', '总计', '本行六列之和；省略时自动计算', true),
];

export function requestRow(key: string, label: string, description: string, extra: Partial<RowNode> = {}): RowNode {
  return { kind: 'row', key, label, description, cells: requestColumns, ...extra };
}

function group(key: string, label: string, description: string, children: Node[], extra: Partial<GroupNode> = {}): GroupNode {
  return { kind: 'group', key, label, description, children, ...extra };
}

const withheld = group('不予公开', '（三）不予公开', '依法不予公开的申请', [
  requestRow('国家秘密', '1.属于国家秘密', '条例第十四条', { aliases: ['属于国家秘密'] }),
  requestRow('法律行政法规禁止', '2.其他法律行政法规禁止公开', '条例第十四条', { aliases: ['其他法律行政法规禁止公开'] }),
  requestRow('危及三安全一稳定', '3.危及“三安全一稳定”', '条例第十四条：危及国家安全、公共安全、经济安全、社会稳定', {
    aliases: ['危及“三安全一稳定”', '危及"三安全一稳定"'],
  }),
  requestRow('保护第三方合法权益', '4.保护第三方合法权益', '条例第十五条'),
  requestRow('三类内部事务信息', '5.属于三类内部事务信息', '条例第十六条第一款：人事管理、后勤管理、内部工作流程', {
    aliases: ['属于三类内部事务信息'],
  }),
  requestRow('四类过程性信息', '6.属于四类过程性信息', '条例第十六条第二款：讨论记录、过程稿、磋商信函、请示报告', {
    aliases: ['属于四类过程性信息'],
  }),
  requestRow('行政执法案卷', '7.属于行政执法案卷', '条例第十六条第二款', { aliases: ['属于行政执法案卷'] }),
  requestRow('行政查询事项', '8.属于行政查询事项', '条例第三十六条：法律法规对获取有特别规定的查询事项', {
    aliases: ['属于行政查询事项'],
  }),
]);

const unavailable = group('无法提供', '（四）无法提供', '申请的信息无法提供', [
  requestRow('本机关不掌握', '1.本机关不掌握相关政府信息', '条例第三十六条第（四）项', { aliases: ['本机关不掌握相关政府信息'] }),
  requestRow('需要另行制作', '2.没有现成信息需要另行制作', '条例第三十八条', { aliases: ['没有现成信息需要另行制作'] }),
  requestRow('补正后仍不明确', '3.补正后申请内容仍不明确', '条例第三十条', { aliases: ['补正后申请内容仍不明确'] }),
]);

const notHandled = group('不予处理', '（五）不予处理', '依法不作为政府信息公开申请处理的', [
  requestRow('信访举报投诉类', '1.信访举报投诉类申请', '条例第三十九条第一款', { aliases: ['信访举报投诉类申请'] }),
  requestRow('重复申请', '2.重复申请', '条例第三十六条第（五）项'),
  requestRow('要求提供公开出版物', '3.要求提供公开出版物', '条例第三十九条第二款'),
  requestRow('无正当理由大量反复申请', '4.无正当理由大量反复申请', '条例第三十五条'),
  requestRow('要求确认或重新出具', '5.要求行政机关确认或重新出具已获取信息', '条例第三十九条第二款', {
    aliases: ['要求行政机关确认或重新出具已获取信息'],
  }),
]);

/** Table 3, parameterised by the （六）其他处理 node, which differs between formats. */
function requests(otherHandling: Node): PartDef {
  const outcomes = group('办理结果', '三、本年度办理结果', '本年度办理完毕的申请，按办理结果分列；每件申请只计入一种结果', [
    requestRow('予以公开', '（一）予以公开', '全部公开的申请'),
    requestRow('部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '区分处理、部分公开的申请，只计入本项'),
    withheld,
    unavailable,
    notHandled,
    otherHandling,
    requestRow('总计', '（七）总计', '以上各项办理结果之和；省略时自动计算', { optional: true, aliases: ['七总计'] }),
  ]);
  return {
    number: '三',
    node: group('依申请公开', '三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的数量与办理结果（表三）', [
      requestRow('本年新收', '一、本年新收政府信息公开申请数量', '统计年度内新收到的申请', { aliases: ['本年新收政府信息公开申请数量'] }),
      requestRow('上年结转', '二、上年结转政府信息公开申请数量', '上一年度结转到本年度继续办理的申请，应等于上年报告的“结转下年度”', {
        aliases: ['上年结转政府信息公开申请数量'],
      }),
      outcomes,
      requestRow('结转下年度', '四、结转下年度继续办理', '年底尚未办结、结转到下一年度继续办理的申请', { aliases: ['结转下年度继续办理'] }),
    ]),
    layout: {
      kind: 'matrix',
      corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      columnsHeader: '申请人情况',
      rowLabelColumns: 3,
    },
  };
}

const appealCells: CellNode[] = [
  countCell('结果维持', '结果维持', '复议决定或判决维持原行为的'),
  countCell('结果纠正', '结果纠正', '被撤销、变更、确认违法或责令履行等纠正的'),
  countCell('其他结果', '其他结果', '驳回、撤回、终止等其他结果'),
  countCell('尚未审结', '尚未审结', '年底尚未审结的'),
  countCell('总计', '总计', '前四列之和；省略时自动计算', true),
];

const appealRow = (key: string, label: string, description: string): RowNode => ({ kind: 'row', key, label, description, cells: appealCells });

export const appealTable: PartDef = {
  number: '四',
  node: group('复议诉讼', '四、政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼的情况（表四）', [
    appealRow('行政复议', '行政复议', '被申请行政复议的案件'),
    group('行政诉讼', '行政诉讼', '被提起行政诉讼的案件', [
      appealRow('未经复议直接起诉', '未经复议直接起诉', '未经行政复议直接提起诉讼的'),
      appealRow('复议后起诉', '复议后起诉', '经行政复议后提起诉讼的'),
    ]),
  ]),
  layout: { kind: 'wide' },
};

/**
 * Table 2 (主动公开) as printed: the 2021 and 2019 formats differ in their rows only, so the section
 * number, the block per 条例第二十条 item, its caption and its first header are written here once.
 * `items` maps the item's number (一, 五, …) to the keys of its rows, in print order.
 */
export function activePart(node: Node, items: Record<string, string[]>): PartDef {
  return {
    node,
    number: '二',
    layout: {
      kind: 'captioned',
      blocks: Object.entries(items).map(([item, rows]) => ({ caption: `第二十条第（${item}）项`, firstHeader: '信息内容', rows })),
    },
  };
}

const section = (key: string, label: string, description: string): SectionNode => ({ kind: 'section', key, label, description });

export const proseSections = {
  overview: {
    number: '一',
    node: section('总体情况', '一、总体情况', '落实条例的总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障'),
  } as PartDef,
  problems: {
    number: '五',
    node: section('问题与改进', '五、存在的主要问题及改进情况', '本年度存在的主要问题、上年问题的改进情况和下一步改进措施'),
  } as PartDef,
};

export const otherMatters: PartDef = {
  number: '六',
  node: group('其他事项', '六、其他需要报告的事项', '收取信息处理费情况及其他需要报告的事项', [
    {
      kind: 'row',
      key: '信息处理费',
      label: '信息处理费',
      optional: true,
      description: '按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况',
      cells: [
        countCell('发出收费通知', '发出收费通知', '发出收费通知的件数'),
        {
          kind: 'cell',
          key: '实际收取金额',
          label: '实际收取金额',
          unit: '元',
          decimal: true,
          description: '实际收取的信息处理费金额，单位元',
        },
      ],
    },
    { kind: 'text', key: '正文', label: '正文', description: '其他需要报告的事项（文字）' },
  ]),
};

const text = (key: string, label: string, description: string, optional = true): PartDef => ({
  node: { kind: 'text', key, label, description, optional },
});

export const meta: PartDef[] = [
  {
    node: {
      kind: 'scalar',
      key: '格式',
      label: '格式',
      type: 'integer',
      enum: [2021, 2019],
      optional: true,
      description: '表格所依据的全国格式：2021（国办公开办函〔2021〕30号，默认）或 2019（国办公开办函〔2019〕60号）',
    },
  },
  {
    node: {
      kind: 'scalar',
      key: '年度',
      label: '年度',
      type: 'integer',
      minimum: 2008,
      maximum: 2100,
      description: '报告年度（统计期限为该年1月1日至12月31日）',
    },
  },
  { node: { kind: 'scalar', key: '机关', label: '机关', type: 'string', description: '报告机关全称，如 昆都仑区白云路街道办事处' } },
  { node: { kind: 'scalar', key: '标题', label: '标题', type: 'string', optional: true, description: '报告标题；省略时为“{机关}{年度}年政府信息公开工作年度报告”' } },
  text('前言', '前言', '报告开头的说明段落'),
  {
    node: { kind: 'scalar', key: '上年报告', label: '上年报告', type: 'string', optional: true, description: '上一年度报告源文件的相对路径，用于跨年度核对' },
  },
];

/** Punctuation after which a clause starts (a list item opens a clause). */
const CLAUSE = '。；：，、！？;:,!?…—';
/** Clause starts for digit items: not after 、 (3、5、7号楼 is a run of numbers, not a list). */
const CLAUSE_NOT_ENUMERATION = '。；：，！？;:,!?…—';
const PARENS = { prefix: ['（', '('], suffix: ['）', ')'] };
/** 第（一）项, （二）款: a citation of a law's item, not a list item. */
const CITATION = '项款条目号之';
const DIGITS = '0123456789０１２３４５６７８９';

/**
 * How reports number lists inside their paragraphs (rule `numbering`), in the order a reader meets
 * them; each system is a list of its own.
 */
const lists: ListConventions = {
  ordinals: [
    // 唯一是, 统一是, 之一是, 第一是, 其一是…: the number ends a word; 一是否 is not an item either.
    { name: '一是', numerals: 'chinese', suffix: ['是'], notAfter: '唯统同万专单划合逐之第不无其这那每某任均归整', notFollowedBy: '否非' },
    // Only 第一， 第一： count: 第一书记, 第一时间, 第一批, 第一季度, 第二十条 do not.
    { name: '第一', numerals: 'chinese', prefix: ['第'], after: CLAUSE, followedBy: '，,：:' },
    { name: '首先', numerals: 'words', words: ['首先', '其次', '再次'], last: '最后', after: CLAUSE, followedBy: '，,：:是' },
    { name: '（一）', numerals: 'chinese', ...PARENS, after: CLAUSE, notFollowedBy: CITATION },
    { name: '（1）', numerals: 'digits', ...PARENS, after: CLAUSE, notFollowedBy: CITATION },
    { name: '1.', numerals: 'digits', suffix: ['.', '．'], after: CLAUSE_NOT_ENUMERATION, notFollowedBy: `${DIGITS}.．%％` },
    { name: '1、', numerals: 'digits', suffix: ['、'], after: CLAUSE_NOT_ENUMERATION, notFollowedBy: `${DIGITS}、%％` },
    // Section headings written in the text (一、主动公开情况): they end the lists inside them.
    { name: '一、', numerals: 'chinese', suffix: ['、'], lineStart: true },
  ],
  // A sentence announcing a list (主要有以下几个方面) or turning to the next one (针对上述问题，下一步…).
  introPhrases: ['以下', '如下', '下列', '个方面', '几方面', '两方面', '三方面', '四方面', '五方面', '上述', '以上', '为此', '对此', '针对', '下一步', '下阶段', '今后', '接下来'],
  introEndings: ['：', ':'],
  quotes: [
    ['《', '》'],
    ['“', '”'],
    ['「', '」'],
    ['『', '』'],
  ],
};

/** Cell paths used by the semantic rules (identical in both formats apart from feeUnpaid). */
const semantic: Omit<SemanticRefs, 'feeUnpaid' | 'regulationRows'> = {
  newRequests: '依申请公开/本年新收',
  carriedIn: '依申请公开/上年结转',
  outcomeTotal: '依申请公开/办理结果/总计',
  carriedOut: '依申请公开/结转下年度',
  totalColumn: '总计',
  feeNotices: '其他事项/信息处理费/发出收费通知',
  feeAmount: '其他事项/信息处理费/实际收取金额',
  reviewRow: '复议诉讼/行政复议',
  litigationRows: ['复议诉讼/行政诉讼/未经复议直接起诉', '复议诉讼/行政诉讼/复议后起诉'],
  correctedColumn: '结果纠正',
  pendingColumn: '尚未审结',
  prose: {
    tables: ['依申请公开', '复议诉讼'],
    notWords: ['其他', '总计', '办理结果'],
    phrases: [
      { path: '依申请公开/本年新收', words: ['收到', '新收', '受理', '接收'], alternatives: [['依申请公开/本年新收', '依申请公开/上年结转']] },
      { path: '依申请公开/上年结转', words: ['上年度结转', '上一年度结转', '上年结转', '上年度遗留', '上年遗留'] },
      { path: '依申请公开/办理结果/总计', words: ['办结', '办理完毕', '办理完结', '答复', '办理完成'], generic: true },
      {
        path: '依申请公开/结转下年度',
        words: ['结转至下年度', '结转到下年度', '结转至下一年度', '结转到下一年度', '结转下一年度', '转下一年度', '转入下一年度', '转入下年度', '转下年度', '顺延到下年度', '顺延至下年度', '顺延到下一年度', '顺延至下一年度'],
      },
      { path: '依申请公开/办理结果/予以公开', words: ['同意公开', '予以公开答复', '全部公开'] },
      { path: '依申请公开/办理结果/不予公开', words: ['不同意公开'] },
    ],
    shares: [{ under: '依申请公开/办理结果', total: '依申请公开/办理结果/总计' }],
    conjunctions: ['及', '和', '与', '以及', '、', '或'],
    units: ['件', '起', '宗', '个'],
  },
  lists,
};

/** The arithmetic of tables 3 and 4, the same in both formats. */
const relations: RelationDef[] = [
  { code: 'row-total', kind: 'row-sum', table: '依申请公开' },
  { code: 'outcome-total', kind: 'column-sum', group: '依申请公开/办理结果', total: '总计' },
  {
    code: 'balance',
    kind: 'per-column',
    lhs: ['依申请公开/本年新收', '依申请公开/上年结转'],
    rhs: ['依申请公开/办理结果/总计', '依申请公开/结转下年度'],
    anchor: '依申请公开/结转下年度',
  },
  { code: 'appeal-total', kind: 'row-sum', table: '复议诉讼' },
];

/**
 * 上年结转 = last year's 结转下年度, per column. Table 3 kept its rows and columns from the 2019
 * trial format to the 2021 format, so both declare the same meaning and the rule crosses 2020→2021.
 */
const carryOver = { meaning: 'table3-requests', this: '依申请公开/上年结转', last: '依申请公开/结转下年度' };

export const common = { requests, semantic, relations, carryOver };
