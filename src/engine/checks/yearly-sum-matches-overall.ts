import { defineRule } from '../rules.js';
import { yearlyTotal } from '../queries.js';
import { comparatorWords, indicatorLabel, yearTerms } from './util.js';

/** Increments: the yearly targets add up to the overall target. */
export default defineRule('yearly-sum-matches-overall', ({ plan, options, report }) => {
  const tolerance = Number(options.tolerance ?? 0);
  for (const ind of plan.allIndicators) {
    // A floor ("15所以上") is met by any larger sum; a ceiling by any smaller one. The hover, the inlay
    // hint and the report judge the same sum with the same function.
    const judged = yearlyTotal(ind, tolerance);
    if (!judged || judged.ok || !ind.overall) continue;
    const total = judged.sum;
    const last = ind.yearly[ind.yearly.length - 1];
    const lastNeeded = last.value + (ind.overall.value - total);
    report({
      messageId: 'mismatch',
      data: {
        indicator: indicatorLabel(ind), sum: total, terms: yearTerms(judged.terms), total: judged.total,
        relation: comparatorWords(judged.comparator),
      },
      path: ind.overall.path,
      suggestions: [
        { messageId: 'setOverall', data: { sum: total }, operations: [{ op: 'set', path: ind.overall.path, value: total }] },
        ...(lastNeeded >= 0
          ? [{ messageId: 'setLastYear' as const, data: { year: last.year ?? '', value: lastNeeded }, operations: [{ op: 'set' as const, path: last.path, value: lastNeeded }] }]
          : []),
      ],
    });
  }
});
