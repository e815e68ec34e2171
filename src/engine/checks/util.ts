import { formatNumber, localized } from '../messages.js';
import type { Comparator, Indicator, Plan, Target } from '../model.js';
import type { Localized } from '../types.js';
import { comparable, convert, parseUnit } from '../measure.js';

// Helpers more than one rule's check uses; a helper of one rule lives in that rule's file.

export { approxEqual, comparatorOf, indicatorLabel, satisfies } from '../queries.js';

/** "2021年 4 + 2022年 6" / "2021: 4 + 2022: 6" */
export function yearTerms(targets: readonly Target[]): Localized {
  return localized(
    targets.map((t) => `${t.year}年 ${formatNumber(t.value)}`).join(' + '),
    targets.map((t) => `${t.year}: ${formatNumber(t.value)}`).join(' + '),
  );
}

/** The sum of figures, added in order. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Comparator words for messages. */
export function comparatorWords(c: Comparator | undefined): Localized {
  switch (c) {
    case '>=': return localized('不低于', 'at least');
    case '>': return localized('高于', 'above');
    case '<=': return localized('不超过', 'at most');
    case '<': return localized('低于', 'below');
    default: return localized('等于', 'equal to');
  }
}

/** The value of an indicator that relations compare: its overall target, else its last yearly target. */
export function headlineValue(ind: Indicator): Target | undefined {
  return ind.overall ?? ind.yearly[ind.yearly.length - 1];
}

const BY_ID = new WeakMap<Plan, ReadonlyMap<string, Indicator>>();

/**
 * A plan's indicators by id; the first use of an id wins (unique-ids reports the others). Made
 * once per plan: three rules look relations up in it.
 */
export function indicatorsById(plan: Plan): ReadonlyMap<string, Indicator> {
  let map = BY_ID.get(plan);
  if (!map) {
    const byId = new Map<string, Indicator>();
    for (const i of plan.allIndicators) if (i.id && !byId.has(i.id)) byId.set(i.id, i);
    map = byId;
    BY_ID.set(plan, map);
  }
  return map;
}

/** Calls `visit` with an indicator's yearly targets, then its overall target (in place: no list is made). */
export function eachTarget(ind: Indicator, visit: (target: Target) => void): void {
  for (const t of ind.yearly) visit(t);
  if (ind.overall) visit(ind.overall);
}

/**
 * How messages name a baseline: "2020 年基期值 84.5", or "基期值 84.5" when the plan gives no year
 * (现有, 目前), so a missing year never leaves a gap in the sentence. The Chinese text carries its own
 * leading space, which a year needs after 低于/高于 and a Chinese word does not.
 */
export function baselineData(b: Target): { base: Localized; reached: Localized } {
  const v = formatNumber(b.value);
  return b.year === undefined
    ? { base: localized(`基期值 ${v}`, `the baseline ${v}`), reached: localized(`基期已达到的 ${v}`, `the ${v} already reached at baseline`) }
    : { base: localized(` ${b.year} 年基期值 ${v}`, `the ${b.year} baseline ${v}`), reached: localized(` ${b.year} 年已达到的 ${v}`, `the ${v} already reached in ${b.year}`) };
}

/** How a message names a target of `ind`: "2022年目标", or "总体目标". */
export function targetLabel(ind: Indicator, target: Target): Localized {
  return target === ind.overall ? localized('总体目标', 'the overall target') : localized(`${target.year}年目标`, `the ${target.year} target`);
}

/**
 * A value written in unit `from` as it reads in unit `to` (12000 人 → 1.2 万人), or undefined when the
 * two units measure different things (户 and 万人), which units-comparable reports. A missing unit, or
 * one planlint cannot read, is taken as written: the figures are compared as printed.
 */
export function inUnit(value: number, from: string | undefined, to: string | undefined): number | undefined {
  if (from === undefined || to === undefined || from === to) return value;
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!a || !b) return value;
  if (!comparable(a, b)) return undefined;
  return convert(value, a, b);
}

/** A figure with its unit when the unit differs from the one it is compared in: "12000人". */
export function termWithUnit(value: number, unit: string | undefined, against: string | undefined): string {
  return unit !== undefined && unit !== against ? `${formatNumber(value)}${unit}` : formatNumber(value);
}

/** Pairs of adjacent characters: 卫生 and 健康 carry a unit's name, a lone 区 or 局 does not. */
function bigrams(s: string): string[] {
  const chars = [...s];
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** The name of `declared` most like `name` (bigram Dice ≥ 0.5), other than `name` itself, if any. */
export function nearestName(name: string, declared: readonly string[]): string | undefined {
  const a = bigrams(name);
  let best: string | undefined;
  let bestScore = 0;
  for (const d of declared) {
    const b = bigrams(d);
    const pool = [...b];
    let common = 0;
    for (const x of a) {
      const i = pool.indexOf(x);
      if (i >= 0) {
        common++;
        pool.splice(i, 1);
      }
    }
    const score = a.length + b.length === 0 ? 0 : (2 * common) / (a.length + b.length);
    if (d !== name && score >= 0.5 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}
