import { label, type Section } from '../model.js';
import { defineRule } from '../rules.js';

function countTasks(s: Section): number {
  // The paragraphs of a closing part (kind: measures) are not among the tasks a heading counts.
  return s.tasks.length + s.sections.reduce((n, sub) => n + (sub.measures && !s.measures ? 0 : countTasks(sub)), 0);
}

/** A heading that declares "N项任务" lists N tasks. */
export default defineRule('declared-task-count', ({ plan, report }) => {
  for (const s of plan.allSections) {
    if (!s.declaredTaskCount) continue;
    const listed = countTasks(s);
    if (listed === s.declaredTaskCount.value) continue;
    report({ messageId: 'mismatch', data: { section: label(s), declared: s.declaredTaskCount.value, listed }, path: s.declaredTaskCount.path });
  }
});
