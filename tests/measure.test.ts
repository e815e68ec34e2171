import { describe, expect, it } from 'vitest';
import { boundsOf, comparable, convert, knownDifferent, normalizeUnit, parseUnit } from '../src/engine/measure.js';
import { chineseNumber, KEYWORDS, readFigure } from '../src/engine/words.js';
import { checkText } from '../src/engine/check.js';

const m = (u: string) => {
  const x = parseUnit(u);
  if (!x) throw new Error(`no unit: ${u}`);
  return x;
};

describe('parseUnit: dimension and scale', () => {
  it.each([
    // [written, dimension, base, scale, additive]
    ['人', 'people', '人', 1, true],
    ['名', 'people', '人', 1, true],
    ['万人', 'people', '人', 1e4, true],
    ['万名', 'people', '人', 1e4, true],
    ['人次', 'person-times', '人次', 1, true],
    ['万人次', 'person-times', '人次', 1e4, true],
    ['户', 'households', '户', 1, true],
    ['万户', 'households', '户', 1e4, true],
    ['元', 'money', '元', 1, true],
    ['万元', 'money', '元', 1e4, true],
    ['亿元', 'money', '元', 1e8, true],
    ['平方米', 'area', '平方米', 1, true],
    ['㎡', 'area', '平方米', 1, true],
    ['m²', 'area', '平方米', 1, true],
    ['万平方米', 'area', '平方米', 1e4, true],
    ['万㎡', 'area', '平方米', 1e4, true],
    ['平方公里', 'area', '平方米', 1e6, true],
    ['亩', 'area', '平方米', 2000 / 3, true],
    ['万亩', 'area', '平方米', 2e7 / 3, true],
    ['公顷', 'area', '平方米', 1e4, true],
    ['hm²', 'area', '平方米', 1e4, true],
    ['千瓦', 'power', '瓦', 1e3, true],
    ['万千瓦', 'power', '瓦', 1e7, true],
    ['兆瓦', 'power', '瓦', 1e6, true],
    ['ｋＷ', 'power', '瓦', 1e3, true],
    ['吨', 'mass', '千克', 1e3, true],
    ['万吨', 'mass', '千克', 1e7, true],
    ['千克', 'mass', '千克', 1, true],
    ['公斤', 'mass', '千克', 1, true],
    ['张床位', 'count', '个', 1, true],
    ['床位', 'count', '个', 1, true],
    ['万张床位', 'count', '个', 1e4, true],
    ['公里', 'length', '米', 1000, true],
    ['千米', 'length', '米', 1000, true],
    ['㎞', 'length', '米', 1000, true],
    ['米', 'length', '米', 1, true],
    ['个', 'count', '个', 1, true],
    ['十个', 'count', '个', 10, true],
    ['百个', 'count', '个', 100, true],
    ['千个', 'count', '个', 1000, true],
    ['万个', 'count', '个', 1e4, true],
    ['亿个', 'count', '个', 1e8, true],
    ['张', 'count', '个', 1, true],
    ['套(间)', 'count', '个', 1, true],
    ['套（间）', 'count', '个', 1, true],
    ['所', 'places', '所', 1, true],
    ['家', 'places', '所', 1, true],
    ['座', 'places', '所', 1, true],
    ['%', 'rate', '%', 1, false],
    ['％', 'rate', '%', 1, false],
    ['‰', 'per-mille', '‰', 1, false],
    ['1/10万', 'per-100k', '/人', 1e-5, false],
    ['１/１０万', 'per-100k', '/人', 1e-5, false],
    ['每十万人', 'per-100k', '/人', 1e-5, false],
    ['张/千人', 'density', '个/人', 1e-3, false],
    ['人/万人', 'density', '人/人', 1e-4, false],
    ['每千人', 'density', '/人', 1e-3, false],
    ['每万人口', 'density', '/人', 1e-4, false],
    ['百分点', 'points', '百分点', 1, false],
    ['个百分点', 'points', '百分点', 1, false],
    ['岁', 'age', '岁', 1, false],
    ['年', 'duration', '天', 365, false],
    ['分钟', 'duration', '天', 1 / 1440, false],
    ['元/月', 'money-per', '元/月', 1, false],
    ['元/人/年', 'money-per', '元/人/年', 1, false],
    ['万方', 'other', '方', 1e4, true],
    ['微克/立方米', 'other', '微克/立方米', 1, false],
  ] as const)('%s', (written, dimension, base, scale, additive) => {
    const u = m(written);
    expect(u.dimension).toBe(dimension);
    expect(u.base).toBe(base);
    expect(u.scale / scale).toBeCloseTo(1, 12);
    expect(u.additive).toBe(additive);
    expect(u.written).toBe(written);
  });

  it('reads nothing from an empty unit', () => {
    expect(parseUnit(undefined)).toBeUndefined();
    expect(parseUnit('  ')).toBeUndefined();
  });

  it('normalizes full-width forms and keeps a bracket-only unit', () => {
    expect(normalizeUnit('％')).toBe('%');
    expect(normalizeUnit('（万人）')).toBe('万人');
    expect(normalizeUnit('１２个')).toBe('12个');
  });
});

