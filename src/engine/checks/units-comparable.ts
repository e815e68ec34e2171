import { localized } from '../messages.js';
import { DIMENSION_WORDS, knownDifferent, parseUnit } from '../measure.js';
import type { Measure } from '../measure.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { indicatorLabel, indicatorsById } from './util.js';

const what = (m: Measure): Localized => localized(...DIMENSION_WORDS[m.dimension]);

/**
 * Parts and related indicators measure the same thing as the figure they are added to or compared
 * with: a part in 户 under a total in 万人 is reported at the part, instead of every sum falling silent.
 */
export default defineRule('units-comparable', ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    const total = parseUnit(parent.unit);
    if (!total) continue;
    for (const part of parent.parts) {
      const own = parseUnit(part.unit);
      // Counts listed under a rate (覆盖率 with 其中 N 个) are examples, not a sum: only parts that are
      // added (partsSum) or that are amounts under an amount must measure what their total does.
      if (!own || !knownDifferent(own, total) || !(parent.partsSum || (own.additive && total.additive))) continue;
      report({
        messageId: 'part',
        data: { part: part.name, unit: part.unit ?? '', what: what(own), indicator: indicatorLabel(parent), totalUnit: parent.unit ?? '', totalWhat: what(total) },
        path: part.path.concat('unit'),
      });
    }
  }
  const ids = indicatorsById(plan);
  for (const ind of plan.allIndicators) {
    const mine = parseUnit(ind.unit);
    if (!mine) continue;
    for (const r of ind.relations) {
      const named = r.type === 'sum-of' ? r.indicators.map((id, i) => ({ id, path: [...r.path, 'indicators', i] })) : [{ id: r.indicator, path: [...r.path, 'indicator'] }];
      for (const { id, path } of named) {
        const other = ids.get(id);
        const theirs = parseUnit(other?.unit);
        if (!other || !theirs || !knownDifferent(mine, theirs)) continue;
        report({
          messageId: 'relation',
          data: { indicator: indicatorLabel(ind), unit: ind.unit ?? '', what: what(mine), other: indicatorLabel(other), otherUnit: other.unit ?? '', otherWhat: what(theirs) },
          path,
        });
      }
    }
  }
});
