// Indicators read out of prose (src/engine/import/indicators.ts): the spans a drafter would call the
// name, and figures stated in the ways real drafts state them.
import { describe, expect, it } from 'vitest';
import { findIndicators, isPlaceName, mergeIndicators, type ImportedIndicator } from '../src/engine/import/indicators.js';

const PLAN = { start: 2018, end: 2020 };
const read = (text: string) => findIndicators(text, 1, PLAN);
const years = (i: ImportedIndicator | undefined) => Object.fromEntries([...(i?.yearly ?? [])].map(([y, v]) => [y, v.value]));

describe('findIndicators', () => {
  it('names an indicator without the plan’s area word or a filler before it', () => {
    expect(read('到2020年,全区学前三年毛入园率达到90%以上。')[0]).toMatchObject({ name: '学前三年毛入园率', overall: { year: 2020, value: 90 }, comparator: '>=' });
    expect(read('到2020年,每年培训住院医师50人。')[0]?.name).toBe('培训住院医师');
    // 全区性 belongs to the name.
    expect(read('到2020年,组织开展全区性全民健身示范活动2次。')[0]?.name).toBe('组织开展全区性全民健身示范活动');
  });

  it('takes the noun after the figure when only verbs stand before it, cut where the next figure begins', () => {
    expect(read('2019年,继续选拔20名中小学优秀青年干部作为培养对象。')[0]).toMatchObject({ name: '选拔中小学优秀青年干部作为培养对象', unit: '名' });
    expect(read('到2020年,建立100支以上村(社区)健身队伍。')[0]).toMatchObject({ name: '建立村(社区)健身队伍', comparator: '>=' });
    const [a, b] = read('到2020年,力争打造完成2个孵化基地和8个区级创业园。');
    expect(a).toMatchObject({ name: '打造完成孵化基地', overall: { value: 2 } });
    expect(b).toMatchObject({ name: '区级创业园', overall: { value: 8 } });
    expect(read('新建530个4G/5G基站。')[0]).toMatchObject({ name: '新建4G/5G基站', overall: { value: 530 } });
    expect(read('到2020年,65岁以上老年人健康管理率达到70%。')).toMatchObject([{ name: '65岁以上老年人健康管理率', unit: '%', overall: { value: 70 } }]);
  });

  it('counts the places a clause lists (…等8家卫生院) by its verb and the noun after the figure, and a figure opening a list item by the noun after it', () => {
    expect(read('建成投用沿浦、宜山、莒溪、炎亭、望里、赤溪、岱岭、灵溪浦亭等8家卫生院')).toMatchObject([{ name: '建成投用卫生院', unit: '家', overall: { value: 8 } }]);
    expect(read('打通县城人民大道(苍南大道至山海大道)等12条断头路。')).toMatchObject([{ name: '打通断头路', unit: '条', overall: { value: 12 } }]);
    // A count of the parts of a programme names nothing to reach.
    expect(read('启动实施公办幼儿园建设、普惠性民办幼儿园扶持等5大工程、11项任务。深化推进管理体制等3项改革。')).toEqual([]);
    const found = read('完成县应急广播指挥中心、18个乡镇应急广播分控中心、376个村居广播室和752只可控IP化高音喇叭建设。');
    expect(found.map((i) => [i.name, i.unit, i.overall?.value])).toEqual([
      ['乡镇应急广播分控中心', '个', 18],
      ['村居广播室', '个', 376],
      ['可控IP化高音喇叭建设', '只', 752],
    ]);
  });

  it('turns to baselines at a 截至 clause, not before it', () => {
    const found = read('城镇新增就业年均保持在1.5万人以上,截至2017年底,城镇登记失业率控制在3.5%以内。');
    expect(found[0]).toMatchObject({ name: '城镇新增就业', overall: { value: 1.5 } });
    expect(found[0]?.baseline).toBeUndefined();
    expect(found[1]).toMatchObject({ name: '城镇登记失业率', baseline: { year: 2017, value: 3.5 } });
    expect(found[1]?.overall).toBeUndefined();
  });

  it('gives one figure to each rate listed before it', () => {
    const found = read('企业劳动合同签订率和劳动人事争议仲裁案件结案率保持在90%以上。');
    expect(found.map((i) => [i.name, i.overall?.value, i.comparator])).toEqual([['企业劳动合同签订率', 90, '>='], ['劳动人事争议仲裁案件结案率', 90, '>=']]);
    // Not a list of rates: one name.
    expect(read('到2020年,建设公园和绿道20个。').map((i) => i.name)).toEqual(['建设公园和绿道']);
  });

  it('reads no target inside a quoted name', () => {
    expect(read('打造“15分钟公共服务圈”,建成社区食堂3个。').map((i) => [i.name, i.unit])).toEqual([['建成社区食堂', '个']]);
  });

  it('reads the years a list names, one figure each', () => {
    expect(years(read('高中阶段教育毛入学率2018年、2019年、2020年分别达到96.5%、96.8%、97%以上。')[0])).toEqual({ 2018: 96.5, 2019: 96.8, 2020: 97 });
    const [parks] = read('2018年、2019年和2020年,全区新建公园分别达到4个、6个、5个。');
    expect(parks).toMatchObject({ name: '新建公园', kind: 'increment' });
    expect(years(parks)).toEqual({ 2018: 4, 2019: 6, 2020: 5 });
  });

  it('reads a count after 不少于 or 为 as what is done, after 达到 or 不低于 as a level', () => {
    expect(read('每年主办、承办市级以上高水平赛事不少于3场。')[0]).toMatchObject({ kind: 'increment', comparator: '>=' });
    expect(read('为206名残疾人适配基本型辅助器具。')[0]).toMatchObject({ name: '残疾人适配基本型辅助器具', kind: 'increment' });
    expect(read('长护险参保人数不低于48.35万人。')[0]).toMatchObject({ kind: 'level', comparator: '>=' });
    expect(read('到2020年,力争全区三级医院达到2家。')[0]).toMatchObject({ name: '三级医院', kind: 'level' });
  });

  it('reads a bound that includes its figure: 80%(含)以上', () => {
    expect(read('完成站点建设任务街道比例达到80%(含)以上。')[0]).toMatchObject({ comparator: '>=', overall: { value: 80 } });
    expect(read('辍学率控制在1%(含)以下。')[0]).toMatchObject({ comparator: '<=', direction: 'lower' });
  });

  it('keeps a year’s own bound in a breakdown: 2020年97%以上', () => {
    const [i] = read('到2020年,高中阶段教育毛入学率达97%(分年度为2018年96.5%、2019年96.8%、2020年97%以上)。');
    expect([...(i?.yearly ?? [])].map(([y, t]) => [y, t.value, t.comparator])).toEqual([[2018, 96.5, undefined], [2019, 96.8, undefined], [2020, 97, '>=']]);
    expect(i?.comparator).toBeUndefined();
  });

  it('reads 年 as a unit only after a verb of reaching: 受教育年限达10年以上, not 2022年 or 用3年时间', () => {
    expect(read('到2020年,全区人均受教育年限达10年以上。')[0]).toMatchObject({ name: '人均受教育年限', unit: '年', comparator: '>=', overall: { year: 2020, value: 10 } });
    expect(read('用3年时间建成2所学校。').map((i) => [i.unit, i.overall?.value])).toEqual([['所', 2]]);
    expect(read('确保100%完成2022年度退役军人移交安置任务。')[0]).toMatchObject({ unit: '%', name: '完成2022年度退役军人移交安置任务' });
  });

  it('reads 全年 / 年底前 in a one-year plan as the plan’s own target: overall, without a year', () => {
    const [i] = findIndicators('全年完成60万人次配送餐服务,新增5个老年助餐服务点。', 1, { start: 2024, end: 2024 });
    expect(i).toMatchObject({ unit: '万人次', overall: { value: 60 } });
    expect(i?.overall?.year).toBeUndefined();
    expect(i?.yearly).toBeUndefined();
  });

  it('takes the bound of a target restated with it (2万人次, then 2万人次以上)', () => {
    const [i, ...rest] = mergeIndicators([...read('完成政府补贴性职业技能培训2万人次。'), ...read('开展政府补贴性职业技能培训2万人次以上。')]);
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ overall: { value: 2 }, comparator: '>=' });
  });

  it('takes a baseline named more fully than its target (普惠覆盖率 for 普惠率) onto the target, under the target’s name', () => {
    for (const order of [['到2020年,普惠率达到80%以上。', '截至2017年底,普惠覆盖率达76.9%。'], ['截至2017年底,普惠覆盖率达76.9%。', '到2020年,普惠率达到80%以上。']]) {
      const merged = mergeIndicators(order.flatMap(read));
      expect(merged).toMatchObject([{ name: '普惠率', baseline: { year: 2017, value: 76.9 }, overall: { year: 2020, value: 80 } }]);
    }
    // Another rate is not the same one: its baseline stays a description.
    expect(mergeIndicators(['到2020年,普惠率达到80%以上。', '截至2017年底,入园率达86%。'].flatMap(read)).map((i) => i.baseline)).toEqual([undefined]);
  });

  it('reads the state now (目前,…; 在已建成…的基础上) as a baseline without a year', () => {
    const [rate] = mergeIndicators(read('到2020年,市民体质抽样合格率达到93%。目前,市民体质抽样合格率达到92%。'));
    expect(rate).toMatchObject({ name: '市民体质抽样合格率', baseline: { value: 92 }, overall: { year: 2020, value: 93 } });
    expect(rate?.baseline?.year).toBeUndefined();
    const [points] = mergeIndicators(read('在已建成12个社区健身点的基础上,到2020年建成社区健身点达到30个。'));
    expect(points).toMatchObject({ name: '建成社区健身点', baseline: { value: 12 }, overall: { year: 2020, value: 30 } });
  });

  it('reads a kind as the plan files’ encoders do where verb and unit disagree', () => {
    const kinds = (text: string) => read(text).map((i) => [i.name, i.kind]);
    // What is built reaches a level; a bound alone (不低于) after a verb of doing does not make one.
    expect(kinds('到2020年建成社区健身点达到30个。')).toEqual([['建成社区健身点', 'level']]);
    expect(kinds('每年组织开展全区性全民健身示范活动不低于3次。')[0]?.[1]).toBe('increment');
    expect(kinds('到2020年,承办、主办市级以上高水平赛事不低于10场。')[0]?.[1]).toBe('increment');
    // A standard for each place.
    expect(kinds('每班原则上配备专职教师2名。')[0]?.[1]).toBe('level');
    // The places a rate covers are levels; what a rate's 其中 adds by a verb is not.
    expect(kinds('应用场景覆盖率达到50%以上,其中政务服务大厅不少于7个,公立医院不少于16个。').map((k) => k[1])).toEqual(['level', 'level', 'level']);
    expect(kinds('农村自来水普及率达到90%,其中新建水厂5座。').map((k) => k[1])).toEqual(['level', 'increment']);
    // A count without a verb goes on as the figure before it.
    expect(kinds('服务经费提升到不低于99元/人,全市目标人群数200.88万人。')[1]).toEqual(['目标人群数', 'level']);
    expect(kinds('2022年,全区力争增加传染病床50张,ICU床位数40张。')[1]).toEqual(['ICU床位数', 'increment']);
    expect(kinds('2022年,ICU床位数40张。')[0]?.[1]).toBe('increment');
  });

  it('reads people counted in 万 before who they are, a figure after 对, and 微克/立方米', () => {
    expect(read('家庭教育指导服务和实践活动1000场,惠及4万家长。')[1]).toMatchObject({ name: '惠及家长', unit: '万人', kind: 'increment', overall: { value: 4 } });
    // 左右 is no figure to check.
    expect(read('计划惠及2万学生左右。')).toEqual([]);
    expect(read('对26813名新生儿做到应检尽检。')[0]).toMatchObject({ unit: '名', overall: { value: 26813 } });
    expect(read('对26813名新生儿做到应检尽检。')[0]?.name.startsWith('新生儿')).toBe(true);
    expect(read('确保全市PM2.5平均浓度下降超1微克/立方米。')[0]).toMatchObject({ unit: '微克/立方米', overall: { value: 1 } });
  });

  it('takes a total without a year and the years that add up to it as one increment, named as first mentioned', () => {
    const text = '2018年,实施100公里村社便道硬化建设。建设农村村社便道300公里,2019年,实施100公里村社便道硬化建设。2020年,实施100公里村社便道硬化建设。';
    const merged = mergeIndicators(read(text));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ name: '实施村社便道硬化建设', overall: { value: 300 } });
    expect(years(merged[0])).toEqual({ 2018: 100, 2019: 100, 2020: 100 });
    // Years that do not add up to it stay apart from the total.
    expect(mergeIndicators(read(text.replace('300公里', '400公里')))).toHaveLength(2);
  });

  it('takes a heading’s target restated in other words with its bound (化解…2000户, then …不动产登记证不少于2000户) as one', () => {
    const merged = mergeIndicators([...read('化解房地产办证历史遗留问题2000户'), ...read('房地产遗留问题不动产登记证不少于2000户。')]);
    expect(merged).toMatchObject([{ name: '化解房地产办证历史遗留问题', comparator: '>=', overall: { value: 2000 } }]);
    // Two things of one figure stay two.
    expect(mergeIndicators([...read('新建幼儿园5所。'), ...read('改扩建中小学5所。')])).toHaveLength(2);
  });

  it('reads 不超过 as a bound from above, though it holds 超过', () => {
    expect(read('到2020年,政府运营的养老床位数占养老床位总数的比例不超过50%。')[0]).toMatchObject({ comparator: '<=', overall: { year: 2020, value: 50 } });
    expect(read('到2020年,承办赛事超过10场。')[0]?.comparator).toBe('>=');
  });

  it('reads 控制在 a figure as a cap, with or without 以内 after it (芷江西路街道 016: 失业登记人数控制在732人)', () => {
    expect(read('失业登记人数控制在732人。')[0]).toMatchObject({ name: '失业登记人数', unit: '人', comparator: '<=', overall: { value: 732 } });
    expect(read('帮助失业青年就业49人。')[0]?.comparator).toBeUndefined();
  });

  it('reads minutes, hours and 场次 as measuring units', () => {
    expect(read('平均急救反应时间控制在10分钟以内。')[0]).toMatchObject({ name: '平均急救反应时间', unit: '分钟', comparator: '<=' });
    expect(read('每天校内体育活动时间不少于1小时。')[0]).toMatchObject({ unit: '小时', overall: { value: 1 } });
    expect(read('送流动文化进基层1288场次。')[0]?.unit).toBe('场次');
  });
});

