import { localized } from '../messages.js';
import { label, type DeclaredCounts, type Section, type Task } from '../model.js';
import { listedCounts } from '../queries.js';
import type { Localized } from '../types.js';
import { defineRule } from '../rules.js';

/** A heading that declares "N项任务" lists N tasks; "6类22件" and counts by tag hold. */
export default defineRule('declared-task-count', ({ plan, report }) => {
  for (const s of plan.allSections) {
    if (s.declaredTaskCount) {
      const listed = listedCounts(s).items;
      if (listed !== s.declaredTaskCount.value) report({ messageId: 'mismatch', data: { section: label(s), declared: s.declaredTaskCount.value, listed }, path: s.declaredTaskCount.path });
    }
  }
  // Counted only where a count is declared: counting every section's tasks would walk the tree once per section.
  const owners: { counts: DeclaredCounts; name: string | Localized; owner: Section | typeof plan }[] = [];
  if (plan.declaredCounts) owners.push({ counts: plan.declaredCounts, name: localized('本计划', 'the plan'), owner: plan });
  for (const s of plan.allSections) if (s.declaredCounts) owners.push({ counts: s.declaredCounts, name: label(s), owner: s });
  for (const { counts, name, owner } of owners) {
    const { categories, items } = listedCounts(owner);
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
