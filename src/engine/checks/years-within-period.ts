import { defineRule } from '../rules.js';
import { indicatorLabel } from './util.js';

/** Yearly targets, overall targets and deadlines fall inside the plan period. */
export default defineRule('years-within-period', ({ plan, report }) => {
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
});
