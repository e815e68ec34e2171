import { localized } from '../messages.js';
import type { Target } from '../model.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { approxSlack } from '../queries.js';
import { approxEqual, inUnit, indicatorLabel, sum, termWithUnit } from './util.js';

/** Parts marked `partsSum: true` add up to their total. */
export default defineRule('parts-sum-to-total', ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    if (!parent.partsSum || parent.parts.length === 0) continue;
    // Parts in another scale (人 under 万人) are converted to the total's; parts that measure another
    // thing (户 under 万人, a share in %) are units-comparable's finding, not a sum.
    const unitOf = (p: (typeof parent.parts)[number]) => p.unit ?? parent.unit;
    if (parent.parts.some((p) => inUnit(1, unitOf(p), parent.unit) === undefined)) continue;
    const checks: { total: Target; pieces: Target[]; when: Localized }[] = [];
    const units = parent.parts.map(unitOf);
    if (parent.overall && parent.parts.every((p) => p.overall)) {
      checks.push({ total: parent.overall, pieces: parent.parts.map((p) => p.overall as Target), when: localized('总体目标', 'overall') });
    }
    for (const t of parent.yearly) {
      const pieces = parent.parts.map((p) => p.yearly.find((y) => y.year === t.year));
      if (pieces.every(Boolean)) checks.push({ total: t, pieces: pieces as Target[], when: localized(`${t.year}年`, `in ${t.year}`) });
    }
    for (const { total, pieces, when } of checks) {
      const s = Number(sum(pieces.map((p, i) => inUnit(p.value, units[i], parent.unit) as number)).toPrecision(12));
      // An approximate figure (约, 左右) is met within 10% of the total.
      if (approxEqual(s, total.value, approxSlack(total, pieces))) continue;
      // Either side may be wrong: the total, or one part off by the difference. Both are offered as
      // suggestions, the total first; a part only where the corrected value stays >= 0.
      const diff = Number((total.value - s).toPrecision(12));
      const partFixes = pieces.flatMap((p, i) => {
        const delta = inUnit(diff, parent.unit, units[i]) as number;
        const value = Number((p.value + delta).toPrecision(12));
        if (value < 0) return [];
        const part = parent.parts[i].name;
        return [{ messageId: 'setPart' as const, data: { part, value: termWithUnit(value, units[i], parent.unit) }, operations: [{ op: 'set' as const, path: p.path, value }] }];
      });
      report({
        messageId: 'mismatch',
        data: {
          indicator: indicatorLabel(parent), sum: s, terms: pieces.map((p, i) => termWithUnit(p.value, units[i], parent.unit)).join(' + '), total: total.value, when,
          diff: Math.abs(diff), side: diff > 0 ? localized('少', 'short') : localized('多', 'over'),
        },
        path: total.path,
        suggestions: [{ messageId: 'setTotal', data: { sum: s }, operations: [{ op: 'set', path: total.path, value: s }] }, ...partFixes],
      });
    }
  }
});
