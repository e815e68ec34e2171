import type { Indicator, Target } from '../model.js';
import { defineRule } from '../rules.js';
import { approxEqual, headlineValue, inUnit, indicatorLabel, indicatorsById, sum, termWithUnit } from './util.js';

/** "Equals the sum of others" relations hold, and name existing indicators. */
export default defineRule('relation-sum-of', ({ plan, report }) => {
  const ids = indicatorsById(plan);
  for (const ind of plan.allIndicators) {
    for (const r of ind.relations) {
      if (r.type !== 'sum-of') continue;
      const others = r.indicators.map((id) => ids.get(id));
      // One finding per unknown id, on its own entry, so each message names a single indicator.
      r.indicators.forEach((id, i) => {
        if (!others[i]) report({ messageId: 'unknown', data: { id }, path: [...r.path, 'indicators', i] });
      });
      if (others.some((o) => !o)) continue;
      const mine = headlineValue(ind);
      const values = others.map((o) => headlineValue(o as Indicator));
      if (!mine || values.some((v) => !v)) continue;
      // Figures in other scales (8000 人 under 1.2 万人) are converted first; figures that measure
      // another thing (户 against 万人) are units-comparable's finding.
      const converted = values.map((v, i) => inUnit((v as Target).value, (others[i] as Indicator).unit, ind.unit));
      if (converted.some((v) => v === undefined)) continue;
      const s = Number(sum(converted as number[]).toPrecision(12));
      if (approxEqual(s, mine.value)) continue;
      report({
        messageId: 'mismatch',
        data: { indicator: indicatorLabel(ind), value: mine.value, sum: s, terms: values.map((v, i) => termWithUnit((v as Target).value, (others[i] as Indicator).unit, ind.unit)).join(' + ') },
        path: mine.path,
        suggestions: [{ messageId: 'setValue', data: { sum: s }, operations: [{ op: 'set', path: mine.path, value: s }] }],
      });
    }
  }
});
