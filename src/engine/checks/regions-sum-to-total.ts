import { parseUnit } from '../measure.js';
import { localized } from '../messages.js';
import type { Indicator, Plan, RegionSplit, RegionValue } from '../model.js';
import { mergedMembers, regionLabel, regionOf, splitTotal } from '../regions.js';
import { approxSlack } from '../queries.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { approxEqual, comparatorOf, inUnit, indicatorLabel, sum, termWithUnit } from './util.js';

/** A value of the split given both to a merged region and to one of the regions it joins. */
interface DoubleCount {
  member: RegionValue;
  merged: string;
}

/** The members of a split's merged regions that the split also gives a value of their own. */
function doubleCounts(plan: Plan, split: RegionSplit): DoubleCount[] {
  const out: DoubleCount[] = [];
  for (const v of split.values) {
    const region = regionOf(plan, v.key);
    if (!region || region.merged.length === 0) continue;
    for (const member of mergedMembers(plan, region)) {
      const own = split.values.find((w) => regionOf(plan, w.key) === member);
      if (own) out.push({ member: own, merged: region.name });
    }
  }
  return out;
}

/** Whether an indicator's values add up: not a level, and not in a unit that never adds (%, 元/月, 张/千人). */
function additive(ind: Indicator): boolean {
  return ind.kind !== 'level' && parseUnit(ind.unit)?.additive !== false;
}

/** A split's values, by region, add up to the target it splits; a merged region and its members are not both given values. */
export default defineRule('regions-sum-to-total', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    for (const split of ind.byRegion) {
      const when: Localized = split.year === undefined ? localized('总体目标', 'overall') : localized(`${split.year}年`, `in ${split.year}`);
      const doubles = doubleCounts(plan, split);
      for (const { member, merged } of doubles) {
        report({
          messageId: 'doubleCounted',
          data: { indicator: indicatorLabel(ind), when, region: regionLabel(plan, member.key), merged, value: termWithUnit(member.value, member.unit, ind.unit) },
          path: member.keyPath,
          target: 'key',
        });
      }
      // A double count already explains a wrong sum: one finding, on the value counted twice.
      if (doubles.length > 0 || !additive(ind)) continue;
      const total = splitTotal(ind, split);
      if (!total) continue;
      const units = split.values.map((v) => v.unit ?? ind.unit);
      const converted = split.values.map((v, i) => inUnit(v.value, units[i], ind.unit));
      // A value that measures another thing (户 beside 万人) is not added: it is the finding, not the sum.
      const strays = split.values.filter((_, i) => converted[i] === undefined);
      for (const v of strays) {
        report({ messageId: 'unitMismatch', data: { indicator: indicatorLabel(ind), region: regionLabel(plan, v.key), value: termWithUnit(v.value, v.unit, ind.unit), unit: ind.unit ?? '' }, path: v.keyPath, target: 'key' });
      }
      if (strays.length > 0) continue;
      const s = Number(sum(converted as number[]).toPrecision(12));
      const diff = Number((total.value - s).toPrecision(12));
      // An approximate total (约, 左右) is met within 10% of it.
      if (approxEqual(s, total.value, approxSlack(total, []))) continue;
      // Regions each "at least" their share meet a total "at least" theirs whenever they add up to it or more.
      const c = comparatorOf(total, ind);
      if (((c === '>=' || c === '>') && diff < 0) || ((c === '<=' || c === '<') && diff > 0)) continue;
      const regionFixes = split.values.flatMap((v, i) => {
        const value = Number((v.value + (inUnit(diff, ind.unit, units[i]) as number)).toPrecision(12));
        if (value < 0) return [];
        const region = regionLabel(plan, v.key);
        return [{ messageId: 'setRegion' as const, data: { region, value: termWithUnit(value, units[i], ind.unit) }, operations: [{ op: 'set' as const, path: v.path, value }] }];
      });
      report({
        messageId: 'mismatch',
        data: {
          indicator: indicatorLabel(ind), when, sum: s, total: total.value,
          terms: split.values.map((v, i) => `${regionLabel(plan, v.key)} ${termWithUnit(v.value, units[i], ind.unit)}`).join(' + '),
          diff: Math.abs(diff), side: diff > 0 ? localized('少', 'short') : localized('多', 'over'),
        },
        path: total.path,
        suggestions: [{ messageId: 'setTotal', data: { sum: s }, operations: [{ op: 'set', path: total.path, value: s }] }, ...regionFixes],
      });
    }
  }
});
