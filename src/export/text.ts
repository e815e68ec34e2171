/**
 * The words of the exported documents, written from the plan model: the units clause, the target
 * sentences, headings' levels, deadlines. Pure: no file system, no document library.
 */
import { HALF_MARKS, type Marks } from './marks.js';
import { effectiveCooperating, effectiveLead, effectivePeople, effectiveResponsible, formatNumber, regionLabel, type Comparator, type DataPath, type Indicator, type Person, type Plan, type Target, type Task, type UnitRef } from '../engine/index.js';

/**
 * 〔牵头单位:…;责任单位:…;配合单位:…;分管领导:…〕 — the units (and the people) a task or a section states
 * itself; empty when it states none.
 */
export function unitsClause(lead: readonly UnitRef[], responsible: readonly UnitRef[], cooperating: readonly UnitRef[] = [], people: readonly Person[] = [], m: Marks = HALF_MARKS): string {
  const parts: string[] = [];
  if (lead.length > 0) parts.push(`牵头单位${m.colon}${names(lead)}`);
  if (responsible.length > 0) parts.push(`责任单位${m.colon}${names(responsible)}`);
  if (cooperating.length > 0) parts.push(`配合单位${m.colon}${names(cooperating)}`);
  if (people.length > 0) parts.push(peopleText(people, true, m));
  return parts.length > 0 ? `〔${parts.join(m.semicolon)}〕` : '';
}

/** People by role, in the order the plan names them: 分管领导:何海平;项目责任人:张三、李四. */
export function peopleText(people: readonly Person[], withRole = true, m: Marks = HALF_MARKS): string {
  const roles = [...new Set(people.map((p) => p.role))];
  return roles.map((r) => `${withRole ? `${r}${m.colon}` : ''}${people.filter((p) => p.role === r).map((p) => p.name).join('、')}`).join(m.semicolon);
}

/** Unit names as a list in running text: 区教委、区财政局. */
export function names(refs: readonly UnitRef[]): string {
  return refs.map((r) => r.name).join('、');
}

export { effectiveCooperating, effectiveLead, effectivePeople, effectiveResponsible };

