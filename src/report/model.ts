import {
  effectiveLead, effectiveResponsible, leadInEffect, impliedAnnualGrowth, innermost, label, sectionLead, yearlyTotal,
  type FindingRow, type Indicator, type Plan, type Task, type YearlyTotal,
} from '../engine/index.js';

/** One row of an indicator table: the numbers a reviewer recomputes by hand today. */
export interface IndicatorRow {
  indicator: Indicator;
  owner: string;
  years: number[];
  /** Year → target value. */
  values: Map<number, number>;
  /** The yearly targets added up against the overall target, judged as the rule judges them. */
  total?: YearlyTotal;
  /** Average yearly growth from the baseline to the last stated value, in %. */
  impliedGrowth?: number;
}

/** The indicator table's rows; `tolerance` is the yearly-sum rule's, so that the table and the rule agree. */
export function indicatorRows(plan: Plan, tolerance: number): IndicatorRow[] {
  return plan.allIndicators.map((ind) => {
    const values = new Map(ind.yearly.map((t) => [t.year as number, t.value]));
    const years = [...values.keys()];
    return {
      indicator: ind,
      owner: label(ind.owner),
      years,
      values,
      total: yearlyTotal(ind, tolerance),
      impliedGrowth: impliedAnnualGrowth(ind),
    };
  });
}

/** The lead units responsible for the place a finding points at; [] for the plan as a whole. */
export function leadsFor(plan: Plan, f: FindingRow): string[] {
  const best = innermost([...plan.allSections, ...plan.allTasks], f.path);
  if (!best) return [];
  return (best.kind === 'task' ? effectiveLead(best) : sectionLead(best)).map((r) => r.name);
}

/** Which unit leads or shares which task: unit → [task label, role]. */
export function unitMatrix(plan: Plan): { units: string[]; tasks: Task[]; roles: Map<string, Map<Task, 'lead' | 'responsible'>>; derived: Set<Task> } {
  /** Tasks whose lead the plan's convention derives: the report marks them, the source never names that lead. */
  const derived = new Set<Task>();
  const roles = new Map<string, Map<Task, 'lead' | 'responsible'>>();
  const mark = (unit: string, task: Task, role: 'lead' | 'responsible') => {
    if (!roles.has(unit)) roles.set(unit, new Map());
    const m = roles.get(unit) as Map<Task, 'lead' | 'responsible'>;
    if (m.get(task) !== 'lead') m.set(task, role);
  };
  for (const task of plan.allTasks) {
    const lead = leadInEffect(task);
    if (lead.from !== undefined && lead.from !== 'own' && lead.from !== 'section') derived.add(task);
    for (const r of lead.units) mark(r.name, task, 'lead');
    for (const r of effectiveResponsible(task)) mark(r.name, task, 'responsible');
  }
  const leads = (u: string) => [...(roles.get(u)?.values() ?? [])].filter((r) => r === 'lead').length;
  // Who leads most comes first: that is whom a reviewer calls about a finding.
  const units = [...roles.keys()].sort((a, b) => leads(b) - leads(a) || (roles.get(b)?.size ?? 0) - (roles.get(a)?.size ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return { units, tasks: plan.allTasks, roles, derived };
}
