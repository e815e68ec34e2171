import type { Config } from './config.js';
import { settingsFor, EMPTY_CONFIG } from './config.js';
import { ruleMeta } from './messages.js';
import { convert, knownDifferent, parseUnit } from './measure.js';
import type { Actual, Comparator, Convention, Indicator, Milestone, Person, Plan, Section, Task, Target, UnitRef } from './model.js';
import type { DataPath } from './types.js';

/**
 * Facts about a plan that more than one part of planlint states: the rules, the hover, the inlay
 * hints, the review report and the exports. Each is decided here once, so that no two of them can
 * disagree about the same plan.
 */

/** Float noise from adding decimals (0.1 + 0.2) must never read as a mismatch. */
const EPSILON = 1e-9;

/** Whether two figures are equal within an absolute tolerance (and float noise). */
export function approxEqual(a: number, b: number, tolerance = 0): boolean {
  return Math.abs(a - b) <= tolerance + EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The comparator in force for a target: its own, else the indicator's. */
export function comparatorOf(target: Target, indicator: Indicator): Comparator | undefined {
  return target.comparator ?? indicator.comparator;
}

/** Whether `value` satisfies `comparator bound`, `=` (and no comparator) meaning equal within tolerance. */
export function satisfies(value: number, comparator: Comparator | undefined, bound: number, tolerance = 0): boolean {
  switch (comparator) {
    case '>=': return value >= bound - tolerance - EPSILON;
    case '>': return value > bound - tolerance;
    case '<=': return value <= bound + tolerance + EPSILON;
    case '<': return value < bound + tolerance;
    default: return approxEqual(value, bound, tolerance);
  }
}

/** 年度目标合计 — an increment's yearly targets summed against its overall target. */
export interface YearlyTotal {
  sum: number;
  /** The yearly targets that were added, in order. */
  terms: readonly Target[];
  /** The overall target's comparator in force (a floor "以上" is met by any larger sum). */
  comparator: Comparator | undefined;
  /** The overall target's value. */
  total: number;
  /** Whether the sum meets the overall target under its comparator and the tolerance. */
  ok: boolean;
}

/** 约数 — how far, as a share of the total, a sum may miss it where a figure is approximate (2000万左右, 约3万). */
const APPROX_SHARE = 0.1;

/** The slack a sum is allowed against its total: 10% of the total where it or any term is approximate, else none. */
export function approxSlack(total: Target, terms: readonly { approx?: boolean }[]): number {
  return total.approx || terms.some((t) => t.approx) ? Math.abs(total.value) * APPROX_SHARE : 0;
}

/**
 * The sum of an increment's yearly targets against its overall target; undefined where there is
 * nothing to add up (not an increment, no overall target, fewer than two years).
 */
export function yearlyTotal(ind: Indicator, tolerance = 0): YearlyTotal | undefined {
  if (ind.kind !== 'increment' || !ind.overall || ind.yearly.length < 2) return undefined;
  let sum = 0;
  for (const t of ind.yearly) sum += t.value;
  const comparator = comparatorOf(ind.overall, ind);
  return { sum, terms: ind.yearly, comparator, total: ind.overall.value, ok: satisfies(sum, comparator, ind.overall.value, tolerance + approxSlack(ind.overall, ind.yearly)) };
}

/** 完成情况 judged against the target: the figures a progress rule, the hover and the report all state. */
export interface ActualProgress {
  actual: Actual;
  /** The target the actual is measured against: the yearly target of `asOf`'s year, else the overall target. */
  target?: Target;
  /** Whether the actual's unit measures another thing than the indicator's (元/月 against 元/人). */
  unitsDiffer: boolean;
  /** The actual's value in the indicator's unit; undefined without a value or when the units differ. */
  value?: number;
  /** value ÷ target × 100, unrounded; only for amounts (increments, running totals), not levels. */
  rate?: number;
  /** `rate` rounded half up to as many decimals as the printed percent has (119.97 → 120 for "119"). */
  expectedPercent?: number;
  /** Whether the target is reached (a ceiling from below, anything else from above); undefined if unknown. */
  reached?: boolean;
}

/** Decimals of a number as written (119 → 0, 54.5 → 1). */
function decimals(n: number): number {
  const m = /\.(\d+)$/.exec(String(n));
  return m ? m[1].length : 0;
}

/** Rounded half up to `digits` decimals, float noise aside (0.5 → 1, 119.968 → 120). */
export function roundHalfUp(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.floor(x * f + 0.5 + EPSILON * Math.max(1, Math.abs(x * f))) / f;
}

/** An indicator's actual against its target; undefined when the indicator states no actual. */
export function actualProgress(ind: Indicator): ActualProgress | undefined {
  const actual = ind.actual;
  if (!actual) return undefined;
  const target = (actual.year !== undefined ? ind.yearly.find((t) => t.year === actual.year) : undefined) ?? ind.overall;
  const mine = parseUnit(ind.unit);
  const theirs = actual.unit === undefined ? mine : parseUnit(actual.unit);
  const unitsDiffer = !!mine && !!theirs && knownDifferent(theirs, mine);
  const value = actual.value === undefined || unitsDiffer ? undefined : mine && theirs ? convert(actual.value, theirs, mine) : actual.value;
  const out: ActualProgress = { actual, target, unitsDiffer, value };
  if (!target) return out;
  // A level's 完成率 is reached-or-not, printed 100% once met: only amounts have a rate to recompute.
  if (value !== undefined && ind.kind !== 'level' && target.value > 0) {
    out.rate = (value / target.value) * 100;
    if (actual.percent !== undefined) out.expectedPercent = roundHalfUp(out.rate, decimals(actual.percent));
  }
  const comparator = comparatorOf(target, ind);
  const ceiling = comparator === '<=' || comparator === '<' || ind.direction === 'lower';
  if (value !== undefined) out.reached = ceiling ? value <= target.value + EPSILON : value >= target.value - EPSILON;
  else if (actual.percent !== undefined && !unitsDiffer && ind.kind !== 'level') out.reached = actual.percent >= 100;
  return out;
}

/** A rule's options in force for a file: its defaults, then the configuration's. */
export function ruleOptions(ruleId: string, config: Config = EMPTY_CONFIG, relativePath?: string): Record<string, unknown> {
  const props = (ruleMeta(ruleId)?.options as { properties?: Record<string, { default?: unknown }> } | undefined)?.properties ?? {};
  const defaults = Object.fromEntries(Object.entries(props).filter(([, s]) => s.default !== undefined).map(([k, s]) => [k, s.default]));
  return { ...defaults, ...settingsFor(config, relativePath)[ruleId]?.options };
}

/** The tolerance the yearly-sum rule applies, for a file under a configuration. */
export function sumTolerance(config?: Config, relativePath?: string): number {
  const t = Number(ruleOptions('yearly-sum-matches-overall', config, relativePath).tolerance ?? 0);
  return Number.isFinite(t) ? t : 0;
}

/** The name and unit of an indicator as messages show it: 学前三年毛入园率(%). */
export function indicatorLabel(ind: Indicator): string {
  return ind.unit ? `${ind.name}(${ind.unit})` : ind.name;
}

/** 牵头单位 in effect for a section: its own, else its nearest enclosing section's. */
export function sectionLead(section: Section | undefined): readonly UnitRef[] {
  for (let s: Section | undefined = section; s; s = s.parent) if (s.lead.length > 0) return s.lead;
  return [];
}

/** The lead in effect for a task, and where it comes from. */
export interface LeadInEffect {
  units: readonly UnitRef[];
  /**
   * `own`: the task names it; `section`: its section does; a convention's id: derived from the
   * responsible units by that convention (shown as derived); undefined: no lead.
   */
  from?: 'own' | 'section' | Convention['id'];
  /** The convention a derived lead comes from. */
  convention?: Convention;
}

/**
 * The first of the plan's conventions that derives a lead from the responsible units. One that says
 * who leads (responsible-leads, first-listed-leads) goes before responsible-only, which records only
 * that the table has one unit column: a plan may state both.
 */
function leadConvention(task: Task): Convention | undefined {
  const all = task.section.conventions;
  return all.find((c) => c.id === 'responsible-leads' || c.id === 'first-listed-leads') ?? all.find((c) => c.id === 'responsible-only');
}

/**
 * 牵头单位 in effect for a task: its own, else its nearest section's, else the one the plan's
 * convention derives from its responsible units (all of them; the first listed for
 * `first-listed-leads`).
 */
export function leadInEffect(task: Task): LeadInEffect {
  if (task.lead.length > 0) return { units: task.lead, from: 'own' };
  const section = sectionLead(task.section);
  if (section.length > 0) return { units: section, from: 'section' };
  const convention = leadConvention(task);
  const responsible = convention ? effectiveResponsible(task) : [];
  if (!convention || responsible.length === 0) return { units: [] };
  const units = convention.id === 'first-listed-leads' ? responsible.slice(0, 1) : responsible;
  return { units, from: convention.id, convention };
}

/** 牵头单位 in effect for a task: see `leadInEffect`. */
export function effectiveLead(task: Task): readonly UnitRef[] {
  return leadInEffect(task).units;
}

/** Whether the plan says its responsible lists hold the lead too (first-listed, or an all-units column). */
export function responsibleIncludesLead(task: Task | Section): boolean {
  return task.kind === 'section'
    ? task.conventions.some((c) => c.id === 'first-listed-leads' || c.id === 'responsible-only')
    : task.section.conventions.some((c) => c.id === 'first-listed-leads' || c.id === 'responsible-only');
}

/** 责任单位 in effect for a task: its own, else its nearest section's. */
export function effectiveResponsible(task: Task): readonly UnitRef[] {
  if (task.responsible.length > 0) return task.responsible;
  return responsibleSection(task)?.responsible ?? [];
}

/** The nearest section whose 责任单位 a task without its own takes (where `effectiveResponsible` reads them). */
export function responsibleSection(task: Task): Section | undefined {
  for (let s: Section | undefined = task.section; s; s = s.parent) if (s.responsible.length > 0) return s;
  return undefined;
}

/** 配合单位 in effect for a task: its own, else its nearest section's. */
export function effectiveCooperating(task: Task): readonly UnitRef[] {
  if (task.cooperating.length > 0) return task.cooperating;
  for (let s: Section | undefined = task.section; s; s = s.parent) if (s.cooperating.length > 0) return s.cooperating;
  return [];
}

/** 责任人 in effect for a task: its own, else its nearest section's (a 责任领导 over a whole 实事). */
export function effectivePeople(task: Task): readonly Person[] {
  if (task.people.length > 0) return task.people;
  for (let s: Section | undefined = task.section; s; s = s.parent) if (s.people.length > 0) return s.people;
  return [];
}

/** 责任人 as the hover, the outline and the report write them: 分管领导 何海平;项目责任人 张三. */
export function peopleText(people: readonly Person[]): string {
  return people.map((p) => `${p.role} ${p.name}`).join(';');
}

/** 节点 in the order written, as the hover and the report write them: 开工 2016-05 → 投入使用 2016-09. */
export function milestonesText(milestones: readonly Milestone[]): string {
  return milestones.map((m) => `${m.kind} ${m.date}`).join(' → ');
}

/** The tag counts a plan declares (tagCounts), each with how many tasks carry the tag. */
export function tagCountsListed(plan: Plan): { tag: string; declared: number; listed: number }[] {
  return plan.tagCounts.map((c) => ({ tag: c.tag, declared: c.count, listed: plan.allTasks.filter((t) => t.tags.includes(c.tag)).length }));
}

function countTasks(s: Section): number {
  // The paragraphs of a closing part (kind: measures) are not among the tasks a heading counts.
  return s.tasks.length + s.sections.reduce((n, sub) => n + (sub.measures && !s.measures ? 0 : countTasks(sub)), 0);
}

/**
 * What a plan or a section lists, as its "6类22件" counts it: categories are its sections (a plan's
 * top-level ones, a section's direct ones) that hold tasks, a preamble without tasks (总体要求) and
 * a closing part (保障措施) left out, as the source's own count leaves them; items are its tasks
 * outside closing parts.
 */
export function listedCounts(owner: Plan | Section): { categories: number; items: number } {
  const categories = owner.sections.filter((s) => !s.measures && countTasks(s) > 0).length;
  const items = 'kind' in owner ? countTasks(owner) : owner.sections.reduce((n, s) => n + (s.measures ? 0 : countTasks(s)), 0);
  return { categories, items };
}

/** Whether `path` is `prefix` or lies under it (segments compared as written: 0 and "0" alike). */
export function isUnder(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(s) === String(path[i]));
}

