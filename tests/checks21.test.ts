// Issue #21, held-out misses turned into rules: what each suggests, beyond its fixtures' findings.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';

const HEAD = 'plan:\n  title: 测试计划\n  period: { start: 2017, end: 2017 }\n';

function of(text: string, rule: string) {
  return checkText(text).findings.filter((f) => f.ruleId === rule);
}

describe('unit-not-scale-only', () => {
  const plan = (title: string, unit: string) =>
    `${HEAD}sections:\n  - title: 社保\n    lead: [区人社局]\n    tasks:\n      - title: ${title}\n        indicators:\n          - name: 完成征缴基金\n            unit: ${unit}\n            kind: increment\n            overall: { value: 10000 }\n`;

  it('suggests the full unit the title writes beside the same figure', () => {
    const [f] = of(plan('完成征缴基金10000万元', '万'), 'unit-not-scale-only');
    expect(f.messageId).toBe('scaleOnly');
    expect(f.suggestions?.map((s) => s.message['zh-CN'])).toEqual(['改为“万元”(原文“10000万元”)']);
  });

  it('suggests nothing when the title names no unit for the figure, or two', () => {
    expect(of(plan('完成征缴基金', '万'), 'unit-not-scale-only')[0].suggestions ?? []).toEqual([]);
    expect(of(plan('完成征缴基金10000万元,惠及10000万人', '万'), 'unit-not-scale-only')[0].suggestions ?? []).toEqual([]);
  });

  it('a figure other than the target is not taken for it', () => {
    expect(of(plan('完成征缴基金2000万元', '万'), 'unit-not-scale-only')[0].suggestions ?? []).toEqual([]);
  });

  it('is silent on a full unit', () => {
    expect(of(plan('完成征缴基金10000万元', '万元'), 'unit-not-scale-only')).toEqual([]);
  });
});

describe('unit-fits-noun', () => {
  const plan = (name: string, unit: string, quote?: string) =>
    `${HEAD}sections:\n  - title: 住建\n    lead: [区住建局]\n    tasks:\n      - title: 小区改造\n        indicators:\n          - name: ${name}\n            unit: ${unit}\n            kind: increment\n            overall: { value: 3 }\n${quote ? `            source: "${quote}"\n` : ''}`;
  const suggested = (text: string) => of(text, 'unit-fits-noun').map((f) => f.suggestions?.map((s) => s.message['zh-CN']));

  it('suggests the usual measure word in the plan\'s characters, keeping a scale', () => {
    expect(suggested(plan('改造老舊小區', '所'))).toEqual([['将单位改为“個”']]);
    expect(suggested(plan('维护更新小区信报箱', '万户'))).toEqual([['将单位改为“万个”']]);
    expect(suggested(plan('更新小区信報箱', '萬戶'))).toEqual([['将单位改为“萬個”']]);
  });

  it('names the measure word without its scale, and the thing as written', () => {
    const [f] = of(plan('更新小区信報箱', '萬戶'), 'unit-fits-noun');
    expect(f.message.en).toBe('"更新小区信報箱" is counted in "萬戶", but it counts "信報箱": "戶" is the measure word of households; count 信報箱 in 個, 組, 套, 只, 處');
  });

  it('reads the head after the figure: 200户小区信报箱 counts mailboxes, 3户特困家庭 households', () => {
    expect(of(plan('更新', '户', '为200户小区信报箱更新'), 'unit-fits-noun')).toHaveLength(1);
    expect(of(plan('改造', '户', '为3户特困家庭改造'), 'unit-fits-noun')).toEqual([]);
  });

  it('does not cross a 的 or a punctuation mark after the figure, nor read a thing after a count of people', () => {
    expect(of(plan('改造', '所', '改造35所学校的公共厕所'), 'unit-fits-noun')).toEqual([]);
    expect(of(plan('改造', '座', '改造3座,小区另计'), 'unit-fits-noun')).toEqual([]);
    expect(of(plan('培训', '名', '培训20名小学教师'), 'unit-fits-noun')).toEqual([]);
  });

  it('is silent on 个, on a measure word it does not judge, and on a thing it does not know', () => {
    expect(of(plan('改造老旧小区', '个'), 'unit-fits-noun')).toEqual([]);
    expect(of(plan('维护更新小区信报箱', '套'), 'unit-fits-noun')).toEqual([]);
    expect(of(plan('新增社区养老服务站', '户'), 'unit-fits-noun')).toEqual([]);
  });
});
