/**
 * Quantified targets in plan prose: a figure with its measuring unit and the words around it.
 * Only what is printed is stated; a range or a figure in words becomes a note, never a number. A single
 * figure printed as approximate (约3万, 3万左右) is a stated fact: its value, with `approx: true`.
 */
import { knownDifferent, parseUnit } from '../measure.js';
import { monthlyGivenIn } from './given-monthly.js';

/** Whether two measuring units are known to measure different things (所 against 人). */
function measuresOther(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = parseUnit(a);
  const y = parseUnit(b);
  return x !== undefined && y !== undefined && knownDifferent(x, y);
}

/** The thing a name counts, by its last two characters, a bracket after them left out: 街道 of 区级样板街道, 村 of 老年友好村(社区). */
const thingOf = (name: string) => name.replace(/[((][^))]*[))]$/, '').slice(-2);

/**
 * Whether a figure after 其中 names another thing than its total, where the first part named the total's own
 * ("新增区级老年友好街道3个,其中区级样板街道不少于1个,老年友好村(社区)15个": the 村 are no part of the 街道).
 */
function namesOtherThing(name: string, total: { name: string; parts?: readonly { name: string }[] }): boolean {
  const first = total.parts?.[0];
  return first !== undefined && thingOf(first.name) === thingOf(total.name) && thingOf(name) !== thingOf(total.name);
}

/** A `source: { line, quote }` as the plan file writes it. */
export interface SourceRef {
  line: number;
  quote: string;
}

/** An indicator as the plan file writes it (the subset the importer can state from prose). */
export interface ImportedIndicator {
  name: string;
  /** None where the text prints a figure alone (新增城镇就业8950). */
  unit?: string;
  kind: 'level' | 'increment' | 'cumulative';
  direction?: 'raise' | 'lower' | 'hold';
  comparator?: '>=' | '<=' | '>';
  baseline?: { year?: number; value: number; approx?: true; source: SourceRef };
  /** Year → target, written with plain numeric keys; a year's own bound where the breakdown prints one (2020年97%以上). */
  yearly?: Map<number, { value: number; approx?: true; comparator?: '>=' | '<='; source: SourceRef }>;
  overall?: { year?: number; value: number; approx?: true; source: SourceRef };
  growth?: { type: 'yoy' | 'annual-average'; percent: number; comparator?: '>='; source: SourceRef };
  parts?: ImportedIndicator[];
  /** "其中丹江口市33所、郧县40所": the target split by place (a year's split where `year` is set). */
  byRegion?: RegionSplit[];
  note?: string;
  source: SourceRef;
}

/** One split of a target by region: the places as printed, each with its value (and unit where it differs). */
export interface RegionSplit {
  year?: number;
  values: { name: string; value: number; unit?: string; source: SourceRef }[];
}

