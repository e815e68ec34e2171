// The language features as pure functions of a check: no server, no thread.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, makeRegister, type Config } from '../src/engine/index.js';
import { complete } from '../src/language/completion.js';
import { hover } from '../src/language/hover.js';
import { codeActions } from '../src/language/code-actions.js';
import { toDiagnostics } from '../src/language/diagnostics.js';
import { text } from '../src/language/texts.js';
import { rename } from '../src/language/rename.js';
import { documentSymbols } from '../src/language/symbols.js';

const TEXT = fs.readFileSync(path.resolve(__dirname, 'cli/warn.plan.yaml'), 'utf8');

function disableFileEdit(source: string) {
  const output = checkText(source);
  const diagnostics = toDiagnostics(output, 'en', () => undefined);
  const doc = { uri: 'file:///t.plan.yaml', version: 3, text: source, options: {} };
  const action = codeActions(output, { diagnostics }, { doc, lang: 'en', docsUri: () => undefined }).find((a) => a.title.endsWith('for this file'));
  return (action?.edit?.documentChanges?.[0] as { edits: { range: { start: unknown }; newText: string }[] }).edits[0];
}

describe('code actions', () => {
  it('disable for this file keeps a byte-order mark first and the file\'s line ends', () => {
    const edit = disableFileEdit(`\uFEFF${TEXT.replace(/\n/g, '\r\n')}`);
    expect(edit.range.start).toEqual({ line: 0, character: 1 });
    expect(edit.newText).toBe('# planlint-disable-file unit-name-canonical -- reason\r\n');
  });
});

describe('texts', () => {
  it('fill placeholders in both languages', () => {
    expect(text('en', 'disableFile', { rule: 'x' })).toBe('Disable x for this file');
    expect(text('zh-CN', 'disableFile', { rule: 'x' })).toBe('在此文件禁用 x');
  });
});

describe('the unit register in the editor', () => {
  const register = makeRegister([{ name: '教育局', short: ['教局'] }], true)!;
  const config: Config = { rules: {}, packRules: [], overrides: [], register };
  const PLAN = 'plan:\n  title: t\n  period: { start: 2021, end: 2021 }\nunits:\n  - name: 区民政局\nsections:\n  - title: s\n    lead: [区民政局, 区卫健委, ]\n';
  const output = checkText(PLAN, { config });
  const at = (needle: string) => PLAN.indexOf(needle);

  it('completion offers the plan\'s units first, then the register\'s, with the plan\'s place prefix and where each came from', () => {
    const items = complete(output, at(', ]') + 2, 'en', undefined, register);
    expect(items[0]).toMatchObject({ label: '区民政局' });
    const education = items.find((i) => i.label === '区教育局');
    expect(education).toMatchObject({ detail: "from this workspace's unit register", documentation: 'Short forms: 区教局' });
    expect(items.find((i) => i.label === '区卫生健康委员会')).toMatchObject({ detail: 'from the default unit register' });
    // The plan's own 区民政局 is not offered twice (the default register has no 民政局 anyway).
    expect(items.filter((i) => i.label === '区民政局')).toHaveLength(1);
    expect(items.findIndex((i) => i.label === '区教育局')).toBeGreaterThan(0);
    expect(items.every((i, k) => k === 0 || String(i.sortText) >= String(items[k - 1].sortText))).toBe(true);
  });

  it('without a register, completion offers the plan\'s units only', () => {
    expect(complete(checkText(PLAN), at(', ]') + 2, 'en').map((i) => i.label)).toEqual(['区民政局']);
  });

  it('hover says where a name came from: the plan\'s list, or the register, with its official name', () => {
    const value = (needle: string) => (hover(output, at(needle) + 1, 'en', register)?.contents as { value: string }).value;
    expect(value('区民政局,')).toContain("from the plan's list of units");
    const short = value('区卫健委');
    expect(short.split('\n')[0]).toBe('**区卫健委** · from the default unit register');
    expect(short).toContain('Official name in the register: **区卫生健康委员会**');
    expect(short).toContain('Former names: 区卫生和计划生育委员会 (→ 2018)');
    expect((hover(output, at('区卫健委') + 1, 'en')?.contents as { value: string }).value.split('\n')[0]).toBe('**区卫健委** · Undeclared unit');
  });
});