/** A number as the plans print it: 15, 2.21, 0.5 — never 1e21 or 2.2100000000000004. */
export function figure(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

// An approximate figure says so as the plans print one (80%左右), and reads back approximate.
const amount = (t: Target, unit: string | undefined): string => `${figure(t.value)}${unit ?? ''}${t.approx ? '左右' : ''}`;

/** One year of a breakdown, with its own comparator where it has one: 2020年97%以上. */
const yearAmount = (t: Target, unit: string | undefined): string =>
  `${t.year}年${amount(t, unit)}${t.comparator === '>=' ? '以上' : t.comparator === '<=' ? '以内' : ''}`;

// Names that already begin with what is done (建设公办街镇中心幼儿园, 康复救助残疾儿童) take no 新增, nor do
// names that say it inside (城镇新增就业人数: not 新增城镇新增就业人数).
const DOING = /^(消除|新增|新建|新开|新招|新改扩建|建设|建成|完成|培训|改造|改善|改扩建|开工|实施|创建|打造|提供|招聘|发放|组织|开展|帮助|帮扶|救助|康复|引进|扶持|落实|增加|累计|推动|推进|培育|举办|资助|筹集|安置|吸纳|服务|接收|签约|覆盖|修缮|更新|提升|解决|支持|新开工)/;

/**
 * Whether an increment's name needs 新增 before it to read as what is added: without a measuring unit, in a
 * unit of levels (%, 分钟), or named as a level is (…率, …标准, …数, 每…). Any other name takes it after
 * (公办幼儿园新增15所, 年度投資金額新增1360萬元), where it comes back as the verb, not as part of the name.
 */
function needsDoing(ind: Indicator): boolean {
  return ind.unit === undefined || /^(%|分钟|小时)$/.test(ind.unit) || /(率|比例|占比|标准|水平|数)$/.test(ind.name) || /^每/.test(ind.name);
}

/** What a target says about its indicator: 新增公办幼儿园15所以上, 学前三年毛入园率达到90%以上. */
function targetPhrase(ind: Indicator, t: Target): string {
  const cmp: Comparator | undefined = t.comparator ?? ind.comparator;
  const value = amount(t, ind.unit);
  const after = cmp === '>=' ? '以上' : cmp === '<=' ? '以内' : '';
  if (ind.kind === 'increment') {
    const lead = cmp === '>' ? '超过' : cmp === '<' ? '少于' : '';
    if (DOING.test(ind.name) || ind.name.includes('新增')) return `${ind.name}${lead}${value}${after}`;
    return needsDoing(ind) ? `新增${ind.name}${lead}${value}${after}` : `${ind.name}新增${lead}${value}${after}`;
  }
  if (ind.kind === 'cumulative') {
    return `${ind.name.startsWith('累计') ? '' : '累计'}${ind.name}${value}${after}`;
  }
  const verb = cmp === '>' ? '超过' : cmp === '<' ? '低于' : ind.direction === 'lower' || cmp === '<=' ? '控制在' : ind.direction === 'hold' ? '保持在' : '达到';
  const base = ind.baseline;
  // A baseline without its year is written too (由46%提高到50%): the plan's words for it, and it reads back.
  if (ind.kind === 'level' && base && (ind.direction === 'raise' || ind.direction === 'lower')) {
    const move = ind.direction === 'raise' ? '提高到' : '降低到';
    return `${ind.name}由${base.year !== undefined ? `${base.year}年的` : ''}${amount(base, ind.unit)}${cmp === '<=' ? '控制在' : move}${value}${after}`;
  }
  return `${ind.name}${verb}${value}${after}`;
}

const GROWTH = { yoy: '同比增长', 'annual-average': '年均增长' } as const;

/**
 * An indicator written from its data in the plans' own style: 到2020年,新增公办幼儿园15所以上,分年度为
 * 2018年9所、2019年7所、2020年3所;其中,… Used where the plan file carries no quote of its own.
 */
export function indicatorSentence(ind: Indicator, m: Marks = HALF_MARKS): string {
  let out: string;
  const o = ind.overall;
  if (o) {
    out = `${o.year !== undefined ? `到${o.year}年${m.comma}` : ''}${targetPhrase(ind, o)}`;
    const years = ind.yearly.filter((y) => y.year !== undefined);
    if (years.length > 1 || (years.length === 1 && years[0].year !== o.year)) {
      out += `${m.comma}分年度为${years.map((y) => yearAmount(y, ind.unit)).join('、')}`;
    }
  } else if (ind.yearly.length > 0) {
    out = ind.yearly.map((y) => `${y.year !== undefined ? `${y.year}年${m.comma}` : ''}${targetPhrase(ind, y)}`).join(m.semicolon);
  } else {
    out = ind.name;
  }
  if (ind.growth) out += `${m.comma}${GROWTH[ind.growth.type]}${figure(ind.growth.percent)}%${ind.growth.comparator === '>=' ? '以上' : ''}`;
  if (ind.parts.length > 0) out += `${m.comma}其中${ind.parts.map((p) => stripYear(indicatorSentence(p, m), o?.year, m)).join('、')}`;
  return out;
}

/** A part's sentence under its total's 到Y年 need not repeat the year. */
function stripYear(s: string, year: number | undefined, m: Marks): string {
  const opening = `到${year}年${m.comma}`;
  return year !== undefined && s.startsWith(opening) ? s.slice(opening.length) : s;
}

/** A fact's `source`, as a quote: `"…"` or `{ quote: "…" }`. */
function quoteOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim() || undefined;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const q = (raw as Record<string, unknown>).quote;
    if (typeof q === 'string' && q.trim()) return q.trim();
  }
  return undefined;
}

