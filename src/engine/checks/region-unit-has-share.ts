import { localized } from '../messages.js';
import type { Plan, Region, RegionSplit, Section, Task, UnitRef } from '../model.js';
import { mergedMembers, regionOf } from '../regions.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { indicatorLabel } from './util.js';

/** A unit named for a task and the role it is named in. */
interface Named {
  ref: UnitRef;
  role: Localized;
}

const ROLES = {
  lead: localized('牵头单位', 'lead units'),
  responsible: localized('责任单位', 'responsible units'),
  cooperating: localized('协办(配合)单位', 'cooperating units'),
};

/** The units a task names, its own and its sections' (a section's 协办单位 cooperate on each of its tasks). */
function namedUnits(task: Task): Named[] {
  const out: Named[] = [];
  const owners: (Task | Section)[] = [task];
  for (let s: Section | undefined = task.section; s; s = s.parent) owners.push(s);
  for (const o of owners) {
    for (const key of ['lead', 'responsible', 'cooperating'] as const) for (const ref of o[key]) out.push({ ref, role: ROLES[key] });
  }
  return out;
}

/** The declared region a unit's name names: 十堰经济开发区, or 丹江口市 for 丹江口市人民政府. */
function regionOfUnit(plan: Plan, name: string): Region | undefined {
  const bare = name.replace(/(人民政府|政府)$/, '');
  return plan.regions.find((r) => r.name === name || r.name === bare);
}

/** Whether a split gives the region a value: its own, or a merged column's that holds it. */
function hasShare(plan: Plan, split: RegionSplit, region: Region): boolean {
  return split.values.some((v) => {
    const r = regionOf(plan, v.key);
    return r === region || (r !== undefined && mergedMembers(plan, r).includes(region));
  });
}

/** A region the task names as its unit has a value in each of the task's breakdowns by region that gives several regions one. */
export default defineRule('region-unit-has-share', ({ plan, report }) => {
  if (plan.regions.length === 0) return;
  for (const task of plan.allTasks) {
    const named = namedUnits(task)
      .map((n) => ({ ...n, region: regionOfUnit(plan, n.ref.name) }))
      .filter((n): n is Named & { region: Region } => n.region !== undefined);
    if (named.length === 0) continue;
    for (const ind of task.indicators) {
      for (const split of ind.byRegion) {
        if (split.values.length < 2) continue;
        const when: Localized = split.year === undefined ? localized('总体目标', 'overall') : localized(`${split.year}年`, `${split.year}`);
        const seen = new Set<Region>();
        for (const n of named) {
          if (seen.has(n.region) || hasShare(plan, split, n.region)) continue;
          seen.add(n.region);
          const regions = split.values.map((v) => regionOf(plan, v.key)?.name ?? v.key);
          report({
            messageId: 'noShare',
            data: { unit: n.ref.name, role: n.role, indicator: indicatorLabel(ind), when, count: regions.length, regions: localized(regions.join('、'), regions.join(', ')) },
            path: split.path,
            target: 'key',
          });
        }
      }
    }
  }
});
