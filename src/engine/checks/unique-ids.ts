import { localized } from '../messages.js';
import { label, type Indicator, type Section, type Task, type Unit } from '../model.js';
import { defineRule } from '../rules.js';
import type { DataPath, Localized } from '../types.js';
import { indicatorLabel } from './util.js';

/** What an id is first used by, named so a reader finds it: a data path such as sections.0.tasks.1 counts from 0. */
function describe(x: Unit | Section | Task | Indicator): Localized {
  if ('parts' in x) return localized(`指标“${indicatorLabel(x)}”`, `the indicator "${indicatorLabel(x)}"`);
  if (x.kind === 'task') return localized(`任务“${label(x)}”`, `the task "${label(x)}"`);
  if (x.kind === 'section') return localized(`章节“${label(x)}”`, `the section "${label(x)}"`);
  return localized(`单位“${x.name}”`, `the unit "${x.name}"`);
}

/**
 * Where each key sits in a file written as the format shows it (plan, then units, then sections; a section's
 * indicators, then tasks, then subsections). Paths alone do not give the order of sibling keys, and
 * "first" must be the earlier of two uses, or the finding lands on the original instead of the copy.
 */
const KEY_ORDER: Readonly<Record<string, number>> = { plan: -1, units: 0, indicators: 1, parts: 1, tasks: 2, sections: 3 };

function compareDocumentOrder(a: DataPath, b: DataPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return (KEY_ORDER[String(x)] ?? 9) - (KEY_ORDER[String(y)] ?? 9);
  }
  return a.length - b.length;
}

/** Ids are unique among units, sections, tasks and indicators. */
export default defineRule('unique-ids', ({ plan, report }) => {
  // Gathered by id; only the users of an id used more than once are put in document order.
  const users = new Map<string, (Unit | Section | Task | Indicator)[]>();
  for (const list of [plan.units, plan.allSections, plan.allTasks, plan.allIndicators]) {
    for (const x of list) {
      if (!x.id) continue;
      const same = users.get(x.id);
      if (same) same.push(x);
      else users.set(x.id, [x]);
    }
  }
  for (const [id, same] of users) {
    if (same.length === 1) continue;
    same.sort((a, b) => compareDocumentOrder(a.path, b.path));
    const first = describe(same[0]);
    for (const x of same.slice(1)) report({ messageId: 'duplicate', data: { id, first }, path: [...x.path, 'id'] });
  }
});
