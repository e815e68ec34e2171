import { formatNumber } from '../messages.js';
import type { Comparator, Indicator, Plan, Target } from '../model.js';

export { approxEqual, comparatorOf, indicatorLabel, satisfies } from '../queries.js';

/** "2021年 4 + 2022年 6" / "2021: 4 + 2022: 6" */
export function yearTerms(targets: readonly Target[]): { zh: string; en: string } {
  return {
    zh: targets.map((t) => `${t.year}年 ${formatNumber(t.value)}`).join(' + '),
    en: targets.map((t) => `${t.year}: ${formatNumber(t.value)}`).join(' + '),
  };
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Comparator words for messages. */
export function comparatorWords(c: Comparator | undefined): { zh: string; en: string } {
  switch (c) {
    case '>=': return { zh: '不低于', en: 'at least' };
    case '>': return { zh: '高于', en: 'above' };
    case '<=': return { zh: '不超过', en: 'at most' };
    case '<': return { zh: '低于', en: 'below' };
    default: return { zh: '等于', en: 'equal to' };
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
