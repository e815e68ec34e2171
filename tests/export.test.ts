// Export: the seeds to .docx (unzipped and read as XML) and .xlsx (read back with exceljs); the same
// plan gives the same bytes; the CLI refuses plans with errors and bad input. The CLI cases run the
// real bundle (dist/cli.js, dist/export.js: `npm run build` first).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { buildPlan, type Indicator, type Plan, type Task } from '../src/engine/model.js';
import { importDocument } from '../src/engine/index.js';
import { effectiveLead } from '../src/engine/queries.js';
import { regionOf } from '../src/engine/regions.js';
import { parseYaml } from '../src/engine/parse.js';
import { exportPlan } from '../src/export/export.js';
import { PAGE } from '../src/export/layout.js';
import { actualText, effectiveResponsible, figure, indicatorSentence, indicatorSentences, joinSentences, numberPrefix, statesFigure, unitsClause } from '../src/export/text.js';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).sort();
const seedText = (f: string) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8');
const planOf = (text: string): Plan => buildPlan(parseYaml(text).data);

async function bytesOf(text: string, to: 'docx' | 'xlsx'): Promise<Uint8Array> {
  const r = await exportPlan(text, to, { force: true });
  if (!r.ok) throw new Error(`export refused: ${r.reason}`);
  return r.bytes;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * A plan with no punctuation of its own in its strings (most plans below) is written as Chinese documents are,
 * its joiners full-width (src/export/marks.ts): the expected text in the half-width of our seeds, so converted.
 */
const FULL: Record<string, string> = { ',': '\uff0c', ';': '\uff1b', ':': '\uff1a', '(': '\uff08', ')': '\uff09' };
const full = (s: string) => s.replace(/[,;:()]/g, (c) => FULL[c]);

/** Each paragraph's text, its runs joined. */
function paragraphs(xml: string): string[] {
  return xml.split('</w:p>').map((p) => unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
}

function attr(xml: string, element: string): Record<string, string> {
  const m = new RegExp(`<${element} ([^>]*?)/?>`).exec(xml);
  if (!m) throw new Error(`no <${element}>`);
  return Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

/** Every figure an indicator states, parts included. */
function figures(ind: Indicator): string[] {
  return [ind.overall, ...ind.yearly].filter((t) => t !== undefined).map((t) => figure(t.value)).concat(ind.parts.flatMap(figures));
}

describe('text helpers write the plans’ own phrases', () => {
  const ind = (yaml: string) => planOf(`plan: { title: t, period: { start: 2018, end: 2020 } }\nsections:\n  - title: s\n    indicators:\n${yaml}`).allIndicators[0];

  it('an increment with an overall target: 到2020年,…新增15所以上, 新增 before a name that reads as a level', () => {
    // After the name, 新增 comes back as the verb, not as part of the name (年度投資金額新增1360萬元).
    expect(indicatorSentence(ind('      - { name: 公办幼儿园, unit: 所, kind: increment, comparator: ">=", overall: { year: 2020, value: 15 } }'))).toBe(
      '到2020年,公办幼儿园新增15所以上',
    );
    expect(indicatorSentence(ind('      - { name: 托位数, unit: 个, kind: increment, overall: { value: 400 } }'))).toBe('新增托位数400个');
    expect(indicatorSentence(ind('      - { name: 城镇就业, kind: increment, overall: { value: 8950 } }'))).toBe('新增城镇就业8950');
  });

  it('a level from its baseline, with its years; a name that says what is done takes no 新增', () => {
    const rate = ind(
      '      - { name: 学前三年毛入园率, unit: "%", kind: level, direction: raise, comparator: ">=", baseline: { year: 2017, value: 86 }, yearly: { 2018: 87, 2019: 89, 2020: 90 }, overall: { year: 2020, value: 90 } }',
    );
    expect(indicatorSentence(rate)).toBe('到2020年,学前三年毛入园率由2017年的86%提高到90%以上,分年度为2018年87%、2019年89%、2020年90%');
    expect(indicatorSentence(ind('      - { name: 建设公办街镇中心幼儿园, unit: 所, kind: increment, yearly: { 2018: 9 } }'))).toBe('2018年,建设公办街镇中心幼儿园9所');
    // A name that says 新增 inside it (seed 015's 城镇新增就业人数) takes no second one.
    expect(indicatorSentence(ind('      - { name: 城镇新增就业人数, unit: 人, kind: increment, overall: { value: 1300 } }'))).toBe('城镇新增就业人数1300人');
    expect(indicatorSentence(ind('      - { name: 辍学率, unit: "%", kind: level, direction: lower, comparator: "<=", overall: { value: 0.5 } }'))).toBe('辍学率控制在0.5%以内');
  });

  it('a breakdown keeps each year’s own comparator: 2020年97%以上', () => {
    const rate = ind(
      '      - { name: 高中阶段教育毛入学率, unit: "%", kind: level, direction: raise, yearly: { 2018: 96.5, 2019: 96.8, 2020: { value: 97, comparator: ">=" } }, overall: { year: 2020, value: 97 } }',
    );
    expect(indicatorSentence(rate)).toBe('到2020年,高中阶段教育毛入学率达到97%,分年度为2018年96.5%、2019年96.8%、2020年97%以上');
  });

  describe('a quote that states a figure once does not state every year of it', () => {
    const sentences = (yaml: string) => {
      const data = parseYaml(`plan: { title: t, period: { start: 2018, end: 2022 } }\nsections:\n  - title: s\n    indicators:\n${yaml}`).data;
      return indicatorSentences(buildPlan(data).allIndicators, data);
    };
    const q = (text: string) => `source: { quote: "${text}" }`;

    it('years of equal figures follow the overall’s quote as a breakdown', () => {
      const yearly = [2018, 2019, 2020].map((y) => `${y}: { value: 95, comparator: ">=", ${q('参保率巩固在95%以上')} }`).join(', ');
      expect(sentences(`      - { name: 参保率, unit: "%", kind: level, direction: hold, yearly: { ${yearly} }, overall: { year: 2020, value: 95, ${q('参保率达到95%')} }, ${q('参保率达到95%')} }`)).toEqual([
        '到2020年,参保率达到95%(分年度为2018年95%以上、2019年95%以上、2020年95%以上)',
      ]);
    });

    it('each year’s quote, dated, where one year’s quote states the others’ figure', () => {
      const yearly = [2018, 2019, 2020].map((y) => `${y}: { value: 1, ${q('建成开放1家博物馆')} }`).join(', ');
      expect(sentences(`      - { name: 建成开放博物馆, unit: 家, kind: increment, yearly: { ${yearly} }, ${q('建成开放1家博物馆')} }`)).toEqual([
        '2018年,建成开放1家博物馆',
        '2019年,建成开放1家博物馆',
        '2020年,建成开放1家博物馆',
      ]);
    });

    it('a year with the overall’s figure but not its year is a sentence of its own, not a breakdown', () => {
      expect(sentences(`      - { name: 示范中心, unit: 所, kind: increment, yearly: { 2019: { value: 1, ${q('示范中心1所')} } }, overall: { year: 2020, value: 1, ${q('示范中心1所')} }, ${q('示范中心1所')} }`)).toEqual([
        '到2020年,示范中心1所',
        '2019年,示范中心1所',
      ]);
    });

    it('a quote whose span of years holds every year stays as it is', () => {
      const quote = '2020年至2022年分三年,消除集体经济薄弱村分别按30%、40%、30%设定目标';
      expect(sentences(`      - { name: 消除集体经济薄弱村, unit: "%", kind: increment, yearly: { 2020: 30, 2021: 40, 2022: 30 }, ${q(quote)} }`)).toEqual([quote]);
    });

    it('a quote without the bound the data has (a heading’s 2万人次) gives way to the overall’s quote that states it', () => {
      const yaml = `      - { name: 开展政府补贴性职业技能培训, unit: 万人次, kind: increment, comparator: ">=", overall: { value: 2, ${q('开展政府补贴性职业技能培训2万人次以上')} }, ${q('完成政府补贴性职业技能培训2万人次')} }`;
      expect(sentences(yaml)).toEqual(['开展政府补贴性职业技能培训2万人次以上']);
    });

    it('a quoted baseline without its year follows its target as 目前,…; one that says 在…的基础上 opens its target’s sentence', () => {
      expect(sentences(`      - { name: 市民体质抽样合格率, unit: "%", kind: level, direction: raise, baseline: { value: 92, ${q('市民体质抽样合格率达到92%')} }, overall: { year: 2020, value: 93, ${q('市民体质抽样合格率达到93%')} }, ${q('市民体质抽样合格率达到93%')} }`)).toEqual([
        '到2020年,市民体质抽样合格率达到93%',
        '目前,市民体质抽样合格率达到92%',
      ]);
      expect(sentences(`      - { name: 社区健身点, unit: 个, kind: level, baseline: { value: 12, ${q('在已建成12个社区健身点的基础上')} }, overall: { year: 2020, value: 30, ${q('到2020年建成社区健身点达到30个')} }, ${q('到2020年建成社区健身点达到30个')} }`)).toEqual([
        '在已建成12个社区健身点的基础上,到2020年建成社区健身点达到30个',
      ]);
    });

    it('a quote cut after the words that named its indicators (在园幼儿占比分别达到50%、80%以上) gives way to the data', () => {
      const quote = '在园幼儿占比分别达到50%、80%以上';
      expect(sentences(`      - { name: 公办幼儿园在园幼儿占比, unit: "%", kind: level, comparator: ">=", overall: { value: 50 }, ${q(quote)} }\n      - { name: 普惠性幼儿园在园幼儿占比, unit: "%", kind: level, comparator: ">=", overall: { value: 80 }, ${q(quote)} }`)).toEqual(['公办幼儿园在园幼儿占比达到50%以上', '普惠性幼儿园在园幼儿占比达到80%以上']);
      const span = '2020年至2022年分三年,分别按30%、40%、30%设定目标';
      expect(sentences(`      - { name: 消除集体经济薄弱村, unit: "%", kind: increment, yearly: { 2020: 30, 2021: 40, 2022: 30 }, ${q(span)} }`)).toEqual(['2020年,消除集体经济薄弱村30%;2021年,消除集体经济薄弱村40%;2022年,消除集体经济薄弱村30%']);
    });
  });

  it('a quote that does not name what its indicator measures (90%以上, cut where the source broke its line) gives way to the data', () => {
    const data = parseYaml('plan: { title: t, period: { start: 2021, end: 2021 } }\nsections:\n  - title: s\n    indicators:\n      - { name: 高校毕业生总体就业率, unit: "%", kind: level, comparator: ">=", overall: { value: 90, source: { quote: "90%以上" } }, source: { quote: "90%以上" } }\n      - { name: 一键式紧急报警、视频监控系统达标率, unit: "%", kind: level, direction: raise, overall: { value: 100 }, source: { quote: "城市和城镇护学岗均达到100%" } }\n      - { name: 城市和城镇护学岗, unit: "%", kind: level, direction: raise, overall: { value: 100 }, source: { quote: "城市和城镇护学岗均达到100%" } }\n').data;
    expect(indicatorSentences(buildPlan(data).allIndicators, data)).toEqual(['高校毕业生总体就业率达到90%以上', '一键式紧急报警、视频监控系统达标率达到100%', '城市和城镇护学岗均达到100%']);
  });

  it('ends a sentence that opens with 在2022年前 at a full stop: the next quote does not take its year', () => {
    expect(joinSentences(['在2022年前建设1个救护车标准化洗消中心或洗消点', '配置200台体外除颤仪(AED)', '培训约2000名初级急救员'])).toBe('在2022年前建设1个救护车标准化洗消中心或洗消点。配置200台体外除颤仪(AED),培训约2000名初级急救员');
  });

  it('an approximate figure is written with 左右 (or as its quote says, 约) and reads back approximate', async () => {
    const head = 'plan: { title: 某区民生实事方案, period: { start: 2018, end: 2020 } }\nsections:\n  - number: 一\n    title: 民生支出\n    tasks:\n      - number: "1."\n        title: 加大财政民生支出力度\n        indicators:\n';
    const yaml = `${head}          - { name: 民生支出占比, unit: "%", kind: level, direction: hold, overall: { year: 2020, value: 80, approx: true } }\n          - { name: 培训初级急救员, unit: 名, kind: increment, overall: { value: 2000, approx: true, source: { quote: 培训约2000名初级急救员 } }, source: { quote: 培训约2000名初级急救员 } }\n`;
    const [share] = planOf(yaml).allIndicators;
    expect(indicatorSentence(share)).toBe('到2020年,民生支出占比保持在80%左右');
    const imported = importDocument(await bytesOf(yaml, 'docx'), 'a.docx');
    if ('code' in imported) throw new Error(imported.code);
    const back = planOf(imported.result.yaml).allIndicators;
    expect(back.map((i) => [i.name, i.overall?.year, i.overall?.value, i.overall?.approx])).toEqual([['民生支出占比', 2020, 80, true], ['培训初级急救员', undefined, 2000, true]]);
  });

  it('ends a sentence whose year governs it with a full stop, its year with or without a comma after it', () => {
    expect(joinSentences(['到2020年新增失能老人护理床位400张', '争取兴办1所示范性的老年护理院'])).toBe('到2020年新增失能老人护理床位400张。争取兴办1所示范性的老年护理院');
    expect(joinSentences(['在已建成12个社区健身点的基础上,到2020年建成社区健身点达到30个', '平均每年建设社区健身点6个以上'])).toBe('在已建成12个社区健身点的基础上,到2020年建成社区健身点达到30个。平均每年建设社区健身点6个以上');
    expect(joinSentences(['目前,市民体质抽样合格率达到92%', '承办赛事10场'])).toBe('目前,市民体质抽样合格率达到92%。承办赛事10场');
    expect(joinSentences(['新增学位2400个', '其中公办学位2000个', '建设幼儿园3所'])).toBe('新增学位2400个,其中公办学位2000个;建设幼儿园3所');
  });

  it('closes a run of 其中 parts with a semicolon before the next target, and the .docx reads back with the part under the first indicator only', async () => {
    // A part's quote after the first need not say 其中 (公办、民办学位): the run is the indicator's parts, not the words.
    expect(joinSentences([{ text: '新增学位2400个', part: false }, { text: '其中公办学位2000个', part: true }, { text: '民办学位400个', part: true }, { text: '新增义务教育学位3000个', part: false }])).toBe(
      '新增学位2400个,其中公办学位2000个,民办学位400个;新增义务教育学位3000个',
    );
    // A sentence from the data ends with its parts.
    expect(joinSentences(['新增学位2400个,其中新增公办学位2000个', '新增义务教育学位3000个'])).toBe('新增学位2400个,其中新增公办学位2000个;新增义务教育学位3000个');
    // A split by region keeps its full stop.
    expect(joinSentences([{ text: '城镇新增就业人数1300人,其中:甲镇800、乙乡500', part: false }, { text: '新增义务教育学位3000个', part: false }])).toBe('城镇新增就业人数1300人,其中:甲镇800、乙乡500。新增义务教育学位3000个');
    // 义务教育学位 counts 学位 as its total and the first part do: after a comma the importer takes it for a third part.
    const q = (text: string) => `source: { quote: "${text}" }`;
    const task = (indicators: string) =>
      `plan: { title: 某区民生实事方案, period: { start: 2024, end: 2024 } }\nsections:\n  - number: 一、\n    title: 教育\n    tasks:\n      - number: "1."\n        title: 扩大学前教育资源\n        indicators:\n${indicators}`;
    const quoted = task(
      `          - { name: 新增学位, unit: 个, kind: increment, overall: { value: 2400, ${q('新增学位2400个')} }, ${q('新增学位2400个')}, parts: [{ name: 公办学位, unit: 个, kind: increment, overall: { value: 2000, ${q('其中公办学位2000个')} }, ${q('其中公办学位2000个')} }, { name: 民办学位, unit: 个, kind: increment, overall: { value: 400, ${q('民办学位400个')} }, ${q('民办学位400个')} }] }\n` +
        `          - { name: 义务教育学位, unit: 个, kind: increment, overall: { value: 3000, ${q('新增义务教育学位3000个')} }, ${q('新增义务教育学位3000个')} }\n`,
    );
    const fromData = task(
      '          - { name: 学位, unit: 个, kind: increment, overall: { value: 2400 }, parts: [{ name: 公办学位, unit: 个, kind: increment, overall: { value: 2000 } }] }\n          - { name: 义务教育学位, unit: 个, kind: increment, overall: { value: 3000 } }\n',
    );
    for (const [yaml, sentence, parts] of [
      [quoted, '新增学位2400个,其中公办学位2000个,民办学位400个;新增义务教育学位3000个。', [['公办学位', 2000], ['民办学位', 400]]],
      [fromData, '学位新增2400个,其中公办学位新增2000个;义务教育学位新增3000个。', [['公办学位', 2000]]],
    ] as const) {
      const bytes = await bytesOf(yaml, 'docx');
      expect(paragraphs(strFromU8(unzipSync(bytes)['word/document.xml']))).toContain(full(`1.扩大学前教育资源。${sentence}`));
      const imported = importDocument(bytes, 'a.docx');
      if ('code' in imported) throw new Error(imported.code);
      const [task] = planOf(imported.result.yaml).allTasks;
      expect(task.indicators.map((i) => [i.overall?.value, i.unit, i.parts.map((p) => [p.name, p.overall?.value])])).toEqual([
        [2400, '个', parts],
        [3000, '个', []],
      ]);
    }
  });

  it('ends a split by region with a full stop: the next target is no piece of it (015), and reads back as an indicator of its own', async () => {
    expect(joinSentences(['城镇新增就业人数1300人,其中:甲镇800、乙乡500', '城镇失业人员再就业新增250人'])).toBe('城镇新增就业人数1300人,其中:甲镇800、乙乡500。城镇失业人员再就业新增250人');
    const yaml = 'plan: { title: 某区民生工程目标任务, period: { start: 2017, end: 2017 } }\nregions:\n  - { id: jia, name: 甲镇 }\n  - { id: yi, name: 乙乡 }\nsections:\n  - number: 一、\n    title: 就业促进工程\n    tasks:\n      - number: "1."\n        title: 促进城乡劳动者就业创业\n        indicators:\n          - { name: 城镇新增就业人数, unit: 人, kind: increment, overall: { value: 1300 }, byRegion: { jia: { value: 800 }, yi: { value: 500 } } }\n          - { name: 城镇失业人员再就业, unit: 人, kind: increment, overall: { value: 250 } }\n';
    const imported = importDocument(await bytesOf(yaml, 'docx'), 'a.docx');
    if ('code' in imported) throw new Error(imported.code);
    expect(planOf(imported.result.yaml).allIndicators.map((i) => [i.name, i.overall?.value, i.parts.length])).toEqual([['城镇新增就业人数', 1300, 0], ['城镇失业人员再就业', 250, 0]]);
  });

  it('a baseline without its year is written (由46%提高到50%) and reads back', async () => {
    const yaml = 'plan: { title: 某区民生实事方案, period: { start: 2018, end: 2020 } }\nsections:\n  - number: 一\n    title: 全民健身\n    tasks:\n      - number: "1."\n        title: 广泛开展全民健身活动\n        indicators:\n          - { name: 经常参加体育锻炼的人口比例, unit: "%", kind: level, direction: raise, baseline: { value: 46 }, overall: { year: 2020, value: 50 } }\n';
    const [rate] = planOf(yaml).allIndicators;
    expect(indicatorSentence(rate)).toBe('到2020年,经常参加体育锻炼的人口比例由46%提高到50%');
    const imported = importDocument(await bytesOf(yaml, 'docx'), 'a.docx');
    if ('code' in imported) throw new Error(imported.code);
    const [back] = planOf(imported.result.yaml).allIndicators;
    expect(back).toMatchObject({ name: '经常参加体育锻炼的人口比例', baseline: { value: 46 }, overall: { year: 2020, value: 50 } });
    expect(back.baseline?.year).toBeUndefined();
  });

  it('a quote states a figure only as a whole number: 86 is not in 86.5%', () => {
    expect(statesFigure('覆盖率达到86%', 86)).toBe(true);
    expect(statesFigure('覆盖率达到86.5%', 86)).toBe(false);
    expect(statesFigure('覆盖率达到86.5%', 86.5)).toBe(true);
    expect(statesFigure('新增186所', 86)).toBe(false);
    expect(statesFigure('其中一个为示范站', 1)).toBe(false);
  });

  it('the units clause: 〔牵头单位:…;责任单位:…〕, either part alone, nothing when neither', () => {
    const plan = planOf('plan: { title: t, period: { start: 2020, end: 2020 } }\nsections:\n  - title: s\n    tasks:\n      - { title: a, lead: [区教委, 区民政局], responsible: [各街镇] }\n      - { title: b, lead: [区教委] }\n      - { title: c }\n');
    const [a, b, c] = plan.allTasks;
    expect(unitsClause(a.lead, a.responsible)).toBe('〔牵头单位:区教委、区民政局;责任单位:各街镇〕');
    expect(unitsClause(b.lead, b.responsible)).toBe('〔牵头单位:区教委〕');
    expect(unitsClause(c.lead, c.responsible)).toBe('');
  });

  it('the units clause ends with 配合单位 when the task names any', () => {
    const plan = planOf('plan: { title: t, period: { start: 2020, end: 2020 } }\nsections:\n  - title: s\n    tasks:\n      - { title: a, lead: [区教委], cooperating: [区财政局, 区住建局] }\n');
    const [a] = plan.allTasks;
    expect(unitsClause(a.lead, a.responsible, a.cooperating)).toBe('〔牵头单位:区教委;配合单位:区财政局、区住建局〕');
  });

  it('the units clause ends with the named people, by role', () => {
    const plan = planOf('plan: { title: t, period: { start: 2020, end: 2020 } }\nsections:\n  - title: s\n    tasks:\n      - title: a\n        lead: [区教委]\n        people: [{ role: 分管领导, name: 何海平 }, { role: 项目责任人, name: 张三 }, { role: 项目责任人, name: 李四 }]\n');
    const [a] = plan.allTasks;
    expect(unitsClause(a.lead, a.responsible, a.cooperating, a.people)).toBe('〔牵头单位:区教委;分管领导:何海平;项目责任人:张三、李四〕');
  });
});

describe.each(SEEDS)('%s → .docx', (seed) => {
  let files: Record<string, string>;
  let plan: Plan;
  beforeAll(async () => {
    const text = seedText(seed);
    plan = planOf(text);
    files = Object.fromEntries(Object.entries(unzipSync(await bytesOf(text, 'docx'))).map(([k, v]) => [k, strFromU8(v)]));
  });

  it('A4 with the GB/T 9704 margins and 22 lines of 579 twips', () => {
    const doc = files['word/document.xml'];
    expect(attr(doc, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    // 37, 35, 28, 26 mm in twips.
    expect(attr(doc, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
    expect(attr(doc, 'w:docGrid')['w:linePitch']).toBe('579');
    expect(PAGE.height - PAGE.margin.top - PAGE.margin.bottom).toBeGreaterThanOrEqual(22 * 579);
  });

  it('names the fonts for East Asian text: 方正小标宋简体 2号 title, 仿宋_GB2312 3号 body, 黑体 and 楷体_GB2312 headings', () => {
    const styles = files['word/styles.xml'];
    const defaults = styles.slice(styles.indexOf('<w:docDefaults>'), styles.indexOf('</w:docDefaults>'));
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    // Figures written in Latin digits: a Chinese Latin language made LibreOffice break them ("6⏎5%").
    expect(defaults).toMatch(/<w:lang [^>]*w:val="en-US"/);
    // 28 characters a line: 16 pt type drawn 0.25 pt closer fits 28 × 15.75 pt into the 442 pt line.
    expect(defaults).toContain('<w:spacing w:val="-5"/>');
    expect(28 * (16 - 0.25)).toBeLessThanOrEqual((PAGE.width - PAGE.margin.left - PAGE.margin.right) / 20);
    expect(29 * (16 - 0.25)).toBeGreaterThan((PAGE.width - PAGE.margin.left - PAGE.margin.right) / 20);
    const style = (id: string) => styles.slice(styles.indexOf(`w:styleId="${id}"`), styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${id}"`)));
    expect(style('PlanTitle')).toContain('w:eastAsia="方正小标宋简体"');
    expect(style('PlanTitle')).toContain('<w:sz w:val="44"/>');
    expect(style('PlanTitle')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading3')).toMatch(/w:eastAsia="仿宋_GB2312"[\s\S]*<w:b\/>/);
    expect(files['word/fontTable.xml'] ?? '').not.toContain('w:embed');
    expect(Object.keys(files).some((f) => f.startsWith('word/fonts/'))).toBe(false);
  });

  it('prints "— N —" in 4号 outside bottom: right on odd pages, left on even ones', () => {
    const doc = files['word/document.xml'];
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const ref = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(doc)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(files['word/_rels/document.xml.rels'])?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(files['word/_rels/document.xml.rels'])?.[1];
      return files[`word/${target}`];
    };
    for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
      const footer = ref(type);
      expect(footer).toContain('PAGE');
      expect(paragraphs(footer).join('')).toMatch(/^— .*—$/);
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
  });

  it('writes the title, every section heading, and each task with its own units clause', () => {
    const paras = paragraphs(files['word/document.xml']);
    expect(paras).toContain(plan.title);
    for (const s of plan.allSections) expect(paras).toContain(`${numberPrefix(s.number)}${s.title}`);
    for (const t of plan.allTasks) {
      const p = paras.find((x) => x.startsWith(`${numberPrefix(t.number)}${t.title}`));
      expect(p, t.title).toBeDefined();
      const clause = unitsClause(t.lead, t.responsible);
      // A task with cooperating units or named people has them after its responsible units, in the same clause (docs/format.md).
      const extra = t.cooperating.length > 0 || t.people.length > 0;
      if (clause) expect(extra ? p?.includes(`${clause.slice(0, -1)};`) && p.endsWith('〕') : p?.endsWith(clause), `${t.title}: ${p}`).toBe(true);
      else expect(p).not.toContain('〔牵头单位');
    }
  });

  it('states every target figure of every task', () => {
    const paras = paragraphs(files['word/document.xml']);
    for (const t of plan.allTasks) {
      const p = paras.find((x) => x.startsWith(`${numberPrefix(t.number)}${t.title}`)) ?? '';
      for (const ind of t.indicators) for (const f of figures(ind)) expect(p, `${t.title}: ${ind.name} ${f}`).toContain(f);
    }
  });
});

it('a task’s units clause as the seed states it (000, task 1)', async () => {
  const paras = paragraphs(strFromU8(unzipSync(await bytesOf(seedText(SEEDS[0]), 'docx'))['word/document.xml']));
  const task = paras.find((p) => p.startsWith('1.稳定岗位扩就业提高工资性收入'));
  expect(task).toMatch(/〔牵头单位:区人力资源和社会保障局;责任单位:区科技工业和信息化局、区农业农村和水利局、区教育局、区退役军人事务局、各镇\(街道\)〕$/);
});

describe.each(SEEDS)('%s → .xlsx', (seed) => {
  let wb: ExcelJS.Workbook;
  let plan: Plan;
  beforeAll(async () => {
    const text = seedText(seed);
    plan = planOf(text);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytesOf(text, 'xlsx')) as unknown as ArrayBuffer);
  });

  const cellText = (row: ExcelJS.Row, c: number) => String(row.getCell(c).value ?? '');
  const SIX = ['序号', '工作任务', '具体目标', '牵头单位', '责任单位', '完成时限'];
  const headerOf = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.columnCount }, (_, i) => cellText(ws.getRow(2), i + 1));

  it('has the six columns under a frozen header, printed A4 landscape with the header repeated', () => {
    const ws = wb.getWorksheet('任务分解表');
    expect(ws).toBeDefined();
    if (!ws) return;
    // The six columns, in order, with 标签, 配合单位 and people's column only where the plan has them (007 has tags, 008 配合单位 and 责任领导).
    const header = headerOf(ws);
    expect(header.filter((h) => SIX.includes(h))).toEqual(SIX);
    expect(header.includes('标签')).toBe(plan.allTasks.some((t) => t.tags.length > 0));
    expect(header.includes('配合单位')).toBe([...plan.allTasks, ...plan.allSections].some((o) => o.cooperating.length > 0));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '2:2' });
    expect(ws.getColumn(header.indexOf('具体目标') + 1).width).toBeGreaterThanOrEqual(40);
    const border = ws.getRow(3).getCell(1).border;
    expect(border?.top?.style).toBe('thin');
    expect(ws.getRow(3).getCell(1).alignment?.wrapText).toBe(true);
  });

  it('has one row per task with its targets, lead and responsible units, under merged section rows', () => {
    const ws = wb.getWorksheet('任务分解表');
    if (!ws) throw new Error('no sheet');
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((r) => rows.push(r));
    const taskRows = rows.filter((r) => typeof r.getCell(1).value === 'number');
    const header = headerOf(ws);
    const [TARGET, LEAD, RESPONSIBLE] = ['具体目标', '牵头单位', '责任单位'].map((h) => header.indexOf(h) + 1);
    expect(taskRows.length).toBe(plan.allTasks.length);
    plan.allTasks.forEach((t: Task, i) => {
      const row = taskRows[i];
      expect(row.getCell(1).value).toBe(i + 1);
      expect(cellText(row, 2)).toBe(`${numberPrefix(t.number)}${t.title}`);
      for (const ind of t.indicators) {
        expect(cellText(row, TARGET)).toContain(ind.name);
        if (ind.actual) expect(cellText(row, TARGET)).toContain(actualText(ind));
        for (const f of figures(ind)) expect(cellText(row, TARGET), `${t.title}: ${ind.name}`).toContain(f);
      }
      expect(cellText(row, LEAD)).toBe(effectiveLead(t).map((u) => u.name).join('、'));
      expect(cellText(row, RESPONSIBLE)).toBe(effectiveResponsible(t).map((u) => u.name).join('、'));
      // Wrapped text gets a row tall enough for it.
      expect(row.height).toBeGreaterThanOrEqual(15);
    });
    const sectionsWithTasks = plan.allSections.filter((s) => s.tasks.length > 0);
    for (const s of sectionsWithTasks) {
      const row = rows.find((r) => cellText(r, 1) === `${numberPrefix(s.number)}${s.title}` && r.getCell(6).isMerged);
      expect(row, s.title).toBeDefined();
      if (row) expect(row.getCell(6).master.address).toBe(`A${row.number}`);
    }
  });

  it('has one row per indicator on the second sheet: baseline, each year, overall target, comparator', () => {
    const ws = wb.getWorksheet('指标');
    if (!ws) throw new Error('no sheet');
    expect(ws.rowCount).toBe(plan.allIndicators.length + 1);
    const heads = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(heads.slice(0, 8)).toEqual(['序号', '所属任务或章节', '指标', '计量单位', '类型', '方向', '基期年份', '基期值']);
    const end = heads.indexOf('比较') + 1;
    expect(heads.slice(end - 3, end)).toEqual(['总体目标年份', '总体目标', '比较']);
    // The plan's regions, when it has any, follow 比较 (008's ten counties); then 完成情况 columns only for a plan that reports actuals (006).
    const regionHeads = plan.regions.map((r) => r.name);
    expect(heads.slice(end, end + regionHeads.length)).toEqual(regionHeads);
    const hasActuals = plan.allIndicators.some((ind) => ind.actual);
    expect(heads.includes('完成率(%)')).toBe(hasActuals);
    plan.allIndicators.forEach((ind, i) => {
      const row = ws.getRow(i + 2);
      expect(cellText(row, 3)).toContain(ind.name);
      if (ind.baseline) expect(row.getCell(8).value).toBe(ind.baseline.value);
      for (const t of ind.yearly) expect(row.getCell(heads.indexOf(`${t.year}年`) + 1).value).toBe(t.value);
      if (ind.overall) expect(row.getCell(heads.indexOf('总体目标') + 1).value).toBe(ind.overall.value);
      if (ind.actual?.value !== undefined) expect(row.getCell(heads.indexOf('实际完成') + 1).value).toBe(ind.actual.value);
      if (ind.actual?.percent !== undefined) expect(row.getCell(heads.indexOf('完成率(%)') + 1).value).toBe(ind.actual.percent);
      if (ind.actual?.status !== undefined) expect(cellText(row, heads.indexOf('完成情况') + 1)).toBe(ind.actual.status);
      const split = ind.byRegion.find((s) => s.year === undefined);
      for (const v of split?.values ?? []) expect(row.getCell(end + 1 + regionHeads.indexOf(regionOf(plan, v.key)?.name ?? '')).value, v.key).toBe(v.value);
    });
  });
});

describe('the same plan gives the same bytes', () => {
  it.each(['docx', 'xlsx'] as const)('%s: twice in one process, and in another process in another time zone', async (to) => {
    const text = seedText(SEEDS[3]);
    const a = await bytesOf(text, to);
    const b = await bytesOf(text, to);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-export-'));
    const out = path.join(dir, `x.${to}`);
    const r = spawnSync(process.execPath, [CLI, 'export', path.join(ROOT, 'seeds', SEEDS[3]), '--to', to, '-o', out, '--force'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', TZ: 'America/Los_Angeles' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(out).equals(Buffer.from(a))).toBe(true);
    // The stamped time is the plan's issue date (2019-02-21), not today.
    const core = strFromU8(unzipSync(a)['docProps/core.xml']);
    expect(core).toMatch(/<dcterms:created[^>]*>2019-02-21T00:00:00Z</);
    expect(core).toMatch(/<dcterms:modified[^>]*>2019-02-21T00:00:00Z</);
  });
});

describe('planlint export (the CLI)', () => {
  let dir: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'export', ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-export-cli-'));
    for (const f of SEEDS) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'list.plan.yaml'), '- a\n- b\n');
    fs.writeFileSync(path.join(dir, 'broken.plan.yaml'), 'plan: [unclosed\n  : : :\n');
  });

  it('refuses a plan with errors, listing them in both languages, exit 1, and writes nothing', () => {
    const seed = SEEDS.find((f) => checkText(seedText(f)).findings.some((x) => x.severity === 'error')) as string;
    const errors = checkText(seedText(seed)).findings.filter((x) => x.severity === 'error');
    const r = run([seed, '--to', 'docx']);
    expect(r.code).toBe(1);
    for (const e of errors) expect(r.stderr).toContain(e.ruleId);
    expect(r.stderr).toContain(`计划有 ${errors.length} 个错误,未导出`);
    expect(r.stderr).toContain('nothing exported');
    expect(fs.existsSync(path.join(dir, seed.replace('.plan.yaml', '.docx')))).toBe(false);
    const forced = run([seed, '--to', 'docx', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('--force');
    expect(unzipSync(fs.readFileSync(path.join(dir, seed.replace('.plan.yaml', '.docx'))))['word/document.xml']).toBeDefined();
  });

  it('decides what is an error as planlint does: --rule (and .planlint.yaml) apply', () => {
    const seed = SEEDS[1];
    const rules = [...new Set(checkText(seedText(seed)).findings.filter((x) => x.severity === 'error').map((x) => x.ruleId))];
    expect(rules.length).toBeGreaterThan(0);
    expect(run([seed, '--to', 'docx', '-o', 'ruled.docx']).code).toBe(1);
    const r = run([seed, '--to', 'docx', '-o', 'ruled.docx', ...rules.flatMap((id) => ['--rule', `${id}=warning`])]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, 'ruled.docx'))).toBe(true);
  });

  it('writes a clean plan beside itself; never replaces that file unasked; -o replaces', () => {
    const seed = SEEDS.find((f) => !checkText(seedText(f)).findings.some((x) => x.severity === 'error')) as string;
    const out = path.join(dir, seed.replace('.plan.yaml', '.xlsx'));
    expect(run([seed, '--to', 'xlsx']).code).toBe(0);
    fs.writeFileSync(out, 'keep me');
    const again = run([seed, '--to', 'xlsx']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    expect(run([seed, '--to', 'xlsx', '-o', path.basename(out)]).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it.each([
    [['missing.plan.yaml', '--to', 'docx'], '无法读取'],
    [['.', '--to', 'docx'], '无法读取'],
    [['list.plan.yaml', '--to', 'docx'], '不是计划文件'],
    [['broken.plan.yaml', '--to', 'xlsx'], '不是计划文件'],
    [['x.plan.yaml', '--to', 'pdf'], 'unknown export format'],
    [['x.plan.yaml'], 'needs --to'],
    [['a.plan.yaml', 'b.plan.yaml', '--to', 'docx'], 'exactly one plan file'],
  ])('bad input %j: exit 2 with a clear message', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('optional columns of the .xlsx', () => {
  const sheet = async (yaml: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await bytesOf(yaml, 'xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('任务分解表');
    if (!ws) throw new Error('no sheet');
    return (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  };
  const HEAD = 'plan: { title: t, period: { start: 2021, end: 2021 } }\nsections:\n  - title: s\n    tasks:\n';

  it('has a 配合单位 column after 责任单位 only when some task names one', async () => {
    const row = await sheet(`${HEAD}      - { title: a, lead: [区教育局], cooperating: [区财政局, 区住建局], deadline: 2021 }\n      - { title: b, lead: [区住建局] }\n`);
    expect(row(2)).toEqual(['序号', '工作任务', '具体目标', '牵头单位', '责任单位', '配合单位', '完成时限']);
    expect(row(4)).toEqual(['1', 'a', '', '区教育局', '', '区财政局、区住建局', '2021年']);
    const plain = await sheet(`${HEAD}      - { title: a, lead: [区教育局] }\n`);
    expect(plain(2)).toEqual(['序号', '工作任务', '具体目标', '牵头单位', '责任单位', '完成时限']);
  });

  it('has a 标签 column after 工作任务 only when some task has tags', async () => {
    const row = await sheet(`${HEAD}      - { title: a, lead: [区教育局], tags: [省定, 票决项目] }\n      - { title: b, lead: [区住建局] }\n`);
    expect(row(2)).toEqual(['序号', '工作任务', '标签', '具体目标', '牵头单位', '责任单位', '完成时限']);
    expect(row(4)).toEqual(['1', 'a', '省定、票决项目', '', '区教育局', '', '']);
    expect(row(5)[2]).toBe('');
  });

  it('writes the plan\'s own indicators first: a row above the sections, and the document\'s opening sentence', async () => {
    const yaml = 'plan: { title: t, period: { start: 2021, end: 2021 }, indicators: [{ name: 总投资, unit: 亿元, overall: { year: 2021, value: 28.23 } }] }\nsections:\n  - title: s\n    tasks:\n      - { title: a, lead: [区教育局] }\n';
    const row = await sheet(yaml);
    expect(row(3)[1]).toBe(full('t(总体目标)'));
    expect(row(3)[2]).toContain('28.23亿元');
    const paras = paragraphs(strFromU8(unzipSync(await bytesOf(yaml, 'docx'))['word/document.xml']));
    expect(paras.findIndex((p) => p.includes('28.23亿元'))).toBeLessThan(paras.indexOf('s'));
    expect(paras.findIndex((p) => p.includes('28.23亿元'))).toBeGreaterThan(-1);
  });

  it('has a column for named people only when someone is named, headed by their role when they share one', async () => {
    const one = await sheet(`${HEAD}      - { title: a, lead: [区教育局], people: [{ role: 分管领导, name: 何海平 }] }\n      - { title: b, lead: [区住建局] }\n`);
    expect(one(2)).toEqual(['序号', '工作任务', '具体目标', '牵头单位', '责任单位', '分管领导', '完成时限']);
    expect(one(4)[5]).toBe('何海平');
    const two = await sheet(`${HEAD}      - { title: a, lead: [区教育局], people: [{ role: 分管领导, name: 何海平 }, { role: 项目责任人, name: 张三 }] }\n`);
    expect(two(2)[5]).toBe('责任人');
    expect(two(4)[5]).toBe(full('分管领导:何海平;项目责任人:张三'));
  });

  it('writes a target from its data where its quote is a piece that names no indicator (分别达到…)', async () => {
    const q = (quote: string) => `{ quote: "${quote}" }`;
    const yaml = `${HEAD}      - title: 医疗
        indicators:
          - { name: 每千常住人口拥有编制床位数, unit: 张, kind: level, baseline: { year: 2020, value: 5.18, source: ${q('分别达到5.18张、2.3人')} }, yearly: { 2021: { value: 5.88, source: ${q('分别达到5.88张、2.33人')} } } }
`;
    const paras = paragraphs(strFromU8(unzipSync(await bytesOf(yaml, 'docx'))['word/document.xml']));
    const body = paras.find((p) => p.startsWith('医疗')) ?? '';
    expect(body).toContain('每千常住人口拥有编制床位数');
    expect(body).toContain('5.88张');
    expect(body).not.toContain('分别');
  });

  it('writes the year before an indicator’s own quote when that quote states one year’s figure, an overall target besides', async () => {
    const yaml = `${HEAD}      - title: 厕所
        indicators:
          - { name: 建设旅游厕所, unit: 座, kind: increment, source: { quote: 全区建设旅游厕所36座 }, yearly: { 2021: { value: 36, source: { quote: 全区建设旅游厕所36座 } } }, overall: { value: 127, source: { quote: 全区建设旅游厕所127座 } } }
`;
    const paras = paragraphs(strFromU8(unzipSync(await bytesOf(yaml, 'docx'))['word/document.xml']));
    expect(paras.find((p) => p.startsWith('厕所')) ?? '').toContain(full('2021年,全区建设旅游厕所36座'));
  });

  it('writes the milestones under the deadline, and in the document after the targets', async () => {
    const yaml = `${HEAD}      - { title: 新建医院, lead: [区卫健局], deadline: 2023, milestones: [{ kind: 开工, date: "2021-03" }, { kind: 投入使用, date: "2023-09" }] }\n`;
    const row = await sheet(yaml);
    expect(row(4)[5]).toBe(full('2023年\n2021年3月开工,2023年9月投入使用'));
    const paras = paragraphs(strFromU8(unzipSync(await bytesOf(yaml, 'docx'))['word/document.xml']));
    expect(paras.find((p) => p.startsWith('新建医院'))).toBe(full('新建医院。2021年3月开工,2023年9月投入使用。〔牵头单位:区卫健局〕'));
  });
});

describe('actuals (完成情况) in the exported documents', () => {
  const HEAD = 'plan: { title: t, period: { start: 2017, end: 2017 } }\nsections:\n  - title: s\n    tasks:\n';
  const WITH = `${HEAD}      - title: 完成在职参保人数6300人\n        responsible: [区人社局]\n        indicators:\n          - { name: 完成在职参保人数, unit: 人, kind: increment, overall: { value: 6300 }, actual: { asOf: 2017-08, value: 7558, percent: 119 } }\n      - title: 新增监控摄像头\n        responsible: [区公安分局]\n        indicators:\n          - { name: 监控摄像头, unit: 个, kind: increment, overall: { value: 100 }, actual: { asOf: 2017-08, status: 设备购进中 } }\n`;
  const WITHOUT = `${HEAD}      - title: 完成在职参保人数6300人\n        responsible: [区人社局]\n        indicators:\n          - { name: 完成在职参保人数, unit: 人, kind: increment, overall: { value: 6300 } }\n`;

  it('the words: 截至2017年8月,完成7558人,完成率119%; a status as written; nothing without an actual', () => {
    const [a, b] = planOf(WITH).allIndicators;
    expect(actualText(a)).toBe('截至2017年8月,完成7558人,完成率119%');
    expect(actualText(b)).toBe('截至2017年8月,设备购进中');
    expect(actualText(planOf(WITHOUT).allIndicators[0])).toBe('');
    // Where one sentence states several indicators, each actual says whose it is.
    expect(actualText(a, true)).toBe('截至2017年8月,完成在职参保人数:完成7558人,完成率119%');
  });

  it('the .docx writes the actual after the indicator sentence, only for a plan with actuals', async () => {
    const paras = paragraphs(strFromU8(unzipSync(await bytesOf(WITH, 'docx'))['word/document.xml']));
    expect(paras.find((p) => p.startsWith('完成在职参保人数6300人'))).toBe(full('完成在职参保人数6300人。截至2017年8月,完成7558人,完成率119%。〔责任单位:区人社局〕'));
    const plain = paragraphs(strFromU8(unzipSync(await bytesOf(WITHOUT, 'docx'))['word/document.xml']));
    expect(plain.find((p) => p.startsWith('完成在职参保人数6300人'))).toBe(full('完成在职参保人数6300人。〔责任单位:区人社局〕'));
  });

  it('the .xlsx: the actual in 具体目标, and 完成情况 columns after the others on the indicator sheet, only with actuals', async () => {
    const load = async (yaml: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await bytesOf(yaml, 'xlsx')) as unknown as ArrayBuffer);
      const values = (name: string, r: number) => (wb.getWorksheet(name)?.getRow(r).values as unknown[]).slice(1).map((v) => String(v ?? ''));
      return values;
    };
    const withActuals = await load(WITH);
    expect(withActuals('任务分解表', 4)[2]).toBe(full('完成在职参保人数6300人;截至2017年8月,完成7558人,完成率119%'));
    expect(withActuals('指标', 1).slice(-6)).toEqual(['比较', '完成情况截至', '实际完成', '实际完成单位', full('完成率(%)'), '完成情况']);
    expect(withActuals('指标', 2).slice(-5)).toEqual(['2017年8月', '7558', '', '119', '']);
    expect(withActuals('指标', 3).slice(-5)).toEqual(['2017年8月', '', '', '', '设备购进中']);
    const plain = await load(WITHOUT);
    expect(plain('指标', 1).at(-1)).toBe('比较');
    expect(plain('任务分解表', 4)[2]).toBe('完成在职参保人数6300人');
  });
});
