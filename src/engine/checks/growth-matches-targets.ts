import { formatNumber } from '../messages.js';
import type { Target } from '../model.js';
import { defineRule } from '../rules.js';
import { indicatorLabel, satisfies } from './util.js';

/** Digits after the point, as written: 10 → 0, 6.3 → 1. */
function decimals(n: number): number {
  const s = formatNumber(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A stated growth rate matches the baseline and the target it leads to. */
export default defineRule('growth-matches-targets', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const g = ind.growth;
    const b = ind.baseline;
    if (!g || !b || b.year === undefined || b.value <= 0) continue;
    let to: Target | undefined;
    if (g.type === 'yoy') to = ind.yearly.find((t) => t.year === (b.year as number) + 1) ?? (ind.overall?.year === b.year + 1 ? ind.overall : undefined);
    // An increment's overall target is the period's total, not a year's value: the average runs to the last year.
    else to = ind.overall?.year !== undefined && ind.kind !== 'increment' ? ind.overall : ind.yearly[ind.yearly.length - 1];
    if (!to || to.year === undefined || to.year <= b.year) continue;
    const years = to.year - b.year;
    const implied = g.type === 'yoy' ? (to.value / b.value - 1) * 100 : (Math.pow(to.value / b.value, 1 / years) - 1) * 100;
    // The stated precision sets the tolerance: "10%" covers 9.5–10.5, "6.3%" covers 6.25–6.35.
    const tolerance = 0.5 * Math.pow(10, -decimals(g.percent)) + 1e-9;
    // "年均增长7%以上" is met by any faster growth; a plain rate must match within the tolerance.
    if (g.comparator ? satisfies(implied, g.comparator, g.percent, tolerance) : Math.abs(implied - g.percent) <= tolerance) continue;
    report({
      messageId: g.type === 'yoy' ? 'yoy' : 'average',
      data: {
        indicator: indicatorLabel(ind), from: b.value, fromYear: b.year, to: to.value, toYear: to.year,
        implied: formatNumber(Math.round(implied * 100) / 100), stated: g.percent,
      },
      path: g.path,
    });
  }
});
