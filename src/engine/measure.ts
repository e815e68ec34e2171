/**
 * 计量单位 — the measuring units plans write in an indicator's `unit`, read as a dimension and a
 * scale, so that rules compare figures only after converting them to one scale, and compare what
 * they measure before anything else ("3万人" and "12000人" add up; "户" and "万人" never do).
 *
 * Drafts are typed with a Chinese input method, so every form is read alike: ％ and %, full-width
 * digits and brackets, ㎡ and 平方米, ㎞ and 公里. Nothing here depends on the form written.
 */

/** What a unit measures. */
export type Dimension =
  /** 人, 名, 万人 */
  | 'people'
  /** 人次, 万人次: visits or attendances, not people */
  | 'person-times'
  /** 户, 万户 */
  | 'households'
  /** 元, 万元, 亿元 */
  | 'money'
  /** 平方米, 万平方米, 亩, 公顷, 平方公里 */
  | 'area'
  /** 米, 公里, 千米 */
  | 'length'
  /** 千瓦, 万千瓦, 兆瓦: installed power (光伏, 充电桩) */
  | 'power'
  /** 吨, 万吨, 千克, 公斤: a mass (垃圾处理, 粮食) */
  | 'mass'
  /** 个, 项, 张, 台, 套, 件, 张床位 …: a count of things */
  | 'count'
  /** 所, 座, 处, 家: a count of places or institutions */
  | 'places'
  /** %: a share or rate, 0–100 */
  | 'rate'
  /** ‰: per mille, 0–1000 */
  | 'per-mille'
  /** 1/10万, 每十万人: a ratio per 100,000 (mortality ratios) */
  | 'per-100k'
  /** 张/千人, 人/万人, 每千人: a density per 1,000 or 10,000 people, ≥ 0 and unbounded */
  | 'density'
  /** 百分点: a change of a rate, never a level */
  | 'points'
  /** 岁: years of age */
  | 'age'
  /** 年, 月, 天, 小时, 分钟: a duration */
  | 'duration'
  /** 元/月, 元/人/年: an amount per person or per period (not added up) */
  | 'money-per'
  /** anything else, compared by the words written */
  | 'other';

/** A unit as planlint reads it. */
export interface Measure {
  /** The unit as the plan writes it. */
  written: string;
  dimension: Dimension;
  /** The base unit the scale refers to: 人, 元, 平方米, 米, 个, 所, %, ‰ … */
  base: string;
  /** A value × scale is the value in the base unit: 万人 → 10000, 千米 → 1000, 人 → 1. */
  scale: number;
  /** Whether values in this unit add up (counts and amounts; not rates, densities, ages or amounts per capita). */
  additive: boolean;
}

const SCALES: Readonly<Record<string, number>> = {
  十: 10, 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8,
};

/** Base words by dimension; a word's factor converts it to the dimension's base (亩 → 平方米). */
const BASES: ReadonlyArray<readonly [RegExp, Dimension, string, number]> = [
  [/^(人次|人\/次)$/, 'person-times', '人次', 1],
  [/^(人|名|位|人口)$/, 'people', '人', 1],
  [/^户$/, 'households', '户', 1],
  [/^元$/, 'money', '元', 1],
  [/^(平方米|平米|m2|㎡)$/, 'area', '平方米', 1],
  [/^(平方公里|平方千米|km2)$/, 'area', '平方米', 1e6],
  [/^亩$/, 'area', '平方米', 2000 / 3],
  [/^(公顷|hm2|ha)$/, 'area', '平方米', 1e4],
  [/^(瓦|W)$/, 'power', '瓦', 1],
  [/^(千瓦|kW)$/, 'power', '瓦', 1e3],
  [/^(兆瓦|MW)$/, 'power', '瓦', 1e6],
  [/^(千克|公斤|kg)$/, 'mass', '千克', 1],
  [/^(吨|t)$/, 'mass', '千克', 1000],
  [/^克$/, 'mass', '千克', 1e-3],
  [/^(公里|千米|km)$/, 'length', '米', 1000],
  [/^(米|m)$/, 'length', '米', 1],
  [/^(所|座|处|家|个点位|站)$/, 'places', '所', 1],
  [/^(个|项|张|台|套|件|支|条|门|场|场次|次|辆|块|间|床|部|册|本|批|名额|宗|例|株|棵|盏|只|对|份|篇|期|班|箱|种|类|栋|幢|床位|张床位|张床)$/, 'count', '个', 1],
  [/^岁$/, 'age', '岁', 1],
  [/^(年|个月|月|周|天|日|小时|分钟|秒)$/, 'duration', '', 1],
];

