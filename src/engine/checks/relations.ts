import type { Indicator, Target } from '../model.js';
import type { RuleCheck } from '../rules.js';
import { approxEqual, headlineValue, indicatorLabel, sum, indicatorsById } from './util.js';

/** Units whose values add up: counts and amounts, not rates or per-capita figures. */
function additive(unit: string | undefined): boolean {
  return unit !== undefined && unit !== '%' && !unit.includes('/') && !unit.includes('‰');
}

/** Pairs of a parent's and a part's targets for the same year (or both overall). */
function samePoints(parent: Indicator, part: Indicator): { total: Target; piece: Target; label: { zh: string; en: string } }[] {
  const out: { total: Target; piece: Target; label: { zh: string; en: string } }[] = [];
  for (const t of part.yearly) {
    const total = parent.yearly.find((p) => p.year === t.year);
    if (total) out.push({ total, piece: t, label: { zh: `${t.year}年`, en: `in ${t.year}` } });
  }
  if (part.overall && parent.overall) out.push({ total: parent.overall, piece: part.overall, label: { zh: '总体目标', en: 'overall' } });
  if (part.baseline && parent.baseline && part.baseline.year === parent.baseline.year) {
    out.push({ total: parent.baseline, piece: part.baseline, label: { zh: '基期', en: 'at baseline' } });
  }
  return out;
}

/** A part (其中) does not exceed its total. */
export const partsWithinTotal: RuleCheck = ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    if (!additive(parent.unit)) continue;
    for (const part of parent.parts) {
      if ((part.unit ?? parent.unit) !== parent.unit) continue;
      for (const { total, piece, label } of samePoints(parent, part)) {
        if (piece.value <= total.value || approxEqual(piece.value, total.value)) continue;
        report({
          messageId: 'exceeds',
          data: { part: part.name, value: piece.value, total: total.value, indicator: indicatorLabel(parent), when: label.zh, whenEn: label.en },
          path: piece.path,
        });
      }
    }
  }
};

/** Parts marked `partsSum: true` add up to their total. */
export const partsSumToTotal: RuleCheck = ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    if (!parent.partsSum || parent.parts.length === 0) continue;
    // Parts in another unit (人 under 万人, a share in %) are not added to the total as printed.
    if (parent.parts.some((p) => (p.unit ?? parent.unit) !== parent.unit)) continue;
    const checks: { total: Target; pieces: Target[]; label: { zh: string; en: string } }[] = [];
    if (parent.overall && parent.parts.every((p) => p.overall)) {
      checks.push({ total: parent.overall, pieces: parent.parts.map((p) => p.overall as Target), label: { zh: '总体目标', en: 'overall' } });
    }
    for (const t of parent.yearly) {
      const pieces = parent.parts.map((p) => p.yearly.find((y) => y.year === t.year));
      if (pieces.every(Boolean)) checks.push({ total: t, pieces: pieces as Target[], label: { zh: `${t.year}年`, en: `in ${t.year}` } });
    }
    for (const { total, pieces, label } of checks) {
      const s = sum(pieces.map((p) => p.value));
      if (approxEqual(s, total.value)) continue;
      report({
        messageId: 'mismatch',
        data: { indicator: indicatorLabel(parent), sum: s, terms: pieces.map((p) => p.value).join(' + '), total: total.value, when: label.zh, whenEn: label.en },
        path: total.path,
        suggestions: [{ messageId: 'setTotal', data: { sum: s }, operations: [{ op: 'set', path: total.path, value: s }] }],
      });
    }
  }
};

/** "At least k times another" relations hold, and name an existing indicator. */
export const relationAtLeastTimes: RuleCheck = ({ plan, report }) => {
  const ids = indicatorsById(plan);
  for (const ind of plan.allIndicators) {
    for (const r of ind.relations) {
      if (r.type !== 'at-least-times') continue;
      const other = ids.get(r.indicator);
      if (!other) {
        report({ messageId: 'unknown', data: { id: r.indicator }, path: [...r.path, 'indicator'] });
        continue;
      }
      const mine = headlineValue(ind);
      const theirs = headlineValue(other);
      if (!mine || !theirs) continue;
      const needed = theirs.value * r.factor;
      if (mine.value >= needed || approxEqual(mine.value, needed)) continue;
      report({
        messageId: 'tooLow',
        data: { indicator: indicatorLabel(ind), value: mine.value, other: indicatorLabel(other), otherValue: theirs.value, factor: r.factor, needed },
        path: mine.path,
      });
    }
  }
};

/** "Equals the sum of others" relations hold, and name existing indicators. */
export const relationSumOf: RuleCheck = ({ plan, report }) => {
  const ids = indicatorsById(plan);
  for (const ind of plan.allIndicators) {
    for (const r of ind.relations) {
      if (r.type !== 'sum-of') continue;
      const others = r.indicators.map((id) => ids.get(id));
      // One finding per unknown id, on its own entry, so each message names a single indicator.
      r.indicators.forEach((id, i) => {
        if (!others[i]) report({ messageId: 'unknown', data: { id }, path: [...r.path, 'indicators', i] });
      });
      if (others.some((o) => !o)) continue;
      const mine = headlineValue(ind);
      const values = others.map((o) => headlineValue(o as Indicator));
      if (!mine || values.some((v) => !v)) continue;
      // Figures in different units (1.2 万人 against 8000 人) do not add as printed; the fix would corrupt them.
      if (others.some((o) => o?.unit !== undefined && ind.unit !== undefined && o.unit !== ind.unit)) continue;
      const s = sum(values.map((v) => (v as Target).value));
      if (approxEqual(s, mine.value)) continue;
      report({
        messageId: 'mismatch',
        data: { indicator: indicatorLabel(ind), value: mine.value, sum: s, terms: values.map((v) => (v as Target).value).join(' + ') },
        path: mine.path,
        suggestions: [{ messageId: 'setValue', data: { sum: s }, operations: [{ op: 'set', path: mine.path, value: s }] }],
      });
    }
  }
};