/** The value at a data path of parsed data; undefined where the data has no such place. */
export function at(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const step of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

const END = /[。;；,，、\s]+$/;

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A count from 2 to 99 in Chinese numerals, as the plans print it (三, 十二, 二十): undefined for any other figure. */
function inChineseNumerals(v: number): string | undefined {
  if (!Number.isInteger(v) || v < 2 || v > 99) return undefined;
  const tens = Math.floor(v / 10);
  return `${tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}十`}${DIGITS[v % 10]}`;
}

/**
 * Whether a quote states a figure: 86 is in "达到86%", not in "达到86.5%". A count in Chinese numerals before
 * a measure word (宏昌小區三所老舊小區) states it too, as the importer reads it; 一 (一个学段) never does.
 */
export function statesFigure(quote: string, value: number): boolean {
  const f = figure(value).replace('.', '\\.');
  if (new RegExp(`(^|[^\\d.])${f}(?!\\d|\\.\\d)`).test(quote)) return true;
  const words = inChineseNumerals(value);
  return words !== undefined && new RegExp(`(^|[^一二两兩三四五六七八九十百千万萬零〇第])${words}(所|个|個|家|座|条|條|处|處|台|臺|辆|輛|栋|幢|间|間|艘)`).test(quote);
}

/**
 * A quote of a table row's cells as printed, spaces or TABs between them ("农村饮用水安全巩固提升 农林水务局 1300人"):
 * not a sentence, and written as one it would put the unit column's names into the indicator's words.
 */
const CELLS = /\t|[\u4e00-\u9fa5)）”][ \u3000]+[\u4e00-\u9fa5(（“]|[\u4e00-\u9fa5][ \u3000]+\d+(?:\.\d+)?[^\d\s]{0,4}$/;

/** An indicator's quote at a data path, where it is a sentence (a table row's cells, a bare figure are not). */
const sourceAt = (data: unknown, path: readonly (string | number)[]) => {
  const q = quoteOf((at(data, path) as Record<string, unknown> | undefined)?.source);
  // A target column's bare figure (1300人, 8950) names no indicator either.
  return q !== undefined && (CELLS.test(q) || /^\d+(?:\.\d+)?[^\d\s]{0,4}$/.test(q)) ? undefined : q;
};

const BOUND = /以上|以内|以下|不低于|不少于|不超过|不高于|至少|超过/;

/**
 * Whether a quote is a piece of a sentence that names its indicators before it ("分别达到6.18张、2.57人和3.21人",
 * "在园幼儿占比分别达到50%、80%以上", cut after the words that told its indicators apart): alone, it no
 * longer says what it measures.
 */
function isPiece(quote: string, ind: Indicator): boolean {
  return /^分别/.test(quote) || (/分别/.test(quote) && !quote.split('分别')[0].includes(ind.name)) || !namesHead(quote, ind);
}

/**
 * Whether a quote names what its indicator measures, by the last two characters of its name (率, 标准,
 * 护学岗, 定点医院 end a name): "90%以上" or "提高到每人每年580元", cut where the source broke its line or
 * after a name stated before, and "城市和城镇护学岗均达到100%" for the 达标率 it lists first, do not.
 */
function namesHead(quote: string, ind: Indicator): boolean {
  const head = ind.name.replace(/[(（][^()（）]*[)）]$/, '').slice(-2);
  return head.length < 2 || quote.includes(head);
}

/**
 * The quotes that state an indicator: its own, then each target's whose figure the quotes so far do
 * not state (an indicator's quote often names one year of three). Undefined unless every target's
 * figure is in them: a quote that no longer says what the data says (edited since, or 一个 for 1)
 * gives way to a sentence written from the data. The baseline's sentence comes apart (`base`), to follow the parts.
 */
function quotesOf(ind: Indicator, data: unknown, m: Marks): { said: string[]; base: string[] } | undefined {
  const quoted = fromOwnFigure(sourceAt(data, ind.path), ind);
  let own = quoted && !isPiece(quoted, ind) ? quoted : undefined;
  // A quote without the bound the data has (a heading's 完成培训2万人次, where the text says 2万人次以上)
  // gives way to the overall target's quote that states it.
  const bound = ind.comparator ?? ind.overall?.comparator;
  const overallQuote = sourceAt(data, ind.path.concat('overall'));
  if (own && ind.overall && (bound === '>=' || bound === '<=') && !BOUND.test(own) && overallQuote && BOUND.test(overallQuote) && !isPiece(overallQuote, ind) && statesFigure(overallQuote, ind.overall.value)) own = overallQuote;
  const base = baselineSentence(ind, data, own, m);
  const breakdown = `${m.open}分年度为${ind.yearly.map((t) => yearAmount(t, ind.unit)).join('、')}${m.close}`;
  // The quote states the overall target: the years the source gives elsewhere follow from the data,
  // rather than as a run of near-identical quotes (达到87%以上,达到89%以上,…).
  if (own && ind.overall && statesFigure(own, ind.overall.value)) {
    // A year is stated where the quote names it with its figure (the overall's own year aside): a quote
    // that says 95% once does not say that 2018, 2019 and 2020 are each 95%.
    const o = ind.overall;
    const unstated = ind.yearly.some((t) => !statesFigure(own, t.value) || !(yearNamed(own, t) || (t.year === o.year && t.value === o.value)));
    // A year with the overall's figure but not its year (1所 in 2019, 1所 by 2020) would read, in a
    // breakdown, as the one year the overall figure stood for: each such year says itself, in its own words.
    if (unstated && ind.yearly.some((t) => t.value === o.value) && !ind.yearly.some((t) => t.value === o.value && t.year === o.year)) {
      const years = ind.yearly.filter((t) => !(statesFigure(own, t.value) && yearNamed(own, t)));
      return { said: [dated(own, o, true, m), ...years.map((t) => yearSentence(ind, t, data, m))], base };
    }
    return { said: [unstated ? `${dated(own, ind.overall, true, m).replace(END, '')}${breakdown}` : dated(own, ind.overall, true, m)], base };
  }
  // The quote states one year of several (普惠率达到60%以上 for 2018): the others as a breakdown too.
  const stated = own && !ind.overall ? ind.yearly.filter((t) => statesFigure(own, t.value)) : [];
  if (own && ind.yearly.length > 1 && stated.length > 0 && stated.length < ind.yearly.length) {
    return { said: [`${own.replace(END, '')}${breakdown}`], base };
  }
  const quotes = own ? [own] : [];
  const targets: [Target, (string | number)[], boolean][] = [];
  if (ind.overall) targets.push([ind.overall, ['overall'], true]);
  for (const t of ind.yearly) targets.push([t, ['yearly', String(t.year)], false]);
  // A year's target quoted without its year (新增学位2400个, the year said in a heading of the source).
  // Also when there is an overall target besides (旅游厕所: 36座 in 2018, 127座 over the plan).
  const ownYear = own ? ind.yearly.find((t) => statesFigure(own, t.value)) : undefined;
  if (own && ownYear) quotes[0] = dated(own, ownYear, false, m);
  const said = quotes;
  for (const [t, key, overall] of targets) {
    if (said.some((q) => saysTarget(q, t, overall))) continue;
    const q = sourceAt(data, ind.path.concat(key));
    if (q && !isPiece(q, ind)) said.push(dated(q, t, overall, m));
  }
  if (said.length === 0) return undefined;
  return targets.every(([t, , overall]) => said.some((q) => saysTarget(q, t, overall))) ? { said, base } : undefined;
}

/**
 * A part's quote from the clause of its own figure on, after its 其中: "其中,城区公办幼儿园在园幼儿占比达到30%以上,
 * 普惠率达到60%以上" quotes the 城区普惠率 at 60%, and the clause before it, another part's, would read back as this one.
 */
function fromOwnFigure(quote: string | undefined, ind: Indicator): string | undefined {
  const head = quote === undefined ? undefined : /^[(（]?其中[,，:：]?/.exec(quote)?.[0];
  if (quote === undefined || head === undefined) return quote;
  const values = [ind.overall, ...ind.yearly].flatMap((t) => (t ? [t.value] : []));
  const clauses = quote.slice(head.length).split(/(?<=[,，;；])/);
  const k = clauses.findIndex((c) => values.some((v) => statesFigure(c, v)));
  return k > 0 ? `${head}${clauses.slice(k).join('')}` : quote;
}

/**
 * Whether a quote names a target's year (a target without a year needs none): 2019年, or a span that
 * holds it (2020年至2022年分三年,分别按30%、40%、30%).
 */
function yearNamed(quote: string, t: Target): boolean {
  if (t.year === undefined || quote.includes(`${t.year}年`)) return true;
  return [...quote.matchAll(/(\d{4})年?\s*[至—–\-~到]\s*(\d{4})年/g)].some((m) => Number(m[1]) <= (t.year ?? 0) && (t.year ?? 0) <= Number(m[2]));
}

/** A year's target as a sentence of its own: its quote where it has one, else from the data; its year first. */
function yearSentence(ind: Indicator, t: Target, data: unknown, m: Marks): string {
  const q = sourceAt(data, ind.path.concat(['yearly', String(t.year)]));
  return q && !/^分别/.test(q) && statesFigure(q, t.value) ? dated(q, t, false, m) : `${t.year}年${m.comma}${targetPhrase(ind, t)}`;
}

/**
 * Whether a quote states a target: its figure, and for a year's target its year too — one year's quote
 * (2018年,建成开放1家博物馆) does not state the next year's equal figure.
 */
function saysTarget(quote: string, t: Target, overall: boolean): boolean {
  return statesFigure(quote, t.value) && (overall || yearNamed(quote, t));
}

/**
 * The baseline as a sentence of its own (截至2017年,学前三年毛入园率达86%), its quote where the plan file
 * has one: the quote of the target rarely states it, and a document without it loses it.
 */
function baselineSentence(ind: Indicator, data: unknown, own: string | undefined, m: Marks): string[] {
  const b = ind.baseline;
  if (!b || (own && statesFigure(own, b.value))) return [];
  const quote = sourceAt(data, ind.path.concat('baseline'));
  const said = quote && !/^分别/.test(quote) && statesFigure(quote, b.value) ? quote : `${ind.name}为${amount(b, ind.unit)}`;
  // Without its year a baseline would read as a target: 目前 says it is the state now (目前,市民体质抽样合格率达到92%),
  // as 在已建成12个社区健身点的基础上 does itself.
  if (b.year === undefined) return [/基础上$|^目前/.test(said) ? said : `目前${m.comma}${said}`];
  if (said.includes(`${b.year}年`)) return [said];
  return [`截至${b.year}年底${m.comma}${said}`];
}

const DATED = /^(?:到|截至)?\d{4}年(?:底)?[,，]/;

/**
 * A quote with its target's year before it when it does not name that year: the source said the year
 * in a heading or an earlier sentence, and the document must say it where the figure is.
 */
function dated(quote: string, t: Target, overall: boolean, m: Marks): string {
  if (t.year === undefined || quote.includes(`${t.year}年`)) return quote;
  // 其中 stays first: it ties the part to the total before it.
  const part = /^其中[,，]?/.exec(quote)?.[0] ?? '';
  return `${part}${overall ? '到' : ''}${t.year}年${m.comma}${quote.slice(part.length)}`;
}

/** A sentence without the year put before it (for comparing it with a task's title). */
export function undated(sentence: string): string {
  return sentence.replace(DATED, '');
}

/** A sentence of an owner's targets, and whether it states a part of the indicator before it (its 其中). */
export interface Clause {
  readonly text: string;
  readonly part: boolean;
}

/**
 * An owner's target sentences as running text, joined by commas; but a full stop ends the sentences
 * that open with their year or 目前 (with their 其中 parts), since a year that opens a clause governs the rest
 * of the sentence for a reader — and for the importer; a full stop ends a split listed after 其中:, since the next
 * target would read as one more of its pieces (…拣银岩街道办40,城镇失业人员再就业新增250人); and a semicolon
 * closes a run of 其中 parts before the next target, as official writing does (新增学位2400个,其中公办学位2000个;
 * 建设幼儿园3所): after a comma a reader takes 建设幼儿园3所 for one more of the 2400 学位. A sentence is a part
 * when it opens with 其中, or when its clause says so (a part's quote after the first: 其中政务服务大厅不少于7个,
 * 公立医院不少于16个).
 */
export function joinSentences(sentences: readonly (string | Clause)[], m: Marks = HALF_MARKS): string {
  let out = '';
  let inDated = false;
  let inSplit = false;
  let inParts = false;
  for (const sentence of sentences) {
    const s = typeof sentence === 'string' ? sentence : sentence.text;
    // 在2022年前…, 2022年底前… open with their year too: the quotes after them were other sentences of the source;
    // 到2020年新增…, 在已建成…的基础上,到2020年…: a year said without its comma governs the sentence too.
    const isDated = DATED.test(s) || /^(在[^,，]*基础上[,，])?((在|到|截至)?\d{4}年|目前[,，])/.test(s);
    // A full stop goes by the words (a part that opens with its year is read as a sentence of its own);
    // the semicolon by what the sentence states.
    const opensWithParts = /^[(（]?其中/.test(s);
    const part = opensWithParts || (typeof sentence !== 'string' && sentence.part);
    if (out) out += (inDated && !opensWithParts) || inSplit ? '。' : inParts && !part ? m.semicolon : m.comma;
    out += s;
    if (!opensWithParts) inDated = isDated;
    inSplit = /其中[:：][^,，。;；]+$/.test(s);
    // A sentence whose last clauses are its 其中 parts (one from the data: 新增学位2400个,其中公办学位2000个) ends a run too.
    inParts = part || /[,，]其中(?![:：])[^;；。]*$/.test(s);
  }
  return out;
}

/**
 * The sentences that state an owner's indicators in the document: each indicator in its source's words
 * where the plan file quotes them (a quote that repeats one already used is left out, as one source
 * sentence often states several figures), else in a sentence written from the data, followed by its split
 * by region where the plan has one.
 */
export function indicatorSentences(indicators: readonly Indicator[], data: unknown, plan?: Plan, m: Marks = HALF_MARKS): string[] {
  return indicatorClauses(indicators, data, plan, m).map((c) => c.text);
}

/** The sentences of indicatorSentences, each marked whether it states a part (for joinSentences). */
export function indicatorClauses(indicators: readonly Indicator[], data: unknown, plan?: Plan, m: Marks = HALF_MARKS): Clause[] {
  const out: Clause[] = [];
  const add = (s: string, part = false) => {
    const text = s.replace(END, '');
    if (!text) return;
    if (out.some((q) => q.text.includes(text))) return;
    const i = out.findIndex((q) => text.includes(q.text));
    if (i >= 0) out[i] = { text, part: part && out[i].part };
    else out.push({ text, part });
  };
  for (const ind of indicators) {
    const quotes = quotesOf(ind, data, m);
    if (!quotes) {
      add(`${indicatorSentence(ind, m)}${plan ? regionsClause(ind, plan, m) : ''}`);
      continue;
    }
    // "在已建成12个社区健身点的基础上" opens the sentence of the target it is the base of, as the source prints it.
    const opening = quotes.base.find((b) => /基础上$/.test(b));
    quotes.said.forEach((q, k) => add(k === 0 && opening ? `${opening}${m.comma}${q}` : q));
    const parts = ind.parts.map((part) => quotesOf(part, data, m));
    ind.parts.forEach((part, k) => {
      const q = parts[k];
      if (q) q.said.forEach((s) => add(s, true));
      else add(`其中${stripYear(indicatorSentence(part, m), ind.overall?.year, m)}`, true);
    });
    // The baselines after the parts: a 截至…年 sentence governs what follows it, and a part after it would read as reached.
    quotes.base.filter((b) => b !== opening).forEach((b) => add(b));
    for (const q of parts) q?.base.forEach((b) => add(b));
  }
  // A progress notice's actuals follow the targets (截至2017年8月,完成7558人,完成率119%), in one sentence.
  const done = actualsText(indicators, m);
  if (done) out.push({ text: done, part: false });
  return out;
}

/**
 * ",其中:海曙区120、江北区80" — an indicator's split of its overall target by region (else its last
 * year's, the year named), written after its sentence; empty without one. A value in another unit shows it.
 */
function regionsClause(ind: Indicator, plan: Plan, m: Marks): string {
  const split = ind.byRegion.find((s) => s.year === undefined) ?? ind.byRegion[ind.byRegion.length - 1];
  if (!split) return '';
  const when = split.year === undefined ? '' : `${split.year}年`;
  const values = split.values.map((v) => `${regionLabel(plan, v.key)}${formatNumber(v.value)}${v.unit !== undefined && v.unit !== ind.unit ? v.unit : ''}`);
  return `${m.comma}${when}其中${m.colon}${values.join('、')}`;
}

/** A sentence closed with 。 unless it ends in punctuation already. */
export function closed(s: string): string {
  return /[。!?！？;；:：]$/.test(s) ? s : `${s}。`;
}

/** How a heading is set, from its number as printed (一、 (一) 1. (1)), else from its depth. */
export type HeadingLevel = 1 | 2 | 3 | 4;

const CN = '一二三四五六七八九十百零〇';
const H1 = new RegExp(`^[${CN}]+[、.．]?$`);
const H2 = new RegExp(`^[(（][${CN}]+[)）]$`);
const H3 = /^\d+[.．、]?$/;
const H4 = /^[(（]\d+[)）]$/;

export function headingLevel(number: string | undefined, depth: number): HeadingLevel {
  const n = number?.trim();
  if (n) {
    if (H1.test(n)) return 1;
    if (H2.test(n)) return 2;
    if (H3.test(n)) return 3;
    if (H4.test(n)) return 4;
  }
  return Math.min(depth + 1, 4) as HeadingLevel;
}

/** A number as it is set before a title: 一、 (一) 1. (1) — the printed number, completed where bare. */
export function numberPrefix(number: string | undefined): string {
  const n = number?.trim();
  if (!n) return '';
  if (new RegExp(`^[${CN}]+$`).test(n)) return `${n}、`;
  if (/^\d+$/.test(n)) return `${n}.`;
  return n;
}

/** 完成时限: the task's deadline as written (2020 → 2020年, 2020-06 → 2020年6月), else its targets' last year. */
export function deadlineText(raw: unknown, task: Task): string {
  if (typeof raw === 'number' && Number.isInteger(raw)) return `${raw}年`;
  if (typeof raw === 'string') {
    const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(raw.trim());
    if (!m) return raw;
    return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
  }
  let last: number | undefined;
  const visit = (ind: Indicator) => {
    for (const t of [ind.overall, ...ind.yearly]) if (t?.year !== undefined && (last === undefined || t.year > last)) last = t.year;
    ind.parts.forEach(visit);
  };
  task.indicators.forEach(visit);
  return last !== undefined ? `${last}年底` : '';
}

/** 时间节点 in running text: 2021年3月开工,2023年9月投入使用; empty without milestones. */
export function milestonesText(task: Task, m: Marks = HALF_MARKS): string {
  return task.milestones.map((s) => `${deadlineText(s.date, task)}${s.kind}`).join(m.comma);
}

/** 具体目标 in a table cell: one numbered line per indicator, written from the data, each with its actual. */
export function targetsCell(indicators: readonly Indicator[], m: Marks = HALF_MARKS): string {
  const withActual = (ind: Indicator) => `${indicatorSentence(ind, m)}${actualText(ind, false, m) ? `${m.semicolon}${actualText(ind, false, m)}` : ''}`;
  if (indicators.length === 1) return withActual(indicators[0]);
  return indicators.map((ind, i) => `${i + 1}.${withActual(ind)}`).join('\n');
}

/** 截至: an actual's date as written (2017 → 2017年, 2017-08 → 2017年8月); empty when it has none. */
export function asOfText(asOf: number | string | undefined): string {
  if (typeof asOf === 'number') return `${asOf}年`;
  if (typeof asOf !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(asOf.trim());
  if (!m) return asOf;
  return `${m[1]}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
}

