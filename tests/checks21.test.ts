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