/** The innermost of `items` whose path holds `path`. */
export function innermost<T extends { path: DataPath }>(items: Iterable<T>, path: DataPath): T | undefined {
  let best: T | undefined;
  for (const x of items) if (isUnder(path, x.path) && (!best || x.path.length > best.path.length)) best = x;
  return best;
}

/**
 * What a plan file is called: `*.plan.yaml` or `*.plan.yml`, in any case (Windows and macOS
 * file systems ignore case, so `A.PLAN.YAML` is a plan in the editor and must be one in CI too).
 */
export const PLAN_FILE_PATTERN = /\.plan\.ya?ml$/i;

/** The same as a glob, for editors' document selectors and package.json (a test keeps them equal). */
export const PLAN_FILE_GLOB = '**/*.[pP][lL][aA][nN].{[yY][aA][mM][lL],[yY][mM][lL]}';

/** Whether a file name or path names a plan file. */
export function isPlanFile(name: string): boolean {
  return PLAN_FILE_PATTERN.test(name);
}

/** The indicators listed beside `ind`: the others of its task's (or section's) list, or of its total's parts. */
export function siblingIndicators(ind: Indicator): Indicator[] {
  const list = ind.parent ? ind.parent.parts : ind.owner.indicators;
  return list.filter((other) => other !== ind);
}

