import { label, type Task } from '../model.js';
import { defineRule } from '../rules.js';

/**
 * Whether two tasks of one title are each their own part's: a plan in parts (专项方案) gives every part a
 * section of the same name (保障措施) under the same headings (加强组织领导). Tasks with targets are still
 * compared, since the same targets listed twice would be counted twice.
 */
function parallel(a: Task, b: Task): boolean {
  return a.section !== b.section && a.section.title === b.section.title && a.indicators.length === 0 && b.indicators.length === 0;
}

/** What two titles of one task may differ by. */
const SPACE_AND_PUNCTUATION = /[\s,。、;:,.;:]/g;

/** The same task is not listed twice. */
export default defineRule('no-duplicate-tasks', ({ plan, report }) => {
  const seen = new Map<string, Task[]>();
  for (const t of plan.allTasks) {
    const key = t.title.replace(SPACE_AND_PUNCTUATION, '');
    if (key.length === 0) continue;
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, [t]);
      continue;
    }
    const first = earlier.find((e) => !parallel(e, t));
    earlier.push(t);
    if (first) report({ messageId: 'duplicate', data: { task: label(t), first: label(first) }, path: [...t.path, 'title'] });
  }
});
