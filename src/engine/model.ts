import type { DataPath, Localized, PathSegment } from './types.js';

/** A comparator as the format writes it: >= 以上/不低于, <= 以内/不超过, = 达到. */
export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/** The list a unit is named in: 牵头单位, 责任单位 or 配合单位. */
export type UnitRole = 'lead' | 'responsible' | 'cooperating';

/** 责任人 — a person the plan names (牵头领导, 责任领导, 分管领导, 项目责任人): a person, never a unit. */
export interface Person {
  role: string;
  name: string;
  path: DataPath;
}

/** 节点 — a dated step of a task beside its deadline: 启动, 开工, 建成, 完工, 投入使用. */
export interface Milestone {
  kind: '启动' | '开工' | '建成' | '完工' | '投入使用';
  /** The date as written: a year, or YYYY-MM / YYYY-MM-DD. */
  date: number | string;
  path: DataPath;
}

/**
 * 完成情况 — what a progress notice (完成情况表) reports done by a date, against the indicator's target:
 * the amount done, the completion rate (完成率) as printed, and a status written in words (已完成, 正在推进).
 */
export interface Actual {
  /** 截至 — the date the actual is reported at, as written: a year, or YYYY-MM / YYYY-MM-DD. */
  asOf?: number | string;
  /** The year of `asOf`. */
  year?: number;
  /** The amount done, in `unit` (the indicator's own unit when `unit` is absent). */
  value?: number;
  /** The measuring unit the actual is written in, when the source writes it otherwise than the target. */
  unit?: string;
  /** 完成率 as printed, in %. */
  percent?: number;
  /** The status as written: 已完成, 正在推进, 设备购进中 … */
  status?: string;
  path: DataPath;
}

/** A unit name where the plan uses it. */
export interface UnitRef {
  name: string;
  path: DataPath;
}

/** 单位 — a unit the plan declares. */
export interface Unit {
  name: string;
  aliases: string[];
  /** `group`: a placeholder for many units, such as 各镇(街道). */
  kind: 'unit' | 'group';
  /** 成员单位 — on the plan's member list. */
  member: boolean;
  id?: string;
  path: DataPath;
}

/** A number stated for a year, or for the period. */
export interface Target {
  year?: number;
  value: number;
  comparator?: Comparator;
  /** 约数 — the source states the figure as approximate (2000万左右, 约3万, 近千): sums allow a tolerance. */
  approx?: boolean;
  /** Path of the number itself, so a fix can set it. */
  path: DataPath;
}

/**
 * 地区 — a column of a breakdown table (县区, 街镇), declared once in `regions` and shared by every
 * indicator that splits a target by region. A merged column ("海曙、江东、江北") is one region whose
 * `merged` lists the regions it joins, by name or id.
 */
export interface Region {
  id: string;
  name: string;
  /** The regions a merged column joins, as written; empty for a single region. */
  merged: string[];
  path: DataPath;
}

/** The value an indicator gives one region (a key of `byRegion`, a region's id or name). */
export interface RegionValue {
  key: string;
  value: number;
  /** The unit written beside the value; the indicator's when absent. */
  unit?: string;
  /** Path of the number itself, so a fix can set it. */
  path: DataPath;
  /** Path of the entry (its key), so a fix can rename it. */
  keyPath: DataPath;
}

/** 分地区目标 — one target split by region: the overall target's (no year) or a year's. */
export interface RegionSplit {
  year?: number;
  values: RegionValue[];
  /** Path of the mapping of regions. */
  path: DataPath;
}

/** 指标 — a quantified target. */
export interface Indicator {
  path: DataPath;
  id?: string;
  name: string;
  unit?: string;
  kind?: 'level' | 'increment' | 'cumulative';
  direction?: 'raise' | 'lower' | 'hold';
  comparator?: Comparator;
  /** 基期 */
  baseline?: Target;
  /** 年度目标, sorted by year. */
  yearly: Target[];
  /** Path of the `yearly` mapping, when present; made each time it is asked for. */
  yearlyPath?: DataPath;
  /** 总体目标 */
  overall?: Target;
  growth?: { type: 'yoy' | 'annual-average'; percent: number; comparator?: Comparator; path: DataPath };
  /** 分地区目标 — the overall target split by region first (when stated), then each year's, by year. */
  byRegion: RegionSplit[];
  /** 其中 */
  parts: Indicator[];
  partsSum: boolean;
  relations: Relation[];
  /** The indicator this is a part of. */
  parent?: Indicator;
  owner: Task | Section;
  /** 完成情况 — the progress a notice reports, when it states any. */
  actual?: Actual;
  /** The quote of the indicator's own `source`, when it has one. */
  quote?: string;
}

