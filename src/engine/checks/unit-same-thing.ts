import { localized } from '../messages.js';
import type { Indicator } from '../model.js';
import { comparable, DIMENSION_WORDS, normalizeUnit, parseUnit } from '../measure.js';
import type { Measure } from '../measure.js';
import { defineRule } from '../rules.js';

/** Dimensions of things counted one by one: a 学位 in 个 and one in 位 are the same thing in two units. */
const DISCRETE = new Set<Measure['dimension']>(['count', 'places', 'people', 'households', 'person-times']);
/** Endings that name a measure, not the thing counted ("培训人数", "服务人次"): never compared. */
const GENERIC = /(人数|数量|总数|个数|人次|次数|规模|数)$/;
/** The verb a name often opens with ("新增学位"): what is left is the thing counted. */
const VERB = /^(新增|新建|新改扩建|改扩建|新开工|建成|建设|完成|增加|提供)/;
/**
 * What is left is no thing counted but a bare verb or a bare place ("支持" and "组织支持", "全市" and "为全市": names a
 * draft's importer cut too short): never compared.
 */
const NOT_A_THING = /^(为|在|对)?全[省市县区镇乡]$|^(支持|推进|实施|开展|落实|发挥|强化|提高|打造|争取|安排|完成|建设|服务)$/;
/** A unit in brackets at the end of a name ("(万人)"), dropped before names are compared. */
const NAMED_UNIT = /[(（][^()（）]*[)）]\s*$/;

/** The longest common ending of two names. */
function commonEnding(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n === 0 ? '' : a.slice(a.length - n);
}

/**
 * Indicators that count the same thing (their names end in the same noun, 学位) count it in one unit:
 * "新增公办幼儿学位1000个" beside "新增学位3800位" (the held-out seed 007) is one unit written two ways,
 * and 位 reads as people, so the two are neither added nor compared.
 */
export default defineRule('unit-same-thing', ({ plan, report }) => {
  // Two names share an ending of two characters or more only when their last two are the same: the
  // earlier indicators are kept by their name's last two characters, and only those are compared (a
  // plan of 5,000 tasks compared every pair, three seconds of its check). Each list keeps plan order.
  type Seen = { ind: Indicator; noun: string; thing: string; measure: Measure };
  const seenByEnd = new Map<string, Seen[]>();
  for (const ind of plan.allIndicators) {
    const measure = ind.unit === undefined ? undefined : parseUnit(ind.unit);
    if (!measure || !DISCRETE.has(measure.dimension) || ind.unit === undefined) continue;
    const noun = ind.name.replace(NAMED_UNIT, '').trim();
    const thingOf = noun.replace(VERB, '');
    const end = noun.slice(-2);
    const earlier = noun.length < 2 ? undefined : seenByEnd.get(end)?.find((s) => {
      const ending = commonEnding(s.noun, noun);
      // The shared ending is the whole thing one of the two counts ("新增学位" is 学位), not a word two
      // different things end in ("棚户区改造新开工" and "老旧小区改造新开工", "…服务" and "…服务").
      const thing = ending === s.thing || ending === thingOf;
      // Visits and people are two measures of one thing (参与 in 人次, 注册 in 人), not one unit in two writings.
      const visits = new Set([s.measure.dimension, measure.dimension]).has('person-times');
      return ending.length >= 2 && thing && !NOT_A_THING.test(ending) && !visits && !GENERIC.test(ending) && !comparable(s.measure, measure) && normalizeUnit(s.ind.unit ?? '') !== normalizeUnit(ind.unit ?? '');
    });
    if (earlier) {
      report({
        messageId: 'twoUnits',
        data: {
          name: ind.name, unit: ind.unit, what: localized(...DIMENSION_WORDS[measure.dimension]),
          other: earlier.ind.name, otherUnit: earlier.ind.unit ?? '', otherWhat: localized(...DIMENSION_WORDS[earlier.measure.dimension]),
          noun: commonEnding(earlier.noun, noun),
        },
        path: ind.path.concat('unit'),
        // Which unit is meant, only the drafter knows: a suggestion, never a safe fix.
        suggestions: [{ messageId: 'useOtherUnit', data: { unit: earlier.ind.unit ?? '' }, operations: [{ op: 'set', path: ind.path.concat('unit'), value: earlier.ind.unit ?? '' }] }],
      });
    }
    if (noun.length >= 2) {
      const list = seenByEnd.get(end);
      if (list) list.push({ ind, noun, thing: thingOf, measure });
      else seenByEnd.set(end, [{ ind, noun, thing: thingOf, measure }]);
    }
  }
});
