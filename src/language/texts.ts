import type { Lang } from '../engine/index.js';

/**
 * The language features' own words (hover, completion, code actions, inlay hints, the server's
 * notices), by id, in Chinese and English. Rule messages are not here: they come from each rule.yaml.
 * `{name}` placeholders are filled by `text`.
 */
const TEXTS = {
  'zh-CN': {
    baseline: '基期',
    overall: '总体目标',
    yearlySum: '年度合计',
    impliedGrowth: '隐含年均增长',
    actual: '完成情况',
    actualAsOf: '截至 {date}',
    actualRate: '完成率',
    actualPrinted: '印为',
    byRegion: '分地区',
    regions: '地区',
    leads: '牵头',
    shares: '参与',
    cooperates: '配合',
    derived: '推定',
    declaredUnit: '已声明单位',
    undeclaredUnit: '未声明的单位',
    aliases: '别名',
    groupPlaceholder: '占位名称(一组单位)',
    groupPlaceholderShort: '占位名称',
    member: '成员单位',
    memberUnit: '成员单位',
    fromPlanList: '来自计划的单位名单',
    fromRegister: '来自本工作区的单位登记簿',
    fromDefaultRegister: '来自默认单位登记簿',
    registerName: '登记簿中的正式名称',
    shortForms: '简称',
    formerNames: '曾用名',
    none: '无',
    kindLevel: '水平',
    kindIncrement: '增量',
    kindCumulative: '累计',
    showRuleDoc: '查看规则 {rule} 的说明',
    fixAll: '修复全部可安全修复的问题',
    disableLine: '在此行禁用 {rule}',
    disableFile: '在此文件禁用 {rule}',
    reasonPlaceholder: '原因',
    sumHint: '年度目标合计与总体目标',
    largeFile: 'planlint:{name} 超过 {size} KB(planlint.largeFileSize),只在打开和保存时检查,悬停、补全、行内提示和快速修复已停用。',
  },
  en: {
    baseline: 'Baseline',
    overall: 'Overall target',
    yearlySum: 'Sum of years',
    impliedGrowth: 'Implied annual growth',
    actual: 'Actual',
    actualAsOf: 'as of {date}',
    actualRate: 'completion rate',
    actualPrinted: 'printed',
    byRegion: 'By region',
    regions: 'Regions',
    leads: 'Leads',
    shares: 'Shares',
    cooperates: 'Cooperates',
    derived: 'derived',
    declaredUnit: 'Declared unit',
    undeclaredUnit: 'Undeclared unit',
    aliases: 'Aliases',
    groupPlaceholder: 'group placeholder',
    groupPlaceholderShort: 'group placeholder',
    member: 'member',
    memberUnit: 'member unit',
    fromPlanList: "from the plan's list of units",
    fromRegister: "from this workspace's unit register",
    fromDefaultRegister: 'from the default unit register',
    registerName: 'Official name in the register',
    shortForms: 'Short forms',
    formerNames: 'Former names',
    none: 'none',
    kindLevel: 'level',
    kindIncrement: 'increment',
    kindCumulative: 'running total',
    showRuleDoc: 'Show documentation for {rule}',
    fixAll: 'Fix all safe problems',
    disableLine: 'Disable {rule} for this line',
    disableFile: 'Disable {rule} for this file',
    reasonPlaceholder: 'reason',
    sumHint: 'Sum of the yearly targets against the overall target',
    largeFile: 'planlint: {name} is larger than {size} KB (planlint.largeFileSize): it is checked when opened and saved; hover, completion, inlay hints and quick fixes are off for it.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** The id of one of the language features' texts. */
export type TextId = keyof (typeof TEXTS)['en'];

/** A text in the given language, with its `{name}` placeholders filled from `data`. */
export function text(lang: Lang, id: TextId, data: Record<string, string | number> = {}): string {
  return TEXTS[lang][id].replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
}
