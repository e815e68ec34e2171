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
  // The items still unpaired, narrowed after each pass that paired any: a later pass looks only at them.
  let restOld = olds;
  let restNew = news;
  for (const key of keys) {
    // Every item on one side paired: the later passes could pair nothing more.
    if (restOld.length === 0 || restNew.length === 0) break;
    const oldKeys = restOld.map(key);
    const newKeys = restNew.map(key);
    // The common case (a round edited here and there): the same keys in the same order, each once.
    // The pass pairs them all, in order, as the general one below would.
    if (sameUniqueKeys(oldKeys, newKeys)) {
      for (let i = 0; i < restNew.length; i++) pairs.set(restNew[i], restOld[i]);
      break;
    }
    const index = (list: readonly T[], listKeys: readonly (string | undefined)[]) => {
      const m = new Map<string, T | null>();
      for (let i = 0; i < list.length; i++) {
        const k = listKeys[i];
        if (k === undefined) continue;
        m.set(k, m.has(k) ? null : list[i]);
      }
      return m;
    };
    const o = index(restOld, oldKeys);
    const n = index(restNew, newKeys);
    const taken = new Set<T>();
    for (const [k, x] of n) {
      const y = o.get(k);
      if (x === null || y === null || y === undefined) continue;
      pairs.set(x, y);
      taken.add(y);
    }
    if (taken.size > 0) {
      restOld = restOld.filter((x) => !taken.has(x));
      restNew = restNew.filter((x) => !pairs.has(x));
    }
  }
  return pairs;
}

/** Whether two lists of keys are the same defined keys in the same order, none twice. */
function sameUniqueKeys(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] === undefined || a[i] !== b[i]) return false;
  if (a.length <= 8) {
    for (let i = 1; i < a.length; i++) for (let j = 0; j < i; j++) if (a[i] === a[j]) return false;
    return true;
  }
  return new Set(a).size === a.length;
}

const both = (a: string | undefined, b: string | undefined) => (a !== undefined && b !== undefined && b !== '' ? `${a}\u0001${b}` : undefined);
type Side = 'old' | 'new';

/**
 * A node of the paths' trie: a path step's place, reached from the root by the steps before it.
 * A path is walked by the pieces of its steps joined with U+0000 (a step holding U+0000 is several
 * pieces, an empty path one empty piece), so two paths reach one node exactly when their joined
 * strings are equal: the identity the comparison has always keyed objects by, with no string made.
 */
class PathNode {
  readonly next = new Map<string, PathNode>();
  /** Whether a finding of the side has this path or runs through it (a prefix of its path). */
  readonly held = { old: false, new: false };
  /** What the side's object at this path is called in the comparison. */
  readonly name: { old?: string; new?: string } = {};
  /** The side's section or task at this path, to name the unit a role list entry holds. */
  readonly owner: { old?: Task | Section; new?: Task | Section } = {};
}

/**
 * The prefixes of the findings' paths, as a trie: only objects at one of them can be what a finding
 * is about, so only those are named, and a walk stops at the first step no finding's path takes.
 */
class Paths {
  readonly root = new PathNode();

  constructor(old: readonly RoundFinding[], next: readonly RoundFinding[]) {
    for (const [side, findings] of [['old', old], ['new', next]] as const) {
      for (const f of findings) {
        let node: PathNode = this.root;
        for (let n = 0; n < f.path.length; n++) {
          node = this.#step(node, f.path[n], true) as PathNode;
          node.held[side] = true;
        }
      }
    }
  }

  /** The node after a step from `node`, when a finding's path takes it. */
  step(node: PathNode, step: DataPath[number]): PathNode | undefined {
    return this.#step(node, step, false);
  }

  /** The node after a step from `node`, made when `make`. */
  #step(node: PathNode, step: DataPath[number], make: boolean): PathNode | undefined {
    const s = typeof step === 'string' ? step : String(step);
    if (!s.includes('\u0000')) return this.#child(node, s, make);
    // A step holding U+0000: its pieces, one node each, as the joined string would read.
    let at: PathNode | undefined = node;
    for (const piece of s.split('\u0000')) if (!(at = at && this.#child(at, piece, make))) return undefined;
    return at;
  }

  #child(node: PathNode, piece: string, make: boolean): PathNode | undefined {
    let child = node.next.get(piece);
    if (!child && make) node.next.set(piece, (child = new PathNode()));
    return child;
  }

  /** The node of a path, when some finding's path runs through it; undefined otherwise. */
  at(path: DataPath): PathNode | undefined {
    // The empty path joins to the empty string, as the path [''] does.
    if (path.length === 0) return this.root.next.get('');
    let node: PathNode | undefined = this.root;
    for (let n = 0; n < path.length && node; n++) node = this.#step(node, path[n], false);
    return node;
  }

  /** The node of an object's path when a finding of the side runs through it. */
  holding(side: Side, x: { path: DataPath }): PathNode | undefined {
    const node = this.at(x.path);
    return node?.held[side] ? node : undefined;
  }
}

/**
 * What each side's objects are called in the comparison (on their path's node): a shared name for a
 * pair, a side's own otherwise. Only objects a finding's path runs through are named: the names are
 * compared only between the subjects of findings.
 */
