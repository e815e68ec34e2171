// One judgement per fact: the rule, the hover, the inlay hint and the review report decide whether
// yearly targets add up with the same function (queries.yearlyTotal), so they cannot disagree.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json';
import { checkText } from '../src/engine/check.js';
import { PLAN_FILE_GLOB, effectiveLead, isPlanFile, leadInEffect, yearlyTotal } from '../src/engine/index.js';
import { documentSymbols } from '../src/language/symbols.js';
import { buildPlan, unitMentions } from '../src/engine/model.js';
import { hover } from '../src/language/hover.js';
import { renderReport } from '../src/report/html.js';
import { LanguageService } from '../src/server/service.js';
import { toRows } from '../src/engine/rows.js';

const TWO_INCREMENTS = `plan:
  title: 两项增量
  period: { start: 2021, end: 2023 }
sections:
  - title: 一
    tasks:
      - title: 任务
        indicators:
          - name: 上限增量
            unit: 个
            kind: increment
            yearly: { 2021: 40, 2022: 40, 2023: 10 }
            overall: { year: 2023, value: 100, comparator: "<=" }
          - name: 下限增量
            unit: 个
            kind: increment
            yearly: { 2021: 1000, 2022: 1200, 2023: 1300 }
            overall: { year: 2023, value: 3000, comparator: ">=" }
          - name: 不等增量
            unit: 个
            kind: increment
            yearly: { 2021: 4, 2022: 6, 2023: 4 }
            overall: { year: 2023, value: 15 }
`;

function offsetOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return i;
}

