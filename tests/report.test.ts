// The review report as a reviewer reads it: findings that say the same of many tasks are one entry
// listing the tasks, so that they do not bury the others; the editor keeps one finding per task.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { toRows } from '../src/engine/rows.js';
import { renderReport } from '../src/report/html.js';

function report(text: string, lang: 'zh-CN' | 'en' = 'zh-CN'): { html: string; noUnit: number } {
  const out = checkText(text);
  const html = renderReport([{ result: { path: 'a.plan.yaml', findings: toRows(out.findings, out.lines) }, plan: out.plan, tolerance: 0 }], { lang, version: 't' });
  return { html, noUnit: out.findings.filter((f) => f.messageId === 'noUnit').length };
}

const tasks = (titles: string[]) => titles.map((t) => `      - title: ${t}\n`).join('');
const PLAN = `plan:\n  title: 分组\n  period: { start: 2024, end: 2024 }\nsections:\n  - title: 教育\n    tasks:\n      - title: 新建学校\n        lead: [县教育局]\n${tasks(['改造校舍', '新建食堂', '建设操场'])}      - title: 新建幼儿园\n        responsible: [县教育局, 县财政局]\n`;

describe('the report groups findings that say the same of several tasks', () => {
  it('three tasks naming no unit: one entry listing the three lines; the engine still has three findings', () => {
    const { html, noUnit } = report(PLAN);
    expect(noUnit).toBe(3);
    const entries = html.match(/<div class="finding [^"]*"/g) ?? [];
    expect(entries.filter((e) => e.includes('grouped'))).toHaveLength(1);
    expect(html).toContain('data-count="3"');
    expect(html).toContain('以下 3 项任务同一问题,以第一项为例:');
    for (const t of ['改造校舍', '新建食堂', '建设操场']) expect(html).toContain(`| - title: ${t}`);
    // The example message is the first task's, with what to do.
    expect(html).toContain('任务“改造校舍”没有点名任何单位');
    expect(html).toContain('请写明牵头单位和责任单位');
    // Another kind of finding stays an entry of its own.
    expect(html).toMatch(/<div class="finding warning">[^\n]*新建幼儿园/);
  });

  it('two alike are not grouped', () => {
    const { html } = report(PLAN.replace('      - title: 建设操场\n', ''));
    expect(html).not.toContain('grouped');
    expect((html.match(/没有点名任何单位/g) ?? []).length).toBe(2);
  });

  it('in English too', () => {
    expect(report(PLAN, 'en').html).toContain('The same for the 3 tasks below; the first, as an example:');
  });

  it('seed 000: its tasks that name no unit are one entry, not one each', () => {
    const { html, noUnit } = report(fs.readFileSync('seeds/000-shanwei-chengqu-2022.plan.yaml', 'utf8'));
    expect(noUnit).toBeGreaterThan(20);
    expect(html).toContain(`data-count="${noUnit}"`);
  });
});

describe('the plan\'s own indicators in the report', () => {
  it('have a row in the indicator table, owned by the plan', () => {
    const text = PLAN.replace('  period: { start: 2024, end: 2024 }\n', '  period: { start: 2024, end: 2024 }\n  indicators:\n    - { name: 民生实事总投资, unit: 亿元, kind: increment, yearly: { 2024: 28.23 }, overall: { year: 2024, value: 28.23 } }\n');
    const { html } = report(text);
    expect(html).toContain('<tr><td>民生实事总投资(亿元)</td><td class="muted">分组</td>');
    expect(html).toContain('28.23');
  });
});

describe('actuals in the indicator table', () => {
  const indicator = (actual: string) => `plan:\n  title: 完成情况\n  period: { start: 2017, end: 2017 }\nunits:\n  - name: 区人社局\nsections:\n  - title: s\n    tasks:\n      - title: 参保\n        lead: [区人社局]\n        indicators:\n          - name: 完成在职参保人数\n            unit: 人\n            kind: increment\n            overall: { value: 6300 }\n${actual}`;

  it('a progress notice gets a column with the actual, the rate recomputed and the printed one where it differs', () => {
    const { html } = report(indicator('            actual: { asOf: 2017-08, value: 7558, percent: 119, status: 正在推进 }\n'));
    expect(html).toContain('<th>完成情况(完成率)</th>');
    expect(html).toContain('<span class="sev-warning">7558 (119.97%, 印为 119%)</span><div class="muted">正在推进</div><div class="muted">2017-08</div>');
  });

  it('a plan without actuals keeps its table as it was', () => {
    expect(report(indicator('')).html).not.toContain('完成情况(完成率)');
  });
});