describe('findIndicators: a semicolon closes a 其中 list (as the export writes it)', () => {
  const shape = (text: string) => read(text).map((i) => [i.name, i.overall?.value, (i.parts ?? []).map((p) => [p.name, p.overall?.value])]);

  it('reads the figure after the semicolon as an indicator of its own, though it counts what the parts count', () => {
    expect(shape('新增学位2400个,其中公办学位2000个,民办学位400个;新增义务教育学位3000个。')).toEqual([
      ['新增学位', 2400, [['公办学位', 2000], ['民办学位', 400]]],
      ['新增义务教育学位', 3000, []],
    ]);
    // 001: the rates after the semicolon are no parts of the coverage before it.
    expect(read('主动监管服务覆盖全区35%以上的正常经营企业,其中通过“开工第一课”活动服务企业覆盖率不低于12%;完成站点建设任务街道比例达到80%(含)以上。').map((i) => [i.overall?.value, i.parts?.length ?? 0])).toEqual([
      [35, 1],
      [80, 0],
    ]);
  });
});

describe('findIndicators: a 其中 list of places', () => {
  it('splits the indicator before it by region instead of listing parts', () => {
    const [i, ...rest] = findIndicators('农村中小学实施改水、改厕,计划安排200所,其中丹江口市33所、郧县40所、武当山旅游经济特区1所。', 15, { start: 2008, end: 2008 });
    expect(rest).toEqual([]);
    expect(i).toMatchObject({ name: '农村中小学实施改水、改厕', unit: '所', overall: { value: 200 } });
    expect(i?.parts).toBeUndefined();
    expect(i?.byRegion).toEqual([{ values: [
      { name: '丹江口市', value: 33, source: { line: 15, quote: '丹江口市33所' } },
      { name: '郧县', value: 40, source: { line: 15, quote: '郧县40所' } },
      { name: '武当山旅游经济特区', value: 1, source: { line: 15, quote: '武当山旅游经济特区1所' } },
    ] }]);
  });

  it('tells a place from a word that only ends like one', () => {
    for (const n of ['丹江口市', '郧县', '茅箭区', '十堰经济开发区', '某某新区', '城关镇', '白鹤乡', '东城街道']) expect(isPlaceName(n), n).toBe(true);
    for (const n of ['城区', '社区', '农村', '幼儿园教育集团', '各县', '工业园区', '示范区']) expect(isPlaceName(n), n).toBe(false);
  });
});

