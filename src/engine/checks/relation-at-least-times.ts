import { defineRule } from '../rules.js';
import { approxEqual, headlineValue, inUnit, indicatorLabel, indicatorsById } from './util.js';

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
      // The other figure in this indicator's scale; one measuring another thing is units-comparable's.
      const otherValue = inUnit(theirs.value, other.unit, ind.unit);
      if (otherValue === undefined) continue;
      const needed = Number((otherValue * r.factor).toPrecision(12));
      if (mine.value >= needed || approxEqual(mine.value, needed)) continue;
      report({
        messageId: 'tooLow',
        data: { indicator: indicatorLabel(ind), value: mine.value, other: indicatorLabel(other), otherValue: theirs.value, factor: r.factor, needed },
        path: mine.path,
      });
    }
  }
});
