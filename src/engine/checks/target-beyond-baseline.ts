import { defineRule } from '../rules.js';
import { baselineData, eachTarget, indicatorLabel, targetLabel } from './util.js';

/** A target meant to raise an indicator is not below its baseline (nor above one meant to fall). */
export default defineRule('target-beyond-baseline', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const b = ind.baseline;
    if (!b || (ind.direction !== 'raise' && ind.direction !== 'lower') || ind.kind === 'increment') continue;
    eachTarget(ind, (target) => {
      const wrong = ind.direction === 'raise' ? target.value < b.value : target.value > b.value;
      if (!wrong) return;
      report({
        messageId: ind.direction === 'raise' ? 'belowBaseline' : 'aboveBaseline',
        data: { indicator: indicatorLabel(ind), which: targetLabel(ind, target), value: target.value, ...baselineData(b) },
        path: target.path,
      });
    });
  }
});
