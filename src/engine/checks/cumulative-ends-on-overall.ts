import { defineRule } from '../rules.js';
import { comparatorOf, comparatorWords, indicatorLabel, satisfies } from './util.js';

/** Running totals (累计): never fall, and the last year reaches the overall target. */
export default defineRule('cumulative-ends-on-overall', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.kind !== 'cumulative' || ind.yearly.length === 0) continue;
    for (let i = 1; i < ind.yearly.length; i++) {
      const prev = ind.yearly[i - 1];
      const cur = ind.yearly[i];
      if (cur.value < prev.value) {
        report({
          messageId: 'falls',
          data: { indicator: indicatorLabel(ind), year: cur.year ?? '', value: cur.value, prevYear: prev.year ?? '', prev: prev.value },
          path: cur.path,
        });
      }
    }
    const last = ind.yearly[ind.yearly.length - 1];
    const o = ind.overall;
    if (!o || (o.year !== undefined && o.year !== last.year)) continue;
    const comparator = comparatorOf(o, ind);
    if (satisfies(last.value, comparator, o.value)) continue;
    // With a floor ("累计…以上") a larger total is fine, so the message says which way it must go.
    const words = comparatorWords(comparator);
    report({
      messageId: 'endMismatch',
      data: { indicator: indicatorLabel(ind), year: last.year ?? '', value: last.value, total: o.value, relation: words },
      path: o.path,
      suggestions: [
        { messageId: 'setOverall', data: { value: last.value }, operations: [{ op: 'set', path: o.path, value: last.value }] },
        { messageId: 'setLastYear', data: { year: last.year ?? '', value: o.value }, operations: [{ op: 'set', path: last.path, value: o.value }] },
      ],
    });
  }
});
