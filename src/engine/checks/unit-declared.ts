import { listOf } from '../messages.js';
import { unitMentions } from '../model.js';
import { defineRule } from '../rules.js';
import { nearIdentical } from '../unit-variants.js';
import { splitUnitList } from '../words.js';
import { unitIndex } from './unit-index.js';
import { nearestName } from './util.js';

/** Every lead and responsible unit is declared. */
export default defineRule('unit-declared', ({ plan, report }) => {
  const index = unitIndex(plan);
  const listed = (name: string) => index.byName.has(name) || index.byAlias.has(name);
  for (const { ref } of unitMentions(plan)) {
    // Several units written as one item ("县住建局、县代建中心"): an unsplit list, not an undeclared unit.
    // Splitting is safe when every part is declared, or the plan declares none; else a suggestion.
    if (listed(ref.name)) continue;
    const parts = splitUnitList(ref.name);
    if (parts.length > 1) {
      const undeclared = plan.declaresUnits ? parts.filter((p) => !listed(p)) : [];
      const split = { messageId: 'split' as const, data: { parts: listOf(parts), count: parts.length }, operations: [{ op: 'split' as const, path: ref.path, parts }] };
      const data = { unit: ref.name, count: parts.length, parts: listOf(parts), undeclared: listOf(undeclared) };
      if (undeclared.length === 0) report({ messageId: 'unsplit', data, path: ref.path, fix: split });
      else report({ messageId: 'unsplitUndeclared', data, path: ref.path, suggestions: [split] });
      continue;
    }
    if (!plan.declaresUnits) continue;
    // A name that abbreviates a declared one is unit-name-canonical's finding, with its fix.
    if (index.abbreviationOf(ref.name).length > 0) continue;
    // So is a near-identical spelling of a declared name that unit-name-near-identical fixes.
    if (nearIdentical(ref.name, (n) => index.byName.has(n) || index.byAlias.has(n))) continue;
    const declare = { messageId: 'declare' as const, data: { unit: ref.name }, operations: [{ op: 'insert' as const, path: ['units'], value: { name: ref.name } }] };
    const near = nearestName(ref.name, plan.units.map((u) => u.name));
    if (near === undefined) {
      report({ messageId: 'undeclared', data: { unit: ref.name }, path: ref.path, suggestions: [declare] });
      continue;
    }
    // A likely typo: the listed name first, then declaring the new one, as the drafter decides.
    report({
      messageId: 'undeclaredNear',
      data: { unit: ref.name, near },
      path: ref.path,
      suggestions: [{ messageId: 'rename', data: { near }, operations: [{ op: 'set', path: ref.path, value: near }] }, declare],
    });
  }
});
