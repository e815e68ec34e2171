// The export's target sentences where a plan file quotes a table row: its cells are no sentence.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../src/engine/model.js';
import { parseYaml } from '../src/engine/parse.js';
import { indicatorSentences } from '../src/export/text.js';

const sentences = (yaml: string) => {
  const data = parseYaml(`plan: { title: t, period: { start: 2017, end: 2017 } }\nsections:\n  - title: s\n    indicators:\n${yaml}`).data;
  return indicatorSentences(buildPlan(data).allIndicators, data);
};

describe('a quote of a table row\'s cells is not written as the indicator\'s sentence', () => {
  it('writes the sentence from the data where the quote is the row\'s cells with the unit column in it', () => {
    const out = sentences('      - { name: 新增养老服务床位, unit: 个, kind: increment, overall: { value: 71, source: { quote: "71个" } }, source: { quote: "新增养老服务床位 民政局 71个" } }');
    expect(out).toEqual(['新增养老服务床位71个']);
  });

  it('also where the cells end in a bare figure (区质监分局 2)', () => {
    const out = sentences('      - { name: 送戏曲下乡, unit: 场, kind: increment, overall: { value: 20, source: { quote: "区文体新局 20" } }, source: { quote: "送戏曲下乡20场 区文体新局 20" } }');
    expect(out.join('')).not.toMatch(/区文体新局/);
    expect(out.join('')).toContain('20场');
  });

  it('keeps a sentence of the source that prints spaces around its figures', () => {
    const q = '為全市 16 萬名 50~74 周歲本地戶籍居民免費開展結直腸癌篩查';
    expect(sentences(`      - { name: 篩查居民, unit: 萬名, kind: increment, overall: { value: 16 }, source: { quote: "${q}" } }`)).toEqual([q]);
  });
});

describe('a part\'s quote is written from the clause of its own figure (issue #20)', () => {
  it('leaves out the clause of another part before it, keeping 其中', () => {
    const out = sentences([
      '      - name: 普惠率',
      '        unit: "%"',
      '        kind: level',
      '        overall: { value: 80, source: { quote: "普惠率达到80%以上" } }',
      '        source: { quote: "普惠率达到80%以上" }',
      '        parts:',
      '          - { name: 城区普惠率, unit: "%", kind: level, overall: { value: 60 }, source: { quote: "其中,城区公办幼儿园在园幼儿占比达到30%以上,普惠率达到60%以上" } }',
    ].join('\n'));
    expect(out.join(',')).not.toMatch(/30%/);
    expect(out).toContain('其中,普惠率达到60%以上');
  });
});
