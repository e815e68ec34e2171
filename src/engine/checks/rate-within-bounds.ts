import type { Target } from '../model.js';
import { parseUnit } from '../measure.js';
import { defineRule } from '../rules.js';
import { comparatorOf, eachTarget, indicatorLabel } from './util.js';

const SHARE_NAME = /率|占比|比例|比重|覆盖/;
// Growth rates, and gross ratios (毛入学率, 毛入园率: enrolment of any age over the age group), can pass 100%.
const NOT_SHARE = /增长|增速|增幅|提高|下降|毛入/;

/** Shares and coverage rates stay within 0–100%, and a floor at or above 100% is flagged. */
export default defineRule('rate-within-bounds', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    // ％ (full-width, as a Chinese input method types it) and % alike.
    if (parseUnit(ind.unit)?.dimension !== 'rate' || !SHARE_NAME.test(ind.name) || NOT_SHARE.test(ind.name)) continue;
    const judge = (t: Target) => {
      if (t.value < 0 || t.value > 100) {
        report({ messageId: 'outside', data: { indicator: indicatorLabel(ind), value: t.value }, path: t.path });
      } else if (t !== ind.baseline && t.value >= 100 && (comparatorOf(t, ind) === '>=' || comparatorOf(t, ind) === '>')) {
        report({ messageId: 'floorAt100', data: { indicator: indicatorLabel(ind), value: t.value }, path: t.path });
      }
    };
    if (ind.baseline) judge(ind.baseline);
    eachTarget(ind, judge);
  }
});
