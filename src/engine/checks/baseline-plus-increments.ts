import { defineRule } from '../rules.js';
import { approxEqual, comparatorOf, eachTarget, inUnit, indicatorLabel, indicatorsById, satisfies, termWithUnit } from './util.js';

/**
 * A stock plus its increments reaches the level stated for it: 现有40所 + 每年新增5所 × 3年 = 55所.
 * The increment indicator names its stock with `relations: [{ type: adds-to, indicator: <id> }]`.
 */
export default defineRule('baseline-plus-increments', ({ plan, report }) => {
  const ids = indicatorsById(plan);
  for (const inc of plan.allIndicators) {
    for (const r of inc.relations) {
      if (r.type !== 'adds-to') continue;
      const stock = ids.get(r.indicator);
      if (!stock) {
        report({ messageId: 'unknown', data: { id: r.indicator }, path: [...r.path, 'indicator'] });
        continue;
      }
      const base = stock.baseline;
      // Increments in another scale (万平方米 added to a stock in 平方米) are converted to the stock's.
      if (!base || inc.yearly.length === 0 || inUnit(1, inc.unit, stock.unit) === undefined) continue;
      const addedValue = (v: number) => inUnit(v, inc.unit, stock.unit) as number;
      // Each year the stock states, and the overall target, against baseline + increments so far.
      eachTarget(stock, (t) => {
        const year = t.year ?? inc.yearly[inc.yearly.length - 1].year;
        const added = inc.yearly.filter((y) => (y.year ?? 0) <= (year ?? 0));
        if (added.length === 0) return;
        const reached = Number((base.value + added.reduce((a, y) => a + addedValue(y.value), 0)).toPrecision(12));
        if (satisfies(reached, comparatorOf(t, stock), t.value) || approxEqual(reached, t.value)) return;
        report({
          messageId: 'mismatch',
          data: {
            stock: indicatorLabel(stock), base: base.value, added: added.map((y) => termWithUnit(y.value, inc.unit, stock.unit)).join(' + '),
            reached, year: year ?? '', target: t.value,
          },
          path: t.path,
        });
      });
    }
  }
});