const DURATION_DAYS: Readonly<Record<string, number>> = {
  年: 365, 个月: 30, 月: 30, 周: 7, 天: 1, 日: 1, 小时: 1 / 24, 分钟: 1 / 1440, 秒: 1 / 86400,
};

/**
 * The unit in one canonical writing: NFKC (％ → %, full-width digits and brackets → half-width,
 * ㎡ → m2, ㎞ → km), spaces removed, "m²" → "m2", a bracketed alternative dropped (套(间) → 套).
 */
export function normalizeUnit(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/²/g, '2').replace(/\(([^()]*)\)$/, (_m, inner: string, offset: number) => (offset > 0 ? '' : inner));
}

/** A scale prefix and its base word: "万人" → 1e4 and "人"; "10万" → 1e5 and "". */
function splitScale(s: string, bare = false): { scale: number; rest: string } {
  const digits = /^(\d+(?:\.\d+)?)(十万|百万|千万|十|百|千|万|亿)?/.exec(s);
  if (digits && digits[0].length > 0) return { scale: Number(digits[1]) * (digits[2] ? SCALES[digits[2]] : 1), rest: s.slice(digits[0].length) };
  for (const p of ['十万', '百万', '千万', '十', '百', '千', '万', '亿']) {
    // A scale word alone ("万") is a unit only in a denominator ("每十万人").
    if (s.startsWith(p) && (bare || s.length > p.length)) return { scale: SCALES[p], rest: s.slice(p.length) };
  }
  return { scale: 1, rest: s };
}

/** A simple unit (no "/"): a scale and a base word. */
function simple(s: string): { dimension: Dimension; base: string; scale: number } | undefined {
  const { scale, rest } = splitScale(s);
  for (const [re, dimension, base, factor] of BASES) {
    if (!re.test(rest)) continue;
    if (dimension === 'duration') return { dimension, base: '天', scale: scale * (DURATION_DAYS[rest] ?? 1) };
    return { dimension, base, scale: scale * factor };
  }
  // 万元 is read above; a word we do not know keeps its scale and is compared by its words.
  return undefined;
}

const cache = new Map<string, Measure | undefined>();

/** Reads what a plan writes in `unit`; undefined for an empty unit. */
export function parseUnit(written: string | undefined): Measure | undefined {
  if (written === undefined) return undefined;
  const hit = cache.get(written);
  if (hit || cache.has(written)) return hit;
  const m = read(written);
  if (cache.size > 2000) cache.clear();
  cache.set(written, m);
  return m;
}

