import { localized } from '../messages.js';
import { label } from '../model.js';
import { effectiveResponsible, leadInEffect } from '../queries.js';
import { defineRule } from '../rules.js';

/** 泛称 — the words that stand for units without naming one; a level before them (区有关部门, 县直相关单位) is read off. */
const PLACEHOLDERS = new Set(['相关部门', '有关部门', '各相关部门', '各有关部门', '相关单位', '有关单位', '各相关单位', '各有关单位', '各部门', '各单位', '相关职能部门', '有关职能部门']);
const LEVEL = /^[省市县区镇乡](?:直|级)?/;

const isPlaceholder = (name: string) => PLACEHOLDERS.has(name) || PLACEHOLDERS.has(name.replace(LEVEL, ''));

/** A task's lead and responsible units name at least one real unit, not only 相关部门 and the like. */
export default defineRule('responsible-names-unit', ({ plan, report }) => {
  // One finding per placeholder written, though a section's may stand for all of its tasks.
  const reported = new Set<string>();
  for (const task of plan.allTasks) {
    if (task.section.measures) continue;
    const lead = leadInEffect(task);
    // A lead a convention derives is the responsible units themselves: they are what was written.
    const written = lead.from === 'own' || lead.from === 'section' ? lead.units : [];
    const units = [...written, ...effectiveResponsible(task)];
    // Beside a real unit, a placeholder adds helpers, not the one in charge.
    if (units.length === 0 || !units.every((r) => isPlaceholder(r.name))) continue;
    const ref = units[0];
    const at = ref.path.join('/');
    if (reported.has(at)) continue;
    reported.add(at);
    const role = written.length > 0 ? localized('牵头单位', 'lead unit') : localized('责任单位', 'responsible unit');
    report({ messageId: 'placeholderOnly', data: { task: label(task), role, placeholder: ref.name }, path: ref.path });
  }
});