class Names {
  #n = 0;
  /** The objects paired, by side: `lone` would leave their names as `pair` made them. */
  readonly #paired = { old: new Set<object>(), new: new Set<object>() };

  constructor(private readonly paths: Paths) {}

  pair(o: { path: DataPath }, x: { path: DataPath }): void {
    this.#paired.old.add(o);
    this.#paired.new.add(x);
    const inOld = this.paths.holding('old', o);
    const inNew = this.paths.holding('new', x);
    if (!inOld && !inNew) return;
    const name = `p${this.#n++}`;
    if (inOld) inOld.name.old = name;
    if (inNew) inNew.name.new = name;
  }

  lone(side: Side, x: { path: DataPath }): void {
    if (this.#paired[side].has(x)) return;
    const node = this.paths.holding(side, x);
    if (node && node.name[side] === undefined) node.name[side] = `${side}${this.#n++}`;
  }
}

function sectionsOf(plan: Plan | undefined): Section[] {
  return plan?.allSections ?? [];
}

/** Pairs the sections, tasks, indicators and units of two plans; names every one of them. */
function matchPlans(oldPlan: Plan | undefined, newPlan: Plan | undefined, paths: Paths) {
  const names = new Names(paths);
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
    // (Most indicators have no parts: nothing to pair.)
    if (olds.length === 0 || news.length === 0) return;
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
function subjectOf(f: RoundFinding, side: Side, paths: Paths): string {
  const path = f.path;
  // The nodes of the path's prefixes, longest last: every one is in the trie (the finding made it).
  const nodes: (PathNode | undefined)[] = [];
  let node: PathNode | undefined = paths.root;
  for (let n = 0; n < path.length; n++) nodes.push((node = node && paths.step(node, path[n])));
  for (let n = path.length; n >= 0; n--) {
    const name = n === 0 ? 'plan' : nodes[n - 1]?.name[side];
    if (name === undefined) continue;
    const rest = path.slice(n).map((seg, i) => {
      if (typeof seg === 'string') return seg;
      const role = path[n + i - 1];
      if (role === 'lead' || role === 'responsible' || role === 'cooperating') {
        const ref = refAt(side, paths, path.slice(0, n + i + 1));
        if (ref !== undefined) return `=${ref}`;
      }
      return '#';
    });
    return [f.ruleId, name, ...rest].join('\u0000');
  }
  return f.ruleId;
}

/**
 * Puts on their paths' nodes the sections and tasks of a plan, to name the unit a `lead`,
 * `responsible` or `cooperating` entry holds: those a finding's path runs through, the only ones looked up.
 */
function placeOwners(side: Side, plan: Plan | undefined, paths: Paths): void {
  for (const list of [sectionsOf(plan), plan?.allTasks ?? []]) {
    for (const x of list) {
      const node = paths.holding(side, x);
      if (node) node.owner[side] = x;
    }
  }
}

function refAt(side: Side, paths: Paths, path: DataPath): string | undefined {
  const x = paths.at(path.slice(0, -2))?.owner[side];
  const role = path[path.length - 2] as 'lead' | 'responsible' | 'cooperating';
  // Entries that are not names are left out of the list: find the one at that place in the data.
  const at = path[path.length - 1];
  return x?.[role].find((r) => r.path[r.path.length - 1] === at)?.name;
}

function targetChanges(pairs: Map<Indicator, Indicator>): TargetChange[] {
  const out: TargetChange[] = [];
  for (const [now, was] of pairs) {
    // Most pairs have the same targets: the same years with the same values, in the same order.
    if (sameTargets(was, now)) continue;
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

/**
 * Whether two indicators' targets are the same, each year's in the same place: then every year's first
 * target, the overall and the baseline, the ones compared below, are equal.
 */
function sameTargets(was: Indicator, now: Indicator): boolean {
  if (was.overall?.value !== now.overall?.value || was.baseline?.value !== now.baseline?.value) return false;
  const a = was.yearly;
  const b = now.yearly;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].year !== b[i].year || a[i].value !== b[i].value) return false;
  return true;
}

const taskChange = (t: Task): TaskChange => ({ ...(t.id ? { id: t.id } : {}), ...(t.number ? { number: t.number } : {}), title: t.title, path: t.path });

/**
 * Compares a draft's new round with its old one: each new finding new or unchanged, the old findings
 * fixed, the targets changed, the tasks added and removed. Pure; the rounds may have no plan (a file
 * that did not parse, or did not exist), and then every finding is matched by rule and path alone.
 */
export function compareRounds<F extends RoundFinding>(old: Round<F>, next: Round<F>): RoundComparison<F> {
  const paths = new Paths(old.findings, next.findings);
  const { tasks, indicators, oldTasks, newTasks } = matchPlans(old.plan, next.plan, paths);
  const groups = new Map<string, { old: number[]; new: number[] }>();
  const group = (k: string) => {
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { old: [], new: [] }));
    return g;
  };
  placeOwners('old', old.plan, paths);
  placeOwners('new', next.plan, paths);
  old.findings.forEach((f, i) => group(subjectOf(f, 'old', paths)).old.push(i));
  next.findings.forEach((f, i) => group(subjectOf(f, 'new', paths)).new.push(i));
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
