import { label } from '../model.js';
import { effectiveLead } from '../queries.js';
import { defineRule } from '../rules.js';

/** Every task has a lead unit, its own or its section's. */
export default defineRule('task-has-lead', ({ plan, report }) => {
  // A plan that names no unit at all (a news summary) is not a plan of responsibilities.
  const namesUnits = plan.declaresUnits || plan.allSections.some((s) => s.lead.length > 0) || plan.allTasks.some((t) => t.lead.length > 0);
  if (!namesUnits) return;
  for (const task of plan.allTasks) {
    if (effectiveLead(task).length > 0) continue;
    report({ messageId: 'noLead', data: { task: label(task) }, path: [...task.path, 'title'], target: 'value' });
  }
});
