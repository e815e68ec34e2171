import { localized } from '../messages.js';
import type { Target } from '../model.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { approxEqual, indicatorLabel, sum } from './util.js';

/** Parts marked `partsSum: true` add up to their total. */
export default defineRule('parts-sum-to-total', ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    if (!parent.partsSum || parent.parts.length === 0) continue;
    // Parts in another unit (人 under 万人, a share in %) are not added to the total as printed.
    if (parent.parts.some((p) => (p.unit ?? parent.unit) !== parent.unit)) continue;
    const checks: { total: Target; pieces: Target[]; when: Localized }[] = [];
    if (parent.overall && parent.parts.every((p) => p.overall)) {
      checks.push({ total: parent.overall, pieces: parent.parts.map((p) => p.overall as Target), when: localized('总体目标', 'overall') });
    }
    for (const t of parent.yearly) {
      const pieces = parent.parts.map((p) => p.yearly.find((y) => y.year === t.year));
      if (pieces.every(Boolean)) checks.push({ total: t, pieces: pieces as Target[], when: localized(`${t.year}年`, `in ${t.year}`) });
    }
    for (const { total, pieces, when } of checks) {
      const s = sum(pieces.map((p) => p.value));
      if (approxEqual(s, total.value)) continue;
      report({
        messageId: 'mismatch',
        data: { indicator: indicatorLabel(parent), sum: s, terms: pieces.map((p) => p.value).join(' + '), total: total.value, when },
        path: total.path,
        suggestions: [{ messageId: 'setTotal', data: { sum: s }, operations: [{ op: 'set', path: total.path, value: s }] }],
      });
    }
  }
});
