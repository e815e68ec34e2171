// The importer reads a progress table's actuals (完成情况: 实际完成数, 完成率, 实际完成情况, 备注) into each
// row's indicator, each sourced at its cells, from a text table printed one row a line and from a Word table.
import fs from 'node:fs';
import path from 'node:path';
import { Document, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkText } from '../src/engine/check.js';
import { importDocument } from '../src/engine/index.js';
import { asOfOf } from '../src/engine/import/actuals.js';
import { readDocx } from '../src/engine/import/read-docx.js';
import { recognizePlan } from '../src/engine/import/recognize.js';
import { scoreImport } from '../src/engine/import/score.js';
import type { SourceText } from '../src/engine/import/types.js';
import { exportPlan } from '../src/export/export.js';
import { pack } from './import/make-docx.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function imported(source: SourceText): { data: Data; yaml: string } {
  const yaml = recognizePlan(source).yaml;
  const schema = checkText(yaml).findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml-'));
  expect(schema, yaml).toEqual([]);
  return { data: parse(yaml) as Data, yaml };
}

const allTasks = (d: Data): Data[] => (d.sections as Data[]).flatMap(function walk(s: Data): Data[] {
  return [...(s.tasks ?? []), ...((s.sections ?? []) as Data[]).flatMap(walk)];
});

describe('import: actuals from a text table printed one row a line', () => {
  const lines = [
    '某区2019年1-6月民生实事完成情况表',
    '序号 实事项目名称 责任单位 目标任务 1-6月实际完成情况 1-6月实际完成率% 备注',
    '1 新增城镇就业 区人社局 5000人 2600 52% 已超序时进度',
    '2 新建幼儿园(所) 区教育局 4所 50% 两所主体完工',
    '3 新增监控摄像头 区公安分局 80个 设备招标中',
    '4 城市低保、农村低保月均分别达到500元/人、300元/人 区民政局 100% 100% 城市低保:501元/月,农村低保:310元/月',
  ];
  const { data, yaml } = imported({ lines, format: 'text', notes: [] });
  const tasks = allTasks(data);
  const actual = (k: number, i = 0) => tasks[k]?.indicators?.[i]?.actual;

  it('reads the figure, the rate and the remark of a row, dated by the column\'s 1-6月 and the title\'s year', () => {
    expect(actual(0)).toEqual({ asOf: '2019-06', value: 2600, percent: 52, note: '备注“已超序时进度”', source: { line: 3, quote: '2600 52%' } });
  });
  it('a rate printed where the figure would be, beside a target that is not a rate, is the rate (the figure is not printed)', () => {
    expect(actual(1)).toEqual({ asOf: '2019-06', percent: 50, note: '备注“两所主体完工”', source: { line: 4, quote: '50%' } });
  });
  it('words in the progress column are the status', () => {
    expect(actual(2)).toEqual({ asOf: '2019-06', status: '设备招标中', source: { line: 5, quote: '设备招标中' } });
  });
  it('a row of two indicators takes each one\'s figure from where the remark names it, in the unit printed there', () => {
    expect(tasks[3]?.indicators.map((i: Data) => [i.name, i.actual?.value, i.actual?.unit, i.actual?.source.quote])).toEqual([
      ['城市低保', 501, '元/月', '城市低保:501元/月'],
      ['农村低保月均', 310, '元/月', '农村低保:310元/月'],
    ]);
    // The one "100%" cannot be given to either: it is said in the note, not guessed.
    expect(actual(3)?.percent).toBeUndefined();
    expect(actual(3)?.note).toContain('实际完成栏“100%”');
  });
  it('the actuals are checked: the unit differs from the target\'s (元/月 against 元/人)', () => {
    const found = checkText(yaml).findings.filter((f) => f.ruleId === 'actual-matches-target');
    expect(found.map((f) => f.messageId)).toEqual(['unitDiffers', 'unitDiffers']);
  });
});