describe('findIndicators: the sentences of seeds 000–002 as the export prints them', () => {
  it('reads a baseline after 从每年 / 从年人均: 从每年100元提高到200元 is in 元/年', () => {
    expect(read('普通门诊报销限额从每年100元提高到200元。')[0]).toMatchObject({ name: '普通门诊报销限额', unit: '元/年', baseline: { value: 100 }, overall: { value: 200 } });
    expect(read('2019年,各级财政补助标准从年人均580元提高到610元。')[0]).toMatchObject({ name: '各级财政补助标准', unit: '元', baseline: { value: 580 } });
    expect(years(read('2019年,各级财政补助标准从年人均580元提高到610元。')[0])).toEqual({ 2019: 610 });
  });
});

describe('findIndicators: a bound on a share of what a sentence names', () => {
  it('reads 不高于…50% and 不低于…的2% as bounds, the reference between the bound and the figure', () => {
    expect(read('大病保险起付线不高于上年度居民人均可支配收入50%。')[0]).toMatchObject({ unit: '%', comparator: '<=', overall: { value: 50 } });
    expect(read('职工医保普通门诊年度最高限额提高到不低于区上年度城镇在岗职工年平均工资的2%。')[0]).toMatchObject({ unit: '%', comparator: '>=', overall: { value: 2 } });
  });
});

