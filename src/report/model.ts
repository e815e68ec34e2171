import {
  actualProgress, effectiveCooperating, effectiveResponsible, leadInEffect, impliedAnnualGrowth, innermost, label, sectionLead, yearlyTotal,
  type ActualProgress, type FindingRow, type Indicator, type Plan, type Task, type UnitRef, type YearlyTotal,
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
  /** 完成情况 against the target, judged as `actual-matches-target` judges it. */
  progress?: ActualProgress;
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
      progress: actualProgress(ind),
    };
  });
}

/**
 * How a task's lead in effect is known: `named` by the task or its section, `derived` by the plan's
 * convention, or `undecided`: a responsible-only row listing several units, none said to lead
 * (task-has-lead's leadAmbiguous). Such units are the row's, not its leads, and the report says so.
 */
export type LeadHow = 'named' | 'derived' | 'undecided';

/** A task's lead in effect and how it is known: see `LeadHow`. */
function taskLead(task: Task): { units: readonly UnitRef[]; how: LeadHow } {
  const lead = leadInEffect(task);
  if (lead.from === undefined || lead.from === 'own' || lead.from === 'section') return { units: lead.units, how: 'named' };
  return { units: lead.units, how: lead.from === 'responsible-only' && lead.units.length > 1 ? 'undecided' : 'derived' };
}

/** The lead units responsible for the place a finding points at, and how they are known; none for the plan as a whole. */
export function leadsFor(plan: Plan, f: FindingRow): { names: string[]; how: LeadHow } {
  const best = innermost([...plan.allSections, ...plan.allTasks], f.path);
  if (!best) return { names: [], how: 'named' };
  const { units, how } = best.kind === 'task' ? taskLead(best) : { units: sectionLead(best), how: 'named' as const };
  return { names: units.map((r) => r.name), how };
}

/** 分工 — what a unit does on a task: 牵头 (leads), 责任 (shares) or 配合 (cooperates). */
export type TaskRole = 'lead' | 'responsible' | 'cooperating';

const RANK: Record<TaskRole, number> = { lead: 0, responsible: 1, cooperating: 2 };

/** Which unit leads, shares or cooperates on which task: unit → task → its weightiest role there. */
export function unitMatrix(plan: Plan): { units: string[]; tasks: Task[]; roles: Map<string, Map<Task, TaskRole>>; derived: Set<Task>; undecided: Set<Task>; cooperating: boolean } {
  /** Tasks whose lead the plan's convention derives: the report marks them, the source never names that lead. */
  const derived = new Set<Task>();
  /** Tasks whose several listed units leave the lead open (responsible-only): marked so among the shares. */
  const undecided = new Set<Task>();
  const roles = new Map<string, Map<Task, TaskRole>>();
  let cooperating = false;
  const mark = (unit: string, task: Task, role: TaskRole) => {
    let m = roles.get(unit);
    if (!m) roles.set(unit, (m = new Map<Task, TaskRole>()));
    const had = m.get(task);
    if (had === undefined || RANK[role] < RANK[had]) m.set(task, role);
  };
  for (const task of plan.allTasks) {
    const lead = taskLead(task);
    if (lead.how === 'derived') derived.add(task);
    // Units of a row whose lead is undecided share it: none of them is said to lead.
    if (lead.how === 'undecided') undecided.add(task);
    else for (const r of lead.units) mark(r.name, task, 'lead');
    for (const r of effectiveResponsible(task)) mark(r.name, task, 'responsible');
    for (const r of effectiveCooperating(task)) {
      cooperating = true;
      mark(r.name, task, 'cooperating');
    }
  }
  const count = (u: string, role: TaskRole) => [...(roles.get(u)?.values() ?? [])].filter((r) => r === role).length;
  // Who leads most comes first: that is whom a reviewer calls about a finding.
  const units = [...roles.keys()].sort(
    (a, b) => count(b, 'lead') - count(a, 'lead') || count(b, 'responsible') - count(a, 'responsible') || (roles.get(b)?.size ?? 0) - (roles.get(a)?.size ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { units, tasks: plan.allTasks, roles, derived, undecided, cooperating };
}

/** A plan's tasks by path, made once per plan: every finding of a file is looked up in it. */
const TASKS_BY_PATH = new WeakMap<Plan, Map<string, Task>>();

/** The task a path lies in (tasks do not nest): the longest prefix of `path` that is a task's path. */
function taskAt(plan: Plan, path: readonly (string | number)[]): Task | undefined {
  let byPath = TASKS_BY_PATH.get(plan);
  if (!byPath) {
    byPath = new Map(plan.allTasks.map((t) => [t.path.join('\u0000'), t]));
    TASKS_BY_PATH.set(plan, byPath);
  }
  for (let n = path.length; n > 0; n--) {
    const task = byPath.get(path.slice(0, n).join('\u0000'));
    if (task) return task;
  }
  return undefined;
}

/**
 * What a finding on a task says with the task it names left out (rule, message id, severity and the
 * rest of its words), or undefined for a finding on no task or one that does not name its task: findings
 * with the same key say the same of different tasks. The CLI's stylish output gathers them as the report does.
 */
export function sameFindingKey(plan: Plan, f: FindingRow): string | undefined {
  const task = taskAt(plan, f.path);
  if (!task) return undefined;
  const name = label(task);
  if (!f.message['zh-CN'].includes(name)) return undefined;
  return `${f.ruleId}\u0000${f.messageId ?? ''}\u0000${f.severity}\u0000${f.message['zh-CN'].split(name).join('\u0000')}`;
}

/**
 * A list's findings with those of one kind gathered: `minimum` or more findings of one rule and message,
 * each on a task, whose words differ only in the task they name, become one group (rows in their order);
 * every other finding is a group of its own. Twenty-five identical "names no unit" errors are one entry
 * listing twenty-five tasks, not a wall a reviewer sorts by hand; the editor still has one per task.
 */
export function groupSameFindings(plan: Plan, findings: readonly FindingRow[], minimum = 3): FindingRow[][] {
  const keys = findings.map((f) => sameFindingKey(plan, f));
  const size = new Map<string, number>();
  for (const k of keys) if (k !== undefined) size.set(k, (size.get(k) ?? 0) + 1);
  const groups: FindingRow[][] = [];
  const open = new Map<string, FindingRow[]>();
  findings.forEach((f, i) => {
    const k = keys[i];
    if (k === undefined || (size.get(k) ?? 0) < minimum) return void groups.push([f]);
    const g = open.get(k);
    if (g) return void g.push(f);
    const fresh = [f];
    open.set(k, fresh);
    groups.push(fresh);
  });
  return groups;
}
