/**
 * 用文字写的数值 — values a drafter types in the words of the plan where the format wants a number or
 * a keyword: "3.5万", "１２", "三十", "8所以上", "90%", "2027年", `kind: 新增`. One table, read by the
 * schema's messages and fixes and documented in docs/format.md ("用文字写的数值 / Values written in words").
 */
import { formatNumber } from './messages.js';
import { convert, normalizeUnit, parseUnit } from './measure.js';
import type { Comparator } from './model.js';
import type { SchemaProblem } from './schema.js';
import type { DataPath, FixOperation, OffsetRange } from './types.js';

/** Words of a plan for the format's keywords, by the key they stand under. */
export const KEYWORDS: Readonly<Record<'kind' | 'direction' | 'comparator' | 'type', Readonly<Record<string, string>>>> = {
  kind: { 新增: 'increment', 建设: 'increment', 新建: 'increment', 建成: 'increment', 完成: 'increment', 增加: 'increment', 累计: 'cumulative', 累计达到: 'cumulative', 达到: 'level', 提高到: 'level', 控制在: 'level', 保持: 'level' },
  direction: { 提高: 'raise', 提升: 'raise', 增加: 'raise', 上升: 'raise', 降低: 'lower', 下降: 'lower', 减少: 'lower', 保持: 'hold', 稳定: 'hold' },
  comparator: { 以上: '>=', 不低于: '>=', 不少于: '>=', 至少: '>=', '≥': '>=', 以内: '<=', 以下: '<=', 不超过: '<=', 不高于: '<=', 最多: '<=', '≤': '<=', 达到: '=', 等于: '=', 超过: '>', 高于: '>', 低于: '<', 少于: '<' },
  type: { 同比: 'yoy', 同比增长: 'yoy', 年均: 'annual-average', 年均增长: 'annual-average' },
};

/** Comparator words written before or after a figure: "不少于8所", "8所以上". */
const BEFORE = /^(不低于|不少于|不超过|不高于|至少|最多|超过|高于|低于|少于|达到|≥|≤)/;
const AFTER = /(以上|以内|以下)$/;

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const SCALE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

/** A number in Chinese numerals: "三十" → 30, "一百二十" → 120, "三点五" → 3.5, "二〇二七" → 2027. */
export function chineseNumber(s: string): number | undefined {
  if (s === '' || !/^[零〇一二两三四五六七八九十百千万亿点]+$/.test(s)) return undefined;
  const [whole, fraction] = s.split('点');
  let frac = 0;
  if (fraction !== undefined) {
    if (!/^[零〇一二三四五六七八九]+$/.test(fraction)) return undefined;
    frac = Number(`0.${[...fraction].map((c) => DIGITS[c]).join('')}`);
  }
  // Digits read one by one, as years are written: 二〇二七.
  if (/^[零〇一二三四五六七八九]{2,}$/.test(whole)) return Number([...whole].map((c) => DIGITS[c]).join('')) + frac;
  let big = 0;
  let section = 0;
  let num = 0;
  for (const c of whole) {
    if (c in DIGITS) num = DIGITS[c];
    else if (c in SMALL) { section += (num || 1) * SMALL[c]; num = 0; }
    else if (c === '万') { big += (section + num) * 1e4; section = 0; num = 0; }
    else if (c === '亿') { big = (big + section + num) * 1e8; section = 0; num = 0; }
  }
  return big + section + num + frac;
}

/** A figure as a drafter writes it, read: "8所以上" → 8, unit 所, ≥; "3.5万" → 3.5 × 10000. */
export interface WrittenFigure {
  /** The number as written, before its scale word: 3.5 in "3.5万". */
  number: number;
  /** A scale word written after the number (万 in "3.5万"), 1 without. */
  scale: number;
  /** The unit written after the number and its scale, normalized ("所", "%", "人"); '' for none. */
  unit: string;
  /** The unit as written with its scale word ("万人"), for a unit field. */
  unitWithScale: string;
  comparator?: Comparator;
}

