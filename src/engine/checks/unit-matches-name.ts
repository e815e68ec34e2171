import { localized } from '../messages.js';
import { DIMENSION_WORDS, normalizeUnit, parseUnit } from '../measure.js';
import type { Measure } from '../measure.js';
import type { Indicator } from '../model.js';
import { defineRule, type RuleContext } from '../rules.js';
import { headlineValue } from './util.js';

/** A unit in brackets at the end of a name: "城镇新增就业人数(万人)", full-width brackets alike. */
const NAMED_UNIT = /[(（]([^()（）]+)[)）]\s*$/;
/** A name that ends as a rate does, once its bracketed unit is dropped. */
const RATE_NAME = /(率|占比|比例|比重)$/;
/** Dimensions a rate is never measured in: counts and amounts. */
const COUNTS = new Set<Measure['dimension']>(['people', 'person-times', 'households', 'money', 'area', 'length', 'count', 'places']);

/** A unit the name states agrees with the unit field: "(万人)" over `人`, or a 覆盖率 in 户, is flagged. */
export default defineRule('unit-matches-name', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    if (!ind.unit?.trim()) {
      countWithoutUnit(ind, report);
      continue;
    }
    const field = parseUnit(ind.unit);
    if (!field || ind.unit === undefined) continue;
    const bracket = NAMED_UNIT.exec(ind.name);
    const named = bracket ? parseUnit(bracket[1]) : undefined;
    // A bracket planlint cannot read as a unit ("(助理)", "(含民办)") is part of the name.
    if (bracket && named && named.dimension !== 'other') {
      const same = normalizeUnit(bracket[1]) === normalizeUnit(ind.unit) || (named.dimension === field.dimension && named.base === field.base && named.scale === field.scale);
      if (!same) {
        report({
          messageId: 'nameUnit',
          data: { name: ind.name, named: bracket[1], unit: ind.unit },
          path: ind.path.concat('unit'),
          // Which of the two is meant, only the figures tell: a suggestion, never a safe fix.
          suggestions: [{ messageId: 'useNamedUnit', data: { unit: bracket[1] }, operations: [{ op: 'set', path: ind.path.concat('unit'), value: bracket[1] }] }],
        });
      }
      continue;
    }
    const bare = ind.name.replace(NAMED_UNIT, '').trim();
    if (RATE_NAME.test(bare) && COUNTS.has(field.dimension)) {
      report({ messageId: 'rateInCount', data: { name: ind.name, unit: ind.unit, what: localized(...DIMENSION_WORDS[field.dimension]) }, path: ind.path.concat('unit') });
    }
  }
});

type Report = RuleContext<'unit-matches-name'>['report'];

/**
 * An increment or a running total with no unit at all ("新增城镇就业 8950"): a count the reader cannot
 * add or compare. A level may be an index or a score, and a part (其中) is read in its total's unit.
 * A unit the name states in brackets is offered as a suggestion.
 */
function countWithoutUnit(ind: Indicator, report: Report): void {
  if (ind.kind !== 'increment' && ind.kind !== 'cumulative') return;
  if (ind.parent?.unit?.trim()) return;
  if (RATE_NAME.test(ind.name.replace(NAMED_UNIT, '').trim())) return;
  const target = headlineValue(ind) ?? ind.baseline;
  if (!target) return;
  const bracket = NAMED_UNIT.exec(ind.name);
  const named = bracket?.[1] !== undefined && parseUnit(bracket[1])?.dimension !== 'other' ? bracket[1] : undefined;
  report({
    messageId: 'countNoUnit',
    data: { name: ind.name, value: target.value, what: ind.kind === 'increment' ? localized('新增量', 'an increment') : localized('累计数', 'a running total') },
    path: ind.path.concat('name'),
    ...(named ? { suggestions: [{ messageId: 'useNamedUnit', data: { unit: named }, operations: [{ op: 'set', path: ind.path.concat('unit'), value: named }] }] } : {}),
  });
}