/**
 * 完成情况 in the words of a progress notice: 截至2017年8月,完成7558人,完成率119%; the status as written
 * (设备购进中). `named` puts the indicator's name first, where one sentence states several indicators'
 * targets (城市低保补差水平月均:完成300.1元/月). Empty for an indicator without an actual, so a plan without
 * actuals prints nothing more.
 */
export function actualText(ind: Indicator, named = false, m: Marks = HALF_MARKS): string {
  const parts = actualParts(ind, m);
  if (!parts) return '';
  const when = asOfText(ind.actual?.asOf);
  return `${when ? `截至${when}${m.comma}` : ''}${named ? `${ind.name}${m.colon}` : ''}${parts}`;
}

/** An actual's figure, rate and status, without its date: 完成7558人,完成率119%. */
function actualParts(ind: Indicator, m: Marks): string {
  const a = ind.actual;
  if (!a) return '';
  const parts: string[] = [];
  if (a.value !== undefined) parts.push(`完成${figure(a.value)}${a.unit ?? ind.unit ?? ''}`);
  if (a.percent !== undefined) parts.push(`完成率${figure(a.percent)}%`);
  const status = a.status?.replace(END, '');
  if (status) parts.push(status);
  return parts.join(m.comma);
}

/**
 * The actuals of an owner's indicators as one sentence: one date, then each indicator's (named where
 * there are several): 截至2017年8月,城市低保:完成300.1元/月,农村低保:完成154.33元/月. Actuals of different
 * dates each keep their own.
 */