describe('findIndicators: a share of what follows the figure', () => {
  it('reads 75%以上的村级年集体经营性收入达到10万元以上 as a share of 75%, not a level of 10万元', () => {
    expect(read('到2020年,争取75%以上的村级年集体经营性收入达到10万元以上。').map((i) => [i.name, i.unit, i.overall?.value, i.comparator])).toEqual([['村级年集体经营性收入', '%', 75, '>=']]);
    expect(read('主动监管服务覆盖全区35%以上的正常经营企业。')[0]).toMatchObject({ unit: '%', overall: { value: 35 }, comparator: '>=' });
  });
});

describe('findIndicators: kinds and units of seeds 001–002’s sentences', () => {
  it('reads 套(间) as one measuring unit', () => {
    expect(read('全年建设筹集保障性租赁住房4600套(间)。')[0]).toMatchObject({ unit: '套(间)', overall: { value: 4600 } });
  });
  it('reads a standard that 落实…达到 names as a level, 至少有 as a level, and a clause without a verb after 累计 as cumulative', () => {
    expect(read('落实最低生活保障年标准达到1.33万元以上。')[0]).toMatchObject({ unit: '万元', kind: 'level', comparator: '>=' });
    expect(read('每个县至少有1所精神卫生专业诊疗机构。')[0]).toMatchObject({ unit: '所', kind: 'level' });
    const [a, b] = read('累计建设省级示范标准村卫生室24个,市级示范标准村卫生室240个。');
    expect([a?.kind, b?.kind, b?.overall?.value]).toEqual(['cumulative', 'cumulative', 240]);
    // A verb of its own ends the 累计.
    expect(read('累计建设省级示范标准村卫生室24个,新建村卫生室5个。')[1]?.kind).toBe('increment');
  });
});

