/**
 * 用文字写的数值 — values a drafter types in the words of the plan where the format wants a number or
 * a keyword: "3.5万", "１２", "三十", "8所以上", "90%", "2027年", `kind: 新增`. One table, read by the
 * schema's messages and fixes and documented in docs/format.md ("用文字写的数值 / Values written in words").
 */
import { scalarText } from './fix.js';
import { formatNumber, listOf, type MessageData } from './messages.js';
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

/** Where a list of units written as one name splits: 、 , ， ; ；. */
const UNIT_LIST_SEPARATORS = /[、,，;；]/;

/** The names of a list of units written as one ("县住建局、县代建中心"), or the one name when it is not a list. */
export function splitUnitList(name: string): string[] {
  if (!UNIT_LIST_SEPARATORS.test(name)) return [name];
  return name.split(/[、,，;；]+/).map((p) => p.trim()).filter((p) => p.length > 0);
}

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
  messageId: 'wordsNumber' | 'wordsEnum' | 'wordsYearKey' | 'wordsDeadline' | 'deadlineNoYear' | 'deadlineForm' | 'wordsUnitList';
  data: MessageData;
  /** The intended form, as it is written into the plan and shown in the fix's description. */
  intended: string;
  operations: FixOperation[];
  /** A certain reading is a safe fix; another is a suggestion. No operations: no fix at all. */
  certain: boolean;
  /** The reading speaks for every schema problem at its path (a deadline fails both branches of its oneOf). */
  whole?: boolean;
}

/** Month words of a deadline, after its year: "12月底", "年底", "上半年", "三季度末", "6月30日". */
const DEADLINE_MONTHS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => { month: number; day?: number } | undefined]> = [
  [/^(年底|年末|年内|全年|底|末)$/, () => ({ month: 12 })],
  [/^上半年(底|末)?$/, () => ({ month: 6 })],
  [/^下半年(底|末)?$/, () => ({ month: 12 })],
  [/^第?([一二三四1-4])季度(底|末)?$/, (m) => ({ month: (chineseNumber(m[1]) ?? Number(m[1])) * 3 })],
  [/^([0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?(底|末)?$/, (m) => ({ month: chineseNumber(m[1]) ?? Number(m[1]) })],
  [/^([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]$/, (m) => ({ month: chineseNumber(m[1]) ?? Number(m[1]), day: chineseNumber(m[2]) ?? Number(m[2]) })],
  [/^[./-]([0-9]{1,2})([./-]([0-9]{1,2}))?$/, (m) => ({ month: Number(m[1]), day: m[3] === undefined ? undefined : Number(m[3]) })],
];

/** A deadline as written in words, read: the year it names (if any), its month and day; undefined if not read. */
function readDeadline(text: string): { year?: number; month?: number; day?: number } | undefined {
  let s = text.normalize('NFKC').replace(/\s+/g, '').replace(/(以前|之前|前|为止|完成|止)$/, '');
  let year: number | undefined;
  const y = /^([0-9]{4}|[零〇一二三四五六七八九]{4})(年度?)?/.exec(s);
  if (y) {
    year = chineseNumber(y[1]) ?? Number(y[1]);
    s = s.slice(y[0].length);
    if (s === '') return y[2] ? { year } : undefined;
    if (!y[2] && !/^[./-]/.test(s)) return undefined;
  }
  for (const [re, read] of DEADLINE_MONTHS) {
    const m = re.exec(s);
    if (!m) continue;
    const r = read(m);
    if (!r || !Number.isInteger(r.month) || r.month < 1 || r.month > 12) return undefined;
    if (r.day !== undefined && (!Number.isInteger(r.day) || r.day < 1 || r.day > new Date(Date.UTC(year ?? 2024, r.month, 0)).getUTCDate())) return undefined;
    return { year, ...r };
  }
  return undefined;
}

function deadlineReading(found: string, path: DataPath, data: unknown): WordsReading {
  const period = at(data, ['plan', 'period']) as { start?: unknown; end?: unknown } | undefined;
  const start = typeof period?.start === 'number' ? period.start : undefined;
  const end = typeof period?.end === 'number' ? period.end : undefined;
  const d = readDeadline(found);
  const pad = (n: number) => String(n).padStart(2, '0');
  const form = (year: number | string, month: number, day?: number) => `${year}-${pad(month)}${day === undefined ? '' : `-${pad(day)}`}`;
  if (!d) {
    const y = end ?? 'YYYY';
    return { messageId: 'deadlineForm', data: { found, examples: listOf([`${y}`, `${y}-12`, `${y}-12-31`]) }, intended: '', operations: [], certain: false, whole: true };
  }
  // The year is certain when the text names it, or when the plan's period is one year.
  const year = d.year ?? (start !== undefined && start === end ? start : undefined);
  if (year === undefined) {
    const example = form(end ?? 'YYYY', d.month!, d.day);
    const periodText = start !== undefined && end !== undefined ? `${start}—${end}` : '?';
    return { messageId: 'deadlineNoYear', data: { found, period: periodText, example }, intended: example, operations: [], certain: false, whole: true };
  }
  const value: string | number = d.month === undefined ? year : form(year, d.month, d.day);
  const intended = typeof value === 'number' ? String(value) : value;
  return { messageId: 'wordsDeadline', data: { found, intended }, intended, operations: [{ op: 'set', path, value }], certain: true, whole: true };
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
  // Units written as one string (`lead: 县住建局、县代建中心`) where the format wants a list: the list, each
  // unit an item. Certain when every part is declared, or the plan declares no units.
  if ((last === 'lead' || last === 'responsible') && problem.messageId === 'wrongType') {
    const parts = splitUnitList(found.trim()).filter((p) => p.length > 0);
    if (parts.length === 0) return undefined;
    const units = at(data, ['units']);
    const declared = new Set<string>();
    if (Array.isArray(units)) {
      for (const u of units as unknown[]) {
        const name = at(u, ['name']);
        if (typeof name === 'string') declared.add(name);
        const aliases = at(u, ['aliases']);
        if (Array.isArray(aliases)) for (const a of aliases as unknown[]) if (typeof a === 'string') declared.add(a);
      }
    }
    const intended = `[${parts.map((p) => scalarText(p, undefined, true)).join(', ')}]`;
    const certain = declared.size === 0 || parts.every((p) => declared.has(p));
    return { messageId: 'wordsUnitList', data: { found, intended, count: parts.length }, intended, operations: [{ op: 'text', ...range(path), text: intended }], certain, whole: true };
  }
  // A deadline in words ("12月底前", "2025年6月底", "上半年"): one message, not one per branch of its oneOf.
  if (last === 'deadline' && (problem.messageId === 'wrongType' || problem.messageId === 'badFormat')) return deadlineReading(found, path, data);
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