function actualsText(indicators: readonly Indicator[], m: Marks): string {
  const reported = indicators.filter((ind) => actualParts(ind, m));
  if (reported.length === 0) return '';
  const named = indicators.length > 1;
  const dates = new Set(reported.map((ind) => asOfText(ind.actual?.asOf)));
  if (dates.size > 1) return reported.map((ind) => actualText(ind, named, m)).join(m.comma);
  const when = [...dates][0];
  return `${when ? `截至${when}${m.comma}` : ''}${reported.map((ind) => `${named ? `${ind.name}${m.colon}` : ''}${actualParts(ind, m)}`).join(m.comma)}`;
}

/** A date as GB/T 9704 §7.3.5.3 writes 成文日期: 2019年2月21日. */
export function chineseDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : undefined;
}

/** A comparator in words, for the indicator sheet: ≥ 以上. */
const COMPARATOR_WORDS: Record<Comparator, string> = { '>=': '≥(以上/不低于)', '<=': '≤(以内/不超过)', '=': '=(达到)', '>': '>(超过)', '<': '<(低于)' };

/** COMPARATOR_WORDS with the plan's brackets. */
export function comparatorWords(cmp: Comparator, m: Marks = HALF_MARKS): string {
  return COMPARATOR_WORDS[cmp].replace('(', m.open).replace(')', m.close);
}
