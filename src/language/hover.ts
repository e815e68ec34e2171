import type { Hover } from 'vscode-languageserver-types';
import {
  actualProgress, comparatorSymbol, effectiveLead, effectiveResponsible, leadInEffect, formatNumber, matchRegister, type Register, impliedAnnualGrowth, indicatorLabel, innermost, label, pathAt, rangeOf, yearlyTotal,
  regionLabel, type CheckOutput, type Indicator, type Lang, type Plan, type Task, type YearlyTotal,
} from '../engine/index.js';
import { ownerHover, taskHover } from './facts.js';
import { toRange } from './positions.js';
import { text, type TextId } from './texts.js';
import { unitAt, unitNamed } from './units.js';

const KIND_TEXT = { level: 'kindLevel', increment: 'kindIncrement', cumulative: 'kindCumulative' } as const satisfies Record<string, TextId>;

const n = formatNumber;
const sym = comparatorSymbol;

/** ✓ when the yearly sum meets the overall target; else what it misses: ≠ 15, or ✗ ≥15 for a floor. */
export function sumMark(total: YearlyTotal): string {
  if (total.ok) return ' ✓';
  return total.comparator && total.comparator !== '=' ? ` ✗ ${sym(total.comparator)}${n(total.total)}` : ` ≠ ${n(total.total)}`;
}

/** An indicator's trajectory: baseline → each year → overall target, with the sum and implied growth. */
export function indicatorHover(ind: Indicator, lang: Lang, tolerance = 0, plan?: Plan): string {
  const t = (id: TextId) => text(lang, id);
  const steps: string[] = [];
  if (ind.baseline) steps.push(`${t('baseline')} ${ind.baseline.year ?? ''} **${n(ind.baseline.value)}**`);
  for (const y of ind.yearly) steps.push(`${y.year} **${sym(y.comparator)}${n(y.value)}**`);
  if (ind.overall) steps.push(`${t('overall')} ${ind.overall.year ?? ''} **${sym(ind.overall.comparator ?? ind.comparator)}${n(ind.overall.value)}**`);
  const lines = [`**${indicatorLabel(ind)}**${ind.kind ? ` · ${t(KIND_TEXT[ind.kind])}` : ''}`, '', steps.join(' → ') || '—'];
  // Judged as the rule judges it (comparator and tolerance), so that the hover never contradicts the check.
  const total = yearlyTotal(ind, tolerance);
  if (total) {
    lines.push('', `${t('yearlySum')}: ${total.terms.map((y) => n(y.value)).join(' + ')} = **${n(total.sum)}**${sumMark(total)}`);
  }
  const g = impliedAnnualGrowth(ind);
  if (g !== undefined) {
    lines.push('', `${t('impliedGrowth')}: **${n(Math.round(g * 100) / 100)}%**`);
  }
  const actual = actualHover(ind, lang);
  if (actual) lines.push('', actual);
  // Each split as the source's table row reads: the year (or the overall target), then region and value.
  for (const split of ind.byRegion) {
    const when = split.year === undefined ? t('overall') : String(split.year);
    const values = split.values.map((v) => `${plan ? regionLabel(plan, v.key) : v.key} ${n(v.value)}${v.unit ?? ''}`).join('、');
    lines.push('', `${t('byRegion')} · ${when}: ${values}`);
  }
  return lines.join('\n');
}

/**
 * 完成情况: the actual as of its date, its unit when it is another, the rate recomputed (as the rule
 * computes it) and the printed rate beside it when they differ: 截至 2017-08 **7558** · 完成率 119.97% (印为 119%).
 */
function actualHover(ind: Indicator, lang: Lang): string | undefined {
  const p = actualProgress(ind);
  if (!p) return undefined;
  const t = (id: TextId) => text(lang, id);
  const { actual } = p;
  const parts: string[] = [];
  if (actual.asOf !== undefined) parts.push(text(lang, 'actualAsOf', { date: String(actual.asOf) }));
  if (actual.value !== undefined) parts.push(`**${n(actual.value)}**${actual.unit && actual.unit !== ind.unit ? ` ${actual.unit}` : ''}`);
  let rate = '';
  if (p.rate !== undefined) {
    rate = `${t('actualRate')} ${n(Math.round(p.rate * 100) / 100)}%`;
    if (actual.percent !== undefined && p.expectedPercent !== actual.percent) rate += ` (${t('actualPrinted')} ${n(actual.percent)}%)`;
  } else if (actual.percent !== undefined) rate = `${t('actualRate')} ${n(actual.percent)}%`;
  const tail = [rate, actual.status ?? ''].filter((x) => x !== '');
  return `${t('actual')}: ${[parts.join(' '), ...tail].filter((x) => x !== '').join(' · ')}`;
}

