import { label } from '../model.js';
import { effectiveLead, effectiveResponsible } from '../queries.js';
import { defineRule } from '../rules.js';

/** Every task has a lead unit: its own, its section's, or one the plan's convention derives. */
export default defineRule('task-has-lead', ({ plan, report }) => {
  // A plan that names no unit at all (a news summary) is not a plan of responsibilities.
  const namesUnits = plan.declaresUnits || plan.allSections.some((s) => s.lead.length > 0) || plan.allTasks.some((t) => t.lead.length > 0);
  if (!namesUnits) return;
  for (const task of plan.allTasks) {
    if (effectiveLead(task).length > 0) continue;
    const at = { path: [...task.path, 'title'], target: 'value' as const };
    const responsible = effectiveResponsible(task);
    if (responsible.length === 0) report({ messageId: 'noUnit', data: { task: label(task) }, ...at });
    // One responsible unit is in charge by any reading: a lighter finding than several with none leading.
    else if (responsible.length === 1) report({ messageId: 'leadImplied', data: { task: label(task), unit: responsible[0].name }, ...at });
    else report({ messageId: 'severalNoLead', data: { task: label(task), count: responsible.length, units: responsible.map((r) => r.name).join('、') }, ...at });
  }
});