export type Relation =
  | { type: 'at-least-times'; indicator: string; factor: number; path: DataPath }
  | { type: 'adds-to'; indicator: string; path: DataPath }
  | { type: 'sum-of'; indicators: string[]; path: DataPath };

/** 任务 */
export interface Task {
  kind: 'task';
  path: DataPath;
  id?: string;
  number?: string;
  title: string;
  /** 牵头单位, as written on the task. */
  lead: UnitRef[];
  /** 责任单位, as written on the task. */
  responsible: UnitRef[];
  /** 配合单位 — units that cooperate on the task, as written: named units, neither leading nor responsible. */
  cooperating: UnitRef[];
  /** 责任人 — the people the task names. */
  people: Person[];
  /** 完成时限: its year, and the value as written (2016, or "2016-09"). */
  deadline?: { year: number; path: DataPath; written: number | string };
  /** 节点, in the order written; entries without a known kind and a date left out. */
  milestones: Milestone[];
  /** The quote of the task's `source`, when it has one. */
  quote?: string;
  /** 标签 — the labels the source gives the task (票决项目, 省定, 市定), as written. */
  tags: string[];
  indicators: Indicator[];
  section: Section;
}

/** 声明的类数与件数 — "6类22件": how many categories (sections) and items (tasks) a plan or a section says it lists. */
export interface DeclaredCounts {
  categories?: { value: number; path: DataPath };
  items?: { value: number; path: DataPath };
}

/** 声明的标签任务数 — "其中省定民生实事10件": how many tasks the plan says carry a tag. */
export interface TagCount {
  tag: string;
  count: number;
  /** Path of the count itself. */
  path: DataPath;
}

/**
 * 责任分工约定 — how a plan says, once, who leads where a task names no lead: `responsible-leads`
 * (无牵头单位的,责任单位即为牵头单位), `first-listed-leads` (列第一位者为牵头单位), `responsible-only`
 * (a table whose only column is 责任单位, which then lists every unit of a task, its lead too).
 */
export interface Convention {
  id: 'responsible-leads' | 'first-listed-leads' | 'responsible-only';
  /** Where the plan states it: a quote, or a line and a quote. */
  source?: string;
  path: DataPath;
}

/** 章节 */
export interface Section {
  kind: 'section';
  path: DataPath;
  id?: string;
  number?: string;
  title: string;
  lead: UnitRef[];
  responsible: UnitRef[];
  /** 配合单位, as written on the section. */
  cooperating: UnitRef[];
  /** 责任人 — the people the section names. */
  people: Person[];
  declaredTaskCount?: { value: number; path: DataPath };
  /** "6类22件" stated for the section: its direct subsections and its tasks. */
  declaredCounts?: DeclaredCounts;
  indicators: Indicator[];
  tasks: Task[];
  sections: Section[];
  parent?: Section;
  /**
   * 保障措施 — whether this section, or one it is in, is a closing part (`kind: measures`: 保障措施,
   * 组织保障, 推进机制, 工作要求): arrangements, not assigned tasks, so task-level responsibility rules skip it.
   */
  measures: boolean;
  /** The plan's conventions (the one list every section shares), so a task's lead in effect reads them. */
  conventions: readonly Convention[];
}

/**
 * 文件形式 — what kind of document a plan file encodes: the plan itself, or a progress report (进展报告,
 * 完成情况表) or news report (新闻报道) about one, whose units are in the plan it reports on.
 */
export type DocumentForm = 'plan' | 'progress-report' | 'news-report';

/** What a report form is called wherever planlint says a file is one: a rule's message, hover, outline, the CLI, the review report. */
export const REPORT_FORM_NAMES: Readonly<Record<Exclude<DocumentForm, 'plan'>, Localized>> = {
  'progress-report': { 'zh-CN': '进展报告', en: 'a progress report' },
  'news-report': { 'zh-CN': '新闻报道', en: 'a news report' },
};

