import { describe, expect, it } from 'vitest';
import { boundsOf, comparable, convert, knownDifferent, normalizeUnit, parseUnit } from '../src/engine/measure.js';
import { chineseNumber, KEYWORDS, readFigure } from '../src/engine/words.js';

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
    expect(u.scale).toBeCloseTo(scale, 12);
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
