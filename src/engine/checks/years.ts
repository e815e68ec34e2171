import type { RuleCheck } from '../rules.js';
import { indicatorLabel } from './util.js';

/** Yearly targets, overall targets and deadlines fall inside the plan period. */
export const yearsWithinPeriod: RuleCheck = ({ plan, report }) => {
  const period = plan.period;
  if (!period) return;
  const outside = (y: number) => y < period.start || y > period.end;
  const data = { start: period.start, end: period.end };
  for (const ind of plan.allIndicators) {
    for (const t of ind.yearly) {
      if (t.year !== undefined && outside(t.year) && ind.yearlyPath) {
        report({ messageId: 'yearly', data: { ...data, indicator: indicatorLabel(ind), year: t.year }, path: [...ind.yearlyPath, String(t.year)], target: 'key' });
      }
    }
    const o = ind.overall;
    if (o?.year !== undefined && outside(o.year)) {
      report({ messageId: 'overall', data: { ...data, indicator: indicatorLabel(ind), year: o.year }, path: [...ind.path, 'overall', 'year'] });
    }
  }
  for (const task of plan.allTasks) {
    if (task.deadline && outside(task.deadline.year)) {
      report({ messageId: 'deadline', data: { ...data, year: task.deadline.year }, path: task.deadline.path });
    }
  }
};

/** Yearly targets leave no year out between their first and last. */
export const yearlyNoGaps: RuleCheck = ({ plan, report }) => {
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
    report({ messageId: 'gap', data: { indicator: indicatorLabel(ind), missing: missing.join('、'), missingEn: missing.join(', ') }, path: at, target: 'key' });
  }
};

/** The overall target is set for the plan's last year. */
export const overallInLastYear: RuleCheck = ({ plan, report }) => {
  const period = plan.period;
  if (!period) return;
  for (const ind of plan.allIndicators) {
    const o = ind.overall;
    if (o?.year === undefined || o.year === period.end || o.year < period.start || o.year > period.end) continue;
    report({ messageId: 'notLast', data: { indicator: indicatorLabel(ind), year: o.year, end: period.end }, path: [...ind.path, 'overall', 'year'] });
  }
};

/** The baseline is a year before the period starts. */
export const baselineBeforePeriod: RuleCheck = ({ plan, report }) => {
  const period = plan.period;
  if (!period) return;
  for (const ind of plan.allIndicators) {
    const b = ind.baseline;
    if (b?.year === undefined || b.year < period.start) continue;
    report({ messageId: 'inPeriod', data: { indicator: indicatorLabel(ind), year: b.year, start: period.start }, path: [...ind.path, 'baseline', 'year'] });
  }
};