/** A plan, read defensively: pieces of the wrong type are left out (the schema rule reports them). */
export interface Plan {
  title?: string;
  /** plan.form.kind; `plan` where the file does not say. */
  form: DocumentForm;
  period?: { start: number; end: number };
  /** The year of the issue date (plan.issued), when it has one. */
  issuedYear?: number;
  units: Unit[];
  /** Whether the plan declares units at all; a plan silent about units is not checked against a list. */
  declaresUnits: boolean;
  /** 地区 — the regions of the plan's breakdown tables, in the order written. */
  regions: Region[];
  /** 责任分工约定, as the plan states them once. */
  conventions: Convention[];
  /**
   * 计划指标 — indicators stated for the whole plan (plan.indicators: a list's total investment). Their
   * owner is `root`; they are in `allIndicators` too.
   */
  indicators: Indicator[];
  /**
   * The plan as the owner of its own indicators: a section at path `plan`, titled as the plan, with no
   * tasks, and in no list of sections (no section rule visits it).
   */
  root: Section;
  /** "6类22件" stated for the plan: its top-level sections and all its tasks. */
  declaredCounts?: DeclaredCounts;
  /** 声明的标签任务数, in the order written. */
  tagCounts: TagCount[];
  sections: Section[];
  allSections: Section[];
  allTasks: Task[];
  /** Every indicator, parts included, in document order. */
  allIndicators: Indicator[];
}

/** The one empty list every object without parts, relations or units shares: frozen, so a push fails loudly. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * What `read` makes of each item of `list`, the items it makes nothing of left out, in a list sized
 * to them: a list grown by push keeps spare room, and the model holds hundreds of thousands of
 * short lists. (Paths are made with concat for the same reason: an array spread over-allocates
 * too.) The sizes measured are in bench/RESULTS.md.
 */
function readEach<T, U>(list: readonly T[], read: (item: T, index: number) => U | undefined): U[] {
  const out = new Array<U>(list.length);
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const x = read(list[i], i);
    if (x !== undefined) out[n++] = x;
  }
  if (n === 0) return NONE;
  out.length = n;
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const year = (v: unknown): number | undefined => (Number.isInteger(v) ? (v as number) : undefined);
// Patterns made once: a regular expression literal in a function is made on every call.
/** A year as a key of `yearly`. */
const YEAR_KEY = /^\d{4}$/;
/** A deadline written as a date, 2025-12-31. */
const DATE = /^\d{4}-/;
const COMPARATORS = new Set(['>=', '<=', '=', '>', '<']);
const comparator = (v: unknown): Comparator | undefined => (COMPARATORS.has(v as string) ? (v as Comparator) : undefined);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** Builds the plan model from parsed data of any shape. */
export function buildPlan(data: unknown): Plan {
  const root: Section = { kind: 'section', path: ['plan'], title: '', lead: NONE, responsible: NONE, cooperating: NONE, people: NONE, indicators: NONE, tasks: NONE, sections: NONE, measures: false, conventions: NONE };
  const plan: Plan = { form: 'plan', units: [], declaresUnits: false, conventions: [], regions: NONE, indicators: NONE, root, tagCounts: NONE, sections: [], allSections: [], allTasks: [], allIndicators: [] };
  if (!isObj(data)) return plan;
  const meta = own(data, 'plan');
  if (isObj(meta)) plan.title = str(own(meta, 'title'));
  const form = isObj(meta) ? own(meta, 'form') : undefined;
  const kind = isObj(form) ? own(form, 'kind') : undefined;
  if (kind === 'progress-report' || kind === 'news-report') plan.form = kind;
  root.title = plan.title ?? '';
  root.conventions = plan.conventions;
  const issued = isObj(meta) ? own(meta, 'issued') : undefined;
  if (typeof issued === 'string' && /^\d{4}/.test(issued)) plan.issuedYear = Number(issued.slice(0, 4));
  const period = isObj(meta) ? own(meta, 'period') : undefined;
  if (isObj(period)) {
    const start = year(own(period, 'start'));
    const end = year(own(period, 'end'));
    if (start !== undefined && end !== undefined) plan.period = { start, end };
  }
  const conventions = own(data, 'conventions');
  if (Array.isArray(conventions)) {
    conventions.forEach((c, i) => {
      const id = isObj(c) ? own(c, 'id') : undefined;
      if (id !== 'responsible-leads' && id !== 'first-listed-leads' && id !== 'responsible-only') return;
      const source = own(c as Obj, 'source');
      plan.conventions.push({ id, source: sourceQuote(source), path: ['conventions', i] });
    });
  }
  const units = own(data, 'units');
  if (Array.isArray(units)) {
    plan.declaresUnits = units.length > 0;
    units.forEach((u, i) => {
      if (!isObj(u) || !str(own(u, 'name'))) return;
      const aliases = own(u, 'aliases');
      plan.units.push({
        name: own(u, 'name') as string,
        aliases: Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [],
        kind: own(u, 'kind') === 'group' ? 'group' : 'unit',
        member: own(u, 'member') === true,
        id: str(own(u, 'id')),
        path: ['units', i],
      });
    });
  }
  const regions = own(data, 'regions');
  if (Array.isArray(regions)) plan.regions = readEach(regions as unknown[], readRegion);
  if (isObj(meta)) {
    plan.indicators = root.indicators = readIndicators(own(meta, 'indicators'), ['plan'], 'indicators', root, plan);
    plan.declaredCounts = readDeclaredCounts(own(meta, 'declaredCounts'), ['plan']);
    const tagCounts = own(meta, 'tagCounts');
    if (Array.isArray(tagCounts)) {
      plan.tagCounts = readEach(tagCounts as unknown[], (c, i) => {
        const tag = isObj(c) ? str(own(c, 'tag')) : undefined;
        const count = isObj(c) ? own(c, 'count') : undefined;
        return tag && Number.isInteger(count) ? { tag, count: count as number, path: ['plan', 'tagCounts', i, 'count'] } : undefined;
      });
    }
  }
  const sections = own(data, 'sections');
  if (Array.isArray(sections)) {
    sections.forEach((s, i) => {
      const section = readSection(s, ['sections', i], undefined, plan);
      if (section) plan.sections.push(section);
    });
  }
  return plan;
}

