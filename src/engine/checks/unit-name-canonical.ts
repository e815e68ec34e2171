import { listOf } from '../messages.js';
import { unitMentions } from '../model.js';
import { defineRule } from '../rules.js';
import { unitIndex } from './unit-index.js';

/** A unit is named as declared: not by an alias, nor by an abbreviation of a declared name. */
export default defineRule('unit-name-canonical', ({ plan, report }) => {
  const index = unitIndex(plan);
  for (const { ref } of unitMentions(plan)) {
    const aliasOf = index.byName.has(ref.name) ? undefined : index.byAlias.get(ref.name);
    const candidates = aliasOf ? [aliasOf] : index.abbreviationOf(ref.name);
    if (candidates.length === 0) continue;
    const fixes = candidates.map((u) => ({ messageId: 'useDeclared' as const, data: { unit: u.name }, operations: [{ op: 'set' as const, path: ref.path, value: u.name }] }));
    report({
      messageId: aliasOf ? 'alias' : 'abbreviation',
      data: { unit: ref.name, declared: listOf(candidates.map((u) => u.name)) },
      path: ref.path,
      // One candidate is a safe fix; several are choices for a person.
      ...(fixes.length === 1 ? { fix: fixes[0] } : { suggestions: fixes }),
    });
  }
});
