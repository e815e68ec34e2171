import { formatNumber } from '../messages.js';
import { defineRule } from '../rules.js';
import { approxEqual, indicatorLabel } from './util.js';

/** The yearly path moves the way the indicator is meant to move. */
export default defineRule('yearly-path-direction', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.kind === 'increment' || ind.kind === 'cumulative') continue;
    const direction = ind.direction;
    if (direction !== 'raise' && direction !== 'lower') continue;
    // The step from the baseline is target-vs-baseline's to judge; this rule looks at the years.
    const points = ind.yearly;
    for (let i = 1; i < points.length; i++) {
      const prev = points[i - 1];
      const cur = points[i];
      const wrong = direction === 'raise' ? cur.value < prev.value : cur.value > prev.value;
      if (!wrong || approxEqual(cur.value, prev.value)) continue;
      report({
        messageId: direction === 'raise' ? 'falls' : 'rises',
        data: { indicator: indicatorLabel(ind), year: cur.year ?? '', value: formatNumber(cur.value), prevYear: prev.year ?? '', prev: formatNumber(prev.value) },
        path: cur.path,
      });
    }
  }
});
