import { listOf, localized } from '../messages.js';
import { unitMentions } from '../model.js';
import { matchRegister } from '../register.js';
import { defineRule } from '../rules.js';
import { unitIndex } from './unit-index.js';

/** A unit is first named by its official name in the register; a former name is flagged after its rename. */
export default defineRule('unit-register-form', ({ plan, register, report }) => {
  if (!register) return;
  const index = unitIndex(plan);
  const planYear = plan.issuedYear ?? plan.period?.start;
  const seen = new Set<string>();
  for (const { ref } of unitMentions(plan)) {
    // What the plan's own list explains (an alias, an abbreviation of a declared name) is unit-name-canonical's.
    if (!index.byName.has(ref.name) && (index.byAlias.has(ref.name) || index.abbreviationOf(ref.name).length > 0)) continue;
    const match = matchRegister(register, ref.name);
    if (!match) continue;
    const official = match.prefix + match.unit.name;
    if (match.form === 'name') {
      seen.add(official);
      continue;
    }
    const fix = { messageId: 'useOfficial' as const, data: { official }, operations: [{ op: 'set' as const, path: ref.path, value: official }] };
    if (match.former) {
      // A plan of the rename's own year may still be written under the old name.
      if (planYear === undefined || planYear <= match.former.year) continue;
      const successors = [official, ...match.alternatives.map((u) => match.prefix + u.name)];
      const data = { unit: ref.name, official: listOf(successors), year: match.former.year, planYear };
      // Several successors (国土资源局 became 自然资源局 here, 自然资源和规划局 there): choices for a person.
      if (successors.length > 1) {
        const suggestions = successors.map((s) => ({ messageId: 'useOfficial' as const, data: { official: s }, operations: [{ op: 'set' as const, path: ref.path, value: s }] }));
        report({ messageId: 'renamedSplit', data, path: ref.path, suggestions });
      } else report({ messageId: 'renamed', data, path: ref.path, fix });
      continue;
    }
    // Once named at its first use, a short form may follow, as official documents write it.
    if (seen.has(official) || index.byName.has(official)) continue;
    seen.add(official);
    const origin = match.unit.origin === 'default' ? localized('默认登记簿', 'the default register') : localized('本工作区登记簿', "this workspace's register");
    report({ messageId: 'shortForm', data: { unit: ref.name, official, origin }, path: ref.path, fix });
  }
});
