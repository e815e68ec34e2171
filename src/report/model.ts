import type { ReportedFinding } from '../cli/lint.js';
import { effectiveLead, impliedAnnualGrowth, label, type Indicator, type Plan, type Section, type Task } from '../engine/model.js';
import type { DataPath } from '../engine/types.js';

/** One row of an indicator table: the numbers a reviewer recomputes by hand today. */
export interface IndicatorRow {
  indicator: Indicator;
  owner: string;
  years: number[];
  /** Year → target value. */
  values: Map<number, number>;
  sum?: number;
  /** Average yearly growth from the baseline to the last stated value, in %. */
  impliedGrowth?: number;
}

export function indicatorRows(plan: Plan): IndicatorRow[] {
  return plan.allIndicators.map((ind) => {
    const values = new Map(ind.yearly.map((t) => [t.year as number, t.value]));
    const years = [...values.keys()];
    return {
      indicator: ind,
      owner: label(ind.owner),
      years,
      values,
      sum: ind.kind === 'increment' && ind.yearly.length > 0 ? ind.yearly.reduce((a, t) => a + t.value, 0) : undefined,
      impliedGrowth: impliedAnnualGrowth(ind),
    };
  });
}

function startsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

/** The lead units responsible for the place a finding points at; [] for the plan as a whole. */
export function leadsFor(plan: Plan, f: ReportedFinding): string[] {
  let best: Task | Section | undefined;
  for (const x of [...plan.allSections, ...plan.allTasks]) {
    if (startsWith(f.path, x.path) && (!best || x.path.length > best.path.length)) best = x;
  }
  if (!best) return [];
  if (best.kind === 'task') return effectiveLead(best).map((r) => r.name);
  for (let s: Section | undefined = best; s; s = s.parent) if (s.lead.length > 0) return s.lead.map((r) => r.name);
  return [];
}

/** Which unit leads or shares which task: unit → [task label, role]. */
export function unitMatrix(plan: Plan): { units: string[]; tasks: Task[]; roles: Map<string, Map<Task, 'lead' | 'responsible'>> } {
  const roles = new Map<string, Map<Task, 'lead' | 'responsible'>>();
  const mark = (unit: string, task: Task, role: 'lead' | 'responsible') => {
    if (!roles.has(unit)) roles.set(unit, new Map());
    const m = roles.get(unit) as Map<Task, 'lead' | 'responsible'>;
    if (m.get(task) !== 'lead') m.set(task, role);
  };
  for (const task of plan.allTasks) {
    for (const r of effectiveLead(task)) mark(r.name, task, 'lead');
    const responsible = task.responsible.length > 0 ? task.responsible : sectionResponsible(task.section);
    for (const r of responsible) mark(r.name, task, 'responsible');
  }
  const leads = (u: string) => [...(roles.get(u)?.values() ?? [])].filter((r) => r === 'lead').length;
  // Who leads most comes first: that is whom a reviewer calls about a finding.
  const units = [...roles.keys()].sort((a, b) => leads(b) - leads(a) || (roles.get(b)?.size ?? 0) - (roles.get(a)?.size ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return { units, tasks: plan.allTasks, roles };
}

function sectionResponsible(s: Section | undefined): { name: string }[] {
  for (let x = s; x; x = x.parent) if (x.responsible.length > 0) return x.responsible;
  return [];
}
