import { defineRule } from '../rules.js';
import { comparatorOf, comparatorWords, indicatorLabel, satisfies } from './util.js';

/** Levels: the target for the overall target's year meets it under its comparator. */
export default defineRule('level-meets-overall', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.kind !== 'level' || !ind.overall || ind.yearly.length === 0) continue;
    const o = ind.overall;
    const target = o.year !== undefined ? ind.yearly.find((t) => t.year === o.year) : ind.yearly[ind.yearly.length - 1];
    if (!target) continue;
    const comparator = comparatorOf(o, ind);
    if (satisfies(target.value, comparator, o.value)) continue;
    const words = comparatorWords(comparator);
    report({
      messageId: 'misses',
      data: { indicator: indicatorLabel(ind), year: target.year ?? '', value: target.value, total: o.value, relation: words },
      path: target.path,
      suggestions: [{ messageId: 'setYear', data: { year: target.year ?? '', value: o.value }, operations: [{ op: 'set', path: target.path, value: o.value }] }],
    });
  }
});
