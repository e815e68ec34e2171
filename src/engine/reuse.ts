import type { Config } from './config.js';
import type { Plan } from './model.js';
import type { Report } from './rules.js';
import type { DataPath, OffsetRange } from './types.js';

/**
 * The rules whose findings are local to indicator trees. An indicator tree is an indicator of the
 * plan, a section or a task with all its parts. A rule is tree-local when (1) each finding it makes
 * at a path inside a tree depends only on that tree and on data outside every tree (tasks, sections,
 * units, the plan's header), (2) each finding it makes outside every tree depends only on data outside
 * every tree, and (3) it reaches indicators through `plan.allIndicators` (or `plan.indicators`).
 *
 * A rule that reads nothing inside any tree (units, leads, task titles) is tree-local with no
 * finding inside a tree: `none` below; the others are `trees`.
 *
 * A next check of the same file whose data differs from the previous one only inside some trees (the
 * usual edit: a figure, a year, a name of an indicator) then keeps a tree-local rule's findings outside
 * those trees and runs the rule on the changed trees alone (a `none` rule not at all). That is what makes a second round's
 * last-round check cheap (issue 22) and an edit's check in the editor lighter.
 *
 * Left out, since their findings about one indicator or task depend on other trees:
 * baseline-plus-increments, relation-at-least-times and relation-sum-of (indicators named by id),
 * unique-ids (ids across the plan), unit-same-thing and units-comparable (units compared across
 * indicators), region-unit-has-share (a task's units against its indicators' regions),
 * parts-split-own-total and parts-within-total (a 其中 that adds up to the indicator beside its total). A rule not
 * listed here always runs whole; tests/reuse.test.ts holds every listed rule to the property by edits
 * of every seed and fixture, checked both ways.
 */
export const TREE_LOCAL: ReadonlyMap<string, 'trees' | 'none'> = new Map([
  ['actual-matches-target', 'trees'],
  ['baseline-before-period', 'trees'],
  ['bound-looser-than-baseline', 'trees'],
  ['cumulative-ends-on-overall', 'trees'],
  ['declared-task-count', 'none'],
  ['growth-matches-targets', 'trees'],
  ['lead-not-responsible', 'none'],
  ['lead-unit-member', 'none'],
  ['level-meets-overall', 'trees'],
  ['milestone-matches-title', 'none'],
  ['no-duplicate-tasks', 'none'],
  ['number-form-gbt15835', 'trees'],
  ['overall-in-last-year', 'trees'],
  ['parts-sum-to-total', 'trees'],
  ['rate-within-bounds', 'trees'],
  ['region-declared', 'trees'],
  ['regions-sum-to-total', 'trees'],
  ['responsible-names-unit', 'none'],
  ['stated-sum-adds-up', 'none'],
  ['target-beyond-baseline', 'trees'],
  ['task-has-lead', 'none'],
  ['text-no-stray-space', 'trees'],
  ['unit-declared', 'none'],
  ['unit-fits-noun', 'trees'],
  ['unit-known', 'none'],
  ['unit-level-prefix', 'none'],
  ['unit-matches-name', 'trees'],
  ['unit-name-canonical', 'none'],
  ['unit-name-near-identical', 'none'],
  ['unit-not-scale-only', 'trees'],
  ['unit-register-form', 'none'],
  ['yearly-no-gaps', 'trees'],
  ['yearly-path-direction', 'trees'],
  ['yearly-sum-matches-overall', 'trees'],
  ['years-within-period', 'trees'],
]);

/** A rule's report and where the check placed it in its text. */
export interface PlacedReport {
  report: Report;
  range: OffsetRange;
}

/** What a check keeps for the next check of the same file: its data, what it was checked with, and each rule's reports. */
export interface RuleMemo {
  data: unknown;
  config: Config | undefined;
  relativePath: string | undefined;
  reports: Map<string, PlacedReport[]>;
}

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An indicator of the plan (`plan.indicators.k`), a section or a task: where a tree starts. */
function isTreeRoot(path: DataPath): boolean {
  const n = path.length;
  return n >= 3 && typeof path[n - 1] === 'number' && path[n - 2] === 'indicators' && (typeof path[n - 3] === 'number' || (n === 3 && path[0] === 'plan'));
}

/**
 * The trees in which `after` differs from `before`, or undefined when it differs anywhere else: a
 * value outside every tree, a key added or removed there, a list grown or shrunk, a tree no longer
 * a mapping. Parts the two share (a re-read keeps every part an edit left alone) are not looked into.
 */
export function changedTrees(before: unknown, after: unknown): DataPath[] | undefined {
  const trees: DataPath[] = [];
  const path: (string | number)[] = [];
  const walk = (a: unknown, b: unknown): boolean => {
    if (a === b) return true;
    if (isTreeRoot(path)) {
      if (!isMap(a) || !isMap(b)) return false;
      // (A tree read again whole, as a whole reading does, is the same tree when it holds the same.)
      if (!sameData(a, b)) trees.push(path.slice());
      return true;
    }
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) {
        path.push(i);
        const same = walk(a[i], b[i]);
        path.pop();
        if (!same) return false;
      }
      return true;
    }
    if (!isMap(a) || !isMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
      path.push(k);
      const same = walk(a[k], b[k]);
      path.pop();
      if (!same) return false;
    }
    return true;
  };
  return walk(before, after) ? trees : undefined;
}

/** Whether two parts of the data hold the same: the same keys with the same values, the same items in order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!isMap(a) || !isMap(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData(a[k], b[k]));
}

/** Whether `path` is one of `trees` or inside one. */
export function inTrees(path: DataPath, trees: readonly DataPath[]): boolean {
  return trees.some((t) => t.length <= path.length && t.every((seg, i) => path[i] === seg));
}

/** The plan as a tree-local rule needs it for the findings inside `trees`: every indicator list cut to them, no task or section to visit. */
export function treesView(plan: Plan, trees: readonly DataPath[]): Plan {
  const kept = (list: Plan['allIndicators']) => list.filter((i) => inTrees(i.path, trees));
  return { ...plan, sections: [], allSections: [], allTasks: [], indicators: kept(plan.indicators), allIndicators: kept(plan.allIndicators) };
}
