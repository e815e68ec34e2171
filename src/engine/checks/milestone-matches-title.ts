import { label, type Milestone } from '../model.js';
import { defineRule } from '../rules.js';

// Longest first: 建成投用 is reported as written, not as its 建成.
const DONE_WORDS = /建成投入使用|建成投用|投入使用|建成/;
const DONE_KINDS = new Set<Milestone['kind']>(['建成', '完工', '投入使用']);

/** A milestone's date as a drafter reads it: 2021年, 2021年6月, 2021年6月30日. */
function dateText(date: number | string): string {
  if (typeof date === 'number') return `${date}年`;
  const [y, m, d] = date.split('-');
  return `${y}年${m ? `${Number(m)}月` : ''}${d ? `${Number(d)}日` : ''}`;
}

/** A task whose title or quote says 建成 or 投入使用 is dated for that, not only for its start. */
export default defineRule('milestone-matches-title', ({ plan, report }) => {
  for (const task of plan.allTasks) {
    if (task.deadline || task.milestones.length === 0) continue;
    if (task.milestones.some((m) => DONE_KINDS.has(m.kind))) continue;
    const word = DONE_WORDS.exec(task.title)?.[0] ?? (task.quote ? DONE_WORDS.exec(task.quote)?.[0] : undefined);
    if (!word) continue;
    // The latest start is the one a reader takes for the completion date.
    const start = task.milestones[task.milestones.length - 1];
    report({ messageId: 'onlyStart', data: { task: label(task), word, kind: start.kind, date: dateText(start.date) }, path: start.path });
  }
});
