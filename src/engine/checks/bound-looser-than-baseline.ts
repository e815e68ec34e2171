import { defineRule } from '../rules.js';
import { baselineData, comparatorOf, eachTarget, indicatorLabel, targetLabel } from './util.js';

/** A ceiling is not looser, and a floor not lower, than the value the baseline already reached. */
export default defineRule('bound-looser-than-baseline', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const b = ind.baseline;
    // With a stated direction, target-beyond-baseline judges; this rule reads intent from the comparator.
    if (!b || ind.direction === 'raise' || ind.direction === 'lower' || ind.kind === 'increment') continue;
    eachTarget(ind, (target) => {
      const c = comparatorOf(target, ind);
      const loose = (c === '<=' || c === '<') ? target.value > b.value : (c === '>=' || c === '>') ? target.value < b.value : false;
      if (!loose) return;
      report({
        messageId: c === '<=' || c === '<' ? 'looseCeiling' : 'lowFloor',
        data: { indicator: indicatorLabel(ind), which: targetLabel(ind, target), value: target.value, ...baselineData(b) },
        path: target.path,
      });
    });
  }
});