describe('yearly sums are judged once', () => {
  const out = checkText(TWO_INCREMENTS);
  const sumFindings = out.findings.filter((f) => f.ruleId === 'yearly-sum-matches-overall');

  it('the rule passes the ceiling and the floor that are met, and flags the sum that misses', () => {
    expect(sumFindings.map((f) => f.path.join('.'))).toEqual(['sections.0.tasks.0.indicators.2.overall.value']);
    const plan = out.plan!;
    expect(plan.allIndicators.map((i) => yearlyTotal(i)?.ok)).toEqual([true, true, false]);
  });

  it('the hover agrees: ✓ for both met totals, ≠ for the missed one', () => {
    const show = (needle: string) => {
      const h = hover(out, offsetOf(TWO_INCREMENTS, needle), 'zh-CN');
      return (h?.contents as { value: string }).value;
    };
    expect(show('上限增量')).toContain('40 + 40 + 10 = **90** ✓');
    expect(show('下限增量')).toContain('1000 + 1200 + 1300 = **3500** ✓');
    expect(show('不等增量')).toContain('4 + 6 + 4 = **14** ≠ 15');
  });

  it('the inlay hints agree', () => {
    const service = new LanguageService('zh-CN', () => undefined);
    service.sync('file:///t.plan.yaml', 1, TWO_INCREMENTS, {});
    const hints = service.inlayHints('file:///t.plan.yaml', { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } });
    expect(hints.map((h) => h.label)).toEqual([' Σ 90 ✓', ' Σ 3500 ✓', ' Σ 14 ≠ 15']);
  });

  it('the review report agrees: only the missed sum is painted as an error', () => {
    const html = renderReport([{ result: { path: 't.plan.yaml', findings: toRows(out.findings, out.lines) }, plan: out.plan, tolerance: 0 }], { lang: 'zh-CN', version: 't' });
    const table = html.slice(html.indexOf('<table class="indicators">'));
    const errorCells = [...table.matchAll(/<td class="num sev-error">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(errorCells).toEqual(['14']);
  });

  it('a configured tolerance reaches the hover and the report as it reaches the rule', () => {
    const config = { rules: { 'yearly-sum-matches-overall': { options: { tolerance: 1 } } }, packRules: [], overrides: [] };
    const tolerant = checkText(TWO_INCREMENTS, { config });
    expect(tolerant.findings.filter((f) => f.ruleId === 'yearly-sum-matches-overall')).toEqual([]);
    expect(tolerant.sumTolerance).toBe(1);
    const h = hover(tolerant, offsetOf(TWO_INCREMENTS, '不等增量'), 'zh-CN');
    expect((h?.contents as { value: string }).value).toContain('= **14** ✓');
    const plan = buildPlan(tolerant.data);
    const html = renderReport([{ result: { path: 't.plan.yaml', findings: [] }, plan, tolerance: tolerant.sumTolerance }], { lang: 'zh-CN', version: 't' });
    expect(html.slice(html.indexOf('<table class="indicators">'))).not.toContain('sev-error');
  });
});

describe('what a plan file is, decided once', () => {
  it('names in any case are plan files; other YAML is not', () => {
    expect(['a.plan.yaml', 'b.plan.yml', 'WARN.PLAN.YAML', 'x/y/C.Plan.Yml'].map(isPlanFile)).toEqual([true, true, true, true]);
    expect(['a.yaml', 'plan.yaml', 'a.plan.yaml.bak', '.planlint.yaml'].map(isPlanFile)).toEqual([false, false, false, false]);
  });

  it('package.json activates on the same glob the client selects documents by', () => {
    expect(pkg.activationEvents).toContain(`workspaceContains:${PLAN_FILE_GLOB}`);
    expect(fs.readFileSync('src/client/extension.ts', 'utf8')).toContain('pattern: PLAN_FILE_GLOB');
  });
});

const CONVENTION = (id: string) => `plan:
  title: 约定
  period: { start: 2024, end: 2024 }
conventions:
  - id: ${id}
    source: 原文
sections:
  - title: 一
    tasks:
      - title: 自有牵头
        lead: [甲局]
        responsible: [乙局]
      - title: 只有责任单位
        responsible: [丙局, 丁局]
`;

describe('the lead in effect under a plan convention', () => {
  it('derives the responsible units, or the first listed, and says so; a task\'s own lead stays its own', () => {
    const plan = buildPlan(checkText(CONVENTION('responsible-leads')).data);
    const [own, derived] = plan.allTasks;
    expect(leadInEffect(own)).toMatchObject({ from: 'own' });
    expect(leadInEffect(derived).units.map((r) => r.name)).toEqual(['丙局', '丁局']);
    expect(leadInEffect(derived).from).toBe('responsible-leads');
    const first = buildPlan(checkText(CONVENTION('first-listed-leads')).data).allTasks[1];
    expect(effectiveLead(first).map((r) => r.name)).toEqual(['丙局']);
    // Without a convention nothing is derived.
    const none = buildPlan(checkText(CONVENTION('responsible-leads').replace(/conventions:[\s\S]*?source: 原文\n/, '')).data).allTasks[1];
    expect(leadInEffect(none)).toEqual({ units: [] });
  });

  it('marks a derived lead in the hover, the outline and the report', () => {
    const text = CONVENTION('responsible-leads');
    const output = checkText(text);
    const h = hover(output, text.indexOf('丙局'), 'zh-CN');
    expect(JSON.stringify(h)).toContain('只有责任单位(推定)');
    const symbols = documentSymbols(output, 'en');
    expect(symbols[0].children?.map((c) => c.detail)).toEqual(['甲局', '丙局、丁局(derived)']);
    const html = renderReport([{ result: { path: 'a.plan.yaml', findings: toRows(output.findings, output.lines) }, plan: output.plan, tolerance: 0 }], { lang: 'zh-CN', version: 't' });
    expect(html).toContain('class="derived"');
  });
});

describe('a plan that assigns no task', () => {
  const text = fs.readFileSync('rules/task-has-lead/fixtures/invalid-no-lead.plan.yaml', 'utf8');
  it('is never "可以印发" in the report, even with the finding configured down to info', () => {
    const config = { rules: { 'task-has-lead': { severity: 'info' as const } }, packRules: [], overrides: [] };
    for (const output of [checkText(text), checkText(text, { config })]) {
      expect(output.findings.filter((f) => f.ruleId === 'task-has-lead').map((f) => f.messageId)).toEqual(['noLeadInPlan', 'severalNoLead']);
      const html = renderReport([{ result: { path: 'a.plan.yaml', findings: toRows(output.findings, output.lines) }, plan: output.plan, tolerance: 0 }], { lang: 'zh-CN', version: 't' });
      expect(html).toContain('data-verdict="bad"');
      expect(html).not.toContain('结论:可以印发');
    }
  });
});

describe('配合单位 and named people in the model', () => {
  const PLAN = [
    'plan:\n  title: t\n  period: { start: 2021, end: 2021 }',
    'sections:\n  - title: s\n    cooperating: [区财政局]\n    people: [{ role: 分管领导, name: 何海平 }]\n    tasks:',
    '      - title: a\n        lead: [区教育局]\n        cooperating: [区住建局, 区财政局]\n        people: [{ role: 项目责任人, name: 张三 }, { role: 项目责任人 }]\n',
  ].join('\n');

  it('every unit rule sees cooperating units (as unit mentions, role cooperating); people are never among them', () => {
    const plan = checkText(PLAN).plan!;
    expect(unitMentions(plan).map((m) => `${m.role}:${m.ref.name}:${m.ref.path.join('.')}`)).toEqual([
      'cooperating:区财政局:sections.0.cooperating.0',
      'lead:区教育局:sections.0.tasks.0.lead.0',
      'cooperating:区住建局:sections.0.tasks.0.cooperating.0',
      'cooperating:区财政局:sections.0.tasks.0.cooperating.1',
    ]);
    expect(plan.allTasks[0].people).toEqual([{ role: '项目责任人', name: '张三', path: ['sections', 0, 'tasks', 0, 'people', 0] }]);
    expect(plan.allSections[0].people.map((p) => p.name)).toEqual(['何海平']);
  });

  it('a cooperating unit is not a responsible unit: no lead is derived from it', () => {
    const plan = checkText(`${PLAN.replace('        lead: [区教育局]\n', '')}conventions:\n  - id: responsible-leads\n`).plan!;
    expect(leadInEffect(plan.allTasks[0]).units).toEqual([]);
  });
});

describe('actualProgress and roundHalfUp', () => {
  it('rounds half up to the printed digits, float noise aside', async () => {
    const { roundHalfUp } = await import('../src/engine/queries.js');
    expect(roundHalfUp((7558 / 6300) * 100, 0)).toBe(120);
    expect(roundHalfUp((700 / 1300) * 100, 0)).toBe(54);
    expect(roundHalfUp(79.65, 1)).toBe(79.7);
    // 1.005 is 1.00499999… as a double: read as printed, it rounds up.
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(2.5, 0)).toBe(3);
  });

  it('measures against the as-of year’s target, else the overall one, and converts another scale first', async () => {
    const { actualProgress } = await import('../src/engine/queries.js');
    const plan = (actual: string, unit = '人') => buildPlan({
      plan: { title: 't', period: { start: 2017, end: 2018 } },
      sections: [{ title: 's', tasks: [{ title: 't', indicators: [{ name: 'i', unit, kind: 'increment', yearly: { 2017: 1000, 2018: 2000 }, overall: { value: 3000 }, actual: JSON.parse(actual) }] }] }],
    }).allIndicators[0];
    expect(actualProgress(plan('{"asOf": "2017-12", "value": 450}'))?.rate).toBe(45);
    expect(actualProgress(plan('{"asOf": 2016, "value": 450}'))?.rate).toBe(15);
    expect(actualProgress(plan('{"asOf": "2017-12", "value": 0.1, "unit": "万人"}'))?.rate).toBe(100);
    expect(actualProgress(plan('{"asOf": "2017-12", "value": 5, "unit": "户"}'))).toMatchObject({ unitsDiffer: true, value: undefined });
    expect(actualProgress(plan('{"asOf": "2017-12", "value": 5, "unit": "户"}'))?.rate).toBeUndefined();
  });
});