describe('findIndicators: rates listed before one figure', () => {
  it('does not split 普及率 at its 及', () => {
    expect(read('体育与健康课开课率、眼保健操普及率均达到100%。').map((i) => [i.name, i.overall?.value])).toEqual([['体育与健康课开课率', 100], ['眼保健操普及率', 100]]);
  });
});

describe('findIndicators: a figure printed as approximate', () => {
  it('reads 80%左右 and 约2000名 as their values with approx: true, the quote kept as printed', () => {
    expect(read('全市一般公共预算中用于民生方面的支出占比稳定在80%左右。')[0]).toMatchObject({ name: '一般公共预算中用于民生方面的支出占比', unit: '%', direction: 'hold', overall: { value: 80, approx: true, source: { quote: '一般公共预算中用于民生方面的支出占比稳定在80%左右' } } });
    expect(read('到2020年,新增就业约3万人。')[0]).toMatchObject({ name: '新增就业', unit: '万人', overall: { year: 2020, value: 3, approx: true } });
    expect(years(read('到2020年,新建公园15个,分年度为2018年5个左右、2019年5个、2020年5个。')[0])).toEqual({ 2018: 5, 2019: 5, 2020: 5 });
    expect(read('到2020年,新建公园15个,分年度为2018年5个左右、2019年5个、2020年5个。')[0]?.yearly?.get(2018)?.approx).toBe(true);
  });
  it('keeps a range and a figure in words out: 5-8所, 近千人', () => {
    expect(read('到2020年,新建幼儿园5-8所。')).toEqual([]);
    expect(read('到2020年,培训近千人。')).toEqual([]);
    expect(read('到2020年,新增就业3万人。')[0]?.overall?.approx).toBeUndefined();
  });
});

