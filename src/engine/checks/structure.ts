import { label, type Indicator, type Section, type Task, type Unit } from '../model.js';
import type { DataPath } from '../types.js';
import type { RuleCheck } from '../rules.js';
import { indicatorLabel } from './util.js';

function countTasks(s: Section): number {
  return s.tasks.length + s.sections.reduce((n, sub) => n + countTasks(sub), 0);
}

/** A heading that declares "N项任务" lists N tasks. */
export const declaredTaskCount: RuleCheck = ({ plan, report }) => {
  for (const s of plan.allSections) {
    if (!s.declaredTaskCount) continue;
    const listed = countTasks(s);
    if (listed === s.declaredTaskCount.value) continue;
    report({ messageId: 'mismatch', data: { section: label(s), declared: s.declaredTaskCount.value, listed }, path: s.declaredTaskCount.path });
  }
};

/** What an id is first used by, named so a reader finds it: a data path such as sections.0.tasks.1 counts from 0. */
function describe(x: Unit | Section | Task | Indicator): { zh: string; en: string } {
  if ('parts' in x) return { zh: `指标“${indicatorLabel(x)}”`, en: `the indicator "${indicatorLabel(x)}"` };
  if (x.kind === 'task') return { zh: `任务“${label(x)}”`, en: `the task "${label(x)}"` };
  if (x.kind === 'section') return { zh: `章节“${label(x)}”`, en: `the section "${label(x)}"` };
  return { zh: `单位“${x.name}”`, en: `the unit "${x.name}"` };
}

/**
 * Where each key sits in a file written as the format shows it (units before sections; a section's
 * indicators, then tasks, then subsections). Paths alone do not give the order of sibling keys, and
 * "first" must be the earlier of two uses, or the finding lands on the original instead of the copy.
 */
const KEY_ORDER: Readonly<Record<string, number>> = { units: 0, indicators: 1, parts: 1, tasks: 2, sections: 3 };

function compareDocumentOrder(a: DataPath, b: DataPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return (KEY_ORDER[String(x)] ?? 9) - (KEY_ORDER[String(y)] ?? 9);
  }
  return a.length - b.length;
}

/** Ids are unique among units, sections, tasks and indicators. */
export const uniqueIds: RuleCheck = ({ plan, report }) => {
  // Gathered by id; only the users of an id used more than once are put in document order.
  const users = new Map<string, (Unit | Section | Task | Indicator)[]>();
  for (const list of [plan.units, plan.allSections, plan.allTasks, plan.allIndicators]) {
    for (const x of list) {
      if (!x.id) continue;
      const same = users.get(x.id);
      if (same) same.push(x);
      else users.set(x.id, [x]);
    }
  }
  for (const [id, same] of users) {
    if (same.length === 1) continue;
    same.sort((a, b) => compareDocumentOrder(a.path, b.path));
    const first = describe(same[0]);
    for (const x of same.slice(1)) report({ messageId: 'duplicate', data: { id, first: first.zh, firstEn: first.en }, path: [...x.path, 'id'] });
  }
};

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
export const noDuplicateTasks: RuleCheck = ({ plan, report }) => {
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
};
