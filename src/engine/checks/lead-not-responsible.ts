import { distance } from 'fastest-levenshtein';
import { label, unitMentions, type Plan, type Section, type Task, type UnitRef } from '../model.js';
import { leadInEffect, responsibleIncludesLead } from '../queries.js';
import { matchRegister } from '../register.js';
import { defineRule } from '../rules.js';

/** How many times each name is mentioned as a lead or responsible unit anywhere in the plan. */
function mentionCounts(plan: Plan): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { ref } of unitMentions(plan)) counts.set(ref.name, (counts.get(ref.name) ?? 0) + 1);
  return counts;
}

/**
 * The lead against the responsible units, in the form the plan writes them: where the responsible
 * list holds the lead too (first-listed, or an all-units column), the lead is in it; where they are
 * separate lists, the lead is not repeated as responsible, and a lead named nowhere else in a plan
 * without a register of units is likely misspelt or stray. (With a member list, lead-unit-member
 * checks the lead is a member; with a register, unit-declared checks it is declared.)
 */
export default defineRule('lead-not-responsible', ({ plan, report, register }) => {
  const both = (lead: readonly UnitRef[], responsible: readonly UnitRef[], owner: Task | Section) => {
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
  const included = (lead: readonly UnitRef[], responsible: readonly UnitRef[], owner: Task | Section) => {
    // A list the owner does not write itself is not one it could have left the lead out of.
    if (responsible.length === 0) return;
    for (const l of lead) {
      if (responsible.some((r) => r.name === l.name)) continue;
      report({
        messageId: 'notInResponsible',
        data: { unit: l.name, owner: label(owner) },
        path: l.path,
        suggestions: [{ messageId: 'addResponsible', data: { unit: l.name }, operations: [{ op: 'insert', path: owner.path.concat('responsible'), value: l.name }] }],
      });
    }
  };
  // A closing part (kind: measures) assigns no task: who leads it and who shares it are not checked.
  for (const s of plan.allSections) if (!s.measures) (responsibleIncludesLead(s) ? included : both)(s.lead, s.responsible, s);
  for (const t of plan.allTasks) {
    if (t.section.measures) continue;
    const lead = leadInEffect(t);
    // A derived lead is the responsible units themselves, by the plan's own convention.
    if (lead.from !== 'own' && lead.from !== 'section') continue;
    if (!responsibleIncludesLead(t)) both(lead.units, t.responsible, t);
    // A section's lead is checked against the section's own list, above.
    else if (lead.from === 'own') included(lead.units, t.responsible, t);
  }
  if (plan.declaresUnits) return;
  const counts = mentionCounts(plan);
  const names = [...counts.keys()];
  for (const { ref, role } of unitMentions(plan)) {
    if (role !== 'lead' || counts.get(ref.name) !== 1) continue;
    // A short or long form of a name used elsewhere is that unit: unit-name-canonical's business.
    if (names.some((n) => n !== ref.name && (n.includes(ref.name) || ref.name.includes(n)))) continue;
    // A name the unit register knows is a real unit, not a stray entry.
    if (register && matchRegister(register, ref.name)) continue;
    // A lead named once is common (a unit that leads one task); one a letter or two off a name used
    // elsewhere is the misspelling or stray entry that makes a task look led.
    const near = names.find((n) => n !== ref.name && distance(n, ref.name) <= Math.max(1, Math.floor(Math.min(n.length, ref.name.length) / 4)));
    if (near === undefined) continue;
    report({
      messageId: 'stray',
      data: { unit: ref.name, near },
      path: ref.path,
      suggestions: [{ messageId: 'useNear', data: { unit: near }, operations: [{ op: 'set', path: ref.path, value: near }] }],
    });
  }
});
