import { formatNumber } from '../messages.js';
import type { Indicator, Target } from '../model.js';
import type { RuleCheck } from '../rules.js';
import { comparatorOf, eachTarget, indicatorLabel, satisfies } from './util.js';

/**
 * How messages name a baseline: "2020 年基期值 84.5", or "基期值 84.5" when the plan gives no year
 * (现有, 目前), so a missing year never leaves a gap in the sentence. The Chinese text carries its own
 * leading space, which a year needs after 低于/高于 and a Chinese word does not.
 */
function baselineData(b: Target): { base: string; baseEn: string; reached: string; reachedEn: string } {
  const v = formatNumber(b.value);
  return b.year === undefined
    ? { base: `基期值 ${v}`, baseEn: `the baseline ${v}`, reached: `基期已达到的 ${v}`, reachedEn: `the ${v} already reached at baseline` }
    : { base: ` ${b.year} 年基期值 ${v}`, baseEn: `the ${b.year} baseline ${v}`, reached: ` ${b.year} 年已达到的 ${v}`, reachedEn: `the ${v} already reached in ${b.year}` };
}

/** How a message names a target of `ind`: "2022年目标", or "总体目标". */
function targetLabel(ind: Indicator, target: Target): { zh: string; en: string } {
  return target === ind.overall ? { zh: '总体目标', en: 'the overall target' } : { zh: `${target.year}年目标`, en: `the ${target.year} target` };
}

/** A target meant to raise an indicator is not below its baseline (nor above one meant to fall). */
export const targetBeyondBaseline: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const b = ind.baseline;
    if (!b || (ind.direction !== 'raise' && ind.direction !== 'lower') || ind.kind === 'increment') continue;
    eachTarget(ind, (target) => {
      const wrong = ind.direction === 'raise' ? target.value < b.value : target.value > b.value;
      if (!wrong) return;
      const label = targetLabel(ind, target);
      report({
        messageId: ind.direction === 'raise' ? 'belowBaseline' : 'aboveBaseline',
        data: { indicator: indicatorLabel(ind), which: label.zh, whichEn: label.en, value: target.value, ...baselineData(b) },
        path: target.path,
      });
    });
  }
};

/** A ceiling is not looser, and a floor not lower, than the value the baseline already reached. */
export const boundLooserThanBaseline: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const b = ind.baseline;
    // With a stated direction, target-beyond-baseline judges; this rule reads intent from the comparator.
    if (!b || ind.direction === 'raise' || ind.direction === 'lower' || ind.kind === 'increment') continue;
    eachTarget(ind, (target) => {
      const c = comparatorOf(target, ind);
      const loose = (c === '<=' || c === '<') ? target.value > b.value : (c === '>=' || c === '>') ? target.value < b.value : false;
      if (!loose) return;
      const label = targetLabel(ind, target);
      report({
        messageId: c === '<=' || c === '<' ? 'looseCeiling' : 'lowFloor',
        data: { indicator: indicatorLabel(ind), which: label.zh, whichEn: label.en, value: target.value, ...baselineData(b) },
        path: target.path,
      });
    });
  }
};

/** Digits after the point, as written: 10 → 0, 6.3 → 1. */
function decimals(n: number): number {
  const s = formatNumber(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A stated growth rate matches the baseline and the target it leads to. */
export const growthMatchesTargets: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const g = ind.growth;
    const b = ind.baseline;
    if (!g || !b || b.year === undefined || b.value <= 0) continue;
    let to: Target | undefined;
    if (g.type === 'yoy') to = ind.yearly.find((t) => t.year === (b.year as number) + 1) ?? (ind.overall?.year === (b.year as number) + 1 ? ind.overall : undefined);
    // An increment's overall target is the period's total, not a year's value: the average runs to the last year.
    else to = ind.overall?.year !== undefined && ind.kind !== 'increment' ? ind.overall : ind.yearly[ind.yearly.length - 1];
    if (!to || to.year === undefined || to.year <= b.year) continue;
    const years = to.year - b.year;
    const implied = g.type === 'yoy' ? (to.value / b.value - 1) * 100 : (Math.pow(to.value / b.value, 1 / years) - 1) * 100;
    // The stated precision sets the tolerance: "10%" covers 9.5–10.5, "6.3%" covers 6.25–6.35.
    const tolerance = 0.5 * Math.pow(10, -decimals(g.percent)) + 1e-9;
    // "年均增长7%以上" is met by any faster growth; a plain rate must match within the tolerance.
    if (g.comparator ? satisfies(implied, g.comparator, g.percent, tolerance) : Math.abs(implied - g.percent) <= tolerance) continue;
    report({
      messageId: g.type === 'yoy' ? 'yoy' : 'average',
      data: {
        indicator: indicatorLabel(ind), from: b.value, fromYear: b.year, to: to.value, toYear: to.year,
        implied: formatNumber(Math.round(implied * 100) / 100), stated: g.percent,
      },
      path: g.path,
    });
  }
};

const SHARE_NAME = /率|占比|比例|比重|覆盖/;
// Growth rates, and gross ratios (毛入学率, 毛入园率: enrolment of any age over the age group), can pass 100%.
const NOT_SHARE = /增长|增速|增幅|提高|下降|毛入/;

/** Shares and coverage rates stay within 0–100%, and a floor at or above 100% is flagged. */
export const rateWithinBounds: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.unit !== '%' || !SHARE_NAME.test(ind.name) || NOT_SHARE.test(ind.name)) continue;
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
};
