import type { Plan, Unit } from '../model.js';

// The units a plan declares, looked up by name, alias and abbreviation: shared by the unit rules.

/**
 * Common abbreviations in unit names whose characters are not an in-order subset of the full form
 * (the in-order rule below catches the rest, such as 人社 for 人力资源和社会保障).
 */
const ABBREVIATIONS: readonly [string, string][] = [
  ['网信办', '网络安全和信息化委员会办公室'],
  ['编办', '机构编制委员会办公室'],
  ['老干局', '老干部局'],
  ['政务服务办', '政务服务管理办公室'],
  ['人行', '人民银行'],
  ['食药监', '食品药品监督管理'],
  ['市监', '市场监督管理'],
  ['文广新', '文化广电新闻出版'],
  ['文广旅体', '文化广电旅游体育'],
  ['规自', '规划和自然资源'],
  ['自规', '自然资源和规划'],
  ['卫健', '卫生健康'],
  ['卫计', '卫生和计划生育'],
  ['发改', '发展和改革'],
  ['人社', '人力资源和社会保障'],
  ['文旅', '文化和旅游'],
  ['住建', '住房和城乡建设'],
  ['经信', '经济和信息化'],
  ['工信', '工业和信息化'],
  ['商务', '商务'],
];

/** Suffixes that abbreviate longer ones: 卫生健康委 for 卫生健康委员会. */
const SUFFIXES: readonly [string, string][] = [['委', '委员会'], ['办', '办公室']];

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/**
 * Whether `name` reads as an abbreviation of `full`: after expanding known abbreviations and
 * suffixes, its characters are an in-order subset of `full` with the same first and last character.
 */
export function abbreviates(name: string, full: string): boolean {
  if (name === full || name.length < 2 || name.length >= full.length) return false;
  let candidate = name;
  for (const [abbr, long] of ABBREVIATIONS) if (candidate.includes(abbr) && full.includes(long)) candidate = candidate.replace(abbr, long);
  let target = full;
  for (const [s, l] of SUFFIXES) {
    if (candidate.endsWith(s) && target.endsWith(l)) {
      candidate = candidate.slice(0, -s.length);
      target = target.slice(0, -l.length);
    }
  }
  if (candidate === target) return true;
  if (candidate.length < 2 || candidate.length >= target.length) return false;
  return candidate[0] === target[0] && candidate[candidate.length - 1] === target[target.length - 1] && isSubsequence(candidate, target);
}

/** A plan's declared units by name and alias, and the declared units a name abbreviates. */
export interface UnitIndex {
  byName: Map<string, Unit>;
  byAlias: Map<string, Unit>;
  /** Declared units a name abbreviates, computed once per distinct name. */
  abbreviationOf(name: string): Unit[];
}

const INDEXES = new WeakMap<Plan, UnitIndex>();

/** The plan's unit index, made once per plan. */
export function unitIndex(plan: Plan): UnitIndex {
  const cached = INDEXES.get(plan);
  if (cached) return cached;
  const byName = new Map<string, Unit>();
  const byAlias = new Map<string, Unit>();
  for (const u of plan.units) {
    if (!byName.has(u.name)) byName.set(u.name, u);
    for (const a of u.aliases) if (!byAlias.has(a)) byAlias.set(a, u);
  }
  const memo = new Map<string, Unit[]>();
  const index: UnitIndex = {
    byName,
    byAlias,
    abbreviationOf(name) {
      let found = memo.get(name);
      if (!found) {
        const self = byName.get(name);
        found = self?.kind === 'group' ? [] : plan.units.filter((u) => u.kind === 'unit' && u !== self && !u.aliases.includes(name) && abbreviates(name, u.name));
        memo.set(name, found);
      }
      return found;
    },
  };
  INDEXES.set(plan, index);
  return index;
}