/** Reads a figure written in words, or undefined when the text is no figure planlint can read for certain. */
export function readFigure(text: string): WrittenFigure | undefined {
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  let comparator: Comparator | undefined;
  const before = BEFORE.exec(s);
  if (before) { comparator = KEYWORDS.comparator[before[1]] as Comparator; s = s.slice(before[0].length); }
  const after = AFTER.exec(s);
  if (after) {
    if (comparator) return undefined;
    comparator = KEYWORDS.comparator[after[1]] as Comparator;
    s = s.slice(0, -after[0].length);
  }
  let number: number | undefined;
  let rest: string;
  const arabic = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?/.exec(s);
  if (arabic) {
    number = Number(arabic[0].replace(/,/g, ''));
    rest = s.slice(arabic[0].length);
  } else {
    const han = /^[零〇一二两三四五六七八九十百千万亿点]+/.exec(s);
    if (!han) return undefined;
    // The scale words at the end of a Chinese numeral belong to it ("三十万" is 300000).
    number = chineseNumber(han[0]);
    rest = s.slice(han[0].length);
  }
  if (number === undefined || !Number.isFinite(number)) return undefined;
  const scaleWord = /^(十万|百万|千万|十|百|千|万|亿)/.exec(rest);
  // A bare 十/百 after digits is rare and 十 starts units ("十个"): only 万 and 亿 and their compounds.
  const scale = arabic && scaleWord && /万|亿/.test(scaleWord[1]) ? SCALE[scaleWord[1]] : 1;
  const unit = scale === 1 ? rest : rest.slice(scaleWord![1].length);
  // Anything left that is not a unit ("左右", "约") makes the reading uncertain.
  if (/左右|约|多|余|几|至|到|~|-|—/.test(rest)) return undefined;
  return { number, scale, unit: normalizeUnit(unit), unitWithScale: rest, comparator };
}

/** The fix a schema problem on a value in words gets: what it means, and whether that reading is certain. */
export interface WordsReading {
  messageId: 'wordsNumber' | 'wordsEnum' | 'wordsYearKey';
  data: Record<string, string>;
  /** The intended form, as it is written into the plan and shown in the fix's description. */
  intended: string;
  operations: FixOperation[];
  /** A certain reading is a safe fix; another is a suggestion. */
  certain: boolean;
}

const VALUE_KEYS = new Set(['overall', 'baseline']);