/**
 * An indicator's place in the data, whose path is made the first time it is asked for: a plan of
 * 20,000 tasks has some 60,000 indicators, and findings point at few. Its base is a path, or the
 * indicator it is a part of.
 */
class Place {
  readonly #base: DataPath | Place;
  readonly #key: string;
  readonly #index: number;
  #path: DataPath | undefined;

  constructor(base: DataPath | Place, key: string, index: number) {
    this.#base = base;
    this.#key = key;
    this.#index = index;
  }

  get path(): DataPath {
    return (this.#path ??= (this.#base instanceof Place ? this.#base.path : this.#base).concat(this.#key, this.#index));
  }
}

/**
 * A unit named in a `lead`, `responsible` or `cooperating` list. (Refs and targets are the model's most numerous
 * objects, and findings point at few of them: their paths are made each time they are asked for.)
 */
class Ref implements UnitRef {
  readonly #owner: DataPath;
  readonly #role: UnitRole;
  readonly #index: number;

  constructor(
    readonly name: string,
    owner: DataPath,
    role: UnitRole,
    index: number,
  ) {
    this.#owner = owner;
    this.#role = role;
    this.#index = index;
  }

  get path(): DataPath {
    return this.#owner.concat(this.#role, this.#index);
  }
}

/**
 * Where targets are stated in an indicator, by year key (a yearly target) or by key (`baseline`,
 * `overall`): as a number, and as `{ value }`. Shared by every target stated the same way; at most
 * one entry per four-digit key.
 */
const SUFFIXES = new Map<string, readonly [PathSegment[], PathSegment[]]>();

class StatedTarget implements Target {
  readonly #indicator: Place;
  readonly #suffix: PathSegment[];

