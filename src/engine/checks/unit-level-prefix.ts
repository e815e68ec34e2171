import { listOf } from '../messages.js';
import { unitMentions } from '../model.js';
import { defineRule } from '../rules.js';

/** The level prefixes a unit name starts with: 区人社局 is 人社局 of the district. */
const LEVEL_PREFIXES = ['省', '市', '县', '区', '镇', '乡'];

/** One unit is not written both with and without its level prefix in one plan. */
export default defineRule('unit-level-prefix', ({ plan, report }) => {
  const mentions = unitMentions(plan);
  const names = new Set<string>();
  for (const u of plan.units) names.add(u.name);
  for (const { ref } of mentions) names.add(ref.name);
  const members = new Set(plan.units.filter((u) => u.member).map((u) => u.name));
  const prefixedOf = new Map<string, string[]>();
  for (const name of names) {
    // A bare name is at least two characters after its prefix (区局 is not 局 of the district).
    if (name.length < 3 || !LEVEL_PREFIXES.includes(name[0])) continue;
    const bare = name.slice(1);
    if (!names.has(bare) || members.has(bare)) continue;
    const list = prefixedOf.get(bare) ?? [];
    list.push(name);
    prefixedOf.set(bare, list);
  }
  if (prefixedOf.size === 0) return;
  for (const { ref } of mentions) {
    const prefixed = prefixedOf.get(ref.name);
    if (!prefixed) continue;
    report({
      messageId: 'withoutPrefix',
      data: { unit: ref.name, prefixed: listOf(prefixed) },
      path: ref.path,
      suggestions: prefixed.map((p) => ({ messageId: 'usePrefixed' as const, data: { unit: p }, operations: [{ op: 'set' as const, path: ref.path, value: p }] })),
    });
  }
});
