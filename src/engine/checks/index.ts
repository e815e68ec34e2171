import type { RuleCheck } from '../rules.js';
import { growthMatchesTargets, rateWithinBounds, targetBeyondBaseline, boundLooserThanBaseline } from './rates.js';
import { partsSumToTotal, partsWithinTotal, relationAtLeastTimes, relationSumOf } from './relations.js';
import { baselinePlusIncrements } from './stock.js';
import { declaredTaskCount, noDuplicateTasks, uniqueIds } from './structure.js';
import { cumulativeEndsOnOverall, levelMeetsOverall, yearlyPathDirection, yearlySumMatchesOverall } from './targets.js';
import { leadNotResponsible, leadUnitMember, taskHasLead, unitDeclared, unitNameCanonical } from './units.js';
import { baselineBeforePeriod, overallInLastYear, yearlyNoGaps, yearsWithinPeriod } from './years.js';

/** The code of each built-in consistency rule, by rule id; metadata lives in rules/<id>/rule.yaml. */
export const CHECKS: Readonly<Record<string, RuleCheck>> = {
  'yearly-sum-matches-overall': yearlySumMatchesOverall,
  'cumulative-ends-on-overall': cumulativeEndsOnOverall,
  'level-meets-overall': levelMeetsOverall,
  'yearly-path-direction': yearlyPathDirection,
  'years-within-period': yearsWithinPeriod,
  'yearly-no-gaps': yearlyNoGaps,
  'overall-in-last-year': overallInLastYear,
  'baseline-before-period': baselineBeforePeriod,
  'target-beyond-baseline': targetBeyondBaseline,
  'bound-looser-than-baseline': boundLooserThanBaseline,
  'growth-matches-targets': growthMatchesTargets,
  'rate-within-bounds': rateWithinBounds,
  'parts-within-total': partsWithinTotal,
  'parts-sum-to-total': partsSumToTotal,
  'relation-at-least-times': relationAtLeastTimes,
  'relation-sum-of': relationSumOf,
  'baseline-plus-increments': baselinePlusIncrements,
  'declared-task-count': declaredTaskCount,
  'task-has-lead': taskHasLead,
  'unit-declared': unitDeclared,
  'unit-name-canonical': unitNameCanonical,
  'lead-unit-member': leadUnitMember,
  'lead-not-responsible': leadNotResponsible,
  'unique-ids': uniqueIds,
  'no-duplicate-tasks': noDuplicateTasks,
};