/**
 * 其中 that splits another figure — a total whose parts, in its own unit, add up exactly to the
 * figure of an indicator listed beside it and not to its own (009: 计划竣工3个,其中 7+4+1 = 12,
 * the 12 重点建设项目 beside it). The total's target, the parts' sum, and the sibling's target.
 */
export interface SiblingSplit {
  total: Target;
  /** The parts' targets at the same point, in the order of the parts. */
  pieces: Target[];
  /** The year compared, or undefined for the overall targets. */
  year?: number;
  sum: number;
  sibling: Indicator;
  siblingTarget: Target;
}

/** The points (overall, or a year) where `parent`'s parts add up to a sibling's figure and not to its own. */
export function partsSplitSibling(parent: Indicator): SiblingSplit[] {
  // Only parts in the total's own unit, and at least two: one part equal to a sibling says nothing.
  if (parent.parts.length < 2 || parent.parts.some((p) => (p.unit ?? parent.unit) !== parent.unit)) return [];
  const points: { total: Target; year?: number; pieces: (Target | undefined)[]; at: (i: Indicator) => Target | undefined }[] = [];
  if (parent.overall) points.push({ total: parent.overall, pieces: parent.parts.map((p) => p.overall), at: (i) => i.overall });
  for (const t of parent.yearly) {
    const at = (i: Indicator) => i.yearly.find((y) => y.year === t.year);
    points.push({ total: t, year: t.year, pieces: parent.parts.map(at), at });
  }
  const out: SiblingSplit[] = [];
  for (const { total, year, pieces, at } of points) {
    if (pieces.some((p) => p === undefined || p.approx) || total.approx) continue;
    const sum = Number(pieces.reduce((a, p) => a + (p as Target).value, 0).toPrecision(12));
    if (approxEqual(sum, total.value)) continue;
    for (const sibling of siblingIndicators(parent)) {
      const target = at(sibling);
      if (sibling.unit !== parent.unit || !target || target.approx || !approxEqual(target.value, sum)) continue;
      out.push({ total, pieces: pieces as Target[], year, sum, sibling, siblingTarget: target });
      break;
    }
  }
  return out;
}

