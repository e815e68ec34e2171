import { label, type Indicator, type Plan, type Section, type Task } from './model.js';
import { indicatorLabel } from './queries.js';
import type { DataPath, Localized } from './types.js';

/**
 * 上一轮 — comparing two rounds of the same draft. A finding is matched by its rule and by what it is
 * about (the section, task, indicator or unit its path points into, paired across the rounds by id,
 * by number and title, by title, by number), never by line number: lines move between drafts.
 */

/** What a finding must carry to be compared across rounds (a FindingRow does). */
export interface RoundFinding {
  ruleId: string;
  path: DataPath;
  message: Localized;
}

/** One round of a draft: its findings and the plan they were found in. */
export interface Round<F extends RoundFinding = RoundFinding> {
  findings: readonly F[];
  plan?: Plan;
}

/** SARIF's names: `new` since the last round, `unchanged` (still open), `absent` (fixed). */
export type BaselineState = 'new' | 'unchanged' | 'absent';

/** 目标变化 — a target that differs between the rounds: a year's, the overall one, or the baseline. */
export interface TargetChange {
  /** The task or section the indicator belongs to, as labelled (number and title). */
  owner: string;
  indicator: string;
  which: 'year' | 'overall' | 'baseline';
  /** For `year`: the year. */
  year?: number;
  /** Absent when the round does not state it. */
  before?: number;
  after?: number;
  /** The indicator's path in the new round. */
  path: DataPath;
}

/** A task added or removed between the rounds. */
export interface TaskChange {
  id?: string;
  number?: string;
  title: string;
  /** Its path in the round it exists in. */
  path: DataPath;
}

/** What changed from the old round to the new one. */
export interface RoundComparison<F extends RoundFinding = RoundFinding> {
  /** For each finding of the new round, in order: `new` or `unchanged`. */
  states: BaselineState[];
  /** The old round's findings the new one no longer has. */
  fixed: F[];
  targets: TargetChange[];
  tasksAdded: TaskChange[];
  tasksRemoved: TaskChange[];
}

type Key<T> = (x: T) => string | undefined;

/**
 * Pairs old items with new ones, pass by pass: a pass pairs the items still unpaired whose key is
 * defined and unique among the unpaired on both sides, so an ambiguous key never guesses.
 */
function pairUp<T>(olds: readonly T[], news: readonly T[], keys: readonly Key<T>[]): Map<T, T> {
  const pairs = new Map<T, T>();
  const taken = new Set<T>();
  // The items still unpaired, narrowed after each pass that paired any: a later pass looks only at them.
  let restOld = olds;
  let restNew = news;
  for (const key of keys) {
    // Every item on one side paired: the later passes could pair nothing more.
    if (restOld.length === 0 || restNew.length === 0) break;
    const index = (list: readonly T[]) => {
      const m = new Map<string, T | null>();
      for (const x of list) {
        const k = key(x);
        if (k === undefined) continue;
        m.set(k, m.has(k) ? null : x);
      }
      return m;
    };
    const o = index(restOld);
    const n = index(restNew);
    const before = pairs.size;
    for (const [k, x] of n) {
      const y = o.get(k);
      if (x === null || y === null || y === undefined) continue;
      pairs.set(x, y);
      taken.add(y);
    }
    if (pairs.size > before) {
      restOld = restOld.filter((x) => !taken.has(x));
      restNew = restNew.filter((x) => !pairs.has(x));
    }
  }
  return pairs;
}

const both = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined && b !== '' ? `${a}\u0001${b}` : undefined);
const keyOf = (p: DataPath) => p.join('\u0000');
const hasJoiner = (step: DataPath[number]) => typeof step === 'string' && step.includes('\u0000');
type PathKeys = (x: { path: DataPath }) => string;
/**
 * Each object's path as a key, joined once per comparison: joining every path again per use was most
 * of a comparison's time (a plain Map: a module-wide WeakMap cost more than the joins it saved).
 */
function pathKeys(): PathKeys {
  const keys = new Map<object, string>();
  return (x) => {
    let key = keys.get(x);
    if (key === undefined) keys.set(x, (key = keyOf(x.path)));
    return key;
  };
}

/**
 * The paths of one side's findings, each prefix as a key: only objects at one of them can be what a
 * finding is about, so only those are named (keying every object's path was most of a comparison).
 */
class Prefixes {
  readonly keys = new Set<string>();
  /** The last step of each prefix, by its length: a cheap test before an object's path is joined. */
  readonly #ends = new Map<number, Set<string>>();
  /**
   * Whether that test is exact: a step holding the joiner (U+0000) could make two paths of different
   * lengths one key, and then every object's path is joined, as a key would have been anyway.
   */
  #filter = true;

  constructor(findings: readonly RoundFinding[]) {
    for (const f of findings) {
      for (let n = 1; n <= f.path.length; n++) {
        const step = f.path[n - 1];
        if (hasJoiner(step)) this.#filter = false;
        this.keys.add(keyOf(f.path.slice(0, n)));
        let ends = this.#ends.get(n);
        if (!ends) this.#ends.set(n, (ends = new Set()));
        ends.add(String(step));
      }
    }
  }