describe('findIndicators: money in 万 and the bound 超 (issue #20)', () => {
  it('reads a bare 万 as the unit only after 资金/投资/经费', () => {
    expect(read('预计需投入资金2000万左右。')).toMatchObject([{ name: '需投入资金', unit: '万', kind: 'increment', overall: { value: 2000, approx: true } }]);
    expect(read('到2020年,完成项目投资3.5万。')[0]).toMatchObject({ unit: '万', overall: { year: 2020, value: 3.5 } });
    // Counts in 万 keep their own unit; a 万 after anything else is no figure.
    expect(read('到2020年,新增就业3万人。')[0]).toMatchObject({ unit: '万人', overall: { value: 3 } });
    expect(read('投入资金500万元。')[0]?.unit).toBe('万元');
    expect(read('全年接待游客80万。')).toEqual([]);
  });

  it('reads 超 alone before a target’s figure as >, not in its name, and not on a baseline', () => {
    expect(read('确保全市PM2.5平均浓度下降超1微克/立方米。')[0]).toMatchObject({ name: 'PM2.5平均浓度下降', unit: '微克/立方米', comparator: '>', overall: { value: 1 } });
    expect(read('到2020年,高中阶段教育毛入学率超过97%。')[0]?.comparator).toBe('>=');
    const [base] = read('截至2017年底,高中阶段教育毛入学率超96%。');
    expect(base).toMatchObject({ name: '高中阶段教育毛入学率', baseline: { year: 2017, value: 96 } });
    expect(base?.comparator).toBeUndefined();
  });
});

describe('findIndicators: a figure printed without a unit', () => {
  it('reads a figure alone closing a clause of doing as its target (新增城镇就业8950), with no unit; not one after a noun alone or a year', () => {
    expect(read('新增城镇就业8950,截至2017年8月,完成7356。')).toMatchObject([{ name: '新增城镇就业', kind: 'increment', overall: { value: 8950 } }]);
    expect(read('新增城镇就业8950。')[0]?.unit).toBeUndefined();
    expect(read('开展食品安全“九查九扫”11098。')).toMatchObject([{ name: '开展食品安全“九查九扫”', overall: { value: 11098 } }]);
    expect(read('城镇就业8950。')).toEqual([]);
    expect(read('完成项目2019。')).toEqual([]);
  });
});

describe('findIndicators: 分别 with a verb of reaching', () => {
  it('reads each figure after 分别达到 as a level, whatever its unit; 分别新增 stays what is added', () => {
    expect(read('城市低保、农村低保补差水平月均分别达到300元/人、140元/人。')).toMatchObject([
      { name: '城市低保', unit: '元/人', kind: 'level', overall: { value: 300 } },
      { name: '农村低保补差水平月均', unit: '元/人', kind: 'level', overall: { value: 140 } },
    ]);
    expect(read('城区、农村分别新增幼儿园3所、5所。').map((i) => i.kind)).not.toContain('level');
  });
});