describe('配合单位 (cooperating) in the editor', () => {
  const PLAN = [
    'plan:\n  title: t\n  period: { start: 2021, end: 2021 }',
    'units:\n  - name: 区教育局\n  - name: 区财政局\n  - name: 区住建局',
    'sections:\n  - title: s\n    tasks:',
    '      - title: 新建公办幼儿园\n        lead: [区教育局]\n        cooperating: [区财政局, ]',
    '      - title: 改造校舍\n        lead: [区住建局]\n        responsible: [区财政局]\n',
  ].join('\n');
  const output = checkText(PLAN);
  const value = (offset: number) => (hover(output, offset, 'en')?.contents as { value: string }).value;

  it('hover names the tasks a unit cooperates on apart from those it shares', () => {
    const v = value(PLAN.indexOf('区财政局, ') + 1);
    expect(v).toContain('Shares (1): 改造校舍');
    expect(v).toContain('Cooperates (1): 新建公办幼儿园');
    expect(value(PLAN.indexOf('区住建局]') + 1)).not.toContain('Cooperates');
  });

  it('completion offers unit names in a cooperating list', () => {
    expect(complete(output, PLAN.indexOf(', ]') + 2, 'en').map((i) => i.label)).toEqual(['区教育局', '区财政局', '区住建局']);
  });

  it('rename changes a cooperating entry with the declaration', () => {
    const edit = rename(output, { uri: 'file:///t.plan.yaml', version: 1 }, PLAN.indexOf('区财政局, ') + 1, '区财政厅');
    const edits = (edit as { documentChanges: { edits: { newText: string }[] }[] }).documentChanges[0].edits;
    expect(edits.map((e) => e.newText)).toEqual(['区财政厅', '区财政厅', '区财政厅']);
  });

  it('the outline shows a task’s cooperating units after its lead', () => {
    const [section] = documentSymbols(output, 'zh-CN');
    expect(section.children?.map((c) => c.detail)).toEqual(['区教育局;配合:区财政局', '区住建局']);
  });
});

describe('indicators on the plan', () => {
  const PLAN = [
    'plan:',
    '  title: 某市2024年民生实事项目',
    '  period: { start: 2024, end: 2024 }',
    '  indicators:',
    '    - name: 总投资',
    '      unit: 亿元',
    '      overall: { year: 2024, value: 28.23 }',
    'sections:',
    '  - title: 教育类',
    '    tasks:',
    '      - title: 新建公办幼儿园',
    '',
  ].join('\n');
  const output = checkText(PLAN);

  it('the outline lists them before the sections', () => {
    expect(documentSymbols(output, 'zh-CN').map((s) => [s.name, s.detail])).toEqual([['总投资', '亿元'], ['教育类', undefined]]);
  });

  it('hover shows their targets', () => {
    const value = (hover(output, PLAN.indexOf('28.23') + 1, 'en')?.contents as { value: string } | undefined)?.value;
    expect(value).toContain('28.23');
  });
});

describe('actuals', () => {
  const PLAN = [
    'plan:',
    '  title: 完成情况表',
    '  period: { start: 2017, end: 2017 }',
    'units:',
    '  - name: 区人社局',
    'sections:',
    '  - title: s',
    '    tasks:',
    '      - title: 完成在职参保人数6300人',
    '        lead: [区人社局]',
    '        indicators:',
    '          - name: 完成在职参保人数',
    '            unit: 人',
    '            kind: increment',
    '            overall: { value: 6300 }',
    '            actual: { asOf: 2017-08, value: 7558, percent: 119, status: 正在推进 }',
    '',
  ].join('\n');
  const output = checkText(PLAN);

  it('hover shows the actual, the rate recomputed and the printed rate beside it', () => {
    const value = (hover(output, PLAN.indexOf('7558') + 1, 'en')?.contents as { value: string } | undefined)?.value;
    expect(value).toContain('Actual: as of 2017-08 **7558** · completion rate 119.97% (printed 119%) · 正在推进');
    const zh = (hover(output, PLAN.indexOf('7558') + 1, 'zh-CN')?.contents as { value: string } | undefined)?.value;
    expect(zh).toContain('完成情况: 截至 2017-08 **7558** · 完成率 119.97% (印为 119%)');
  });
});

