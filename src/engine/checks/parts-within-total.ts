import { localized } from '../messages.js';
import type { Indicator, Target } from '../model.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { parseUnit } from '../measure.js';
import { partsSplitSibling } from '../queries.js';
import { approxEqual, inUnit, indicatorLabel, termWithUnit } from './util.js';

/** Units whose values add up: counts and amounts, not rates or per-capita figures. */
function additive(unit: string | undefined): boolean {
  return parseUnit(unit)?.additive === true;
}

/** Pairs of a parent's and a part's targets for the same year (or both overall). */
function samePoints(parent: Indicator, part: Indicator): { total: Target; piece: Target; when: Localized }[] {
  const out: { total: Target; piece: Target; when: Localized }[] = [];
  for (const t of part.yearly) {
    const total = parent.yearly.find((p) => p.year === t.year);
    if (total) out.push({ total, piece: t, when: localized(`${t.year}年`, `in ${t.year}`) });
  }
  if (part.overall && parent.overall) out.push({ total: parent.overall, piece: part.overall, when: localized('总体目标', 'overall') });
  if (part.baseline && parent.baseline && part.baseline.year === parent.baseline.year) {
    out.push({ total: parent.baseline, piece: part.baseline, when: localized('基期', 'at baseline') });
  }
  return out;
}

/** A part (其中) does not exceed its total. */
export default defineRule('parts-within-total', ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    if (!additive(parent.unit)) continue;
    // Parts that add up to a sibling's figure are parts-split-own-total's one finding, not one a part.
    const splitTotals = new Set(partsSplitSibling(parent).map((s) => s.total));
    for (const part of parent.parts) {
      const unit = part.unit ?? parent.unit;
      // A part that measures another thing than its total is units-comparable's finding.
      if (inUnit(1, unit, parent.unit) === undefined) continue;
      for (const { total, piece, when } of samePoints(parent, part)) {
        const value = inUnit(piece.value, unit, parent.unit) as number;
        if (value <= total.value || approxEqual(value, total.value) || splitTotals.has(total)) continue;
        report({
          messageId: 'exceeds',
          data: { part: part.name, value: termWithUnit(piece.value, unit, parent.unit), total: total.value, indicator: indicatorLabel(parent), when },
          path: piece.path,
        });
      }
    }
  }
});
