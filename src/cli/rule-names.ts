import { distance } from 'fastest-levenshtein';
import { RULE_METAS } from '../engine/index.js';

/** The known rule names: the built-in rules and any from the loaded rule packs. */
export function knownRules(packRuleIds: readonly string[] = []): string[] {
  return [...RULE_METAS.map((m) => m.id), ...packRuleIds];
}

/** The known name a misspelt one most likely meant, when one is close enough to be a typo. */
function nearestRule(id: string, known: readonly string[] = knownRules()): string | undefined {
  // A name cut short (`yearly-sum`) means the rule it begins or is part of.
  const containing = known.filter((k) => k.includes(id)).sort((a, b) => a.length - b.length);
  if (id.length >= 4 && containing.length > 0) return containing[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(id, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  // A name sharing a part (`sum` in `yearly-sum-matches-overall`) is offered even when far by letters.
  if (best !== undefined && bestDistance <= Math.max(3, Math.floor(id.length / 3))) return best;
  return known.find((k) => id.split('-').some((part) => part.length >= 4 && k.includes(part)));
}

/** "No such rule", with the nearest name, in both languages. */
export function unknownRule(id: string, known: readonly string[] = knownRules()): string {
  const near = nearestRule(id, known);
  return near
    ? `没有名为“${id}”的规则,是否想写“${near}”?/ no rule named "${id}"; did you mean "${near}"?`
    : `没有名为“${id}”的规则(planlint rule <规则名> 查看说明,docs/rules.md 列出全部规则)/ no rule named "${id}" (docs/rules.md lists them all)`;
}
