import { label, type Task } from '../model.js';
import { localized } from '../messages.js';
import { defineRule } from '../rules.js';
import { indicatorLabel } from './util.js';

const CHINESE_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * A text as years are matched in it: full-width digits and dashes made ASCII (NFKC), years written in
 * Chinese numerals (二〇二五年) as figures. Simplified and traditional texts write these forms alike.
 */
function yearText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => CHINESE_DIGITS[c]).join(''));
}

// "2024—2025年", "2024-2025年", "2024至2025年", "2024年至2025年", "2024年起至2025年", "(2013—2017年)".
const RANGE = /((?:19|20)\d{2})\s*年?(?:度)?\s*起?\s*(?:[—–\-~〜―]+|至|到)\s*((?:19|20)\d{2})\s*年/g;
// "到2025年", "至2025年底", "截至2025年", "截止到2025年".
const UNTIL = /(?:到|至|截止)\s*((?:19|20)\d{2})\s*年/g;

/**
 * The words in which a task's title or source quote says it runs to `year`: a span of years that includes
 * it, or "到/至 N年" with N at or after it. Undefined when neither says so.
 */
function statedSpan(task: Task, year: number): string | undefined {
  for (const written of [task.quote, task.title]) {
    if (!written) continue;
    const text = yearText(written);
    for (const m of text.matchAll(RANGE)) {
      if (Number(m[1]) <= year && year <= Number(m[2])) return m[0].replace(/\s+/g, '');
    }
    for (const m of text.matchAll(UNTIL)) {
      if (year <= Number(m[1])) return m[0].replace(/\s+/g, '');
    }
  }
  return undefined;
}

/** Yearly targets, overall targets and deadlines fall inside the plan period. */
export default defineRule('years-within-period', ({ plan, report }) => {
  const period = plan.period;
  if (!period) return;
  const outside = (y: number) => y < period.start || y > period.end;
  // A one-year plan's period is its year (计划期 2024 年), not 2024—2024.
  const span = period.start === period.end ? String(period.start) : undefined;
  const data = { end: period.end, period: localized(span ?? `${period.start}—${period.end}`, span ?? `${period.start}–${period.end}`) };
  // A year past the period that the task itself says it runs to: a note that it runs past the plan, not a slip.
  const statedPast = (task: Task | undefined, year: number) => {
    if (!task || year <= period.end) return undefined;
    const stated = statedSpan(task, year);
    return stated ? { ...data, task: label(task), year, span: stated } : undefined;
  };
  for (const ind of plan.allIndicators) {
    const task = ind.owner.kind === 'task' ? ind.owner : undefined;
    for (const t of ind.yearly) {
      if (t.year !== undefined && outside(t.year) && ind.yearlyPath) {
        const path = [...ind.yearlyPath, String(t.year)];
        const past = statedPast(task, t.year);
        if (past) report({ messageId: 'statedPastPeriod', data: past, path, target: 'key' });
        else report({ messageId: 'yearly', data: { ...data, indicator: indicatorLabel(ind), year: t.year }, path, target: 'key' });
      }
    }
    const o = ind.overall;
    if (o?.year !== undefined && outside(o.year)) {
      const path = [...ind.path, 'overall', 'year'];
      const past = statedPast(task, o.year);
      if (past) report({ messageId: 'statedPastPeriod', data: past, path });
      else report({ messageId: 'overall', data: { ...data, indicator: indicatorLabel(ind), year: o.year }, path });
    }
  }
  for (const task of plan.allTasks) {
    if (task.deadline && outside(task.deadline.year)) {
      const past = statedPast(task, task.deadline.year);
      if (past) report({ messageId: 'statedPastPeriod', data: past, path: task.deadline.path });
      else report({ messageId: 'deadline', data: { ...data, year: task.deadline.year }, path: task.deadline.path });
    }
  }
});