describe('the unit matrix', () => {
  const row = (html: string, unit: string) => html.match(new RegExp(`<tr><td>${unit}</td>.*?</tr>`))?.[0];
  const HEAD = 'plan:\n  title: 分工\n  period: { start: 2024, end: 2024 }\n';

  it('shows cooperating units (配合) beside 牵头 and 参与, a section\'s for its tasks, and each unit once per task at its weightiest role', () => {
    const text = `${HEAD}sections:\n  - title: 教育\n    cooperating: [县财政局]\n    tasks:\n      - { number: "1", title: 新建学校, lead: [县教育局], responsible: [县住建局], cooperating: [县自然资源局, 县住建局] }\n      - { number: "2", title: 改造校舍, lead: [县住建局] }\n`;
    const { html } = report(text);
    expect(html).toContain('<th colspan="2">牵头任务</th><th colspan="2">参与任务</th><th colspan="2">配合任务</th>');
    expect(row(html, '县自然资源局')).toBe('<tr><td>县自然资源局</td><td class="num">0</td><td class="lead"></td><td class="num">0</td><td class="shares"></td><td class="num">1</td><td class="cooperates">1</td></tr>');
    expect(row(html, '县财政局')).toContain('<td class="num">1</td><td class="cooperates">2</td>');
    // Responsible on task 1 (not also cooperating there), lead on task 2.
    expect(row(html, '县住建局')).toBe('<tr><td>县住建局</td><td class="num">1</td><td class="lead">2</td><td class="num">1</td><td class="shares">1</td><td class="num">0</td><td class="cooperates"></td></tr>');
    expect(report(text, 'en').html).toContain('<th colspan="2">Cooperates</th>');
  });

  it('has no 配合 columns when no task names a cooperating unit', () => {
    expect(report(PLAN).html).not.toContain('配合任务');
  });

  it('marks a lead the convention derives as derived (推定)', () => {
    const text = `${HEAD}conventions:\n  - id: responsible-leads\nsections:\n  - title: 教育\n    tasks:\n      - { number: "1", title: 新建学校, responsible: [县教育局] }\n      - { number: "2", title: 改造校舍, lead: [县教育局] }\n`;
    expect(row(report(text).html, '县教育局')).toContain('<td class="num">2</td><td class="lead">1<span class="derived" title="按计划的责任分工约定推定的牵头单位,原文未点名">(推定)</span> 2</td>');
  });

  it('a responsible-only row with several units: they share it, lead undecided (牵头未定), and its findings are headed so', () => {
    const text = `${HEAD}conventions:\n  - id: responsible-only\nsections:\n  - title: 教育\n    tasks:\n      - { number: "1", title: 新建学校, responsible: [县教育局, 县住建局] }\n      - { number: "2", title: 改造校舍, responsible: [县住建局] }\n`;
    const { html } = report(text);
    expect(row(html, '县教育局')).toBe('<tr><td>县教育局</td><td class="num">0</td><td class="lead"></td><td class="num">1</td><td class="shares">1<span class="undecided" title="分解表只有“责任单位”一栏,所列几个单位中未指明谁牵头">(牵头未定)</span></td></tr>');
    expect(row(html, '县住建局')).toContain('<td class="lead">2<span class="derived"');
    expect(html).toContain('<h4>责任单位(牵头未定):县教育局、县住建局 <span class="muted">(1)</span></h4>');
    expect(report(text, 'en').html).toContain('<h4>Responsible units (lead undecided):县教育局、县住建局');
  });
});

