import { formatNumber } from '../messages.js';
import type { RuleCheck } from '../rules.js';
import { approxEqual, comparatorOf, comparatorWords, indicatorLabel, satisfies, sum, yearTerms } from './util.js';

/** Increments: the yearly targets add up to the overall target. */
export const yearlySumMatchesOverall: RuleCheck = ({ plan, options, report }) => {
  const tolerance = Number(options.tolerance ?? 0);
  for (const ind of plan.allIndicators) {
    if (ind.kind !== 'increment' || !ind.overall || ind.yearly.length < 2) continue;
    const total = sum(ind.yearly.map((t) => t.value));
    const comparator = comparatorOf(ind.overall, ind);
    // A floor ("15所以上") is met by any larger sum; a ceiling by any smaller one.
    if (satisfies(total, comparator, ind.overall.value, tolerance)) continue;
    const terms = yearTerms(ind.yearly);
    const last = ind.yearly[ind.yearly.length - 1];
    const lastNeeded = last.value + (ind.overall.value - total);
    const words = comparatorWords(comparator);
    report({
      messageId: 'mismatch',
      data: {
        indicator: indicatorLabel(ind), sum: total, terms: terms.zh, termsEn: terms.en, total: ind.overall.value,
        relation: words.zh, relationEn: words.en,
      },
      path: ind.overall.path,
      suggestions: [
        { messageId: 'setOverall', data: { sum: total }, operations: [{ op: 'set', path: ind.overall.path, value: total }] },
        ...(lastNeeded >= 0
          ? [{ messageId: 'setLastYear', data: { year: last.year ?? '', value: lastNeeded }, operations: [{ op: 'set' as const, path: last.path, value: lastNeeded }] }]
          : []),
      ],
    });
  }
};

/** Running totals (累计): never fall, and the last year reaches the overall target. */
export const cumulativeEndsOnOverall: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.kind !== 'cumulative' || ind.yearly.length === 0) continue;
    for (let i = 1; i < ind.yearly.length; i++) {
      const prev = ind.yearly[i - 1];
      const cur = ind.yearly[i];
      if (cur.value < prev.value) {
        report({
          messageId: 'falls',
          data: { indicator: indicatorLabel(ind), year: cur.year ?? '', value: cur.value, prevYear: prev.year ?? '', prev: prev.value },
          path: cur.path,
        });
      }
    }
    const last = ind.yearly[ind.yearly.length - 1];
    const o = ind.overall;
    if (!o || (o.year !== undefined && o.year !== last.year)) continue;
    const comparator = comparatorOf(o, ind);
    if (satisfies(last.value, comparator, o.value)) continue;
    // With a floor ("累计…以上") a larger total is fine, so the message says which way it must go.
    const words = comparatorWords(comparator);
    report({
      messageId: 'endMismatch',
      data: { indicator: indicatorLabel(ind), year: last.year ?? '', value: last.value, total: o.value, relation: words.zh, relationEn: words.en },
      path: o.path,
      suggestions: [
        { messageId: 'setOverall', data: { value: last.value }, operations: [{ op: 'set', path: o.path, value: last.value }] },
        { messageId: 'setLastYear', data: { year: last.year ?? '', value: o.value }, operations: [{ op: 'set', path: last.path, value: o.value }] },
      ],
    });
  }
};

/** Levels: the target for the overall target's year meets it under its comparator. */
export const levelMeetsOverall: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.kind !== 'level' || !ind.overall || ind.yearly.length === 0) continue;
    const o = ind.overall;
    const target = o.year !== undefined ? ind.yearly.find((t) => t.year === o.year) : ind.yearly[ind.yearly.length - 1];
    if (!target) continue;
    const comparator = comparatorOf(o, ind);
    if (satisfies(target.value, comparator, o.value)) continue;
    const words = comparatorWords(comparator);
    report({
      messageId: 'misses',
      data: { indicator: indicatorLabel(ind), year: target.year ?? '', value: target.value, total: o.value, relation: words.zh, relationEn: words.en },
      path: target.path,
      suggestions: [{ messageId: 'setYear', data: { year: target.year ?? '', value: o.value }, operations: [{ op: 'set', path: target.path, value: o.value }] }],
    });
  }
};

/** The yearly path moves the way the indicator is meant to move. */
export const yearlyPathDirection: RuleCheck = ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (ind.kind === 'increment' || ind.kind === 'cumulative') continue;
    const direction = ind.direction;
    if (direction !== 'raise' && direction !== 'lower') continue;
    // The step from the baseline is target-vs-baseline's to judge; this rule looks at the years.
    const points = ind.yearly;
    for (let i = 1; i < points.length; i++) {
      const prev = points[i - 1];
      const cur = points[i];
      const wrong = direction === 'raise' ? cur.value < prev.value : cur.value > prev.value;
      if (!wrong || approxEqual(cur.value, prev.value)) continue;
      report({
        messageId: direction === 'raise' ? 'falls' : 'rises',
        data: { indicator: indicatorLabel(ind), year: cur.year ?? '', value: formatNumber(cur.value), prevYear: prev.year ?? '', prev: formatNumber(prev.value) },
        path: cur.path,
      });
    }
  }
};
