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

/** The total's points a part can be compared at: each year, overall, the baseline; with the part's target there. */
function pointsOf(parent: Indicator): { total: Target; when: Localized; pieceOf: (part: Indicator) => Target | undefined }[] {
  const out: { total: Target; when: Localized; pieceOf: (part: Indicator) => Target | undefined }[] = [];
  for (const t of parent.yearly) out.push({ total: t, when: localized(`${t.year}年`, `in ${t.year}`), pieceOf: (p) => p.yearly.find((y) => y.year === t.year) });
  if (parent.overall) out.push({ total: parent.overall, when: localized('总体目标', 'overall'), pieceOf: (p) => p.overall });
  const base = parent.baseline;
  if (base) out.push({ total: base, when: localized('基期', 'at baseline'), pieceOf: (p) => (p.baseline?.year === base.year ? p.baseline : undefined) });
  return out;
}

/**
 * A part (其中) does not exceed its total. One finding per total and point, on the total, listing
 * every part above it: several parts above one total are one problem for a reviewer (009's 计划竣工3个).
 */
export default defineRule('parts-within-total', ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    if (!additive(parent.unit)) continue;
    // Parts that add up to a sibling's figure are parts-split-own-total's one finding, not this rule's.
    const splitTotals = new Set(partsSplitSibling(parent).map((s) => s.total));
    for (const { total, when, pieceOf } of pointsOf(parent)) {
      if (splitTotals.has(total)) continue;
      const above: { zh: string; en: string }[] = [];
      for (const part of parent.parts) {
        const unit = part.unit ?? parent.unit;
        const piece = pieceOf(part);
        // A part that measures another thing than its total is units-comparable's finding.
        if (!piece || inUnit(1, unit, parent.unit) === undefined) continue;
        const value = inUnit(piece.value, unit, parent.unit) as number;
        if (value <= total.value || approxEqual(value, total.value)) continue;
        const term = termWithUnit(piece.value, unit, parent.unit);
        above.push({ zh: `“${part.name}”${term}`, en: `"${part.name}" (${term})` });
      }
      if (above.length === 0) continue;
      const parts = localized(above.map((a) => a.zh).join('、'), `${above.length > 1 ? 'the parts' : 'the part'} ${above.map((a) => a.en).join(', ')}`);
      report({
        messageId: 'exceeds',
        data: { parts, total: total.value, indicator: indicatorLabel(parent), when, verb: above.length > 1 ? 'are' : 'is' },
        path: total.path,
      });
    }
  }
});