describe('regions in the indicator table', () => {
  const plan = (total: number, extra = '') => `plan:\n  title: 分地区\n  period: { start: 2024, end: 2025 }\nregions:\n  - { id: haishu, name: 海曙区 }\n  - { id: jiangbei, name: 江北区 }\nunits:\n  - name: 市民政局\nsections:\n  - title: s\n    tasks:\n      - title: 养老\n        lead: [市民政局]\n        indicators:\n          - name: 居家养老服务中心\n            unit: 个\n            kind: increment\n            yearly: { 2024: 90, 2025: 110 }\n            overall: { year: 2025, value: ${total} }\n            byRegion:\n              haishu: 120\n              jiangbei: 80\n              2024: { haishu: 50, jiangbei: 40 }\n${extra}`;

  it('an indicator with byRegion gets a line per split under its row: each region, its value, and their sum', () => {
    const { html } = report(plan(200));
    expect(html).toContain('<tr class="has-regions">');
    expect(html).toContain('<tr class="by-region"><td colspan="9"><div><span class="muted">分地区:</span>海曙区 120、江北区 80 · <span class="sum">合计 200</span></div><div><span class="muted">2024年分地区:</span>海曙区 50、江北区 40 · <span class="sum">合计 90</span></div></td></tr>');
  });

  it('a sum the regions-sum finding points at is marked, and the finding is listed like the others', () => {
    const { html } = report(plan(210));
    expect(html).toContain('<span class="sum sev-error">合计 200</span>');
    expect(html).toContain('<span class="sum">合计 90</span>');
    expect(html).toMatch(/<div class="finding error"><span class="sev-error">错误<\/span> 居家养老服务中心\(个\):总体目标各地区之和 200[^\n]*regions-sum-to-total/);
  });

  it('a key no region declares is marked where it stands', () => {
    const { html } = report(plan(200).replace('              jiangbei: 80\n', '              jiangbie: 80\n'));
    expect(html).toContain('<span class="sev-error">jiangbie 80</span>');
  });

  it('in English; a plan without regions has no such line', () => {
    expect(report(plan(200), 'en').html).toContain('<span class="muted">By region, 2024:</span>');
    expect(report(PLAN).html).not.toContain('<tr class="by-region">');
  });
});

describe('what a task states beside its units and numbers (任务要素)', () => {
  const seed = (name: string, lang: 'zh-CN' | 'en' = 'zh-CN') => report(fs.readFileSync(`seeds/${name}`, 'utf8'), lang).html;
  const section = (html: string) => html.match(/<h3>任务要素<\/h3>.*?<\/table>/s)?.[0] ?? '';
  const row = (html: string, task: string) => html.match(new RegExp(`<tr><td>${task}</td><td class="facts">.*?</td></tr>`))?.[0];

  it('seed 007: each task\'s tags, and how many tasks carry each tag', () => {
    const html = seed('007-cangnan-weiwancheng-2022.plan.yaml');
    expect(section(html)).toContain('<div class="tag-counts muted"><span>标签“市民生实事”:1 项</span> · <span>标签“县民生实事”:12 项</span></div>');
    expect(section(html)).toContain('<th>任务</th><th>标签</th>');
    expect(row(html, '2 建设四好农村路55公里')).toBe('<tr><td>2 建设四好农村路55公里</td><td class="facts"><div><b>标签</b>:<span class="tag">县民生实事</span></div></td></tr>');
    expect(section(html).match(/<td class="facts">/g)).toHaveLength(13);
    // No task of 007 names a person, a cooperating unit, a milestone or a deadline: no such line.
    for (const word of ['配合单位', '责任人', '节点', '完成时限']) expect(section(html)).not.toContain(word);
  });

  it('seed 008: its 配合单位 and 责任领导, stated on its sections, under each of their tasks, and its deadline', () => {
    const html = seed('008-shiyan-shijianshishi-2008.plan.yaml');
    expect(section(html)).toContain('<th>任务</th><th>配合单位、责任人、完成时限</th>');
    expect(row(html, '农村中小学实施改水、改厕')).toBe(
      '<tr><td>农村中小学实施改水、改厕</td><td class="facts"><div><b>配合单位</b>:市财政局、农业局、各县市区人民政府、武当山旅游经济特区、十堰经济开发区</div><div><b>责任人</b>:责任领导 高勤</div><div><b>完成时限</b>:2008</div></td></tr>',
    );
    expect(row(html, '1 新建通村水泥路1500公里')).toBe(
      '<tr><td>1 新建通村水泥路1500公里</td><td class="facts"><div><b>配合单位</b>:各县市区人民政府、武当山旅游经济特区、十堰经济开发区</div><div><b>责任人</b>:责任领导 梁吉祥</div></td></tr>',
    );
    expect(section(html)).not.toContain('class="tag"');
  });

  it('seed 005: milestones in the order written, then the deadline as written (a month, not only its year), on one line', () => {
    const html = seed('005-dazhu-minsheng-2016.plan.yaml');
    expect(row(html, '2 新建2座人行天桥')).toBe('<tr><td>2 新建2座人行天桥</td><td class="facts"><div><b>节点</b>:投入使用 2016-09 · <b>完成时限</b>:2016-09</div></td></tr>');
    expect(row(html, '4 建成县残疾人综合服务中心')).toBe('<tr><td>4 建成县残疾人综合服务中心</td><td class="facts"><div><b>节点</b>:开工 2016-05</div></td></tr>');
    // Tasks without an indicator are listed too: the indicator table does not show them.
    expect(row(html, '开工建设老年大学')).toContain('<b>完成时限</b>:2016-12');
  });

  it('a plan\'s declared tag counts, each against the tasks that carry the tag, marked where they differ', () => {
    const text = `plan:\n  title: 票决\n  period: { start: 2024, end: 2024 }\n  tagCounts:\n    - { tag: 票决项目, count: 2 }\n    - { tag: 省定, count: 1 }\nsections:\n  - title: s\n    tasks:\n      - { title: 新建学校, lead: [县教育局], tags: [票决项目, 省定] }\n      - { title: 改造校舍, lead: [县教育局], tags: [市定] }\n`;
    const { html } = report(text);
    expect(html).toContain('<div class="tag-counts muted"><span class="sev-warning">标签“票决项目”:声明 2 项,实有 1 项 ✗</span> · <span>标签“省定”:声明 1 项,实有 1 项 ✓</span> · <span>标签“市定”:1 项</span></div>');
    expect(row(html, '新建学校')).toContain('<span class="tag">票决项目</span><span class="tag">省定</span>');
    const en = report(text, 'en').html;
    expect(en).toContain('<h3>Task facts</h3>');
    expect(en).toContain('Tag &quot;票决项目&quot;: 2 declared, 1 listed ✗');
    expect(en).toContain('<div><b>Tags</b>: <span class="tag">票决项目</span>');
  });

  it('in English, seed 008', () => {
    const html = seed('008-shiyan-shijianshishi-2008.plan.yaml', 'en');
    expect(html).toContain('<th>Task</th><th>Cooperating units, People, Deadline</th>');
    expect(html).toContain('<div><b>People</b>: 责任领导 高勤</div><div><b>Deadline</b>: 2008</div>');
  });

  it('absent where no task states any: seed 003 and a plan of units only', () => {
    for (const html of [seed('003-qijiang-minsheng-2018-2020.plan.yaml'), report(PLAN).html]) {
      expect(html).not.toContain('任务要素');
      expect(html).not.toContain('<table class="task-facts">');
      expect(html).not.toContain('class="tag-counts');
    }
  });
});

