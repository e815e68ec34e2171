import { inUnit, sum } from './checks/util.js';
import { parseUnit } from './measure.js';
import type { Indicator, Plan, Region, RegionSplit, Target } from './model.js';

// 地区 — what the rules, the hover and the exporters all ask of a plan's regions.

/** Administrative endings a merged column often drops ("海曙、江东" for 海曙区, 江东区). */
const ENDING = /(区|县|市|镇|乡|街道)$/;

/** Whether a name as written (a `merged` member, a `byRegion` key) names `region`, by id, name, or name without its ending. */
function namesRegion(written: string, region: Region): boolean {
  if (written === region.id || written === region.name) return true;
  const bare = region.name.replace(ENDING, '');
  return bare.length > 0 && bare !== region.name && written.replace(ENDING, '') === bare;
}

/** The declared region a `byRegion` key names: by id first, then by name; undefined for an unknown key. */
export function regionOf(plan: Plan, key: string): Region | undefined {
  return plan.regions.find((r) => r.id === key) ?? plan.regions.find((r) => r.name === key);
}

/** The declared regions a merged region joins (those of its `merged` the plan declares), never itself. */
export function mergedMembers(plan: Plan, region: Region): Region[] {
  if (region.merged.length === 0) return [];
  return plan.regions.filter((r) => r !== region && region.merged.some((m) => namesRegion(m, r)));
}

/**
 * The target a region split divides: a year's split divides that yearly target; the split without a
 * year divides the overall target or, where the indicator states none (a one-year plan), its only
 * yearly target.
 */
export function splitTotal(ind: Indicator, split: RegionSplit): Target | undefined {
  if (split.year !== undefined) return ind.yearly.find((t) => t.year === split.year);
  return ind.overall ?? (ind.yearly.length === 1 ? ind.yearly[0] : undefined);
}

/** A region key as a reader knows it: the declared region's name, else the key as written. */
export function regionLabel(plan: Plan, key: string): string {
  return regionOf(plan, key)?.name ?? key;
}

/**
 * What a split's regions add up to, in the indicator's unit, as `regions-sum-to-total` adds them; undefined where
 * they do not add (a level, a unit such as % or 元/月, a value in a unit that measures something else).
 */
export function regionSum(ind: Indicator, split: RegionSplit): number | undefined {
  if (ind.kind === 'level' || parseUnit(ind.unit)?.additive === false) return undefined;
  const converted = split.values.map((v) => inUnit(v.value, v.unit ?? ind.unit, ind.unit));
  if (converted.some((v) => v === undefined)) return undefined;
  return Number(sum(converted as number[]).toPrecision(12));
}
