import { DIMENSION_WORDS, parseUnit } from '../measure.js';
import { formatNumber, localized } from '../messages.js';
import type { Indicator } from '../model.js';
import { actualProgress, roundHalfUp } from '../queries.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { indicatorLabel } from './util.js';

/** Status words that claim the target is reached: 已完成, 完成, 全面完成, 已全部完成, 已达标. */
const DONE = /^(已?(全面|全部)?完成|已?达标|已达到目标)$/;

/** Which target the actual was measured against, in words. */
function targetWords(ind: Indicator, year: number | undefined): Localized {
  return year !== undefined && ind.yearly.some((t) => t.year === year) ? localized(`${year}年目标`, `the ${year} target`) : localized('总体目标', 'the overall target');
}

/** What a unit measures; for an amount per something (元/月, 元/人), per what, since that is what differs. */
function what(unit: string | undefined): Localized {
  const m = parseUnit(unit);
  if (!m) return localized('未知', 'unknown');
  const per = m.dimension === 'money-per' ? m.base.split('/').slice(1).join('/') : '';
  return per ? localized(`每${per}的金额`, `an amount per ${per}`) : localized(...DIMENSION_WORDS[m.dimension]);
}

/** 完成情况: the printed completion rate, the actual's unit and a 已完成 status agree with the target. */
export default defineRule('actual-matches-target', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const p = actualProgress(ind);
    if (!p) continue;
    const { actual, target } = p;
    const amount = (v: number) => `${formatNumber(v)}${ind.unit ?? ''}`;
    if (p.unitsDiffer) {
      report({
        messageId: 'unitDiffers',
        data: { indicator: indicatorLabel(ind), actualUnit: actual.unit ?? '', actualWhat: what(actual.unit), unit: ind.unit ?? '', what: what(ind.unit) },
        path: actual.path.concat('unit'),
      });
      continue;
    }
    if (!target) continue;
    const targetText = targetWords(ind, actual.year);
    if (actual.percent !== undefined && p.rate !== undefined && p.expectedPercent !== undefined && Math.abs(p.expectedPercent - actual.percent) > 1e-9) {
      const digits = String(actual.percent).split('.')[1]?.length ?? 0;
      report({
        messageId: 'percentMismatch',
        data: {
          indicator: indicatorLabel(ind), printed: actual.percent, value: amount(p.value ?? 0), target: targetText, targetValue: amount(target.value),
          rate: roundHalfUp(p.rate, Math.max(2, digits + 1)), expected: p.expectedPercent,
          digits: digits === 0 ? localized('整数', 'a whole number') : localized(`${digits}位小数`, digits === 1 ? '1 decimal place' : `${digits} decimal places`),
        },
        path: actual.path.concat('percent'),
        suggestions: [{ messageId: 'setPercent', data: { expected: p.expectedPercent }, operations: [{ op: 'set', path: actual.path.concat('percent'), value: p.expectedPercent }] }],
      });
    }
    if (actual.status !== undefined && DONE.test(actual.status.trim()) && p.reached === false) {
      report({
        messageId: 'doneNotReached',
        data: {
          indicator: indicatorLabel(ind), status: actual.status,
          actual: p.value !== undefined
            ? localized(`实际完成 ${amount(p.value)}`, `the actual ${amount(p.value)}`)
            : localized(`完成率 ${formatNumber(actual.percent ?? 0)}%`, `the rate of ${formatNumber(actual.percent ?? 0)}%`), target: targetText, targetValue: amount(target.value),
        },
        path: actual.path.concat('status'),
      });
    }
  }
});