describe('import: the date of the actuals is taken only where the text states it', () => {
  it('from the column\'s name or the title, never invented', () => {
    expect(asOfOf('1-8月实际完成情况', '岳阳楼区2017年1-8月省重点民生实事完成情况表')).toBe('2017-08');
    expect(asOfOf('实际完成情况', '某区2018年1—10月民生实事完成情况表')).toBe('2018-10');
    expect(asOfOf('截至9月完成情况', '某区2020年民生实事进展')).toBe('2020-09');
    // A year alone, or a month with no year, says too little.
    expect(asOfOf('完成情况', '某区2020年民生实事完成情况表')).toBeUndefined();
    expect(asOfOf('1-8月完成数', '某区民生实事完成情况表')).toBeUndefined();
  });
  it('a table without a dated column or title writes no asOf', () => {
    const { data } = imported({ lines: ['某区民生实事完成情况表', '序号 实事项目名称 责任单位 目标任务 实际完成 完成率 备注', '1 新增城镇就业 区人社局 5000人 2600 52%'], format: 'text', notes: [] });
    expect(allTasks(data)[0]?.indicators[0].actual).toEqual({ value: 2600, percent: 52, source: { line: 3, quote: '2600 52%' } });
  });
});

describe('import: actuals from a Word table', () => {
  it('reads each cell of a row, an empty cell being a fact not reported, and sources each at its cell', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const row = (cells: string[]) => new TableRow({ children: cells.map(cell) });
    const doc = new Document({ sections: [{ children: [
      new Paragraph('某区2017年1-8月民生实事完成情况表'),
      new Table({ rows: [
        row(['序号', '实事项目名称', '责任单位', '目标任务', '实际完成数', '完成率', '备注']),
        row(['1', '完成在职参保人数', '区人社局', '6300人', '7558', '119%', '']),
        row(['2', '新建幼儿园(所)', '区教育局', '2所', '', '70%', '主体完工']),
        row(['3', '新增城镇就业', '区人社局', '8950人', '6000人次', '', '']),
      ] }),
    ] }] });
    const source = readDocx(await pack(doc));
    if ('code' in source) throw new Error(source.message.en);
    const { data, yaml } = imported(source);
    const [a, b, c] = allTasks(data).map((t) => t.indicators[0].actual);
    expect(a).toEqual({ asOf: '2017-08', value: 7558, percent: 119, source: { line: 3, quote: '7558' } });
    expect(b).toEqual({ asOf: '2017-08', percent: 70, note: '备注“主体完工”', source: { line: 4, quote: '70%' } });
    // A figure printed in another unit keeps it, as printed.
    expect(c).toEqual({ asOf: '2017-08', value: 6000, unit: '人次', source: { line: 5, quote: '6000人次' } });
    // 7558 ÷ 6300 = 119.97%, printed 119%: the imported plan is checked as the hand-encoded seed is.
    const found = checkText(yaml).findings.filter((f) => f.ruleId === 'actual-matches-target').map((f) => f.messageId);
    expect(found).toContain('percentMismatch');
  });
});

describe('import: seed 006, a progress notice, against its hand encoding', () => {
  it('every actual equal to the hand-encoded one field by field, and its findings found but one', () => {
    const root = path.resolve(__dirname, '..');
    const gold = fs.readFileSync(path.join(root, 'seeds', '006-yueyanglou-wanchengqingkuang-2017.plan.yaml'), 'utf8');
    const lines = fs.readFileSync(path.join(root, 'seeds', 'source', '006_fc5a14370eabebc9.txt'), 'utf8').split(/\r?\n/);
    const score = scoreImport(gold, recognizePlan({ lines, format: 'text', notes: [] }, { sourceFile: '006_fc5a14370eabebc9.txt' }).yaml);
    expect(score.misses.actual).toEqual([]);
    expect([score.actuals.right, score.actuals.of]).toEqual([15, 15]);
    // 13 of 14 (with unit-level-prefix's three bareInPlan infos on the bare 农林水务局, 教育局, 卫生局, found from the import
    // too): the importer reads 完成征缴基金 from its title's "10000万元" (unit 万元), where the hand encoding keeps the target
    // column's "10000万" (unit 万), so unit-not-scale-only's finding on the source's mistake (T5) is not found from the import.
    expect([score.findings.matched, score.findings.gold]).toEqual([13, 14]);
  });
});

