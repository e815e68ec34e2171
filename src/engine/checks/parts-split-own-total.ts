import { formatNumber, localized } from '../messages.js';
import { defineRule } from '../rules.js';
import { partNamesSibling, partsSplitSibling } from '../queries.js';
import { indicatorLabel } from './util.js';

/** A 其中 splits the total it follows, not another indicator beside it. */
export default defineRule('parts-split-own-total', ({ plan, report }) => {
  for (const parent of plan.allIndicators) {
    const splits = partsSplitSibling(parent);
    for (const { total, pieces, year, sum, sibling } of splits) {
      const when = year === undefined ? localized('总体目标', 'overall target') : localized(`${year}年目标`, `${year} target`);
      report({
        messageId: 'sumIsSibling',
        data: { indicator: indicatorLabel(parent), sum, terms: pieces.map((p) => formatNumber(p.value)).join(' + '), total: total.value, when, sibling: sibling.name },
        path: total.path,
      });
    }
    // Parts that split a sibling's figure are one finding; their names are not judged one by one.
    if (splits.length > 0) continue;
    for (const part of parent.parts) {
      const named = partNamesSibling(part);
      if (!named) continue;
      report({
        messageId: 'namesSibling',
        data: { indicator: indicatorLabel(parent), part: part.name, noun: named.noun, sibling: named.sibling.name },
        path: part.path.concat('name'),
        target: 'value',
      });
    }
  }
});