function at(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/**
 * Reads a schema problem on a value typed in words (`kind: 新增`, `value: 8所以上`, `2027: 90%`,
 * `2027年: 2`): the form the format wants, with the operations that write it. `range` places a
 * node's text, for a yearly shorthand that becomes a mapping.
 */
export function readWords(problem: SchemaProblem, data: unknown, range: (path: DataPath) => OffsetRange): WordsReading | undefined {
  const { path } = problem;
  const last = path[path.length - 1];
  if (problem.messageId === 'badYearKey' && typeof last === 'string') {
    const f = readFigure(last);
    if (!f || f.scale !== 1 || f.comparator || !(f.unit === '年' || f.unit === '') || !Number.isInteger(f.number) || String(f.number).length !== 4) return undefined;
    const intended = String(f.number);
    // A renamed key is a suggestion, as the schema's other renames: --fix changes no key.
    return { messageId: 'wordsYearKey', data: { key: last, intended }, intended, operations: [{ op: 'text', ...range(path), text: intended }], certain: false };
  }
  const found = at(data, path);
  if (typeof found !== 'string') return undefined;
  if (problem.messageId === 'notInEnum' && typeof last === 'string' && last in KEYWORDS) {
    const word = found.normalize('NFKC').trim();
    const intended = KEYWORDS[last as keyof typeof KEYWORDS][word];
    if (!intended) return undefined;
    const text = last === 'comparator' ? `"${intended}"` : intended;
    return { messageId: 'wordsEnum', data: { found, intended: text, allowed: typeof problem.data.allowed === 'string' ? problem.data.allowed : '' }, intended: text, operations: [{ op: 'set', path, value: intended }], certain: true };
  }
  if (problem.messageId !== 'wrongType') return undefined;
  const f = readFigure(found);
  if (!f) return undefined;
  // A year: "2027年" in a `year` field.
  if (last === 'year' || last === 'start' || last === 'end') {
    if (f.scale !== 1 || f.comparator || !(f.unit === '年' || f.unit === '') || !Number.isInteger(f.number)) return undefined;
    return number(found, path, f.number, [], true);
  }
  const yearly = path[path.length - 2] === 'yearly' || path[path.length - 3] === 'yearly';
  const shorthand = path[path.length - 2] === 'yearly';
  const growth = last === 'percent' && path[path.length - 2] === 'growth';
  if (!growth && !(last === 'value' && (yearly || VALUE_KEYS.has(String(path[path.length - 2])))) && !shorthand) return undefined;
  const indicatorPath = growth || !shorthand && !yearly ? path.slice(0, -2) : shorthand ? path.slice(0, -2) : path.slice(0, -3);
  const unitText = growth ? '%' : at(data, [...indicatorPath, 'unit']);
  const fieldUnit = typeof unitText === 'string' ? parseUnit(unitText) : undefined;
  let value = f.number * f.scale;
  let certain = true;
  const extra: FixOperation[] = [];
  const shown: string[] = [];
  if (f.unit !== '') {
    const written = parseUnit(f.unitWithScale);
    if (!fieldUnit && !growth) {
      // No unit field: the unit written with the figure becomes it ("90%" → 90 with unit "%").
      value = f.number;
      extra.push({ op: 'set', path: [...indicatorPath, 'unit'], value: f.unitWithScale });
      shown.push(`unit: "${f.unitWithScale}"`);
    } else if (written && fieldUnit && normalizeUnit(f.unitWithScale) !== normalizeUnit(String(unitText)) && written.dimension === fieldUnit.dimension && written.base === fieldUnit.base) {
      value = convert(f.number, written, fieldUnit);
    } else if (written && fieldUnit && normalizeUnit(f.unitWithScale) === normalizeUnit(String(unitText))) {
      value = f.number;
    } else {
      certain = false;
    }
  } else if (f.scale !== 1) {
    // "3.5万" under a unit field: 3.5 × 10000 in the field's base, written in the field's scale.
    if (fieldUnit && fieldUnit.additive) value = Number(((f.number * f.scale) / fieldUnit.scale).toPrecision(12));
    else certain = false;
  }
  if (f.comparator) {
    const container = shorthand ? undefined : path.slice(0, -1);
    if (growth || path[path.length - 2] === 'baseline') certain = false;
    else if (container) {
      const existing = at(data, [...container, 'comparator']);
      if (existing !== undefined && existing !== f.comparator) certain = false;
      // Before the unit: both may land at the end of the same line, the inner mapping's key first.
      extra.unshift({ op: 'set', path: [...container, 'comparator'], value: f.comparator });
    }
    shown.unshift(`comparator: "${f.comparator}"`);
  }
  if (shorthand && f.comparator) {
    const text = `{ value: ${formatNumber(value)}, comparator: "${f.comparator}" }`;
    return { messageId: 'wordsNumber', data: { found, intended: [text, ...shown.slice(1)].join(', ') }, intended: [text, ...shown.slice(1)].join(', '), operations: [{ op: 'text', ...range(path), text }, ...extra], certain };
  }
  return number(found, path, value, extra, certain, shown);
}

function number(found: string, path: DataPath, value: number, extra: FixOperation[], certain: boolean, shown: string[] = []): WordsReading {
  const intended = [formatNumber(value), ...shown].join(', ');
  return { messageId: 'wordsNumber', data: { found, intended }, intended, operations: [{ op: 'set', path, value }, ...extra], certain };
}