  /** Whether a finding's path runs through the object: the object's path key is one of the prefixes'. */
  holds(x: { path: DataPath }, k: PathKeys): boolean {
    if (this.keys.size === 0) return false;
    const p = x.path;
    const end = p.length > 0 && this.#ends.get(p.length)?.has(String(p[p.length - 1])) === true;
    if (end || !this.#filter || p.length === 0 || p.some(hasJoiner)) return this.keys.has(k(x));
    return false;
  }
}

/**
 * What each side's objects are called in the comparison (by path key): a shared name for a pair, a
 * side's own otherwise. Only objects a finding's path runs through are named: the names are compared
 * only between the subjects of findings.
 */
class Names {
  readonly old = new Map<string, string>();
  readonly new = new Map<string, string>();
  #n = 0;

  constructor(
    private readonly k: PathKeys,
    private readonly prefixes: { old: Prefixes; new: Prefixes },
  ) {}

  pair(o: { path: DataPath }, x: { path: DataPath }): void {
    const inOld = this.prefixes.old.holds(o, this.k);
    const inNew = this.prefixes.new.holds(x, this.k);
    if (!inOld && !inNew) return;
    const name = `p${this.#n++}`;
    if (inOld) this.old.set(this.k(o), name);
    if (inNew) this.new.set(this.k(x), name);
  }