/** The longest common ending of two names, in characters. */
function commonEnding(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return x.slice(x.length - n).join('');
}

/**
 * 其中 that counts another thing — a part whose name ends in what an indicator beside its total
 * counts, at least two characters of it, and not in what its total counts (010: 新增公共停車位7000個,
 * 其中高品質公共停車場7個, beside 建成26個公共停車場). The sibling and the shared ending; undefined where
 * the part's name ends as its total's (幼儿园学位 under 增加学位) or as no sibling's.
 */
export function partNamesSibling(part: Indicator): { sibling: Indicator; noun: string } | undefined {
  const parent = part.parent;
  if (!parent || commonEnding(part.name, parent.name).length > 0) return undefined;
  // Another part counting what the total counts makes the 其中 a joint list over the figures before it
  // (001: 街道3个,村(社区)15个,其中样板街道1个、样板村(社区)6个): the source's way, not a misplaced 其中.
  if (parent.parts.some((p) => p !== part && [...commonEnding(p.name, parent.name)].length >= 2)) return undefined;
  const unit = part.unit ?? parent.unit;
  for (const sibling of siblingIndicators(parent)) {
    const noun = commonEnding(part.name, sibling.name);
    if ([...noun].length < 2 || sibling.unit !== unit) continue;
    // The part must fit in the sibling (7 of the 26 停車場): a part above it is not one of its things.
    const mine = part.overall?.value;
    const theirs = sibling.overall?.value;
    if (mine === undefined || theirs === undefined || mine > theirs) continue;
    return { sibling, noun };
  }
  return undefined;
}
