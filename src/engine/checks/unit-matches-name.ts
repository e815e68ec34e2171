import { localized } from '../messages.js';
import { DIMENSION_WORDS, normalizeUnit, parseUnit } from '../measure.js';
import type { Measure } from '../measure.js';
import { defineRule } from '../rules.js';

/** A unit in brackets at the end of a name: "城镇新增就业人数(万人)", full-width brackets alike. */
const NAMED_UNIT = /[(（]([^()（）]+)[)）]\s*$/;
/** A name that ends as a rate does, once its bracketed unit is dropped. */
const RATE_NAME = /(率|占比|比例|比重)$/;
/** Dimensions a rate is never measured in: counts and amounts. */
const COUNTS = new Set<Measure['dimension']>(['people', 'person-times', 'households', 'money', 'area', 'length', 'count', 'places']);

/** A unit the name states agrees with the unit field: "(万人)" over `人`, or a 覆盖率 in 户, is flagged. */
export default defineRule('unit-matches-name', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
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
