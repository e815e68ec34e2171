// Messages a drafter can act on (issue 21): each names the numbers and units involved, says what is
// expected, and offers the fixes that exist.
import fs from 'node:fs';
import path from 'node:path';
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

describe('schema: a deadline written in words', () => {
  const plan = (period: string, deadline: string) => `${head(period)}units:\n  - name: 县住建局\nsections:\n  - title: 一\n    lead: [县住建局]\n    tasks:\n      - title: 改造\n        deadline: ${deadline}\n`;
  const schema = (text: string) => of(text, 'schema');
  it('one message, not the oneOf branches ("应为整数"), with the YYYY-MM form as a fix where the year is certain', () => {
    const [f, ...rest] = schema(plan('{ start: 2025, end: 2025 }', '12月底前'));
    expect(rest).toEqual([]);
    expect(f.message['zh-CN']).toBe('完成时限“12月底前”是文字写法;完成时限应为年份、YYYY-MM 或 YYYY-MM-DD:2025-12');
    expect(f.fix?.message.en).toBe('Write 2025-12');
  });
  it('the year the text names wins over a multi-year period', () => {
    const [f] = schema(plan('{ start: 2018, end: 2020 }', '2019年6月底'));
    expect(f.messageId).toBe('wordsDeadline');
    expect(f.fix?.message.en).toBe('Write 2019-06');
  });
  it('no year in the text and a period of several years: says so, gives the form, offers no fix', () => {
    const found = schema(plan('{ start: 2018, end: 2020 }', '6月30日前'));
    expect(found).toHaveLength(1);
    expect(found[0].message.en).toBe('The deadline "6月30日前" names no year and the plan runs 2018—2020, so the year is not certain; a deadline is a year, YYYY-MM or YYYY-MM-DD: write the year, such as 2020-06-30');
    expect(found[0].fix).toBeUndefined();
    expect(found[0].suggestions ?? []).toEqual([]);
  });
  it('a deadline that is no date: one message with examples, no fix', () => {
    const found = schema(plan('{ start: 2024, end: 2024 }', '长期坚持'));
    expect(found.map((f) => f.message.en)).toEqual(['The deadline "长期坚持" is not a date; a deadline is a year, YYYY-MM or YYYY-MM-DD, such as 2024, 2024-12, 2024-12-31']);
    expect(found[0].fix).toBeUndefined();
  });
  it('a month that does not exist is not read', () => {
    expect(schema(plan('{ start: 2024, end: 2024 }', '13月底前'))[0].messageId).toBe('deadlineForm');
    expect(schema(plan('{ start: 2024, end: 2024 }', '2月30日前'))[0].messageId).toBe('deadlineForm');
  });
});

describe('unit-declared: several units written as one item', () => {
  const plan = (units: string, lead: string) => `${head('{ start: 2024, end: 2024 }')}${units}sections:\n  - title: 一\n    tasks:\n      - title: 改造\n        lead:\n          - ${lead} # 原文如此\n`;
  it('is an unsplit list, naming the parts, with a safe split when the plan declares no units', () => {
    const text = plan('', '县住建局、县代建中心');
    const found = of(text, 'unit-declared');
    expect(found.map((f) => f.message['zh-CN'])).toEqual(['“县住建局、县代建中心”是写在一项里的 2 个单位(县住建局、县代建中心):每个单位应单独列为一项']);
    const fixed = applyEdits(text, fixToEdits(checkText(text).source!, found[0].fix!)!);
    expect(fixed).toContain('        lead:\n          - 县住建局\n          - 县代建中心 # 原文如此\n');
    expect(of(fixed, 'unit-declared')).toEqual([]);
  });
  it('a part that is not declared makes the split a suggestion, and no part is reported as an undeclared unit of its own', () => {
    const found = of(plan('units:\n  - name: 县住建局\n', '县住建局，县代建中心'), 'unit-declared');
    expect(found.map((f) => f.messageId)).toEqual(['unsplitUndeclared']);
    expect(found[0].fix).toBeUndefined();
    expect(found[0].suggestions![0].message.en).toBe('Split into 2 items: 县住建局, 县代建中心');
  });
  it('a declared name that holds a separator is not split', () => {
    expect(of(plan('units:\n  - name: 县住建局、县代建中心\n', '县住建局、县代建中心'), 'unit-declared')).toEqual([]);
  });
});

describe('docs/example.plan.yaml', () => {
  it('closes with a kind: measures section whose paragraphs name no lead, and checks clean', () => {
    const out = checkText(fs.readFileSync(path.join(__dirname, '../docs/example.plan.yaml'), 'utf8'));
    const measures = out.plan!.allSections.filter((s) => s.measures);
    expect(measures.map((s) => s.title)).toEqual(['保障措施']);
    expect(measures[0].tasks.length).toBeGreaterThan(0);
    expect(measures[0].tasks.every((t) => t.lead.length === 0 && measures[0].lead.length === 0)).toBe(true);
    expect(out.findings.map((f) => f.message.en)).toEqual([]);
  });
});