describe('hover on a task, in English', () => {
  it('names its lead, people, milestones and tags in English words', async () => {
    const { checkText } = await import('../src/engine/check.js');
    const text = 'plan:\n  title: t\n  period: { start: 2023, end: 2023 }\n  declaredCounts: { categories: 1, items: 1 }\nsections:\n  - title: s\n    tasks:\n      - { number: "1", title: 建成医院, lead: [区卫健局], people: [{ role: 项目责任人, name: 张三 }], tags: [省定], milestones: [{ kind: 开工, date: "2023-03" }] }\n';
    const output = checkText(text);
    const value = (needle: string) => (hover(output, text.indexOf(needle) + 1, 'en')?.contents as { value: string }).value;
    expect(value('建成医院')).toBe('**1 建成医院** · Tags: 省定\n\nLead unit: 区卫健局\n\nPeople: 项目责任人 张三\n\nMilestones: 开工 2023-03');
    expect(value('declaredCounts')).toBe('**t**\n\ndeclared 1 category, 1 item · listed 1 category, 1 item ✓');
  });

  it('gives a deadline as written, a month and not only its year', async () => {
    const { checkText } = await import('../src/engine/check.js');
    const text = 'plan:\n  title: t\n  period: { start: 2023, end: 2023 }\nsections:\n  - title: s\n    tasks:\n      - { number: "1", title: 建成医院, lead: [区卫健局], deadline: "2023-09" }\n';
    const output = checkText(text);
    expect((hover(output, text.indexOf('建成医院') + 1, 'en')?.contents as { value: string }).value).toBe('**1 建成医院**\n\nLead unit: 区卫健局\n\nDeadline: 2023-09');
  });
});

describe('plan.form in the editor (issue 22)', () => {
  const plan = (formLine: string) => `plan:\n  title: 新闻\n${formLine}\n  period: { start: 2022, end: 2022 }\nsections:\n  - title: 教育\n    tasks:\n      - title: 幼儿园\n`;
  const valuesAt = (text: string, needle: string, lang: 'zh-CN' | 'en' = 'zh-CN') => complete(checkText(text), text.indexOf(needle) + needle.length, lang).map((i) => `${i.label} | ${i.detail}`);
  const KINDS = ['plan | 计划本身,待印发或已印发', 'progress-report | 关于计划的进展报告、完成情况表,不印发', 'news-report | 关于计划的新闻报道、新闻摘要,不印发'];

  it('completes the kind in a flow mapping, as files write form, closed, half typed or after another key', () => {
    expect(valuesAt(plan('  form: { kind:  }'), 'kind: ')).toEqual(KINDS);
    expect(valuesAt(plan('  form: { kind: '), 'kind: ')).toEqual(KINDS);
    expect(valuesAt(plan('  form: { source: 记者, kind:  }'), 'kind: ')).toEqual(KINDS);
    expect(valuesAt(plan('  form: { kind:  }'), 'kind: ', 'en')[2]).toBe('news-report | a news report or summary of a plan, not issued');
  });

  it('completes any enum in a flow mapping; a value without descriptions has no detail', () => {
    const text = plan('  form: { kind: news-report }').replace('      - title: 幼儿园\n', '      - title: 幼儿园\n        indicators:\n          - { name: 幼儿园, kind:  }\n');
    expect(valuesAt(text, 'kind:  ')).toEqual(['level | undefined', 'increment | undefined', 'cumulative | undefined']);
  });

  it('hover on the title of a report, and the outline, in English', () => {
    const text = plan('  form: { kind: progress-report }');
    const h = hover(checkText(text), text.indexOf('title: 新闻') + 8, 'en');
    expect((h?.contents as { value: string }).value).toBe('**新闻** · a progress report, not a plan to issue');
    expect(documentSymbols(checkText(text), 'en').map((s) => `${s.name} | ${s.detail}`)).toEqual(['新闻 | a progress report', '教育 | undefined']);
  });
});