// Measuring units, longest first so that 万人次 wins over 万人 and 人.
const UNITS = [
  '万平方米', '平方米', '微克/立方米', '万人次', '人次', '万人', '万元', '亿元', '元/月·人', '元/月', '元/人', '元/年', '万户', '万口', '万亩', '万方', '千瓦',
  '公里', '张/千人', '元/人/年', '套(间)', '套(间)', '分钟', '小时', '场次', '万名', '元', '个', '所', '家', '人', '名', '张', '台', '场', '套', '户', '亩', '项', '%', '岁', '处', '条', '座', '辆',
  '间', '门', '支', '批', '床', '块', '栋', '幢', '件', '次', '期', '班', '位', '种', '册', '篇', '部', '只', '株', '艘', '米',
  // Counts of ten thousands of things (见习岗位5万个, 除颤仪1万台).
  '万个', '万台', '万张', '萬個', '萬台', '萬臺', '萬張',
  // The same words in traditional characters (a text from a big5 gateway or a Hong Kong/Taiwan copy).
  '萬平方米', '萬人次', '萬口', '萬人', '萬元', '億元', '萬戶', '萬畝', '畝', '萬名', '個', '張', '臺', '場', '處', '條', '輛', '間', '門', '塊', '項', '場次',
].sort((a, b) => b.length - a.length);
const asPattern = (units: string[]) => units.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const UNIT_RE = asPattern(UNITS);
const FIGURE = new RegExp(`(?<!\\d)(\\d+(?:\\.\\d+)?)(${UNIT_RE})`, 'g');
const FIRST_FIGURE = new RegExp(FIGURE.source);
const PEOPLE = /(惠及|覆盖|受益)(\d+(?:\.\d+)?)万(名)?(家长|学生|群众|居民|老人|老年人|儿童|妇女|农民|患者|职工)/;
// A clause's figures also in 年 (受教育年限达10年), which the loop keeps only after a verb of reaching, and
// in 万 alone after 资金/投资/经费 (预计需投入资金2000万左右: money, as printed); 万人, 万户 count things. A space
// may stand before a unit of two characters or more ("為全市 16 萬名"), never before 人 or 个, which open names too.
// A figure starts only where its digits start (a later start matches nothing the first did not), and 万 is
// read before the words behind it: else a long run of digits took quadratic time.
const LONG_UNIT_RE = asPattern(UNITS.filter((u) => u.length >= 2));
// A count in Chinese numerals (宏昌小區三所老舊小區, 十二条): two to ninety-nine, only before a measure word of
// things counted one by one. 一 alone is left out (一个学段, 一站式 name no count), and so is a numeral that follows
// another (十四五, 三四个: a name or a range), 第 (an ordinal), and 件 and 项 (十件实事, 四项专项治理: the count
// a plan declares of its own tasks).
const COUNT_WORD_RE = asPattern(['所', '个', '個', '家', '座', '条', '條', '处', '處', '台', '臺', '辆', '輛', '栋', '幢', '间', '間', '艘']);
const CHINESE_COUNT = `(?<![一二两兩三四五六七八九十百千万萬零〇第\\d])(?:[二两兩三四五六七八九]?十[一二三四五六七八九]?|[二两兩三四五六七八九])(?=(?:${COUNT_WORD_RE})(?!一))`;
// 人次达200万以上: 万 after a name that counts 人次 is that name's 万人次.
const CLAUSE_FIGURE = new RegExp(`((?<!\\d)\\d+(?:\\.\\d+)?|${CHINESE_COUNT})(?:\\s(?=${LONG_UNIT_RE}))?(${UNIT_RE}|年|万(?<=(?:资金|投资|经费)\\d+(?:\\.\\d+)?万)|万(?<=人次(?:达到|达|超过)?\\d+(?:\\.\\d+)?万))`, 'g');
const DIGIT_OF: Record<string, number> = { 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A figure's value: digits as printed, or a count in Chinese numerals (十二, 二十, 三). */
function figureValue(figure: string): number {
  if (/^\d/.test(figure)) return Number(figure);
  const [tens, ones] = figure.includes('十') ? figure.split('十') : ['', figure];
  return (figure.includes('十') ? (DIGIT_OF[tens ?? ''] ?? 1) * 10 : 0) + (DIGIT_OF[ones ?? ''] ?? 0);
}

const INCREMENT = /^(實施|建設|開展|新增|新建|新改扩建|新改建|改扩建|建设|建成|培训|完成|开展|改造|增加|补充|购置|创建|打造|实施|发放|新发放|救助|引进|招聘|举办|承办|主办|安装|恢复|办好|开工|新开工|配置|提供|评选|扶持|组织|落实)/;
/** The verbs that open a clause counting the things it lists (建成投用…等8家卫生院, 打通…等12条断头路). */
const LISTED_VERB = /^(建成投用|建成投入使用|开工建设|新建|新增|建设|建成|打通|改造|完成)/;
const LEVEL_VERB = /(达到|达|提高到|提升到|提高至|提升至|控制在|保持在|保持|稳定在|不低于|不少于|不超过|不高于|不低於|不少於|不超過|不高於|增至|为)$/;

// A count reaches a level after a verb of reaching or a bound on a level (不低于48.35万人); "不少于3场" and
// "为206名残疾人…" count what is done. The bounds also in traditional characters (不少於60元, 不超過).
const REACH_VERB = /((达到|达|提高到|提升到|提高至|提升至|控制在|保持在|保持|稳定在|增至)(不低于|不少于|不超过|不高于|不低於|不少於|不超過|不高於)?|不低于|不高于|不超过|不低於|不高於|不超過|至少有|均有)$/;

/** Context for one sentence: the year it states and whether it is an overall (到YYYY年) target. */
interface YearContext {
  year?: number;
  overall: boolean;
  /** 截至2017年底…: what has been reached, not a target. */
  baseline?: boolean;
}

/** What a paragraph says about time as a whole: a 基本情况 part, or a yearly heading "1.2018年。". */
export interface ParagraphContext {
  /** The paragraph describes the situation before the plan (基本情况): its figures are baselines. */
  baseline?: boolean;
}

function yearContext(sentence: string, planYears: { start: number; end: number }, para: ParagraphContext): YearContext {
  // Only where it opens the sentence: "……达到90%以上,截至2017年底,……达86%" turns baseline at its clause.
  const since = /^[^,,;;\d]{0,8}?截至(\d{4})年/.exec(sentence);
  if (since) return { year: Number(since[1]), overall: false, baseline: true };
  // 目前,……: the state now, a baseline without a year.
  if (/^目前[,,]/.test(sentence)) return { overall: false, baseline: true };
  if (para.baseline) {
    const y = /(\d{4})年/.exec(sentence);
    if (y && Number(y[1]) < planYears.start) return { year: Number(y[1]), overall: false, baseline: true };
  }
  const to = /^(?:[^,,]{0,6}?)(?:到|至)(\d{4})年/.exec(sentence);
  if (to) return { year: Number(to[1]), overall: true };
  const at = /^(?:[^,,]{0,4}?)(\d{4})年(?:底|年底)?(?:前)?[,,]?/.exec(sentence);
  if (at) return { year: Number(at[1]), overall: false };
  // 今年 / 年底前 / 全年 in a one-year plan: the plan's target itself, as the plan files state it (overall, no year).
  return { overall: true };
}

// The area a whole plan covers opens many sentences ("全区学前三年毛入园率达到90%"); a drafter names
// the indicator without it. 全区性 is part of a name ("全区性全民健身示范活动").
const AREA = /^(全区(?!性)|全市(?!性)|全县(?!性)|我区|我市|我县)/;
// Verbs of doing (and their compounds: 组织支持, 扶持建设, 建设完成): before a figure alone they name no
// indicator, the noun after the figure does ("继续选拔20名中小学优秀青年干部…").
const VERB_PHRASE = new RegExp(`^(?:${['将', '新增', '新建', '建设', '建成', '建立', '创建', '打造', '完成', '培训', '培育', '开展', '改造', '增加', '购置', '配置', '实施', '发放', '引进', '招聘', '举办', '兴办', '安装', '落实', '提供', '扶持', '组织', '支持', '指导', '申报', '选拔', '调动', '参与', '发布', '开放', '推进', '推动', '完善', '提升', '改善', '购买', '救助'].join('|')}){1,3}(?:全区|全市|全县|约)?$`);

// A noun may open with a figure of a name, 4G/5G基站, never with a count (35-64岁适龄妇女).
const NOUN = /^(?:[\u4e00-\u9fa5“”"A-Za-z]|\d(?=[A-Za-z]))[\u4e00-\u9fa5“”"A-Za-z0-9()()/]{1,23}/;
// An age that qualifies the people a count names (80周歲以上, 40-74周岁).
const AGE = /^\s*\d+(?:\s*[~～\-—至]\s*\d+)?\s*(?:周歲|周岁|歲|岁)(?:以上|以下)?/;
const NOUN_END = /(?:达到|提高到|提升到|保持在|控制在|不低于|不少于|参与|的?基础上).*$/;

/**
 * The noun a count names after its figure ("建设34个食品安全快速检测服务点"): past an age that qualifies the
 * people ("為全市15萬名80周歲以上本地戶籍老人", "5万名40-74周岁居民"), up to where the next figure's words begin
 * ("2个孵化基地和8个区级创业园", "100名基层体育委员参与100场") or 每 gives each one its share ("739艘外海大型渔船
 * 每艘增配1只"). `end` is where the noun ends in `after` (0 and an empty noun where none follows).
 */
function nounAfter(after: string): { noun: string; end: number } {
  const rest = after.replace(/^(以上|以内)/, '').replace(AGE, '');
  const found = NOUN.exec(rest);
  if (!found) return { noun: '', end: 0 };
  const next = FIRST_FIGURE.exec(found[0]);
  const noun = found[0].slice(0, next ? next.index : undefined).replace(/每.*$/, '').replace(NOUN_END, '').replace(/[((][^))]*$/, '').replace(/[和及、]$/, '');
  return { noun, end: after.length - rest.length + noun.length };
}

/** Cleans the words before a figure into an indicator name: no year, no verb, no comparator. */
function nameBefore(prefix: string): string {
  let s = prefix
    .replace(/^.*?(?:到|至|在)?\d{4}年(?:底|年底)?(?:前)?[,,]?/, '')
    .replace(/^[((]/, '')
    .replace(/^(近[一二三四五两\d]{1,2}年(来)?|近年来)/, '')
    .replace(AREA, '')
    .replace(/^(其中[,,::]?|[一二三四五六七八九十]{1,2}是|力争|确保|实现|推动|计划|预计|全年|今年|年底前|年内|每年|年均|平均每年|逐年|争取|着力|继续|同时|并|且|和|及|計劃|預計|確保|實現|繼續)+/, '')
    .replace(AREA, '')
    .replace(/[((][^))]*$/, '');
  // 下降超1微克/立方米: 超 is the bound (>), no part of the name; 公办幼儿园新增15所 adds to what it names.
  for (let i = 0; i < 3; i++) s = s.replace(LEVEL_VERB, '').replace(/(年均|每年|平均|均|分别|共计|共|累计|总数|总量|约|(?<![不赶])超|(?<=[\u4e00-\u9fa5”)])新增)$/, '');
  return s.replace(/^[,,、;;::\s]+|[,,、;;::\s]+$/g, '');
}

/**
 * Finds the indicators stated in one paragraph (`line` is its source line). `planYears` resolves
 * 今年 and decides whether a sentence-initial year is a yearly target or the overall one.
 */
export function findIndicators(text: string, line: number, planYears: { start: number; end: number }, para: ParagraphContext = {}): ImportedIndicator[] {
  const found: ImportedIndicator[] = [];
  // "1.2018年。……" (a 年度目标 list): the whole paragraph is that year's targets.
  const yearHeading = /^\d{1,2}[.、．]?(\d{4})年[。.::]/.exec(text);
  const body = yearHeading ? text.slice(yearHeading[0].length) : text;
  let baselineYear: number | undefined;
  // A year that opens a sentence governs it up to the full stop, across its semicolons.
  for (const sentence of body.split(/[。!!]/)) {
    let ctx = yearHeading ? { year: Number(yearHeading[1]), overall: false } as YearContext : yearContext(sentence, planYears, para);
    // In 基本情况 every figure describes the state before the plan, in the last year named.
    if (para.baseline && !yearHeading) {
      if (ctx.baseline && ctx.year !== undefined) baselineYear = ctx.year;
      else if (!ctx.overall || ctx.year === undefined) ctx = { year: baselineYear, overall: false, baseline: true };
    }
    let last: ImportedIndicator | undefined;
    // The indicator stated last, a part or not: a breakdown after it is its years.
    let recent: ImportedIndicator | undefined;
    let inParts = false;
    // "覆盖率达到50%以上,其中政务服务大厅不少于7个,公立医院不少于16个": the places a level covers are levels too.
    let levelList = false;
    let yearList = '';
    // The clauses of the sentence so far: "农村中小学实施改水、改厕,计划安排200所" names its figure in the first.
    const clausesSoFar: string[] = [];
    // A semicolon closes a 其中 list: "计划竣工3个,其中幼儿园7个、小学4个;增加学位5000个" (the 5000 is no part).
    // The sentence's span of years (2018—2020年), read once: per clause, a long sentence took quadratic time.
    const span = /(\d{4})\s*[—–\-~至]\s*(\d{4})年/.exec(sentence);
    const semicolonAfter = [...sentence.matchAll(/[,,;;]|(?=[((]其中)/g)].map((m) => /[;;]/.test(m[0]));
    for (const [k, whole] of sentence.split(/[,,;;]|(?=[((]其中)/).entries()) {
      if (k > 0 && semicolonAfter[k - 1]) inParts = false;
      // "……100个,截至2017年8月,设备购进中。" (a progress notice's 完成情况, as the export writes it after the
      // targets): what follows the month reports progress (withProseActuals reads it), it states no target.
      if (/^截至\d{4}年\d{1,2}月/.test(whole.trim())) return found;
      clausesSoFar.push(whole);
      // "分年度为2018年9所、2019年7所、2020年3所" (as the exporter writes a breakdown): the years of the
      // indicator just stated, not a new year that governs what follows.
      const breakdown = /[((]?分年度为((?:\d{4}年\d+(?:\.\d+)?[^、,,;;()()\d]*、?)+)[))]?/.exec(whole);
      const clause = breakdown ? whole.replace(breakdown[0], '') : whole;
      const years = breakdown ? [...(breakdown[1] ?? '').matchAll(/(\d{4})年(\d+(?:\.\d+)?)([^、,,;;()()\d]*)/g)] : [];
      if (breakdown && clause.trim().length === 0) {
        if (recent) setYears(recent, years, line, breakdown[0]);
        continue;
      }
      // "截至2017年底" opening a later clause: what follows in the sentence has been reached, not a target.
      const sinceHere = /^截至(\d{4})年/.exec(clause.trim());
      if (!yearHeading && sinceHere) ctx = { year: Number(sinceHere[1]), overall: false, baseline: true };
      // A year opening a later clause governs the rest of the sentence ("……组合拳”2022年,城镇新增就业……").
      else if (!yearHeading && !ctx.baseline) {
        const opening = /^(.{0,30}?)(到|至|在)?(\d{4})年(?:底|年底)?(前)?(?!\d|度|的|[—–\-~至])/.exec(clause.trim());
        if (opening && !/\d/.test(opening[1] ?? '') && !/[于从自]$/.test(opening[1] ?? '')) {
          ctx = { year: Number(opening[3]), overall: opening[2] === '到' || opening[2] === '至' || (opening[2] === '在' && opening[4] === '前') };
        }
      }
      // "2018年、2019年、2020年,……分别达到A、B、C": the years a later 分别 clause takes, one figure each.
      if (/^(?:\d{4}年(?:底)?[、和及])+\d{4}年(?:底)?$/.test(clause.trim())) {
        yearList = clause.trim();
        continue;
      }
      const raised = raisedFrom(clause, line, ctx);
      if (raised) {
        if (breakdown) setYears(raised, years, line, breakdown[0]);
        recent = raised;
        found.push(raised);
        last = raised;
        continue;
      }
      const listed = distributed(yearList + clause, line, ctx, span ? { start: Number(span[1]), end: Number(span[2]) } : undefined);
      if (listed) {
        for (const indicator of listed) found.push(indicator);
        continue;
      }
      const growth = /(同比|年均)?增长(\d+(?:\.\d+)?)%(以上)?/.exec(clause);
      if (growth && last && !/达到|提高到/.test(clause)) {
        last.growth = {
          type: growth[1] === '年均' ? 'annual-average' : 'yoy',
          percent: Number(growth[2]),
          ...(growth[3] ? { comparator: '>=' as const } : {}),
          source: { line, quote: growth[0] },
        };
        continue;
      }
      // "其中丹江口市33所、郧县40所…": the indicator just stated, split by place, not parts of it.
      const split = last ? regionSplitOf(clause, line, last.unit) : undefined;
      if (split && last) {
        (last.byRegion ??= []).push(split);
        continue;
      }
      // "其中," opens the parts: every later figure of the sentence is a part of the one before it.
      if (/^[((]?其中/.test(clause)) {
        inParts = true;
        levelList = last?.kind === 'level';
      }
      const isPart = inParts;
      // "在已建成12个社区健身点的基础上": what there is before the plan, a baseline (its year where the sentence has one).
      const atBase = /^在.*基础上$/.test(clause.trim()) && !ctx.baseline;
      // "惠及4万家长": people counted in 万 before the noun that says who they are.
      const reach = PEOPLE.exec(clause);
      if (reach && !/^[-—~～至到]\d|^左右/.test(clause.slice((reach.index ?? 0) + reach[0].length))) {
        const source = { line, quote: reach[0] };
        const value = Number(reach[2]);
        const people: ImportedIndicator = { name: `${reach[1]}${reach[4]}`, unit: '万人', kind: 'increment', source };
        if (ctx.baseline) people.baseline = { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value, source };
        else if (ctx.year !== undefined && !ctx.overall) people.yearly = new Map([[ctx.year, { value, source }]]);
        else people.overall = { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value, source };
        found.push(people);
        last = recent = people;
      }
      CLAUSE_FIGURE.lastIndex = 0;
      const givenMonthly = monthlyGivenIn(clause);
      let m: RegExpExecArray | null;
      let from = 0;
      // The figure read last in this clause: "739艘外海大型渔船每艘增配1只" sets each one's share after it.
      let previous: ImportedIndicator | undefined;
      let quotesTo = 0;
      let quotesOpen = 0;
      while ((m = CLAUSE_FIGURE.exec(clause)) !== null) {
        const [whole, num] = m as unknown as [string, string];
        let unit = m[2];
        const at = m.index;
        // 年 measures only a level reached (人均受教育年限达10年以上); any other 2020年 or 3年 is a date or a span.
        if (unit === '年' && (num.length >= 4 || !/(达到|达|提高到|提升到|提高至|提升至|保持在|稳定在)$/.test(clause.slice(from, at)))) continue;
        const after = clause.slice(at + whole.length);
        const before = clause.slice(from, at);
        from = at + whole.length;
        // Not a target: a date, an ordinal, part of a code or a ratio, or a declared count of tasks.
        if (/[第\dA-Za-z.::︰\-—~至]$/.test(before) && !/至$/.test(before.replace(/提高至|提升至/, ''))) continue;
        if (/^(项任务|项改革|大工程)/.test(after) || (unit === '项' && /^(任务|改革|工程)/.test(after))) continue;
        // "为全区739艘外海大型渔船每艘增配1只…": what each of the things just counted gets, a note on that count.
        if (previous?.unit !== undefined && before.trim().startsWith(`每${previous.unit}`)) {
          previous.note = `${before.trim()}${whole}`;
          continue;
        }
        // 人次达200万以上: counted in 万人次.
        if (unit === '万' && /人次(?:达到|达|超过)?$/.test(before)) unit = '万人次';
        // "建成投用沿浦、宜山…等8家卫生院": a count of the places listed, the clause's verb and the noun after it
        // its name (a title's only target in a progress table); "等5项改革" and a clause without such a verb count nothing.
        const listed = /等$/.test(before) ? LISTED_VERB.exec(clause.trim()) : null;
        if (/等$/.test(before) && (!listed || unit === '项')) continue;
        if (/^[-—~～至到]\d/.test(after)) continue;
        // "稳定在80%左右", "培训约2000名": the figure as printed, approximate.
        const approx = /^左右/.test(after) || /约$/.test(before) ? { approx: true as const } : {};
        // "打造“15分钟公共服务圈”": a figure inside a quoted name names a thing, it is no target.
        // (The quotes open before the figure are counted on from the last figure's: a clause of 400,000
        // characters is read once, not once a figure.)
        for (; quotesTo < at; quotesTo++) quotesOpen += clause[quotesTo] === '“' ? 1 : clause[quotesTo] === '”' ? -1 : 0;
        if (quotesOpen > 0) continue;
        // "65岁以上老年人健康管理率": an age that qualifies the name, not a figure.
        // "海拔800米以上政府所在地": an altitude that qualifies a place, likewise.
        if ((unit === '岁' && /^(及)?(以上|以下)[\u4e00-\u9fa5]/.test(after)) || (unit === '米' && /海拔$/.test(before))) {
          from = at;
          continue;
        }
        // "75%以上的村级…达到10万元以上", "覆盖全区35%以上的正常经营企业": a share of what follows is a target
        // ("90%以上的目标值要求" is not: it restates a target named before it).
        if (/^(以上|以内|以下)?[的之]/.test(after) && !/^[的之]比例/.test(after) && (unit !== '%' || /^(以上|以内|以下)?[的之](目标|要求)/.test(after))) {
          // "2个省级名师工作室" counts what exists; only keep it when a verb asks for it.
          if (!INCREMENT.test(before.replace(/^.*[,,]/, ''))) continue;
        }
        // "完成县应急广播指挥中心、18个乡镇应急广播分控中心": a figure opening a list item names what follows it.
        // "實施西苑小區、金鑫二小區、宏昌小區三所老舊小區…": a count of the places just listed, one each, names
        // what they are by the noun after it.
        const items = before.split('、');
        const ofList = items.length >= 2 && items.length === figureValue(num) && items.every((x) => x.trim().length >= 2)
          && INCREMENT.test(items[0]?.trim() ?? '') && nounAfter(after).noun.length >= 2;
        let name = listed || ofList || /、$/.test(before) ? '' : nameBefore(atBase ? before.replace(/^\s*在已?/, '') : before);
        // "發放高齡津貼(每月不少於60元)": the bracket states the monthly amount of what is given, a standard in
        // 元/月 named by the words between the verb of giving and the bracket.
        const given = unit === '元' ? givenMonthly(at) : undefined;
        const monthly = given !== undefined;
        if (given !== undefined) {
          unit = '元/月';
          name = given;
        }
        // "农村中小学实施改水、改厕,计划安排200所": what is arranged is named by the sentence's first clause.
        if (name === '安排' && clausesSoFar.length === 2) {
          const opening = (clausesSoFar[0] ?? '').trim().replace(/^.*[::]/, '');
          if (opening.length >= 4 && !/\d/.test(opening)) name = opening;
        }
        // "对300户困难老人家庭进行……", "为全区23000名老年人提供……": a preposition alone names nothing; the noun
        // after the figure does, where one follows (else the words before it stay the name, as before).
        if (/^(?:对|對|为|為|在|向|给|給)(?:全区|全市|全县|全區|全縣)?$/.test(name)) {
          const { noun, end } = nounAfter(after);
          if (noun.length >= 2) {
            name = noun;
            from = at + whole.length + end;
          }
        }
        const verbOnly = INCREMENT.exec(name);
        // "对26813名新生儿做到应检尽检": 对/为 before the figure names nothing, the noun after it does. "新建(改建)"
        // is a verb with its alternative in brackets.
        const verbs = name.replace(/[((][^))]*[))]$/, '');
        if (name.length === 0 || (verbOnly && verbOnly[0] === verbs) || VERB_PHRASE.test(verbs) || /^(对|向)$/.test(name)) {
          // "建设34个食品安全快速检测服务点", "建立100支以上村(社区)健身队伍": the noun follows the figure.
          const { noun, end } = nounAfter(after);
          if (noun.length < 2) continue;
          name = name.replace(/^(对|向)$/, '').replace(/(全区|全市|全县|约)$/, '') + noun.replace(/^[的之]/, '');
          from = at + whole.length + end;
        }
        if (listed) name = `${listed[0]}${name}`;
        // "实施省道提升工程3条,总里程51.4公里": a total measured alone is the total of the clause before it,
        // named by what that clause does, without its verb and figure (a semicolon ends what it is about).
        const measured = semicolonAfter[k - 1] ? undefined : clausesSoFar.at(-2);
        if (/^总(里程|长度|面积|规模|投资)$/.test(name) && measured !== undefined) {
          const what = nameBefore(measured.split(FIRST_FIGURE)[0] ?? '').replace(INCREMENT, '');
          if (what.length >= 2) name = `${what}${name}`;
        }
        // A count in Chinese numerals is read where it counts what is done (新建十二所学校) or the places just
        // listed; "做到两个维护" names a slogan.
        if (!/^\d/.test(num) && !ofList && !INCREMENT.test(name)) continue;
        if (name.length < 2) continue;
        // "达到80%(含)以上": the bound includes the figure, as 以上 alone does.
        const bound = after.replace(/^[((]含[))]/, '').slice(0, 2);
        // 不超过 holds 超过: the bound below is read first.
        // "不高于上年度居民人均可支配收入50%", "不低于…年平均工资的2%": a bound on a share of what it names.
        const ofWhat = /(不低[于於]|不少[于於]|不高[于於]|不超[过過])[\u4e00-\u9fa5“”()()]{2,24}$/.exec(before)?.[1];
        // 控制在 a figure (失业登记人数控制在732人) caps it, as 以内 after it does.
        // 以上 and 以内 bound the figure they follow: before it they are part of a name (区级及以上名优教师).
        // 超 alone before a target's figure (下降超1微克/立方米) says more than it: the bound excludes the figure. A
        // baseline's (截至2017年底,…毛入学率超96%) says where things stand, no bound on the targets.
        const comparatorWord = /不超[过過]|不高[于於]|控制在$/.test(before.slice(-6)) || /^(以内|以下)/.test(bound)
          ? '<=' : /不低[于於]|不少[于於]|至少|超[过過]/.test(before.slice(-6)) || /^以上/.test(bound) ? '>='
            : /(?<![不赶])超$/.test(before) && !ctx.baseline && !atBase ? '>'
              : ofWhat ? (/不高[于於]|不超[过過]/.test(ofWhat) ? '<=' : '>=') : undefined;
        const tail = /^(以上|以内|以下|左右)/.exec(after);
        const quoteStart = Math.max(0, clause.lastIndexOf(name.slice(0, 2), at));
        const quote = clause.slice(quoteStart, at + whole.length + (tail ? tail[0].length : 0)).trim();
        // "累计建设省级…24个、市级…240个": a clause without its own verb goes on with the 累计 before it;
        // "落实最低生活保障年标准达到1.33万元" reaches a level, though 落实 opens its name.
        const reaches = REACH_VERB.test(before.trim()) && /(标准|水平|率)$/.test(name);
        const goesOn = last?.kind === 'cumulative' && last.unit === unit && !INCREMENT.test(name) && !REACH_VERB.test(before.trim()) && nameBefore(before) === name;
        // 建成社区健身点达到30个: what is built reaches a level (新增…达到 stays new in the period).
        const reached = /(达到|提高到|提升到|增至)$/.test(before.trim()) && !/^(新增|新建|增加)/.test(name);
        // A count without a verb goes on as the figure before it: 服务经费提升到99元/人;…,全市目标人群数200.88万人 is a
        // level, 增加传染病床50张,ICU床位数40张 (or ICU床位数40张 alone) what is added.
        const count = /数$/.test(name) && last?.kind === 'level';
        const kind: ImportedIndicator['kind'] = /累计/.test(before) || goesOn
          ? 'cumulative'
          : INCREMENT.test(name) && unit !== '%' && !reaches && !reached
            ? 'increment'
            // 每班配备专职教师2名, 每村每年组织开展2次: a standard for each place, a level.
            : unit === '%' || unit === '分钟' || unit === '小时' || monthly || REACH_VERB.test(before.trim()) || count || /(率|比例|占比|标准|水平)$/.test(name) || /^每(?!年|月|季)/.test(name) || (levelList && !INCREMENT.test(name))
              ? 'level'
              : 'increment';
        const direction = kind !== 'level' ? undefined
          : /保持|稳定/.test(before) ? 'hold'
            : /控制在|下降|降低|压减|以内|以下/.test(before + bound) ? 'lower' : 'raise';
        const source = { line, quote: quote || whole };
        const indicator: ImportedIndicator = {
          name, unit, kind,
          ...(direction ? { direction } : {}),
          ...(comparatorWord ? { comparator: comparatorWord } : {}),
          source,
        };
        const value = figureValue(num);
        if (atBase) indicator.baseline = { value, ...approx, source };
        else if (ctx.baseline) indicator.baseline = { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value, ...approx, source };
        else if (ctx.year !== undefined && !ctx.overall) indicator.yearly = new Map([[ctx.year, { value, ...approx, source }]]);
        else indicator.overall = { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value, ...approx, source };
        // A figure that measures another thing than its total (所 under 人, 亿元 under 万人次) is no part
        // of it: "其中" has ended, and the figure is an indicator of its own.
        if (isPart && last && (measuresOther(indicator.unit, last.unit) || namesOtherThing(indicator.name, last))) inParts = false;
        recent = previous = indicator;
        if (isPart && last && inParts) {
          const parts = (last.parts ??= []);
          // "其中,城区……占比达到30%,普惠率达到60%": the parts share the first one's area word.
          const area = /^(城区|农村|城镇|城市|乡村|主城区)/.exec(parts[0]?.name ?? '')?.[1];
          if (area && !indicator.name.startsWith(area)) indicator.name = area + indicator.name;
          parts.push(indicator);
        }
        else {
          // "体育与健康课开课率、眼保健操普及率均达到100%": one figure for each rate the clause names.
          const names = sharedNames(indicator.name);
          if (names) indicator.name = names[0];
          found.push(indicator);
          for (const other of names?.slice(1) ?? []) found.push({ ...indicator, name: other });
          last = indicator;
        }
      }
      // "新增城镇就业8950", "开展食品安全“九查九扫”11098" (a progress table's target cell without a unit, as the
      // export writes it): a figure alone closing a clause of doing is that clause's target, measured in nothing printed.
      const alone = /^(.*[\u4e00-\u9fa5”])(\d+(?:\.\d+)?)$/.exec(clause.trim());
      const doing = alone && !ctx.baseline && !FIRST_FIGURE.test(clause) && !/^(19|20)\d\d$/.test(alone[2] ?? '') ? nameBefore(alone[1] ?? '') : '';
      if (alone && INCREMENT.test(doing)) {
        const source = { line, quote: clause.trim() };
        const indicator: ImportedIndicator = { name: doing, kind: 'increment', source, overall: { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value: Number(alone[2]), source } };
        found.push(indicator);
        last = recent = indicator;
      }
      if (breakdown && recent) setYears(recent, years, line, breakdown[0]);
    }
  }
  return found;
}

// A place by its name's ending; words that end so but name no place (社区, 城区, 园区) are not one.
const PLACE = /^[\u4e00-\u9fa5]{1,14}?(?:市|县|区|镇|乡|街道|开发区|新区|特区)$/;
const NOT_PLACE = /(社区|小区|园区|景区|城区|地区|辖区|片区|街区|校区|山区|牧区|库区|示范区|功能区|集聚区|产业区|保护区|学区)$|^(各|全|每|其他|其余)/;

/** Whether a name reads as a place (丹江口市, 郧县, 十堰经济开发区). */
export function isPlaceName(name: string): boolean {
  return PLACE.test(name) && !NOT_PLACE.test(name);
}

/**
 * "其中丹江口市33所、郧县40所" (and the exporter's ",2024年其中:海曙区60、江北区40"): a split by place when
 * every item of the list is a place with a figure, two at least; anything else is undefined (parts, not places).
 */
function regionSplitOf(clause: string, line: number, unit: string | undefined): RegionSplit | undefined {
  const m = /^\s*[((]?(?:(\d{4})年)?其中[::,,]?(.+?)[))]?\s*$/.exec(clause);
  if (!m) return undefined;
  const items = (m[2] ?? '').split('、');
  if (items.length < 2) return undefined;
  const values: RegionSplit['values'] = [];
  const item = new RegExp(`^([\u4e00-\u9fa5]{2,16}?)(\\d+(?:\\.\\d+)?)(${UNIT_RE})?$`);
  for (const raw of items) {
    const it = item.exec(raw.trim());
    if (!it || !isPlaceName(it[1] ?? '')) return undefined;
    const own = it[3];
    values.push({ name: it[1] ?? '', value: Number(it[2]), ...(own && own !== unit ? { unit: own } : {}), source: { line, quote: raw.trim() } });
  }
  return { ...(m[1] ? { year: Number(m[1]) } : {}), values };
}

/** The names of rates listed before one figure (A率、B率 or A率和B率), or undefined for one name. */
function sharedNames(name: string): string[] | undefined {
  // 及 of 普及率 joins nothing.
  const names = name.split(/[、和]|(?<!普)及/);
  return names.length >= 2 && names.every((n) => n.length >= 3 && /(率|比例|占比)$/.test(n)) ? names : undefined;
}

/** The yearly targets a breakdown states, added to its indicator (a year it states already stays). */
function setYears(indicator: ImportedIndicator, years: RegExpMatchArray[], line: number, quote: string): void {
  // "普惠率达到60%以上(分年度为2018年60%、…)": the figure without a year was the first year's, not a total.
  const o = indicator.overall;
  const same = years.filter((y) => o && Number(y[2]) === o.value);
  if (o && same.length > 0 && !same.some((y) => Number(y[1]) === o.year)) delete indicator.overall;
  for (const y of years) {
    const year = Number(y[1]);
    // "2020年97%以上": that year's own bound, kept on its target.
    const bound = /以上$/.test(y[3] ?? '') ? ('>=' as const) : /以内$/.test(y[3] ?? '') ? ('<=' as const) : undefined;
    const approx = /左右$/.test(y[3] ?? '') ? { approx: true as const } : {};
    if (!indicator.yearly?.has(year)) (indicator.yearly ??= new Map()).set(year, { value: Number(y[2]), ...approx, ...(bound ? { comparator: bound } : {}), source: { line, quote } });
  }
}

/**
 * "每千常住人口拥有编制床位数、执业(助理)医师、注册护士数分别达到5.88张、2.33人和2.72人": one
 * indicator per name, each with its own figure, in order. The names after the first share its head.
 */
function distributed(clause: string, line: number, ctx: YearContext, span?: { start: number; end: number }): ImportedIndicator[] | undefined {
  const m = /^(.*?)分别(?:达到|提高到|为|达|增加到|控制在|新增|新建|完成)(.+)$/.exec(clause);
  if (!m) return undefined;
  const figures = [...(m[2] ?? '').matchAll(FIGURE)];
  // "2018年、2019年、2020年(高中阶段教育毛入学率)分别达到96.5%、96.8%、97%": one figure for each year listed.
  const listed = /((?:\d{4}年(?:底)?[、和及]){1,}\d{4}年(?:底)?)/.exec(m[1] ?? '');
  if (listed) {
    const years = [...(listed[1] ?? '').matchAll(/(\d{4})年/g)].map((y) => Number(y[1]));
    const name = nameBefore((m[1] ?? '').replace(listed[0], ''));
    if (years.length === figures.length && name.length >= 2 && !/[、和及]/.test(name)) {
      const unit = figures[0][2];
      const kind: ImportedIndicator['kind'] = /分别(新增|新建|完成)/.test(clause) || (unit !== '%' && !/率|比例|占比|标准|数$/.test(name)) ? 'increment' : 'level';
      const comparator = /以上$/.test(clause) ? ('>=' as const) : /以内$/.test(clause) ? ('<=' as const) : undefined;
      const yearly = new Map(figures.map((f, k) => [years[k], { value: Number(f[1]), source: { line, quote: f[0] } }] as const));
      return [{ name, unit, kind, ...(kind === 'level' ? { direction: 'raise' as const } : {}), ...(comparator ? { comparator } : {}), yearly, source: { line, quote: clause } }];
    }
  }
  const names = (m[1] ?? '').replace(/^.*?(?:到|至|截至)?\d{4}年(?:年)?(?:底|年底)?[,,]?/, '').split(/[、和及]/).map((x) => x.trim()).filter(Boolean);
  // "2018—2020年……分别达到A、B、C": one indicator, one figure a year.
  if (span && names.length === 1 && figures.length === span.end - span.start + 1) {
    const name = names[0];
    const unit = (figures[0])[2];
    const verb = /分别(新增|新建|完成)/.test(clause);
    const kind: ImportedIndicator['kind'] = verb ? 'increment' : 'level';
    const yearly = new Map(figures.map((f, k) => [span.start + k, { value: Number(f[1]), source: { line, quote: f[0] } }] as const));
    return [{ name, unit, kind, ...(kind === 'level' ? { direction: 'raise' as const } : {}), yearly, source: { line, quote: clause } }];
  }
  if (names.length < 2 || names.length !== figures.length) return undefined;
  const head = /^(.*(?:拥有|人口|每[千万百]人))/.exec(names[0] ?? '')?.[1] ?? '';
  const reaching = /分别(达到|提高到|达|增加到|控制在)/.test(clause);
  const comparator = /以上$/.test(clause) ? ('>=' as const) : /以内$/.test(clause) ? ('<=' as const) : undefined;
  return names.map((n, k) => {
    const f = figures[k];
    const name = k === 0 || n.startsWith(head) ? n : head + n;
    const value = Number(f[1]);
    const unit = f[2];
    const source = { line, quote: `${n}……${f[0]}` };
    // "城市低保、农村低保补差水平月均分别达到300元/人、140元/人": a verb of reaching gives each a level.
    const kind: ImportedIndicator['kind'] = unit === '%' || /率|数$|标准/.test(name) || ctx.baseline || reaching ? 'level' : 'increment';
    const indicator: ImportedIndicator = { name, unit, kind, ...(kind === 'level' ? { direction: 'raise' as const } : {}), ...(comparator ? { comparator } : {}), source: { line, quote: clause } };
    if (ctx.baseline) indicator.baseline = { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value, source };
    else if (ctx.year !== undefined && !ctx.overall) indicator.yearly = new Map([[ctx.year, { value, source }]]);
    else indicator.overall = { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value, source };
    return indicator;
  });
}

/** The name two mentions of one indicator share: without the area word that opens some of them. */
function bareName(i: ImportedIndicator): string {
  return i.name.replace(/^(全区|全市|全县|我区|我市|全省)/, '');
}

/** Dice overlap of two strings' characters, order-free: 1 for equal texts, 0 when nothing is shared. */
export function dice(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  let common = 0;
  for (const c of b) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      common++;
      counts.set(c, n - 1);
    }
  }
  return a.length + b.length === 0 ? 0 : (2 * common) / (a.length + b.length);
}

/** Whether two mentions name the same indicator: same measuring unit, near-identical names. */
function sameIndicator(a: ImportedIndicator, b: ImportedIndicator): boolean {
  if (a.unit !== b.unit) return false;
  const x = bareName(a);
  const y = bareName(b);
  return x === y || dice(x, y) >= 0.8;
}

/** Whether a's characters occur in b in order (普惠率 in 普惠覆盖率). */
function within(a: string, b: string): boolean {
  let k = 0;
  for (const c of b) if (c === a[k]) k++;
  return k === a.length;
}

/**
 * Whether a baseline alone (基本情况's 普惠覆盖率达76.9%) states the indicator a target names more shortly or
 * more fully (普惠率达到80%): same unit, one name's characters in the other's, in order, and the same last one.
 */
function baselineOf(a: ImportedIndicator, b: ImportedIndicator): boolean {
  const alone = (i: ImportedIndicator) => i.baseline !== undefined && !i.overall && !i.yearly;
  if (a.unit !== b.unit || alone(a) === alone(b) || (a.baseline && b.baseline)) return false;
  const [x, y] = [bareName(a), bareName(b)].sort((p, q) => p.length - q.length);
  return x.length >= 3 && x.at(-1) === y.at(-1) && within(x, y);
}

/**
 * Whether a total without a year (建设农村村社便道300公里) and years without a total (每年实施100公里村社便道硬化建设)
 * state one increment: same unit, names alike, and the years add up to the total.
 */
function totalOf(a: ImportedIndicator, b: ImportedIndicator): boolean {
  const [t, y] = a.overall ? [a, b] : [b, a];
  if (a.unit !== b.unit || t.kind !== 'increment' || y.kind !== 'increment' || !t.overall || t.overall.year !== undefined || t.yearly || y.overall || !y.yearly || y.yearly.size < 2) return false;
  const sum = [...y.yearly.values()].reduce((n, v) => n + v.value, 0);
  return Math.abs(sum - t.overall.value) < 1e-9 && dice(bareName(t), bareName(y)) >= 0.5;
}

/**
 * Merges the mentions of one indicator within a section (the baseline in 基本情况, the overall target,
 * each year's target) into one indicator, in the order of first mention. Nothing is averaged or
 * chosen: a second overall or a second value for the same year stays a separate indicator.
 */
export function mergeIndicators(list: ImportedIndicator[]): ImportedIndicator[] {
  const out: ImportedIndicator[] = [];
  for (const i of list) {
    const loose = out.some((o) => sameIndicator(o, i)) ? undefined : out.find((o) => baselineOf(o, i));
    // The target's name, not the baseline's: what the plan sets out to reach.
    if (loose && !loose.overall && !loose.yearly) loose.name = i.name;
    // A heading's 化解房地产办证历史遗留问题2000户 restated in its text as 房地产遗留问题不动产登记证不少于2000户: one target.
    const restated = loose ?? out.find((o) => sameIndicator(o, i)) ? undefined
      : out.find((o) => o.unit === i.unit && o.overall && i.overall && !o.yearly && !i.yearly && o.overall.value === i.overall.value && o.overall.year === i.overall.year && dice(bareName(o), bareName(i)) >= 0.6);
    if (restated) {
      if (!restated.comparator && i.comparator) restated.comparator = i.comparator;
      continue;
    }
    const into = loose ?? out.find((o) => sameIndicator(o, i));
    const clash = into && ((i.overall && into.overall) || (i.baseline && into.baseline)
      || [...(i.yearly?.keys() ?? [])].some((y) => into.yearly?.has(y)));
    if (!into || clash) {
      // A repeated overall target with the same value is the same fact printed twice: keep the first.
      if (into && i.overall && into.overall && i.overall.value === into.overall.value && i.overall.year === into.overall.year) {
        // The overall target restated later (an annex's 总体目标) is sourced where the plan states its targets.
        into.overall.source = i.overall.source;
        // A heading's 2万人次 restated in the text as 2万人次以上: the bound is the text's.
        if (!into.comparator && i.comparator) into.comparator = i.comparator;
        for (const [y, v] of i.yearly ?? []) if (!into.yearly?.has(y)) (into.yearly ??= new Map()).set(y, v);
        continue;
      }
      out.push(i);
      continue;
    }
    const baselineOnly = !into.overall && !into.yearly;
    if (i.parts) into.parts = mergeIndicators([...(into.parts ?? []), ...i.parts]);
    if (i.byRegion) into.byRegion = [...(into.byRegion ?? []), ...i.byRegion];
    if (i.baseline) into.baseline = i.baseline;
    if (i.overall) into.overall = i.overall;
    for (const [y, v] of i.yearly ?? []) (into.yearly ??= new Map()).set(y, v);
    if (!into.comparator && i.comparator) into.comparator = i.comparator;
    if (into.kind !== i.kind && (i.overall || i.yearly) && into.baseline && baselineOnly) into.kind = i.kind;
  }
  // The total and its years, once each has all its mentions: the first mention keeps its name.
  for (let k = 0; k < out.length; k++) {
    const j = out.findIndex((o, n) => n > k && totalOf(out[k], o));
    if (j < 0) continue;
    const [first, other] = [out[k], out[j]];
    if (first.overall) first.yearly = other.yearly;
    else first.overall = other.overall;
    out.splice(j, 1);
  }
  for (const i of out) if (i.yearly) i.yearly = new Map([...i.yearly].sort((a, b) => a[0] - b[0]));
  // A figure of 基本情况 that no target takes up is a description, not an indicator of the plan.
  return out.filter((i) => i.overall || i.yearly || i.growth || (i.parts?.length ?? 0) > 0);
}

// Compiled once: the unit alternation is long, and this runs on every clause.
const RAISED = new RegExp(`^(.*?)(?:从|由)(?:(\\d{4})年(?:的)?)?(每人每年|年人均|每年|人均)?(\\d+(?:\\.\\d+)?)(${UNIT_RE})?(?:提高到|提升到|增加到|提高至|增长到|降低到|下降到|降至)(\\d+(?:\\.\\d+)?)(${UNIT_RE})(以上)?`);

/** "X由A提高到B" (also 从每年A / 从年人均A): the baseline A (with its year when printed) and the target B. */
function raisedFrom(clause: string, line: number, ctx: YearContext): ImportedIndicator | undefined {
  const m = RAISED.exec(clause);
  if (!m) return undefined;
  const name = nameBefore(m[1] ?? '');
  if (name.length < 2) return undefined;
  // "从每年100元提高到200元": an amount a year, measured in 元/年; 年人均 and 人均 qualify the name's 标准 only.
  const unit = m[3] === '每年' && m[7] === '元' ? '元/年' : m[7];
  const lower = /降低到|下降到|降至/.test(clause);
  const source = { line, quote: m[0].slice((m[1] ?? '').length - name.length) };
  return {
    name, unit, kind: 'level', direction: lower ? 'lower' : 'raise',
    ...(m[8] ? { comparator: '>=' as const } : {}),
    baseline: { ...(m[2] ? { year: Number(m[2]) } : {}), value: Number(m[4]), source },
    ...(ctx.year !== undefined && !ctx.overall
      ? { yearly: new Map([[ctx.year, { value: Number(m[6]), source }]]) }
      : { overall: { ...(ctx.year !== undefined ? { year: ctx.year } : {}), value: Number(m[6]), source } }),
    source,
  };
}
