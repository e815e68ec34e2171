import { unitMentions } from '../model.js';
import { defineRule } from '../rules.js';
import { unitIndex } from './unit-index.js';

/** Lead units are on the plan's member list (成员单位), when it has one. */
export default defineRule('lead-unit-member', ({ plan, report }) => {
  if (!plan.units.some((u) => u.member)) return;
  const index = unitIndex(plan);
  for (const { ref, role } of unitMentions(plan)) {
    if (role !== 'lead') continue;
    const unit = index.byName.get(ref.name) ?? index.byAlias.get(ref.name);
    if (!unit || unit.member || unit.kind === 'group') continue;
    // A short form of a member's name is that member: unit-name-canonical asks for the full name.
    if (index.abbreviationOf(ref.name).some((u) => u.member)) continue;
    report({
      messageId: 'notMember',
      data: { unit: ref.name },
      path: ref.path,
      suggestions: [{ messageId: 'addMember', data: { unit: unit.name }, operations: [{ op: 'set', path: [...unit.path, 'member'], value: true }] }],
    });
  }
});
