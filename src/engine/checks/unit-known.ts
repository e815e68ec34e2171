import { unitMentions } from '../model.js';
import { matchRegister } from '../register.js';
import { defineRule } from '../rules.js';
import { nearIdentical } from '../unit-variants.js';

/** In a plan with no member list, each unit name is in the workspace's unit register. */
export default defineRule('unit-known', ({ plan, register, report }) => {
  // Only a register configured on purpose: the default one alone would flag every local body it lacks.
  if (!register?.explicit || plan.declaresUnits) return;
  const known = (name: string) => matchRegister(register, name) !== undefined;
  for (const { ref } of unitMentions(plan)) {
    // Placeholders for many units (各镇(街道), 各成员单位) name no one body.
    if (ref.name.startsWith('各') || known(ref.name)) continue;
    // A near-identical spelling is unit-name-near-identical's finding, with its fix.
    if (nearIdentical(ref.name, known)) continue;
    report({ messageId: 'unknown', data: { unit: ref.name }, path: ref.path });
  }
});
