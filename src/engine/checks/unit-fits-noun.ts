import { listOf, localized } from '../messages.js';
import type { Indicator } from '../model.js';
import { defineRule } from '../rules.js';
import type { Localized } from '../types.js';
import { simplified } from '../unit-variants.js';

/**
 * The measure words whose kind is plain, and what they count. 个 (個) is general and fits every
 * noun, so it is not here; nor are 张, 套, 台 and the like, which this rule does not judge.
 */
const KINDS: Readonly<Record<string, Localized>> = {
  所: localized('学校、医院等机构', 'schools, hospitals and institutions'),
  户: localized('住户、家庭', 'households'),
  名: localized('人', 'people'),
  人: localized('人', 'people'),
  位: localized('人', 'people'),
  座: localized('建筑、桥梁、公园等', 'buildings, bridges, parks and the like'),
  家: localized('企业、机构', 'businesses and institutions'),
};

const SCHOOL = ['所', '个', '处', '家', '座'];
const CARE = ['所', '家', '个', '处', '座'];
const TOILET = ['座', '个', '处', '间', '所'];
const BRIDGE = ['座', '个', '处', '条'];

/**
 * Things plans count, with the measure words that fit them, the usual one first (simplified; a name
 * ends with the thing it counts). Small on purpose: each pair is seen in the seeds, and a measure word
 * left out of a list is one a reviewer would call wrong (rules/unit-fits-noun/README.md says where).
 */
const NOUNS: ReadonlyArray<readonly [noun: string, fits: readonly string[]]> = [
  ['信报箱', ['个', '组', '套', '只', '处']],
  ['小区', ['个', '处', '片', '户', '栋', '幢']],
  ['幼儿园', SCHOOL],
  ['学校', SCHOOL],
  ['小学', SCHOOL],
  ['中学', SCHOOL],
  ['初中', SCHOOL],
  ['高中', SCHOOL],
  ['医院', ['家', '所', '个', '座', '处']],
  ['卫生院', CARE],
  ['敬老院', CARE],
  ['养老院', CARE],
  ['护理院', CARE],
  ['公园', ['个', '座', '处']],
  ['厕所', TOILET],
  ['公厕', TOILET],
  ['桥', BRIDGE],
  ['桥梁', BRIDGE],
  ['水库', ['座', '个', '处']],
  ['家庭', ['户', '个', '家']],
  ['企业', ['家', '个', '户']],
];

/** Measure words written in traditional characters, for a plan that writes its nouns so. */
const TRADITIONAL_FORM: Readonly<Record<string, string>> = { 个: '個', 户: '戶', 处: '處', 组: '組', 间: '間', 栋: '棟' };

/** A unit that is a judged measure word, with a scale before it: 所, 万户, 萬名. */
const JUDGED_UNIT = /^(十|百|千|万|亿)?(所|户|名|人|位|座|家)$/;
/** What follows the thing counted at the end of a name: a bracket, quotes, "数" (企业数, 总数). */
const NAME_TAIL = /([(（][^()（）]*[)）]|["“”‘’'\s]|(总数|数量|个数|数))+$/;
/** Where the words after a figure stop naming what it counts. */
const PHRASE_END = /[,,。;;、::()()\s的和与及或并]/;
const PEOPLE = new Set(['名', '人', '位']);
const NUMERAL = '(?:[0-9０-９]+(?:\\.[0-9]+)?|[零一二两三四五六七八九十百千]+)';

interface Found {
  noun: string;
  /** The noun as the plan writes it (traditional characters kept). */
  written: string;
  fits: readonly string[];
}

/** The known noun `text` (simplified) ends with. */
function nounAtEnd(text: string, original: string): Found | undefined {
  for (const [noun, fits] of NOUNS) {
    if (text.endsWith(noun)) return { noun, written: original.slice(text.length - noun.length, text.length), fits };
  }
  return undefined;
}

/** The known noun a figure in `unit` counts in a quote: the one just before the figure, or heading the words just after it. */
function nounInQuote(quote: string, unit: string): Found | undefined {
  const text = simplified(quote);
  const figure = new RegExp(`${NUMERAL}\\s*[十百千万亿]?${unit}(?!次)`, 'g');
  for (const m of text.matchAll(figure)) {
    const before = text.slice(0, m.index).trimEnd();
    const found = nounAtEnd(before, quote.slice(0, before.length));
    if (found) return found;
    // People come after a count of people ("30名中小学优秀青年干部"), and the table holds no people: a thing
    // named there is a modifier.
    if (PEOPLE.has(unit)) continue;
    const start = m.index + m[0].length;
    const rest = text.slice(start, start + 10);
    const stop = rest.search(PHRASE_END);
    const phrase = stop < 0 ? rest : rest.slice(0, stop);
    // The head comes last: 200户小区信报箱 counts 信报箱.
    let best: (Found & { end: number }) | undefined;
    for (const [noun, fits] of NOUNS) {
      const at = phrase.lastIndexOf(noun);
      if (at < 0 || (best && at + noun.length <= best.end)) continue;
      best = { noun, written: quote.slice(start + at, start + at + noun.length), fits, end: at + noun.length };
    }
    if (best) return best;
  }
  return undefined;
}

/** The thing an indicator counts: named at the end of its name, else beside its figure in its quote or its task's. */
function countedNoun(ind: Indicator, unit: string): Found | undefined {
  const bare = ind.name.replace(NAME_TAIL, '');
  const named = nounAtEnd(simplified(bare), bare);
  if (named) return named;
  const quotes = [ind.quote, ind.owner.kind === 'task' ? ind.owner.quote : undefined];
  for (const quote of quotes) {
    const found = quote ? nounInQuote(quote, unit) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A measure word for one kind of thing counts another: 信报箱 in 户, 小区 in 所. */
export default defineRule('unit-fits-noun', ({ plan, report }) => {
  for (const ind of plan.allIndicators) {
    const written = ind.unit?.trim();
    const judged = written ? JUDGED_UNIT.exec(simplified(written)) : null;
    if (!written || !judged) continue;
    const base = judged[2];
    const found = countedNoun(ind, base);
    if (!found || found.fits.includes(base)) continue;
    const traditional = found.written !== found.noun;
    const form = (u: string): string => (traditional ? (TRADITIONAL_FORM[u] ?? u) : u);
    const usual = written.slice(0, written.length - 1) + form(found.fits[0]);
    report({
      messageId: 'misfit',
      data: { name: ind.name, unit: written, word: written.slice(-1), noun: found.written, kind: KINDS[base], accepted: listOf(found.fits.map(form)) },
      path: ind.path.concat('unit'),
      // The figure may count the households served rather than the boxes: only the drafter knows, so a suggestion.
      suggestions: [{ messageId: 'useUsualUnit', data: { unit: usual }, operations: [{ op: 'set', path: ind.path.concat('unit'), value: usual }] }],
    });
  }
});