describe('comparable, convert, bounds', () => {
  it('converts between scales of one dimension', () => {
    expect(convert(12000, m('人'), m('万人'))).toBe(1.2);
    expect(convert(3, m('万人'), m('人'))).toBe(30000);
    expect(convert(2.5, m('千米'), m('公里'))).toBe(2.5);
    expect(convert(1.5, m('亿元'), m('万元'))).toBe(15000);
    expect(convert(3, m('万平方米'), m('㎡'))).toBe(30000);
    expect(convert(0.1, m('万元'), m('元')) + convert(0.2, m('万元'), m('元'))).toBe(3000);
  });
  it('compares dimensions before anything else', () => {
    expect(comparable(m('人'), m('万人'))).toBe(true);
    expect(comparable(m('％'), m('%'))).toBe(true);
    expect(comparable(m('户'), m('万人'))).toBe(false);
    expect(comparable(m('人次'), m('人'))).toBe(false);
    expect(comparable(m('所'), m('个'))).toBe(true);
    expect(comparable(m('所'), m('张'))).toBe(false);
    expect(knownDifferent(m('户'), m('万人'))).toBe(true);
    expect(knownDifferent(m('万方'), m('微克/立方米'))).toBe(false);
    expect(comparable(m('万方'), m('方'))).toBe(true);
  });
  it('bounds rates, per-mille and densities', () => {
    expect(boundsOf(m('％'))).toEqual({ min: 0, max: 100 });
    expect(boundsOf(m('‰'))).toEqual({ min: 0, max: 1000 });
    expect(boundsOf(m('1/10万'))).toEqual({ min: 0, max: 100000 });
    expect(boundsOf(m('每十万人'))).toEqual({ min: 0, max: 100000 });
    expect(boundsOf(m('每万人口'))).toEqual({ min: 0 });
    expect(boundsOf(m('百分点'))).toBeUndefined();
    expect(boundsOf(m('张/千人'))).toEqual({ min: 0 });
    expect(boundsOf(m('万人'))).toBeUndefined();
  });
});

describe('money per period', () => {
  it('reads 元 and 元/月 as comparable amounts (a standard whose period is left unsaid)', () => {
    expect(comparable(m('元'), m('元/月'))).toBe(true);
    expect(comparable(m('元/月'), m('元/年'))).toBe(false);
    expect(convert(1, m('万元'), m('元/月'))).toBe(10000);
  });
});

describe('words: figures written in words', () => {
  it.each([
    ['三十', 30], ['一百二十', 120], ['两千', 2000], ['三点五', 3.5], ['二〇二七', 2027], ['十二', 12], ['三十万', 300000],
  ])('reads the Chinese numeral %s as %d', (text, n) => expect(chineseNumber(text)).toBe(n));
  it('reads a figure with its scale, unit and comparator', () => {
    expect(readFigure('3.5万')).toMatchObject({ number: 3.5, scale: 1e4, unit: '' });
    expect(readFigure('１２')).toMatchObject({ number: 12, scale: 1, unit: '' });
    expect(readFigure('8所以上')).toMatchObject({ number: 8, unit: '所', comparator: '>=' });
    expect(readFigure('不少于8所')).toMatchObject({ number: 8, unit: '所', comparator: '>=' });
    expect(readFigure('90%')).toMatchObject({ number: 90, unit: '%' });
    expect(readFigure('2027年')).toMatchObject({ number: 2027, unit: '年' });
    expect(readFigure('12,000人')).toMatchObject({ number: 12000, unit: '人' });
  });
  it('reads nothing it cannot read for certain', () => {
    expect(readFigure('约3万')).toBeUndefined();
    expect(readFigure('3万左右')).toBeUndefined();
    expect(readFigure('明年')).toBeUndefined();
    expect(readFigure('5-8所')).toBeUndefined();
  });
  it('maps the plan\'s words to the format\'s keywords', () => {
    expect(KEYWORDS.kind['新增']).toBe('increment');
    expect(KEYWORDS.kind['累计']).toBe('cumulative');
    expect(KEYWORDS.comparator['以上']).toBe('>=');
    expect(KEYWORDS.direction['降低']).toBe('lower');
  });
});