  lone(side: 'old' | 'new', x: { path: DataPath }): void {
    if (!this.prefixes[side].holds(x, this.k)) return;
    const key = this.k(x);
    if (!this[side].has(key)) this[side].set(key, `${side}${this.#n++}`);
  }
}

function sectionsOf(plan: Plan | undefined): Section[] {
  return plan?.allSections ?? [];
}

/** Pairs the sections, tasks, indicators and units of two plans; names every one of them. */
function matchPlans(oldPlan: Plan | undefined, newPlan: Plan | undefined, k: PathKeys, prefixes: { old: Prefixes; new: Prefixes }) {
  const names = new Names(k, prefixes);
  const sectionKeys: Key<Section>[] = [(s) => s.id, (s) => both(s.number, s.title), (s) => s.title || undefined, (s) => s.number];
  const sections = pairUp(sectionsOf(oldPlan), sectionsOf(newPlan), sectionKeys);
  const sectionName = new Map<Section, string>();
  let n = 0;
  for (const [s, o] of sections) {
    const name = `s${n++}`;
    sectionName.set(s, name);
    sectionName.set(o, name);
  }
  // Tasks are paired over the whole plan, so a task moved to another section is still the same task.
  const inSection = (t: Task) => sectionName.get(t.section);
  const taskKeys: Key<Task>[] = [
    (t) => t.id,
    (t) => both(inSection(t), both(t.number, t.title)),
    (t) => both(t.number, t.title),
    (t) => t.title || undefined,
    (t) => both(inSection(t), t.number),
  ];
  const oldTasks = oldPlan?.allTasks ?? [];
  const newTasks = newPlan?.allTasks ?? [];
  const tasks = pairUp(oldTasks, newTasks, taskKeys);

  const indicators = new Map<Indicator, Indicator>();
  const indicatorKeys: Key<Indicator>[] = [(i) => i.id, (i) => both(i.name, i.unit), (i) => i.name || undefined];
  const pairIndicators = (olds: readonly Indicator[], news: readonly Indicator[]) => {
    for (const [x, y] of pairUp(olds, news, indicatorKeys)) {
      indicators.set(x, y);
      pairIndicators(y.parts, x.parts);
    }
  };
  pairIndicators(oldPlan?.indicators ?? [], newPlan?.indicators ?? []);
  for (const [s, o] of sections) pairIndicators(o.indicators, s.indicators);
  for (const [t, o] of tasks) pairIndicators(o.indicators, t.indicators);

  for (const [s, o] of sections) names.pair(o, s);
  for (const [t, o] of tasks) names.pair(o, t);
  for (const [i, o] of indicators) names.pair(o, i);
  for (const [u, o] of pairUp(oldPlan?.units ?? [], newPlan?.units ?? [], [(u) => u.id, (u) => u.name])) names.pair(o, u);
  // What has no counterpart gets a name of its own side: a finding about it never matches.
  for (const side of ['old', 'new'] as const) {
    const plan = side === 'old' ? oldPlan : newPlan;
    for (const list of [sectionsOf(plan), plan?.allTasks ?? [], plan?.allIndicators ?? [], plan?.units ?? []]) {
      for (const x of list) names.lone(side, x);
    }
  }
  return { names, tasks, indicators, oldTasks, newTasks };
}

/**
 * What a finding is about, as a string equal across the rounds: its rule, the deepest named object its
 * path points into, and the rest of the path (a unit in a `lead`, `responsible` or `cooperating` list by its name;
 * other list positions dropped, since they shift when an item is inserted).
 */
function subjectOf(f: RoundFinding, names: Map<string, string>, owners: Map<string, Task | Section>): string {
  const path = f.path;
  for (let n = path.length; n >= 0; n--) {
    const name = n === 0 ? 'plan' : names.get(keyOf(path.slice(0, n)));
    if (name === undefined) continue;
    const rest = path.slice(n).map((seg, i) => {
      if (typeof seg === 'string') return seg;
      const role = path[n + i - 1];
      if (role === 'lead' || role === 'responsible' || role === 'cooperating') {
        const ref = refAt(owners, path.slice(0, n + i + 1));
        if (ref !== undefined) return `=${ref}`;
      }
      return '#';
    });
    return [f.ruleId, name, ...rest].join('\u0000');
  }
  return f.ruleId;
}

/**
 * The sections and tasks of a plan by path, to name the unit a `lead`, `responsible` or `cooperating`
 * entry holds: those a finding's path runs through, the only ones looked up.
 */
function ownersOf(plan: Plan | undefined, k: PathKeys, prefixes: Prefixes): Map<string, Task | Section> {
  const out = new Map<string, Task | Section>();
  for (const x of [...sectionsOf(plan), ...(plan?.allTasks ?? [])]) if (prefixes.holds(x, k)) out.set(k(x), x);
  return out;
}

function refAt(owners: Map<string, Task | Section>, path: DataPath): string | undefined {
  const x = owners.get(keyOf(path.slice(0, -2)));
  const role = path[path.length - 2] as 'lead' | 'responsible' | 'cooperating';
  // Entries that are not names are left out of the list: find the one at that place in the data.
  const at = path[path.length - 1];
  return x?.[role].find((r) => r.path[r.path.length - 1] === at)?.name;
}

function targetChanges(pairs: Map<Indicator, Indicator>): TargetChange[] {
  const out: TargetChange[] = [];
  for (const [now, was] of pairs) {
    // Labelled only when a target changed: most pairs have none.
    let labelled: { owner: string; indicator: string; path: DataPath } | undefined;
    const base = () => (labelled ??= { owner: label(now.owner), indicator: indicatorLabel(now), path: now.path });
    const years = [...new Set([...was.yearly, ...now.yearly].map((t) => t.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
    for (const year of years) {
      const before = was.yearly.find((t) => t.year === year)?.value;
      const after = now.yearly.find((t) => t.year === year)?.value;
      if (before !== after) out.push({ ...base(), which: 'year', year, before, after });
    }
    for (const which of ['overall', 'baseline'] as const) {
      const before = was[which]?.value;
      const after = now[which]?.value;
      if (before !== after) out.push({ ...base(), which, before, after });
    }
  }
  return out;
}

const taskChange = (t: Task): TaskChange => ({ ...(t.id ? { id: t.id } : {}), ...(t.number ? { number: t.number } : {}), title: t.title, path: t.path });

/**
 * Compares a draft's new round with its old one: each new finding new or unchanged, the old findings
 * fixed, the targets changed, the tasks added and removed. Pure; the rounds may have no plan (a file
 * that did not parse, or did not exist), and then every finding is matched by rule and path alone.
 */
export function compareRounds<F extends RoundFinding>(old: Round<F>, next: Round<F>): RoundComparison<F> {
  const k = pathKeys();
  const prefixes = { old: new Prefixes(old.findings), new: new Prefixes(next.findings) };
  const { names, tasks, indicators, oldTasks, newTasks } = matchPlans(old.plan, next.plan, k, prefixes);
  const groups = new Map<string, { old: number[]; new: number[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { old: [], new: [] }));
    return g;
  };
  const oldOwners = ownersOf(old.plan, k, prefixes.old);
  const newOwners = ownersOf(next.plan, k, prefixes.new);
  old.findings.forEach((f, i) => group(subjectOf(f, names.old, oldOwners)).old.push(i));
  next.findings.forEach((f, i) => group(subjectOf(f, names.new, newOwners)).new.push(i));
  const states: BaselineState[] = next.findings.map(() => 'new');
  const fixed = new Set<number>();
  for (const g of groups.values()) {
    const left = new Set(g.old);
    // Same rule, same subject: the same message first (its numbers may have changed), then in order.
    for (const same of [true, false]) {
      for (const i of g.new) {
        if (states[i] === 'unchanged') continue;
        const j = [...left].find((k) => !same || old.findings[k].message['zh-CN'] === next.findings[i].message['zh-CN']);
        if (j === undefined) continue;
        left.delete(j);
        states[i] = 'unchanged';
      }
    }
    for (const j of left) fixed.add(j);
  }
  const pairedOld = new Set(tasks.values());
  return {
    states,
    fixed: old.findings.filter((_, i) => fixed.has(i)),
    targets: targetChanges(indicators),
    tasksAdded: newTasks.filter((t) => !tasks.has(t)).map(taskChange),
    tasksRemoved: oldTasks.filter((t) => !pairedOld.has(t)).map(taskChange),
  };
}