function read(written: string): Measure | undefined {
  const s = normalizeUnit(written);
  if (s === '') return undefined;
  const make = (dimension: Dimension, base: string, scale: number, additive: boolean): Measure => ({ written, dimension, base, scale, additive });
  if (s === '%' || s === '百分比' || s === '百分之') return make('rate', '%', 1, false);
  if (s === '‰' || s === '千分比') return make('per-mille', '‰', 1, false);
  if (/^(个)?百分点$/.test(s)) return make('points', '百分点', 1, false);
  // A ratio: "1/10万", "/10万", "张/千人", "人/万人", "每千人", "每十万人", "每万人口".
  const per = /^(.*?)(?:\/|每)([^/]+)$/.exec(s);
  if (per) {
    const num = per[1] === '' || per[1] === '1' ? undefined : simple(per[1].split('/')[0]);
    const den = splitScale(per[2].replace(/(人口|人)$/, ''), true);
    const denPeople = /^(\d|十|百|千|万|亿)/.test(per[2]) && (den.rest === '' || den.rest === '名');
    if (denPeople && den.scale >= 1000) {
      const numBase = num?.base ?? '';
      const numScale = num?.scale ?? 1;
      if (den.scale === 1e5) return make('per-100k', `${numBase}/人`, numScale / den.scale, false);
      return make('density', `${numBase}/人`, numScale / den.scale, false);
    }
    if (num && num.dimension === 'money') return make('money-per', `元/${s.slice(s.indexOf('/') + 1)}`, num.scale, false);
    return make('other', s, 1, false);
  }
  const one = simple(s);
  if (one) return make(one.dimension, one.base, one.scale, !['age', 'duration'].includes(one.dimension));
  // An unknown word: its scale is read (万方 → 1e4 方) and it adds up with itself.
  const { scale, rest } = splitScale(s);
  return make('other', rest === '' ? s : rest, rest === '' ? 1 : scale, true);
}

/** Whether two units measure the same thing, so their figures can be converted into each other. */
export function comparable(a: Measure, b: Measure): boolean {
  // The base names the dimension's unit and, for a ratio, what it is per (元/月 is not 元/年).
  if (a.dimension === b.dimension) return a.base === b.base;
  // A standard written in 元 is one per month or per person left unsaid (低保标准 "元" against
  // 供养标准 "元/月"): plans write it both ways for the same kind of figure.
  if ((a.dimension === 'money' && b.dimension === 'money-per') || (a.dimension === 'money-per' && b.dimension === 'money')) return true;
  // 个 counts anything: a total in 个 may hold parts in 所 (幼儿园 among 教育集团).
  const generic = (m: Measure) => m.dimension === 'count' && normalizeUnit(m.written).endsWith('个');
  return ((a.dimension === 'places' && generic(b)) || (b.dimension === 'places' && generic(a)));
}

/** Whether two units are known well enough to say they measure different things. */
export function knownDifferent(a: Measure, b: Measure): boolean {
  return !comparable(a, b) && !(a.dimension === 'other' && b.dimension === 'other');
}

/** A value in unit `from` written in unit `to` (12000 人 → 1.2 万人); round to 12 significant digits against float noise. */
export function convert(value: number, from: Measure, to: Measure): number {
  if (from.scale === to.scale) return value;
  return Number(((value * from.scale) / to.scale).toPrecision(12));
}

/** The range a value in this unit can take, for the rates that have one. */
export function boundsOf(m: Measure): { min: number; max?: number } | undefined {
  switch (m.dimension) {
    case 'rate': return { min: 0, max: 100 };
    case 'per-mille': return { min: 0, max: 1000 };
    case 'per-100k': return { min: 0, max: 100000 };
    case 'density': return { min: 0 };
    default: return undefined;
  }
}

/** 人/万人 and the like, as messages name a dimension. */
export const DIMENSION_WORDS: Readonly<Record<Dimension, readonly [string, string]>> = {
  people: ['人数', 'people'],
  'person-times': ['人次', 'person-times'],
  households: ['户数', 'households'],
  money: ['金额', 'money'],
  area: ['面积', 'area'],
  power: ['功率', 'power'],
  mass: ['重量', 'mass'],
  length: ['长度', 'length'],
  count: ['个数', 'a count'],
  places: ['处所数', 'places'],
  rate: ['百分比', 'a percentage'],
  'per-mille': ['千分比', 'per mille'],
  'per-100k': ['十万分比', 'a ratio per 100,000'],
  density: ['每千人/每万人密度', 'a density per 1,000 or 10,000 people'],
  points: ['百分点', 'percentage points'],
  age: ['年龄', 'years of age'],
  duration: ['时长', 'a duration'],
  'money-per': ['人均或每期金额', 'an amount per person or period'],
  other: ['其他', 'another measure'],
};