describe('actuals survive export to .docx and import back', () => {
  it('the figure, the unit printed otherwise and the rate come back, for one indicator and for two in one sentence', async () => {
    const yaml = [
      'plan: { title: 某区2017年民生实事, period: { start: 2017, end: 2017 } }',
      'sections:',
      '  - number: 一',
      '    title: 就业和社会保障',
      '    tasks:',
      '      - number: "1"',
      '        title: 参保扩面',
      '        lead: [区人社局]',
      '        indicators:',
      '          - { name: 在职参保人数, unit: 人, kind: increment, overall: { year: 2017, value: 6300 }, actual: { asOf: 2017-08, value: 7558, percent: 119 } }',
      '      - number: "2"',
      '        title: 提高低保标准',
      '        lead: [区民政局]',
      '        indicators:',
      '          - { name: 城市低保标准, unit: 元/人, kind: level, overall: { year: 2017, value: 300 }, actual: { asOf: 2017-08, value: 300.1, unit: 元/月 } }',
      '          - { name: 农村低保标准, unit: 元/人, kind: level, overall: { year: 2017, value: 140 }, actual: { asOf: 2017-08, value: 154.33, unit: 元/月 } }',
      '',
    ].join('\n');
    const exported = await exportPlan(yaml, 'docx', { force: true });
    if (!exported.ok) throw new Error(exported.reason);
    const back = importDocument(exported.bytes, 'x.docx');
    if ('code' in back) throw new Error(back.code);
    const data = parse(back.result.yaml) as Data;
    const got = allTasks(data).flatMap((t) => (t.indicators ?? []).map((i: Data) => (i.actual ? { asOf: i.actual.asOf, value: i.actual.value, unit: i.actual.unit, percent: i.actual.percent } : undefined)));
    expect(got).toEqual([
      { asOf: '2017-08', value: 7558, unit: undefined, percent: 119 },
      { asOf: '2017-08', value: 300.1, unit: '元/月', percent: undefined },
      { asOf: '2017-08', value: 154.33, unit: '元/月', percent: undefined },
    ]);
    // Each quote is the words of the exported sentence: the first from the date, a later one from its name.
    const quotes = allTasks(data).flatMap((t) => (t.indicators ?? []).map((i: Data) => i.actual?.source.quote));
    // The plan has no punctuation of its own: the document is written full-width, and its quotes come back so.
    expect(quotes).toEqual(['截至2017年8月，完成7558人，完成率119%', '截至2017年8月，城市低保标准：完成300.1元/月', '农村低保标准：完成154.33元/月']);
  });
});

describe('import: an actual in prose needs its month', () => {
  it('"截至2017年,完成1200人" is a plan\'s baseline, not progress: no actual', () => {
    const { data } = imported({ lines: ['某区2018年民生实事工作方案', '一、就业', '1.新增就业。到2018年,新增城镇就业1500人,截至2017年,完成1200人。〔牵头单位:区人社局〕'], format: 'text', notes: [] });
    expect(allTasks(data).flatMap((t) => t.indicators ?? []).some((i: Data) => i.actual)).toBe(false);
  });
});

describe('import: an actual in words after its month', () => {
  it('"截至2017年8月,设备购进中" is the status of the only indicator, to the end of the paragraph, its figures no targets', () => {
    const status = (line: string) => {
      const { data } = imported({ lines: ['某区2017年民生实事完成情况', '一、平安建设', line], format: 'text', notes: [] });
      return allTasks(data).flatMap((t) => t.indicators ?? []).map((i: Data) => i.actual);
    };
    expect(status('1.新增监控摄像头。新增社会治安视频监控摄像头100个,截至2017年8月,设备购进中。〔责任单位:区公安分局〕')).toEqual([
      { asOf: '2017-08', status: '设备购进中', source: { line: 3, quote: '截至2017年8月,设备购进中' } },
    ]);
    expect(status('1.新增监控摄像头。新增社会治安视频监控摄像头100个,截至2017年8月,申报省名牌产品5家。其中旅游服务单位2家。〔责任单位:区公安分局〕')).toEqual([
      { asOf: '2017-08', status: '申报省名牌产品5家。其中旅游服务单位2家。', source: { line: 3, quote: '截至2017年8月,申报省名牌产品5家。其中旅游服务单位2家。' } },
    ]);
  });
});
