/**
 * Every rule in one table: its code (the public contract: add, never rename), default severity,
 * title in both languages, docs anchor (its section in docs/rules.md is headed `## <code>`, so
 * the anchor is the code itself) and, where one root cause would otherwise be reported twice, which
 * codes it keeps silent (docs/rules.md, 一个原因，一个诊断). `RuleCode`, the severity map and the
 * rule titles are derived from it; docs/rules.md (one `## code` heading per rule, the anchor
 * diagnostics link to) and README's rule table are tested against it (test/rules/registry.test.ts).
 */

export type Severity = 'error' | 'warning' | 'info';

export interface RuleEntry {
  readonly code: string;
  readonly severity: Severity;
  readonly title: { readonly zh: string; readonly en: string };
  /** Codes not reported where this rule already reported their root cause. */
  readonly silences?: readonly string[];
  /** The table's arithmetic: a total that is not the sum of its parts, or the balance of table 3. Their quick fix writes the computed value. */
  readonly arithmetic?: 'sum' | 'balance';
}

export const RULE_REGISTRY = [
  { code: 'yaml-syntax', severity: 'error', title: { zh: '文件不是有效的 YAML', en: 'The file is not valid YAML' } },
  { code: 'unknown-key', severity: 'error', title: { zh: '格式中没有的键', en: 'A key the format does not have' }, silences: ['outcome-total', 'balance', 'missing-item'] },
  { code: 'invalid-value', severity: 'error', title: { zh: '类型错误、负数或件数带小数', en: 'Wrong type, negative, or a fraction where a count is needed' } },
  { code: 'missing-item', severity: 'warning', title: { zh: '缺少必填的部分、行或单元格', en: 'A required section, row or cell is absent' } },
  { code: 'blank-cell', severity: 'warning', title: { zh: '单元格为空白', en: 'A cell is blank' } },
  { code: 'fullwidth', severity: 'error', title: { zh: 'YAML 或数字中的全角字符', en: 'A full-width character where YAML or a number needs ASCII' } },
  { code: 'row-total', severity: 'error', title: { zh: '表三：行总计不等于六列之和', en: 'Table 3: a row total differs from the sum of its six columns' }, silences: ['row-total', 'balance', 'blank-cell'], arithmetic: 'sum' },
  { code: 'outcome-total', severity: 'error', title: { zh: '表三：（七）总计不等于各项办理结果之和', en: 'Table 3: （七）总计 differs from the sum of the outcome rows' }, silences: ['row-total', 'balance'], arithmetic: 'sum' },
  { code: 'balance', severity: 'error', title: { zh: '表三：本年新收 + 上年结转 ≠ （七）总计 + 结转下年度', en: 'Table 3: 本年新收 + 上年结转 ≠ （七）总计 + 结转下年度' }, arithmetic: 'balance' },
  { code: 'appeal-total', severity: 'error', title: { zh: '表四：总计不等于四种结果之和', en: 'Table 4: a total differs from the sum of its four outcomes' }, silences: ['row-total', 'balance'], arithmetic: 'sum' },
  { code: 'carry-over', severity: 'error', title: { zh: '上年结转不等于上年报告的结转下年度', en: "上年结转 differs from last year's 结转下年度" } },
  { code: 'inventory', severity: 'warning', title: { zh: '现行有效件数与上年不衔接', en: "现行有效 does not follow from last year's figures" } },
  { code: 'regulation-authority', severity: 'warning', title: { zh: '无规章制定权的机关填写了规章数字', en: 'Non-zero 规章 for a body that cannot make 规章' } },
  { code: 'period-year', severity: 'warning', title: { zh: '正文中的年份与报告年度不一致', en: 'A year in the text contradicts 年度' } },
  { code: 'prose-number', severity: 'warning', title: { zh: '正文引用的数字与表格不一致', en: 'A number quoted in the text contradicts the tables' } },
  { code: 'prose-contradiction', severity: 'warning', title: { zh: '正文的表述与表格矛盾', en: 'The text contradicts the tables' } },
  { code: 'prose-trend', severity: 'warning', title: { zh: '正文写的同比变化与上年报告不符', en: 'A change over last year in the text disagrees with last year\'s report' } },
  { code: 'fee-mention', severity: 'info', title: { zh: '信息处理费与逾期未缴费不呼应', en: 'Fee notices and unpaid-fee closures do not match' } },
  { code: 'duplicate-paragraph', severity: 'warning', title: { zh: '重复的段落或句子', en: 'A repeated paragraph or sentence' } },
  { code: 'artifact', severity: 'warning', title: { zh: 'Word 遗留内容或占位符', en: 'Leftovers from Word or placeholders' } },
  { code: 'numbering', severity: 'warning', title: { zh: '正文列举的序号重复、跳号或倒序', en: 'A list in the text repeats, skips or goes back in its numbering' } },
  { code: 'outdated-format', severity: 'warning', title: { zh: '报告年度已适用新的全国格式', en: 'A newer national format applies to the report year' } },
  { code: 'encoding', severity: 'warning', title: { zh: '文件不是 UTF-8 编码，或含有无法解码的字节', en: 'The file is not UTF-8, or has bytes that cannot be decoded' } },
] as const satisfies readonly RuleEntry[];

export type RuleCode = (typeof RULE_REGISTRY)[number]['code'];

const withArithmetic = (kinds: readonly string[]): ReadonlySet<string> =>
  new Set(RULE_REGISTRY.filter((r: RuleEntry) => r.arithmetic !== undefined && kinds.includes(r.arithmetic)).map((r) => r.code));
/** Totals that differ from the sum of their parts (row-total, outcome-total, appeal-total). */
export const SUM_RULES = withArithmetic(['sum']);
/** Those and the balance of table 3: the diagnostics whose quick fix writes a computed value. */
export const ARITHMETIC_RULES = withArithmetic(['sum', 'balance']);
