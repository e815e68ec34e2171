import { unitMentions } from '../model.js';
import { defineRule } from '../rules.js';
import { nearIdentical } from '../unit-variants.js';
import { unitIndex } from './unit-index.js';

/** Every lead and responsible unit is declared. */
export default defineRule('unit-declared', ({ plan, report }) => {
  if (!plan.declaresUnits) return;
  const index = unitIndex(plan);
  for (const { ref } of unitMentions(plan)) {
    if (index.byName.has(ref.name) || index.byAlias.has(ref.name)) continue;
    // A name that abbreviates a declared one is unit-name-canonical's finding, with its fix.
    if (index.abbreviationOf(ref.name).length > 0) continue;
    // So is a near-identical spelling of a declared name that unit-name-near-identical fixes.
    if (nearIdentical(ref.name, (n) => index.byName.has(n) || index.byAlias.has(n))) continue;
    report({
      messageId: 'undeclared',
      data: { unit: ref.name },
      path: ref.path,
      suggestions: [{ messageId: 'declare', data: { unit: ref.name }, operations: [{ op: 'insert', path: ['units'], value: { name: ref.name } }] }],
    });
  }
});
