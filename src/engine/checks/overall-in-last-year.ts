import { defineRule } from '../rules.js';
import { indicatorLabel } from './util.js';

/** The overall target is set for the plan's last year. */
export default defineRule('overall-in-last-year', ({ plan, report }) => {
  const period = plan.period;
  if (!period) return;
  for (const ind of plan.allIndicators) {
    const o = ind.overall;
    if (o?.year === undefined || o.year === period.end || o.year < period.start || o.year > period.end) continue;
    report({ messageId: 'notLast', data: { indicator: indicatorLabel(ind), year: o.year, end: period.end }, path: [...ind.path, 'overall', 'year'] });
  }
});
