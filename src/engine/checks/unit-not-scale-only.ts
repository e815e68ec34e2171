import type { Indicator } from '../model.js';
import { defineRule } from '../rules.js';
import { headlineValue } from './util.js';

/** A unit that is a scale word and nothing else: 万, 亿, 十万 … (万元, 万人 and 人/万人 say what they count). */
const SCALE_ONLY = /^(十|百|千|万|十万|百万|千万|亿|万亿)$/;
/** The counted things a full unit names after its scale, longest first so that 人次 wins over 人. */
const THINGS = ['平方米', '人次', '千瓦', '公里', '元', '人', '户', '套', '亩', '吨', '个', '所', '家', '册', '株', '件'];

/** Escape a string for use inside a RegExp. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The full unit the plan writes elsewhere for this figure: "10000万元" in the task's title when the
 * indicator gives 10000 in 万. Only one candidate is offered; two different ones (万元 and 万人) leave the choice open.
 */
function fullUnit(ind: Indicator, scale: string): { unit: string; quote: string } | undefined {
  const texts = [ind.name, ind.owner.title, ind.owner.kind === 'task' ? ind.owner.quote : undefined].filter((t): t is string => !!t);
  const value = headlineValue(ind)?.value;
  const figure = value === undefined ? '\\d+(?:\\.\\d+)?' : escape(String(value));
  const re = new RegExp(`(?<![\\d.])(${figure})${escape(scale)}(${THINGS.map(escape).join('|')})`, 'g');
  const found = new Map<string, string>();
  for (const t of texts) for (const m of t.matchAll(re)) found.set(`${scale}${m[2]}`, m[0]);
  if (found.size !== 1) return undefined;
  const [unit, quote] = [...found.entries()][0];
  return { unit, quote };
}

/** A measuring unit that is only a scale (万, 亿) is flagged; a full unit written beside the same figure is suggested. */
export default defineRule('unit-not-scale-only', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const unit = ind.unit?.trim();
    if (!unit || !SCALE_ONLY.test(unit)) continue;
    const value = headlineValue(ind)?.value ?? ind.baseline?.value ?? '';
    const full = fullUnit(ind, unit);
    report({
      messageId: 'scaleOnly',
      data: { name: ind.name, unit, value },
      path: ind.path.concat('unit'),
      target: 'value',
      // Which thing was meant only the source can tell: a suggestion, never a safe fix.
      ...(full ? { suggestions: [{ messageId: 'useUnit' as const, data: full, operations: [{ op: 'set' as const, path: ind.path.concat('unit'), value: full.unit }] }] } : {}),
    });
  }
});