describe('findIndicators: traditional characters (seed 010)', () => {
  it('reads counts of ten thousands of things: 1万台, 5万个, 4萬個 (017, 018)', () => {
    expect(read('在公共场所新增配置自动体外除颤仪1万台、对应培训5万人以上。').map((i) => [i.name, i.unit, i.overall?.value])).toEqual([
      ['在公共场所新增配置自动体外除颤仪', '万台', 1],
      ['对应培训', '万人', 5],
    ]);
    expect(read('为离校2年内未就业高校毕业生开发见习岗位5万个以上。')[0]).toMatchObject({ unit: '万个', comparator: '>=', overall: { value: 5 } });
    expect(read('全年舉辦400場招聘會,提供4萬個就業崗位。').map((i) => [i.unit, i.overall?.value])).toEqual([['場', 400], ['萬個', 4]]);
  });

  it('reads a figure set apart by spaces before a unit of two characters (16 萬名), never before 人 or 個', () => {
    expect(read('為全市 16 萬名 50~74 周歲本地戶籍居民免費開展結直腸癌篩查。')).toMatchObject([{ unit: '萬名', overall: { value: 16 } }]);
    expect(read('新增城鎮就業 8950 人社局')).toEqual([]);
  });

  it('names the people after a preposition past the age that qualifies them (80周歲以上)', () => {
    expect(read('為全市15萬名80周歲以上本地戶籍老人發放高齡津貼。')[0]).toMatchObject({ name: '本地戶籍老人發放高齡津貼', unit: '萬名', overall: { value: 15 } });
  });

  it('reads 不少於/不超過 as bounds, like 不少于/不超过', () => {
    expect(read('全市新建公共停車場不少於7個。')[0]).toMatchObject({ comparator: '>=', overall: { value: 7 } });
    expect(read('全市平均候車時間不超過10分钟。')[0]).toMatchObject({ comparator: '<=', overall: { value: 10 } });
  });

  it('reads a bracketed monthly amount of what is given as its standard in 元/月 (發放高齡津貼(每月不少於60元))', () => {
    expect(read('為全市15萬名80周歲以上本地戶籍老人發放高齡津貼(每月不少於60元)。')[1]).toMatchObject({ name: '高齡津貼', unit: '元/月', kind: 'level', comparator: '>=', overall: { value: 60 } });
  });
});