  constructor(
    readonly year: number | undefined,
    readonly value: number,
    readonly comparator: Comparator | undefined,
    indicator: Place,
    key: 'baseline' | 'overall' | 'yearly',
    yearKey: string | undefined,
    valueKey: boolean,
    readonly approx?: boolean,
  ) {
    this.#indicator = indicator;
    const at = yearKey ?? key;
    let suffixes = SUFFIXES.get(at);
    if (!suffixes) {
      const bare = yearKey === undefined ? [key] : [key, yearKey];
      suffixes = [bare, bare.concat('value')];
      SUFFIXES.set(at, suffixes);
    }
    this.#suffix = suffixes[valueKey ? 1 : 0];
  }

  get path(): DataPath {
    return this.#indicator.path.concat(this.#suffix);
  }
}

/**
 * An indicator as the model holds it. Every field is set in the constructor, so all indicators
 * share one shape and the rules' reads of them stay fast; the path is made when asked for.
 */
class PlanIndicator extends Place implements Indicator {
  id: string | undefined;
  name: string;
  unit: string | undefined;
  kind: Indicator['kind'];
  direction: Indicator['direction'];
  comparator: Comparator | undefined;
  baseline: Target | undefined;
  yearly: Target[] = NONE;
  overall: Target | undefined;
  growth: Indicator['growth'] = undefined;
  parts: Indicator[] = NONE;
  partsSum: boolean;  byRegion: RegionSplit[] = NONE;

  relations: Relation[] = NONE;
  parent: Indicator | undefined;
  owner: Task | Section;
  actual: Actual | undefined;
  quote: string | undefined;
  /** Whether the indicator states `yearly` as a mapping. */
  hasYearly = false;

  constructor(raw: Obj, base: DataPath | Place, key: string, index: number, owner: Task | Section, parent: Indicator | undefined) {
    super(base, key, index);
    const kind = own(raw, 'kind');
    const direction = own(raw, 'direction');
    this.id = str(own(raw, 'id'));
    this.name = str(own(raw, 'name')) ?? '';
    this.unit = str(own(raw, 'unit'));
    this.kind = kind === 'level' || kind === 'increment' || kind === 'cumulative' ? kind : undefined;
    this.direction = direction === 'raise' || direction === 'lower' || direction === 'hold' ? direction : undefined;
    this.comparator = comparator(own(raw, 'comparator'));
    this.baseline = readTarget(own(raw, 'baseline'), this, 'baseline');
    this.overall = readTarget(own(raw, 'overall'), this, 'overall');
    this.partsSum = own(raw, 'partsSum') === true;
    this.parent = parent;
    this.owner = owner;
    this.actual = readActual(own(raw, 'actual'), this.path.concat('actual'));
    this.quote = sourceQuote(own(raw, 'source'));
  }

