import { localized } from '../messages.js';
import { unitMentions } from '../model.js';
import { matchRegister } from '../register.js';
import { defineRule } from '../rules.js';
import { unitIndex } from './unit-index.js';
import { nearIdentical, type Variance } from '../unit-variants.js';
import type { Localized } from '../types.js';

const DIFFERENCE: Record<Variance, Localized> = {
  brackets: localized('括号的全角/半角', 'full-width against half-width brackets'),
  space: localized('首尾或中间的空格', 'a leading, trailing or inner space'),
  nbsp: localized('不换行空格(NBSP)', 'a no-break space (NBSP)'),
  invisible: localized('不可见的零宽字符', 'an invisible zero-width character'),
  traditional: localized('繁体字与简体字', 'traditional against simplified characters'),
  stray: localized('一个多余的字符', 'one stray character'),
};

/** A unit name is not a near-identical spelling of a known one. */
export default defineRule('unit-name-near-identical', ({ plan, register, report }) => {
  const index = unitIndex(plan);
  if (plan.units.length === 0 && !register) return;
  const known = (name: string) => index.byName.has(name) || index.byAlias.has(name) || (register !== undefined && matchRegister(register, name) !== undefined);
  for (const { ref } of unitMentions(plan)) {
    const near = nearIdentical(ref.name, known);
    if (!near) continue;
    report({
      messageId: 'nearIdentical',
      data: { unit: ref.name, known: near.known, difference: DIFFERENCE[near.variance] },
      path: ref.path,
      fix: { messageId: 'useKnown', data: { known: near.known }, operations: [{ op: 'set', path: ref.path, value: near.known }] },
    });
  }
});