/** Hover on a unit name, an indicator (anywhere inside it), or else on the task, section or plan metadata around the offset. */
export function hover(output: CheckOutput, offset: number, lang: Lang, register?: Register): Hover | undefined {
  const { source, plan, lines } = output;
  if (!source || !plan) return undefined;
  const t = (id: TextId) => text(lang, id);
  const unit = unitAt(output, offset);
  if (unit) {
    const decl = unitNamed(plan, unit.name);
    // A responsible-only row of several units says none of them leads: the unit shares it, lead undecided.
    const undecided = (task: Task) => { const l = leadInEffect(task); return l.from === 'responsible-only' && l.units.length > 1; };
    const leads = plan.allTasks.filter((task) => !undecided(task) && effectiveLead(task).some((r) => r.name === unit.name || (decl && (r.name === decl.name || decl.aliases.includes(r.name)))));
    const names = new Set(decl ? [decl.name, ...decl.aliases] : [unit.name]);
    const shares = plan.allTasks.filter((task) => (undecided(task) ? effectiveResponsible(task) : task.responsible).some((r) => names.has(r.name)));
    const cooperates = plan.allTasks.filter((task) => task.cooperating.some((r) => names.has(r.name)));
    // A lead the plan's convention derives is shown as derived: the source never names it as lead.
    const derived = (x: (typeof leads)[number]) => { const from = leadInEffect(x).from; return from !== undefined && from !== 'own' && from !== 'section'; };
    const list = (xs: typeof leads, mark = false) =>
      xs.length ? xs.map((x) => (mark && derived(x) ? `${label(x)}(${t('derived')})` : !mark && undecided(x) ? `${label(x)}(${t('leadUndecidedShort')})` : label(x))).join(';') : t('none');
    const match = register && matchRegister(register, unit.name);
    const head = decl
      ? `**${decl.name}** · ${t('declaredUnit')}${decl.kind === 'group' ? ` · ${t('groupPlaceholder')}` : ''}${decl.member ? ` · ${t('member')}` : ''}`
      : `**${unit.name}** · ${match ? t(match.unit.origin === 'default' ? 'fromDefaultRegister' : 'fromRegister') : t('undeclaredUnit')}`;
    // Where the name came from, when a register makes it a question: the plan's list, a register, or both.
    const origin = [...(decl ? [t('fromPlanList')] : []), ...(match ? [t(match.unit.origin === 'default' ? 'fromDefaultRegister' : 'fromRegister')] : [])];
    const registerLines = match
      ? [
          '', `${t('registerName')}: **${match.prefix}${match.unit.name}**`,
          ...(match.unit.short?.length ? [`${t('shortForms')}: ${match.unit.short.map((x) => match.prefix + x).join('、')}`] : []),
          ...(match.unit.former?.length ? [`${t('formerNames')}: ${match.unit.former.map((f) => `${match.prefix}${f.name} (→ ${f.year})`).join('、')}`] : []),
        ]
      : [];
    const value = [head, ...(decl && register ? ['', origin.join(' · ')] : []), ...(decl?.aliases.length ? ['', `${t('aliases')}: ${decl.aliases.join('、')}`] : []), ...registerLines, '', `${t('leads')} (${leads.length}): ${list(leads, true)}`, '', `${t('shares')} (${shares.length}): ${list(shares)}`, ...(cooperates.length ? ['', `${t('cooperates')} (${cooperates.length}): ${list(cooperates)}`] : [])].join('\n');
    return { contents: { kind: 'markdown', value }, range: toRange(lines, rangeOf(source, unit.path, 'value')) };
  }
  const { path } = pathAt(source.root, offset);
  const best = innermost(plan.allIndicators, path);
  if (best) return { contents: { kind: 'markdown', value: indicatorHover(best, lang, output.sumTolerance, plan) } };
  // Outside an indicator: the task, the section or the plan's metadata the offset is in.
  const task = innermost(plan.allTasks, path);
  if (task) return { contents: { kind: 'markdown', value: taskHover(task, lang) } };
  const owner = innermost(plan.allSections, path) ?? (path[0] === 'plan' ? plan.root : undefined);
  return owner && { contents: { kind: 'markdown', value: ownerHover(owner, lang, plan) } };
}
