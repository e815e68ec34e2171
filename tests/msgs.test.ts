// Messages a drafter can act on (issue 21): each names the numbers and units involved, says what is
// expected, and offers the fixes that exist.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { applyEdits, fixToEdits } from '../src/engine/fix.js';
import type { Finding } from '../src/engine/types.js';

const head = (period = '{ start: 2021, end: 2023 }') => `plan:\n  title: 测试\n  period: ${period}\n`;
const of = (text: string, ruleId: string): Finding[] => checkText(text).findings.filter((f) => f.ruleId === ruleId);
const apply = (text: string, f: Finding, i: number) => applyEdits(text, fixToEdits(checkText(text).source!, f.suggestions![i])!);

describe('parts-sum-to-total: which side may be wrong', () => {
  const plan = `${head()}sections:
  - title: 一
    tasks:
      - title: 培训
        indicators:
          - name: 培训
            unit: 人次
            partsSum: true
            overall: { year: 2023, value: 9000 }
            parts:
              - name: 职业技能培训
                overall: { year: 2023, value: 7000 }
              - name: 创业培训
                overall: { year: 2023, value: 1500 }
`;
  it('names the difference and offers the total, then each part, as suggestions', () => {
    const [f] = of(plan, 'parts-sum-to-total');
    expect(f.message['zh-CN']).toContain('比总数少 500');
    expect(f.message.en).toContain('500 short');
    expect(f.fix).toBeUndefined();
    expect(f.suggestions!.map((s) => s.message['zh-CN'])).toEqual(['将总数改为 8500', '将部分“职业技能培训”改为 7500', '将部分“创业培训”改为 2000']);
    for (const i of [0, 1, 2]) expect(of(apply(plan, f, i), 'parts-sum-to-total')).toEqual([]);
  });
  it('offers no part that would fall below 0', () => {
    const over = plan.replace('value: 9000', 'value: 6000');
    const [f] = of(over, 'parts-sum-to-total');
    expect(f.suggestions!.map((s) => s.message.en)).toEqual(['Set the total to 8500', 'Set the part "职业技能培训" to 4500']);
  });
});