  get yearlyPath(): DataPath | undefined {
    return this.hasYearly ? this.path.concat('yearly') : undefined;
  }
}

/** The units named by a task's or a section's `lead`, `responsible` or `cooperating` list. */
function unitRefs(v: unknown, owner: DataPath, role: UnitRole): UnitRef[] {
  if (!Array.isArray(v)) return NONE;
  return readEach(v as unknown[], (name, i) => (typeof name === 'string' && name.length > 0 ? new Ref(name, owner, role, i) : undefined));
}

/** The people a task's or a section's `people` list names; entries without a role and a name left out. */
function readPeople(v: unknown, owner: DataPath): Person[] {
  if (!Array.isArray(v)) return NONE;
  return readEach(v as unknown[], (p, i) => {
    if (!isObj(p)) return undefined;
    const role = str(own(p, 'role'));
    const name = str(own(p, 'name'));
    return role && name ? { role, name, path: owner.concat('people', i) } : undefined;
  });
}

/** An indicator's `actual`: kept when it states a value, a percent or a status; an `asOf` not written as a date is dropped. */
function readActual(v: unknown, path: DataPath): Actual | undefined {
  if (!isObj(v)) return undefined;
  const asOf = own(v, 'asOf');
  const dated = year(asOf) !== undefined || (typeof asOf === 'string' && DATE.test(asOf));
  const out: Actual = {
    asOf: dated ? (asOf as number | string) : undefined,
    year: !dated ? undefined : typeof asOf === 'number' ? asOf : Number(String(asOf).slice(0, 4)),
    value: num(own(v, 'value')),
    unit: str(own(v, 'unit')),
    percent: num(own(v, 'percent')),
    status: str(own(v, 'status')),
    path,
  };
  return out.value !== undefined || out.percent !== undefined || out.status !== undefined ? out : undefined;
}

const MILESTONE_KINDS = new Set(['启动', '开工', '建成', '完工', '投入使用']);

/** A task's `milestones`: a known kind and a date as a deadline is written (a year, or YYYY-MM…). */
function readMilestones(v: unknown, owner: DataPath): Milestone[] {
  if (!Array.isArray(v)) return NONE;
  return readEach(v as unknown[], (m, i) => {
    if (!isObj(m)) return undefined;
    const kind = own(m, 'kind');
    const date = own(m, 'date');
    const dated = year(date) !== undefined || (typeof date === 'string' && DATE.test(date));
    return typeof kind === 'string' && MILESTONE_KINDS.has(kind) && dated ? { kind: kind as Milestone['kind'], date: date as number | string, path: owner.concat('milestones', i) } : undefined;
  });
}

/** An entry of `regions`: an id and a name, and the regions a merged one joins. */
function readRegion(r: unknown, i: number): Region | undefined {
  if (!isObj(r)) return undefined;
  const id = str(own(r, 'id'));
  const name = str(own(r, 'name'));
  const merged = own(r, 'merged');
  if (!id || !name) return undefined;
  return { id, name, merged: Array.isArray(merged) ? readEach(merged as unknown[], (m) => str(m)) : NONE, path: ['regions', i] };
}

/** The regions' values of one mapping's entries: a number, or `{ value, unit? }`, by region key. */
function regionValues(entries: readonly (readonly [string, unknown])[], path: DataPath): RegionValue[] {
  return readEach(entries, ([key, v]) => {
    const keyPath = path.concat(key);
    if (num(v) !== undefined) return { key, value: v as number, path: keyPath, keyPath };
    if (!isObj(v) || num(own(v, 'value')) === undefined) return undefined;
    return { key, value: own(v, 'value') as number, unit: str(own(v, 'unit')), path: keyPath.concat('value'), keyPath };
  });
}

/**
 * An indicator's `byRegion`: region keys split the overall target; a year key holds a mapping that
 * splits that year's target. (Region ids are never four digits, so the two never meet.) Entries are
 * read as pairs, never copied into an object, so a key such as `__proto__` stays a key.
 */
function readByRegion(map: Obj, path: DataPath): RegionSplit[] {
  const overall: [string, unknown][] = [];
  const splits: RegionSplit[] = [];
  for (const [key, v] of Object.entries(map)) {
    if (!YEAR_KEY.test(key)) overall.push([key, v]);
    else if (isObj(v)) splits.push({ year: Number(key), values: regionValues(Object.entries(v), path.concat(key)), path: path.concat(key) });
  }
  const values = regionValues(overall, path);
  if (values.length > 0) splits.unshift({ values, path });
  return splits;
}

/** A `declaredCounts` object under `owner`: its integer `categories` and `items`; undefined when it has neither. */
function readDeclaredCounts(v: unknown, owner: DataPath): DeclaredCounts | undefined {
  if (!isObj(v)) return undefined;
  const at = (key: 'categories' | 'items') => {
    const n = own(v, key);
    return Number.isInteger(n) ? { value: n as number, path: owner.concat('declaredCounts', key) } : undefined;
  };
  const counts = { categories: at('categories'), items: at('items') };
  return counts.categories || counts.items ? counts : undefined;
}

function readSection(s: unknown, path: DataPath, parent: Section | undefined, plan: Plan): Section | undefined {
  if (!isObj(s)) return undefined;
  const count = own(s, 'declaredTaskCount');
  const section: Section = {
    kind: 'section',
    path,
    id: str(own(s, 'id')),
    number: str(own(s, 'number')),
    title: str(own(s, 'title')) ?? '',
    lead: unitRefs(own(s, 'lead'), path, 'lead'),
    responsible: unitRefs(own(s, 'responsible'), path, 'responsible'),
    cooperating: unitRefs(own(s, 'cooperating'), path, 'cooperating'),
    people: readPeople(own(s, 'people'), path),
    declaredTaskCount: Number.isInteger(count) ? { value: count as number, path: path.concat('declaredTaskCount') } : undefined,
    declaredCounts: readDeclaredCounts(own(s, 'declaredCounts'), path),
    indicators: NONE,
    tasks: [],
    sections: [],
    parent,
    conventions: plan.conventions,
    measures: own(s, 'kind') === 'measures' || parent?.measures === true,
  };
  plan.allSections.push(section);
  section.indicators = readIndicators(own(s, 'indicators'), path, 'indicators', section, plan);
  const tasks = own(s, 'tasks');
  if (Array.isArray(tasks)) {
    tasks.forEach((t, i) => {
      const task = readTask(t, path.concat('tasks', i), section, plan);
      if (task) section.tasks.push(task);
    });
  }
  const subs = own(s, 'sections');
  if (Array.isArray(subs)) {
    subs.forEach((sub, i) => {
      const child = readSection(sub, path.concat('sections', i), section, plan);
      if (child) section.sections.push(child);
    });
  }
  return section;
}

/** The quote of a `source`: the string itself, or its `quote`. */
function sourceQuote(v: unknown): string | undefined {
  return str(v) ?? (isObj(v) ? str(own(v, 'quote')) : undefined);
}

/** A task's `tags`: the non-empty strings, as written. */
function readTags(v: unknown): string[] {
  if (!Array.isArray(v)) return NONE;
  return readEach(v as unknown[], (tag) => str(tag));
}

function readTask(t: unknown, path: DataPath, section: Section, plan: Plan): Task | undefined {
  if (!isObj(t)) return undefined;
  const deadline = own(t, 'deadline');
  const deadlineYear = year(deadline) ?? (typeof deadline === 'string' && DATE.test(deadline) ? Number(deadline.slice(0, 4)) : undefined);
  const task: Task = {
    kind: 'task',
    path,
    id: str(own(t, 'id')),
    number: str(own(t, 'number')),
    title: str(own(t, 'title')) ?? '',
    lead: unitRefs(own(t, 'lead'), path, 'lead'),
    responsible: unitRefs(own(t, 'responsible'), path, 'responsible'),
    cooperating: unitRefs(own(t, 'cooperating'), path, 'cooperating'),
    people: readPeople(own(t, 'people'), path),
    deadline: deadlineYear !== undefined ? { year: deadlineYear, path: path.concat('deadline'), written: deadline as number | string } : undefined,
    milestones: readMilestones(own(t, 'milestones'), path),
    quote: sourceQuote(own(t, 'source')),
    tags: readTags(own(t, 'tags')),
    indicators: NONE,
    section,
  };
  plan.allTasks.push(task);
  task.indicators = readIndicators(own(t, 'indicators'), path, 'indicators', task, plan);
  return task;
}

/** The indicators listed under `key` of a task, a section or an indicator (its parts). */
function readIndicators(v: unknown, base: DataPath | Place, key: string, owner: Task | Section, plan: Plan, parent?: Indicator): Indicator[] {
  if (!Array.isArray(v)) return NONE;
  return readEach(v as unknown[], (raw, i) => readIndicator(raw, base, key, i, owner, plan, parent));
}

/**
 * A number, or `{ value, year?, comparator?, approx? }`, stated under `key` of an indicator (under
 * `yearly.<year>` for a year's target, whose year is the key's).
 */
function readTarget(v: unknown, indicator: Place, key: 'baseline' | 'overall' | 'yearly', yearKey?: string): Target | undefined {
  const stated = yearKey === undefined ? undefined : Number(yearKey);
  if (num(v) !== undefined) return new StatedTarget(stated, v as number, undefined, indicator, key, yearKey, false);
  if (!isObj(v) || num(own(v, 'value')) === undefined) return undefined;
  const y = stated ?? year(own(v, 'year'));
  return new StatedTarget(y, own(v, 'value') as number, comparator(own(v, 'comparator')), indicator, key, yearKey, true, own(v, 'approx') === true ? true : undefined);
}

function readIndicator(raw: unknown, base: DataPath | Place, key: string, index: number, owner: Task | Section, plan: Plan, parent?: Indicator): Indicator | undefined {
  if (!isObj(raw)) return undefined;
  const ind = new PlanIndicator(raw, base, key, index, owner, parent);
  const yearly = own(raw, 'yearly');
  if (isObj(yearly)) {
    ind.hasYearly = true;
    const targets = readEach(Object.keys(yearly), (key) => (YEAR_KEY.test(key) ? readTarget(yearly[key], ind, 'yearly', key) : undefined));
    // Year keys are array indices, which an object lists in ascending order; only one written with a
    // leading zero (0999) comes out of order. A sort copies the list even when it is in order.
    const ordered = targets.every((t, i) => i === 0 || (targets[i - 1].year ?? 0) <= (t.year ?? 0));
    ind.yearly = ordered ? targets : targets.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  }
  const growth = own(raw, 'growth');
  if (isObj(growth) && num(own(growth, 'percent')) !== undefined && (own(growth, 'type') === 'yoy' || own(growth, 'type') === 'annual-average')) {
    ind.growth = { type: own(growth, 'type') as 'yoy' | 'annual-average', percent: own(growth, 'percent') as number, comparator: comparator(own(growth, 'comparator')), path: ind.path.concat('growth', 'percent') };
  }
  const relations = own(raw, 'relations');
  if (Array.isArray(relations) && relations.length > 0) {
    ind.relations = [];
    relations.forEach((r, i) => {
      if (!isObj(r)) return;
      const rp = ind.path.concat('relations', i);
      if (own(r, 'type') === 'at-least-times' && str(own(r, 'indicator')) && num(own(r, 'factor')) !== undefined) {
        ind.relations.push({ type: 'at-least-times', indicator: own(r, 'indicator') as string, factor: own(r, 'factor') as number, path: rp });
      } else if (own(r, 'type') === 'adds-to' && str(own(r, 'indicator'))) {
        ind.relations.push({ type: 'adds-to', indicator: own(r, 'indicator') as string, path: rp });
      } else if (own(r, 'type') === 'sum-of' && Array.isArray(own(r, 'indicators'))) {
        const ids = (own(r, 'indicators') as unknown[]).filter((x): x is string => typeof x === 'string');
        ind.relations.push({ type: 'sum-of', indicators: ids, path: rp });
      }
    });
  }
  const byRegion = own(raw, 'byRegion');
  if (isObj(byRegion)) ind.byRegion = readByRegion(byRegion, ind.path.concat('byRegion'));
  plan.allIndicators.push(ind);
  ind.parts = readIndicators(own(raw, 'parts'), ind, 'parts', owner, plan, ind);
  return ind;
}

/**
 * The average yearly growth, in %, from the baseline to the last stated value (the overall target, else the
 * last year). Undefined for increments, whose values are amounts added rather than levels.
 */
export function impliedAnnualGrowth(ind: Indicator): number | undefined {
  const last = ind.overall ?? ind.yearly[ind.yearly.length - 1];
  const b = ind.baseline;
  if (!b || b.year === undefined || last?.year === undefined || last.year <= b.year || b.value <= 0 || ind.kind === 'increment') return undefined;
  return (Math.pow(last.value / b.value, 1 / (last.year - b.year)) - 1) * 100;
}

/** A place the plan names a unit, with its role and the task or section that names it. */
export interface UnitMention {
  ref: UnitRef;
  role: UnitRole;
  owner: Task | Section;
}

const MENTIONS = new WeakMap<Plan, readonly UnitMention[]>();

/**
 * Every place the plan names a unit: the lead, responsible and cooperating entries of sections, then of tasks.
 * Made once per plan: several rules walk them.
 */
export function unitMentions(plan: Plan): readonly UnitMention[] {
  let out = MENTIONS.get(plan);
  if (!out) {
    const list: UnitMention[] = [];
    for (const owners of [plan.allSections, plan.allTasks]) {
      for (const owner of owners) {
        for (const ref of owner.lead) list.push({ ref, role: 'lead', owner });
        for (const ref of owner.responsible) list.push({ ref, role: 'responsible', owner });
        for (const ref of owner.cooperating) list.push({ ref, role: 'cooperating', owner });
      }
    }
    out = list;
    MENTIONS.set(plan, out);
  }
  return out;
}

/** A label for a task or section in messages: its number and title as printed. */
export function label(x: Task | Section): string {
  const title = x.title.length > 24 ? `${x.title.slice(0, 24)}…` : x.title;
  return x.number ? `${x.number} ${title}` : title;
}
