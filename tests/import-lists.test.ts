// The recognizer on layouts of scraped reports: a bulleted list of tasks under numbered projects, the
// list's title named by the report's sentence, and figures in traditional characters (個, 張, 萬名).
import { describe, expect, it } from 'vitest';
import { imported, type Data } from './import/imported.js';

const REPORT = [
  '昨天,某市人大会议投票表决,确定以下三个项目为2024年度某市政府民生实事项目——',
  '1.托育项目',
  '●全市新增托育机构50家,新增托位1200个;',
  '●在全市30所小学开展暑托班服务。',
  '2.养老项目',
  '●全市新增家庭养老床位800张;',
  '•全市新开办5家社区食堂。',
];

describe('recognizePlan: a bulleted list of tasks', () => {
  it('reads each bullet under a numbered project as a task of its own, with its figures', () => {
    const d = imported(REPORT);
    expect(d.sections.map((s: Data) => [s.number, s.title, s.tasks?.length])).toEqual([
      ['1.', '托育项目', 2],
      ['2.', '养老项目', 2],
    ]);
    const first = d.sections[0].tasks[0];
    expect(first.title.startsWith('全市新增托育机构50家')).toBe(true);
    expect(first.source.line).toBe(3);
    expect(first.indicators.map((i: Data) => [i.name, i.unit, i.overall.value])).toEqual([
      ['新增托育机构', '家', 50],
      ['新增托位', '个', 1200],
    ]);
    expect(d.sections[1].tasks.map((t: Data) => t.title)).toEqual(['全市新增家庭养老床位800张', '全市新开办5家社区食堂']);
    // No bullet mark is left in a title or a name.
    expect(JSON.stringify(d)).not.toMatch(/[●•]/);
  });

  it('takes the title the report gives its list ("确定以下…为…项目——") and the region in it', () => {
    const d = imported(REPORT);
    expect(d.plan).toMatchObject({ title: '2024年度某市政府民生实事项目', region: '某市', level: 'city', period: { start: 2024, end: 2024 }, source: { line: 1 } });
  });

  it('reads measuring units written in traditional characters', () => {
    const d = imported(['1.優學項目', '●全市竣工公辦中小學8所,新增學位9000個;', '●全市新增養老床位2000張,惠及5萬名以上老人。']);
    const inds = d.sections[0].tasks.flatMap((t: Data) => t.indicators ?? []);
    expect(inds.map((i: Data) => [i.unit, i.overall.value])).toEqual([
      ['所', 8],
      ['個', 9000],
      ['張', 2000],
      ['萬名', 5],
    ]);
  });
});

describe('recognizePlan: unnumbered tasks under a heading printed alone (as the .docx export writes them)', () => {
  it('reads each sentence with a figure or its own units clause as a task; a units clause alone stays the section\'s', () => {
    const d = imported([
      '某区2021年民生实事项目',
      '3.优化养老服务',
      '〔牵头单位:民政局;配合单位:各街道〕',
      '为全区2300名老年人提供居家上门服务,覆盖全部街道。',
      '推进老旧小区改造、公共设施配建等。〔牵头单位:住建局〕',
      '提升改造8家城乡社区养老服务中心,完成适老化改造。',
    ]);
    const s = d.sections[0];
    expect([s.number, s.title, s.lead]).toEqual(['3.', '优化养老服务', ['民政局']]);
    expect(s.tasks.map((t: Data) => [t.title, t.lead ?? [], (t.indicators ?? []).map((i: Data) => i.overall.value)])).toEqual([
      ['为全区2300名老年人提供居家上门服务', [], [2300]],
      ['推进老旧小区改造、公共设施配建等', ['住建局'], []],
      ['提升改造8家城乡社区养老服务中心', [], [8]],
    ]);
  });

  it('does so under a 一、 heading too, and leaves a sentence without a figure as the section\'s text', () => {
    const d = imported([
      '某市2008年十件实事任务分解方案',
      '三、实施农村寄宿制学校建设工程',
      '〔责任单位:市教育局〕',
      '农村中小学实施改水、改厕,计划安排200所。',
      '四、加强组织领导',
      '各单位要高度重视,确保按期完成。',
    ]);
    expect(d.sections[0].tasks.map((t: Data) => [t.title, t.indicators[0].overall.value])).toEqual([['农村中小学实施改水、改厕', 200]]);
    expect(d.sections[1].tasks).toBeUndefined();
  });
});

describe('recognizePlan: a table whose cells run together on a few lines (a document-sharing site\'s copy of a .docx)', () => {
  const RUN = [
    '2022年民生实事项目责任分解表序号项目名称主要内容区政府分管领导牵头单位配合单位1改善教育条件新建学校6个,其中小学4个、初中2个;增加学位3000个。王小明教育局甲街道乙公司2推进就业实施就业工程。新增就业8000人。李四人社局各',
    '2、街道3养老服务为全区500名老人提供服务。张三民政局各街道提升改造6家服务中心。',
  ];

  it('splits the header, the numbered rows and each row\'s title, content, person and units', () => {
    const d = imported(RUN);
    expect(d.plan.title).toBe('2022年民生实事项目责任分解表');
    const table = d.sections[0];
    expect(table.title).toBe('2022年民生实事项目责任分解表');
    expect(table.tasks.map((t: Data) => [t.number, t.title, t.lead, t.cooperating, t.people.map((p: Data) => p.name)])).toEqual([
      ['1', '改善教育条件', ['教育局'], ['甲街道', '乙公司'], ['王小明']],
      ['2', '推进就业', ['人社局'], ['各街道'], ['李四']],
    ]);
    expect(table.tasks[1].indicators.map((i: Data) => [i.name, i.overall.value])).toEqual([['新增就业', 8000]]);
  });

  it('reads a row with several contents as a sub-section, the units cell merged down to the contents after it', () => {
    const s = imported(RUN).sections[0].sections[0];
    expect([s.number, s.title]).toEqual(['3', '养老服务']);
    expect(s.tasks.map((t: Data) => [t.title, t.lead, t.source.line])).toEqual([
      ['为全区500名老人提供服务', ['民政局'], 2],
      ['提升改造6家服务中心', ['民政局'], 2],
    ]);
  });

  it('ends a 其中 list at a semicolon: the figure after it is no part', () => {
    const inds = imported(RUN).sections[0].tasks[0].indicators;
    expect(inds.map((i: Data) => [i.name, i.overall.value, (i.parts ?? []).map((p: Data) => p.overall.value)])).toEqual([
      ['新建学校', 6, [4, 2]],
      ['增加学位', 3000, []],
    ]);
  });
});

describe('recognizePlan: a figure after a preposition alone (对300户…, 为全区2300名…)', () => {
  it('names the indicator by the noun after the figure', () => {
    const d = imported(['1.养老项目', '●对300户困难老人家庭进行居家适老化改造。', '●为全区2300名老年人提供居家上门服务。']);
    expect(d.sections[0].tasks.map((t: Data) => t.indicators.map((i: Data) => [i.name, i.unit, i.overall.value])[0])).toEqual([
      ['困难老人家庭进行居家适老化改造', '户', 300],
      ['老年人提供居家上门服务', '名', 2300],
    ]);
  });
});
