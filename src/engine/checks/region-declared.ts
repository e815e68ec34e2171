import { regionOf } from '../regions.js';
import { defineRule } from '../rules.js';
import { indicatorLabel, nearestName } from './util.js';

/** Every key of an indicator's `byRegion` names a region of the plan's `regions`, which lists each region once. */
export default defineRule('region-declared', ({ plan, report }) => {
  const ids = plan.regions.map((r) => r.id);
  const names = plan.regions.map((r) => r.name);
  plan.regions.forEach((r, i) => {
    const id = ids.indexOf(r.id);
    const name = names.indexOf(r.name);
    if (id < i) report({ messageId: 'duplicate', data: { region: r.id, first: id + 1 }, path: r.path.concat('id') });
    else if (name < i) report({ messageId: 'duplicate', data: { region: r.name, first: name + 1 }, path: r.path.concat('name') });
  });
  for (const ind of plan.allIndicators) {
    if (ind.byRegion.length === 0) continue;
    if (plan.regions.length === 0) {
      const keys = new Set(ind.byRegion.flatMap((s) => s.values.map((v) => v.key)));
      report({ messageId: 'noRegions', data: { indicator: indicatorLabel(ind), count: keys.size }, path: ind.path.concat('byRegion'), target: 'key' });
      continue;
    }
    for (const split of ind.byRegion) {
      for (const v of split.values) {
        if (regionOf(plan, v.key)) continue;
        // An id is matched against ids (haishu, haisu), a name against names (海曙区, 海署区).
        const nearId = nearestName(v.key, ids);
        const near = nearId ?? nearestName(v.key, names);
        if (near === undefined) {
          report({ messageId: 'unknown', data: { indicator: indicatorLabel(ind), region: v.key }, path: v.keyPath, target: 'key' });
          continue;
        }
        const name = regionOf(plan, near)?.name ?? near;
        report({
          messageId: nearId === undefined ? 'unknownNearName' : 'unknownNear',
          data: { indicator: indicatorLabel(ind), region: v.key, near, name },
          path: v.keyPath,
          target: 'key',
          suggestions: [{ messageId: 'rename', data: { near }, operations: [{ op: 'rename', path: v.keyPath, key: near }] }],
        });
      }
    }
  }
});