describe('findIndicators: the sentences of seeds 011–012 (issue #20)', () => {
  const one = (text: string) => findIndicators(text, 1, { start: 2024, end: 2024 }).map((i) => [i.name, i.unit, i.kind, i.overall?.value]);

  it('takes the noun after an age range that qualifies the people counted: 5万名40-74周岁居民…筛查', () => {
    expect(one('开展5万名40-74周岁居民上消化道癌和结直肠癌筛查。')).toEqual([['开展居民上消化道癌和结直肠癌筛查', '万名', 'increment', 5]]);
  });

  it('reads 万 after a name that counts 人次 as 万人次', () => {
    const [i] = findIndicators('全年助餐配送餐服务人次达200万以上。', 1, { start: 2024, end: 2024 });
    expect(i).toMatchObject({ name: '助餐配送餐服务人次', unit: '万人次', kind: 'level', comparator: '>=', overall: { value: 200 } });
    // 万 alone after any other name is still no unit.
    expect(one('全区常住人口达200万。')).toEqual([]);
  });

  it('names a verb with its alternative in brackets by the noun after the figure: 新建(改建)10家标准化老年食堂', () => {
    expect(one('新建(改建)10家标准化老年食堂。')).toEqual([['新建(改建)标准化老年食堂', '家', 'increment', 10]]);
  });

  it('reads what each of the things counted gets (每艘增配1只) as a note on that count, not a target', () => {
    const found = findIndicators('为全区739艘外海大型渔船每艘增配1只气胀式自扶正救生筏,配置率100%。', 1, { start: 2024, end: 2024 });
    expect(found.map((i) => [i.name, i.unit, i.overall?.value, i.note])).toEqual([
      ['外海大型渔船', '艘', 739, '每艘增配1只'],
      ['配置率', '%', 100, undefined],
    ]);
  });

  it('names a total measured alone (总里程) by what the clause before it does, up to a semicolon', () => {
    expect(one('实施省道提升工程3条,总里程51.4公里;农村公路4条,总里程6.65公里;实施金钟路改造提升工程,总里程6.7公里。')).toEqual([
      ['实施省道提升工程', '条', 'increment', 3],
      ['省道提升工程总里程', '公里', 'increment', 51.4],
      ['农村公路', '条', 'increment', 4],
      ['农村公路总里程', '公里', 'increment', 6.65],
      ['金钟路改造提升工程总里程', '公里', 'increment', 6.7],
    ]);
    expect(one('实施金钟路改造提升工程;总里程6.7公里。')).toEqual([['总里程', '公里', 'increment', 6.7]]);
  });

  it('reads 新增 after a name (公办幼儿园新增15所, as the export writes it) as the verb, not part of the name', () => {
    expect(one('公办幼儿园新增15所,年度投資金額新增1360萬元。')).toEqual([['公办幼儿园', '所', 'increment', 15], ['年度投資金額', '萬元', 'increment', 1360]]);
    expect(one('全年城镇新增就业1.5万人。')).toEqual([['城镇新增就业', '万人', 'increment', 1.5]]);
  });

  it('reads no figure inside a quoted name, though a quote closes before it: “促进就业9条”“助力企业复工复产22条”', () => {
    expect(one('深入实施“促进就业9条”“助力企业复工复产22条”等政策。')).toEqual([]);
    expect(one('深入实施“促进就业九条”“助力企业复工复产22条”等政策。')).toEqual([]);
  });

  it('reads a count in Chinese numerals before a measure word where it counts what is done or the places listed', () => {
    expect(one('實施西苑小區、金鑫二小區、宏昌小區三所老舊小區房屋功能改善和周邊配套基礎設施。')).toEqual([['老舊小區房屋功能改善和周邊配套基礎設施', '所', 'increment', 3]]);
    expect(one('一是新建十二所学校,二是改造二十条道路,新建两座公园。')).toEqual([
      ['新建学校', '所', 'increment', 12],
      ['改造道路', '条', 'increment', 20],
      ['新建公园', '座', 'increment', 2],
    ]);
  });

  it('reads no count in the names and idioms that hold Chinese numerals', () => {
    for (const text of [
      '办好十件实事。', '落实三农政策。', '打造一站式服务。', '实施三年行动。', '“十四五”期间。', '一是加强领导,二是压实责任。',
      '探索学前教育向下延伸一个学段试点。', '做到两个维护。', '开展住宅工程四项专项治理。', '建设三四个公园。', '建成第三个中心。',
      '围绕资金来源多元化、保障制度规范化、管理服务社会化三个关键环节。', '深入实施“促进就业九条”。',
    ]) expect(one(text), text).toEqual([]);
  });
});

describe('findIndicators: lengths in 米', () => {
  it('reads a length in 米 (整治疏通下水道、明沟1000米), not an altitude that qualifies a place (海拔800米以上)', () => {
    expect(read('整治疏通下水道、明沟1000米。')).toMatchObject([{ unit: '米', overall: { value: 1000 } }]);
    expect(read('实现海拔800米以上政府所在地农村义务教育学生营养餐全覆盖。')).toEqual([]);
    expect(read('新改扩建校舍2.21万平方米。')[0]?.unit).toBe('万平方米');
  });
});

describe('findIndicators: the parts after 其中 name their total’s thing', () => {
  it('ends the parts at a figure of another thing, once the first part named the total’s own (街道, then 村)', () => {
    const [streets, villages, ...rest] = read('新增区级老年友好街道3个,其中区级样板街道不少于1个,老年友好村(社区)15个,样板村(社区)不少于6个。');
    expect(streets).toMatchObject({ name: '新增区级老年友好街道', overall: { value: 3 } });
    expect(streets?.parts?.map((p) => p.name)).toEqual(['区级样板街道']);
    expect(villages).toMatchObject({ name: '老年友好村(社区)', overall: { value: 15 } });
    expect(rest.map((i) => i.name)).toEqual(['样板村(社区)']);
    // Where the first part names another thing than its total, nothing is read from the names: every figure is a part.
    expect(read('新增托育机构50家,其中社区托育点30家,普惠托育园20家。')[0]?.parts?.map((p) => p.name)).toEqual(['社区托育点', '普惠托育园']);
  });
});
