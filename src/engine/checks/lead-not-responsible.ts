import { label, type Section, type Task, type UnitRef } from '../model.js';
import { effectiveLead } from '../queries.js';
import { defineRule } from '../rules.js';

/** A unit is not both lead and responsible on one task or section. */
export default defineRule('lead-not-responsible', ({ plan, report }) => {
  const check = (lead: readonly UnitRef[], responsible: readonly UnitRef[], owner: Task | Section) => {
    for (const r of responsible) {
      // Both lists are a few names long.
      if (!lead.some((l) => l.name === r.name)) continue;
      report({
        messageId: 'both',
        data: { unit: r.name, owner: label(owner) },
        path: r.path,
        suggestions: [{ messageId: 'removeResponsible', data: { unit: r.name }, operations: [{ op: 'remove', path: r.path }] }],
      });
    }
  };
  for (const s of plan.allSections) check(s.lead, s.responsible, s);
  for (const t of plan.allTasks) check(effectiveLead(t), t.responsible, t);
});
