import { listOf } from '../messages.js';
import { defineRule } from '../rules.js';
import { indicatorLabel } from './util.js';

/** Yearly targets leave no year out between their first and last. */
export default defineRule('yearly-no-gaps', ({ plan, report }) => {
  const period = plan.period;
  // A year outside the period (2012 for 2021) is years-within-period's to report; the years between it and
  // the period are no omission, so only years of the period count as missing.
  const inPeriod = (y: number) => !period || (y >= period.start && y <= period.end);
  for (const ind of plan.allIndicators) {
    const { yearly } = ind;
    if (yearly.length < 2) continue;
    // Yearly targets come sorted by year: a year is missing where two neighbours are more than one apart.
    const missing: number[] = [];
    for (let k = 1; k < yearly.length; k++) {
      for (let y = (yearly[k - 1].year as number) + 1; y < (yearly[k].year as number) && missing.length <= 50; y++) if (inPeriod(y)) missing.push(y);
    }
    if (missing.length === 0 || missing.length > 50) continue;
    // Asked for only here, for a finding: the path is made on each ask.
    const at = ind.yearlyPath;
    if (!at) continue;
    report({ messageId: 'gap', data: { indicator: indicatorLabel(ind), missing: listOf(missing) }, path: at, target: 'key' });
  }
});
