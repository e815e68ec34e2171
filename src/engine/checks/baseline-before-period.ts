import { defineRule } from '../rules.js';
import { indicatorLabel } from './util.js';

/** The baseline is a year before the period starts. */
export default defineRule('baseline-before-period', ({ plan, report }) => {
  const period = plan.period;
  if (!period) return;
  for (const ind of plan.allIndicators) {
    const b = ind.baseline;
    if (b?.year === undefined || b.year < period.start) continue;
    report({ messageId: 'inPeriod', data: { indicator: indicatorLabel(ind), year: b.year, start: period.start }, path: [...ind.path, 'baseline', 'year'] });
  }
});
