import { label, type Section } from '../model.js';
import type { RuleCheck } from '../rules.js';

function countTasks(s: Section): number {
  return s.tasks.length + s.sections.reduce((n, sub) => n + countTasks(sub), 0);
}

/** A heading that declares "N项任务" lists N tasks. */
export const declaredTaskCount: RuleCheck = ({ plan, report }) => {
  for (const s of plan.allSections) {
    if (!s.declaredTaskCount) continue;
    const listed = countTasks(s);
    if (listed === s.declaredTaskCount.value) continue;
    report({ messageId: 'mismatch', data: { section: label(s), declared: s.declaredTaskCount.value, listed }, path: s.declaredTaskCount.path });
  }
};

/** Ids are unique among units, sections, tasks and indicators. */
export const uniqueIds: RuleCheck = ({ plan, report }) => {
  const seen = new Map<string, string>();
  const all = [...plan.units, ...plan.allSections, ...plan.allTasks, ...plan.allIndicators];
  for (const x of all) {
    if (!x.id) continue;
    const where = x.path.join('.');
    const first = seen.get(x.id);
    if (first === undefined) {
      seen.set(x.id, where);
      continue;
    }
    report({ messageId: 'duplicate', data: { id: x.id, first }, path: [...x.path, 'id'] });
  }
};

/** The same task is not listed twice. */
export const noDuplicateTasks: RuleCheck = ({ plan, report }) => {
  const seen = new Map<string, string>();
  for (const t of plan.allTasks) {
    const key = t.title.replace(/[\s,。、;:,.;:]/g, '');
    if (key.length === 0) continue;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, label(t));
      continue;
    }
    report({ messageId: 'duplicate', data: { task: label(t), first }, path: [...t.path, 'title'] });
  }
};