// Every dimension and scale measure.ts knows, through the rules that add or compare figures: one
// consistent plan (no finding) and one inconsistent plan (the finding) each.
describe('every dimension and scale, through the rules that compare figures', () => {
  const plan = (indicators: string) => [
    'plan:',
    '  title: 单位示例',
    '  period: { start: 2021, end: 2022 }',
    'units:',
    '  - name: 区发展改革局',
    'sections:',
    '  - title: 示例',
    '    lead: [区发展改革局]',
    '    tasks:',
    '      - title: 示例任务',
    '        indicators:',
    indicators,
    '',
  ].join('\n');
  const q = (u: string) => JSON.stringify(u);
  const findings = (text: string, rule: string) => {
    const out = checkText(text);
    expect(out.findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml')).map((f) => f.message.en), 'a valid plan').toEqual([]);
    return out.findings.filter((f) => f.ruleId === rule).map((f) => f.messageId);
  };

  // [total's unit, parts' unit, parts' unit per total's unit, a unit of another dimension]
  const SCALES: readonly (readonly [string, string, number, string])[] = [
    ['万人', '人', 1e4, '户'], ['人', '名', 1, '户'], ['万名', '位', 1e4, '户'],
    ['万人次', '人次', 1e4, '人'],
    ['万户', '户', 1e4, '人'],
    ['亿元', '万元', 1e4, '人'], ['万元', '元', 1e4, '人'],
    ['万平方米', '平方米', 1e4, '个'], ['万㎡', '㎡', 1e4, '个'], ['公顷', '平方米', 1e4, '个'], ['万亩', '亩', 1e4, '公里'],
    ['亩', '㎡', 2000 / 3, '个'], ['平方公里', '公顷', 100, '个'],
    ['公里', '米', 1000, '平方米'], ['千米', '公里', 1, '平方米'], ['km', '米', 1000, '个'],
    ['万千瓦', '千瓦', 1e4, '吨'], ['兆瓦', '千瓦', 1000, '吨'],
    ['万吨', '吨', 1e4, '千瓦'], ['吨', '公斤', 1000, '千瓦'],
    ['个', '项', 1, '人'], ['万个', '个', 1e4, '人'], ['张', '张床位', 1, '人'], ['台', '套', 1, '元'],
    ['所', '座', 1, '人'], ['家', '处', 1, '人'], ['个', '所', 1, '人'],
    ['天', '小时', 24, '人'], ['周', '天', 7, '人'],
    ['%', '％', 1, '人'], ['‰', '‰', 1, '%'],
  ];

  describe.each(SCALES)('a total in %s, parts in %s', (total, part, factor, foreign) => {
    const t = 6;
    const parts = (a: number, b: number, unit = part) => [
      `              - name: 部分甲`,
      `                unit: ${q(unit)}`,
      `                overall: { year: 2022, value: ${a} }`,
      `              - name: 部分乙`,
      `                unit: ${q(part)}`,
      `                overall: { year: 2022, value: ${b} }`,
    ].join('\n');
    const indicator = (body: string) => [
      `          - name: 合计`,
      `            unit: ${q(total)}`,
      `            kind: increment`,
      `            partsSum: true`,
      `            overall: { year: 2022, value: ${t} }`,
      `            parts:`,
      body,
    ].join('\n');
    const half = (t * factor) / 2;

    it('parts-sum-to-total: parts converted to the total\'s scale add up, or the finding says they do not', () => {
      expect(findings(plan(indicator(parts(half, half))), 'parts-sum-to-total')).toEqual([]);
      expect(findings(plan(indicator(parts(half, half + factor))), 'parts-sum-to-total')).toEqual(['mismatch']);
    });
    it('units-comparable: parts of the same dimension are comparable; a part in another dimension is reported', () => {
      expect(findings(plan(indicator(parts(half, half))), 'units-comparable')).toEqual([]);
      expect(findings(plan(indicator(parts(half, half, foreign))), 'units-comparable')).toEqual(['part']);
    });
  });

  it.each(['人', '万人', '人次', '户', '元', '万元', '亿元', '平方米', '万平方米', '亩', '公顷', '㎡', '米', '公里', '千米', '千瓦', '吨', '个', '所', '家', '座', '处', '张床位', '人次'])(
    'yearly-sum-matches-overall in %s: the years add up to the total, or the finding says they do not',
    (unit) => {
      const ind = (overall: number) => [
        `          - name: 新增`,
        `            unit: ${q(unit)}`,
        `            kind: increment`,
        `            yearly: { 2021: 1.5, 2022: 2.5 }`,
        `            overall: { year: 2022, value: ${overall} }`,
      ].join('\n');
      expect(findings(plan(ind(4)), 'yearly-sum-matches-overall')).toEqual([]);
      expect(findings(plan(ind(5)), 'yearly-sum-matches-overall')).toEqual(['mismatch']);
    },
  );

  // [unit, a value within its range, a value outside it, the finding]
  it.each([
    ['%', 95, 105, 'outside'],
    ['％', 95, 105, 'outside'],
    ['‰', 8, 1200, 'outsideRange'],
    ['1/10万', 9.5, 120000, 'outsideRange'],
    ['１/１０万', 9.5, 120000, 'outsideRange'],
    ['每十万人', 9.5, -1, 'outsideRange'],
    ['每千人', 4.5, -1, 'outsideRange'],
    ['张/千人', 4.5, -1, 'outsideRange'],
    ['人/万人', 30, -2, 'outsideRange'],
    ['每万人口', 30, -2, 'outsideRange'],
    ['百分点', 2, 120, 'pointsOver100'],
    ['个百分点', 2, 120, 'pointsOver100'],
  ] as const)('rate-within-bounds in %s: %d is within range, %d is not', (unit, inside, outside, messageId) => {
    const ind = (value: number) => [
      `          - name: 覆盖率`,
      `            unit: ${q(unit)}`,
      ...(unit.includes('百分点') ? ['            kind: increment'] : []),
      `            overall: { year: 2022, value: ${value} }`,
    ].join('\n');
    expect(findings(plan(ind(inside)), 'rate-within-bounds')).toEqual([]);
    expect(findings(plan(ind(outside)), 'rate-within-bounds')).toEqual([messageId]);
  });

  it('rate-within-bounds: a level measured in 百分点 is reported, the same level in % is not', () => {
    const ind = (unit: string) => `          - name: 覆盖率\n            unit: ${q(unit)}\n            kind: level\n            overall: { year: 2022, value: 60 }`;
    expect(findings(plan(ind('%')), 'rate-within-bounds')).toEqual([]);
    expect(findings(plan(ind('百分点')), 'rate-within-bounds')).toEqual(['pointsLevel']);
  });

  it('units-comparable: ages, durations and amounts per period are their own dimensions', () => {
    const rel = (a: string, b: string) => [
      `          - id: a`,
      `            name: 甲`,
      `            unit: ${q(a)}`,
      `            overall: { year: 2022, value: 2 }`,
      `          - id: b`,
      `            name: 乙`,
      `            unit: ${q(b)}`,
      `            overall: { year: 2022, value: 4 }`,
      `            relations:`,
      `              - type: at-least-times`,
      `                indicator: a`,
      `                factor: 2`,
    ].join('\n');
    for (const [a, b] of [['岁', '岁'], ['年', '月'], ['元/月', '元'], ['天', '小时']]) expect(findings(plan(rel(a, b)), 'units-comparable'), `${a} ${b}`).toEqual([]);
    for (const [a, b] of [['岁', '年'], ['元/月', '元/年'], ['天', '人'], ['千瓦', '吨']]) expect(findings(plan(rel(a, b)), 'units-comparable'), `${a} ${b}`).toEqual(['relation']);
  });
});
