import { label, type Section, type Task, type UnitRef } from '../model.js';
import { leadInEffect, responsibleIncludesLead } from '../queries.js';
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
  // Where the plan says the responsible list holds the lead too, naming it there is the convention.
  for (const s of plan.allSections) if (!responsibleIncludesLead(s)) check(s.lead, s.responsible, s);
  for (const t of plan.allTasks) {
    const lead = leadInEffect(t);
    // A derived lead is the responsible units themselves, by the plan's own convention.
    if (responsibleIncludesLead(t) || (lead.from !== 'own' && lead.from !== 'section')) continue;
    check(lead.units, t.responsible, t);
  }
});
