import { defineRule } from '../rules.js';
import { approxEqual, headlineValue, indicatorLabel, indicatorsById } from './util.js';

/** "At least k times another" relations hold, and name an existing indicator. */
export default defineRule('relation-at-least-times', ({ plan, report }) => {
  const ids = indicatorsById(plan);
  for (const ind of plan.allIndicators) {
    for (const r of ind.relations) {
      if (r.type !== 'at-least-times') continue;
      const other = ids.get(r.indicator);
      if (!other) {
        report({ messageId: 'unknown', data: { id: r.indicator }, path: [...r.path, 'indicator'] });
        continue;
      }
      const mine = headlineValue(ind);
      const theirs = headlineValue(other);
      if (!mine || !theirs) continue;
      const needed = theirs.value * r.factor;
      if (mine.value >= needed || approxEqual(mine.value, needed)) continue;
      report({
        messageId: 'tooLow',
        data: { indicator: indicatorLabel(ind), value: mine.value, other: indicatorLabel(other), otherValue: theirs.value, factor: r.factor, needed },
        path: mine.path,
      });
    }
  }
});