describe('the verdict on a report about a plan (plan.form), which is not issued', () => {
  const NEWS = `plan:\n  title: 十件实事\n  form: { kind: news-report }\n  period: { start: 2024, end: 2024 }\nsections:\n  - title: 教育\n    tasks:\n${tasks(['新建学校', '改造校舍'])}`;
  const verdicts = (html: string) => [...html.matchAll(/<div class="verdict (\w+)" data-verdict="\w+">([^<]*)<\/div>/g)].map((m) => `${m[1]} ${m[2]}`);

  it('a news report naming no unit: no verdict on issuing, never 可以印发 nor 不宜印发; its one note is listed', () => {
    const { html } = report(NEWS);
    expect(verdicts(html)).toEqual(['report 结论:本文件是新闻报道,不是待印发的计划,不作印发结论。']);
    expect(html).toContain('<td class="report">报告,不作印发结论</td>');
    expect(html).not.toContain('可以印发');
    expect(html).not.toContain('不宜印发');
    expect(html).toContain('全文 2 项任务都没有点名任何单位:本文件是新闻报道(plan.form)');
  });

  it('a progress report with findings says how many to check, and still gives no verdict on issuing; in English too', () => {
    const progress = NEWS.replace('news-report', 'progress-report').replace('      - title: 改造校舍\n', '      - title: 改造校舍\n        lead: [县教育局]\n');
    expect(verdicts(report(progress).html)).toEqual(['report 结论:本文件是进展报告,不是待印发的计划,不作印发结论;有 1 个错误、0 个警告需核对。']);
    expect(verdicts(report(progress, 'en').html)).toEqual(['report Verdict: this file is a progress report, not a plan to issue; no verdict on issuing. 1 error, 0 warnings to check.']);
  });

  it('the same text as a plan (no form, or form plan) is not fit to issue, as before', () => {
    for (const text of [NEWS.replace('  form: { kind: news-report }\n', ''), NEWS.replace('news-report', 'plan')]) {
      expect(verdicts(report(text).html)).toEqual(['bad 结论:暂不宜印发。有 1 个错误需修改。']);
    }
  });
});
