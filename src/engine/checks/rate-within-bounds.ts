import { localized } from '../messages.js';
import type { Target } from '../model.js';
import { boundsOf, parseUnit } from '../measure.js';
import { defineRule } from '../rules.js';
import { comparatorOf, eachTarget, indicatorLabel } from './util.js';

const SHARE_NAME = /率|占比|比例|比重|覆盖/;
// Growth rates are changes: they may fall below zero or pass any bound.
const CHANGE_NAME = /增长|增速|增幅|提高|下降/;

/**
 * Shares and coverage rates stay within 0–100% (but the gross ratios the options name), per-mille
 * rates within 0–1000‰, ratios per 100,000 within 0–100000 and densities at or above 0; a floor at
 * or above 100% is flagged; 百分点 is a change of a rate, never a level, and no change passes 100.
 */
export default defineRule('rate-within-bounds', ({ plan, options, report }) => {
  const gross = ((options.grossRatios as string[] | undefined) ?? []).filter((w) => w !== '');
  for (const ind of plan.allIndicators) {
    // ％ (full-width, as a Chinese input method types it) and % alike.
    const m = parseUnit(ind.unit);
    if (!m) continue;
    const label = indicatorLabel(ind);
    if (m.dimension === 'points') {
      if (ind.kind === 'level') report({ messageId: 'pointsLevel', data: { indicator: label, unit: ind.unit ?? '' }, path: ind.path.concat('unit') });
      eachTarget(ind, (t) => {
        if (Math.abs(t.value) > 100) report({ messageId: 'pointsOver100', data: { indicator: label, value: t.value }, path: t.path });
      });
      continue;
    }
    const bounds = boundsOf(m);
    if (!bounds || CHANGE_NAME.test(ind.name)) continue;
    if (m.dimension === 'rate' && (!SHARE_NAME.test(ind.name) || gross.some((w) => ind.name.includes(w)))) continue;
    const judge = (t: Target) => {
      const { min, max } = bounds;
      if (m.dimension === 'rate' && (t.value < min || t.value > (max ?? Infinity))) {
        report({ messageId: 'outside', data: { indicator: label, value: t.value }, path: t.path });
      } else if (t.value < min || t.value > (max ?? Infinity)) {
        const range = max === undefined ? localized(`不小于 ${min}`, `at least ${min}`) : localized(`${min}—${max}`, `${min}–${max}`);
        report({ messageId: 'outsideRange', data: { indicator: label, value: t.value, unit: ind.unit ?? '', range }, path: t.path });
      } else if (m.dimension === 'rate' && t !== ind.baseline && t.value >= 100 && (comparatorOf(t, ind) === '>=' || comparatorOf(t, ind) === '>')) {
        report({ messageId: 'floorAt100', data: { indicator: label, value: t.value }, path: t.path });
      }
    };
    if (ind.baseline) judge(ind.baseline);
    eachTarget(ind, judge);
  }
});
