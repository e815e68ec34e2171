import { localized } from '../messages.js';
import { label, type DeclaredCounts, type Section, type Task } from '../model.js';
import type { Localized } from '../types.js';
import { defineRule } from '../rules.js';

function countTasks(s: Section): number {
  // The paragraphs of a closing part (kind: measures) are not among the tasks a heading counts.
  return s.tasks.length + s.sections.reduce((n, sub) => n + (sub.measures && !s.measures ? 0 : countTasks(sub)), 0);
}

/**
 * The categories ("6类") among `sections`: a preamble without tasks (总体要求) and a closing part
 * (保障措施) are not categories, and the source's own count leaves them out.
 */
function countCategories(sections: readonly Section[]): number {
  return sections.filter((s) => !s.measures && countTasks(s) > 0).length;
}

/** The tasks of a plan outside its closing parts: the items ("22件") its whole list counts. */
function countItems(plan: { sections: readonly Section[] }): number {
  return plan.sections.reduce((n, s) => n + (s.measures ? 0 : countTasks(s)), 0);
}

/** A heading that declares "N项任务" lists N tasks; "6类22件" and counts by tag hold. */
export default defineRule('declared-task-count', ({ plan, report }) => {
  for (const s of plan.allSections) {
    if (s.declaredTaskCount) {
      const listed = countTasks(s);
      if (listed !== s.declaredTaskCount.value) report({ messageId: 'mismatch', data: { section: label(s), declared: s.declaredTaskCount.value, listed }, path: s.declaredTaskCount.path });
    }
  }
  // Counted only where a count is declared: counting every section's tasks would walk the tree once per section.
  const owners: { counts: DeclaredCounts; name: string | Localized; sections: readonly Section[]; items: number }[] = [];
  if (plan.declaredCounts) owners.push({ counts: plan.declaredCounts, name: localized('本计划', 'the plan'), sections: plan.sections, items: countItems(plan) });
  for (const s of plan.allSections) if (s.declaredCounts) owners.push({ counts: s.declaredCounts, name: label(s), sections: s.sections, items: countTasks(s) });
  for (const { counts, name, sections, items } of owners) {
    const categories = countCategories(sections);
    if (counts.categories && counts.categories.value !== categories) {
      report({ messageId: 'categories', data: { owner: name, declared: counts.categories.value, listed: categories }, path: counts.categories.path });
    }
    if (counts.items && counts.items.value !== items) {
      report({ messageId: 'items', data: { owner: name, declared: counts.items.value, listed: items }, path: counts.items.path });
    }
  }
  if (plan.tagCounts.length === 0) return;
  const tagged = new Map<string, number>();
  const count = (t: Task) => new Set(t.tags).forEach((tag) => tagged.set(tag, (tagged.get(tag) ?? 0) + 1));
  plan.allTasks.forEach(count);
  for (const c of plan.tagCounts) {
    const listed = tagged.get(c.tag) ?? 0;
    if (listed !== c.count) report({ messageId: 'tag', data: { tag: c.tag, declared: c.count, listed }, path: c.path });
  }
});
