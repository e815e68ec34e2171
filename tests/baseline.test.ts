// Following a draft through its rounds: findings matched by rule and by what they are about, never by line.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { compareRounds, type Finding } from '../src/engine/index.js';

const round = (text: string) => {
  const out = checkText(text);
  return { findings: out.findings, plan: out.plan };
};
const brief = (f: Finding) => `${f.ruleId} ${f.path.join('.')}`;

const OLD = `plan:
  title: 教育计划
  period: { start: 2021, end: 2023 }
units:
  - name: 区教育局
sections:
  - title: 教育
    lead: [区教育局]
    tasks:
      - number: "1"
        title: 新建公办幼儿园
        lead: [区教局]
        indicators:
          - name: 新建公办幼儿园
            unit: 所
            kind: increment
            yearly: { 2021: 4, 2022: 6, 2023: 7 }
            overall: { year: 2023, value: 15 }
          - name: 普惠性幼儿园覆盖率
            unit: "%"
            kind: level
            comparator: ">="
            yearly: { 2021: 86, 2022: 88, 2023: 101 }
      - number: "2"
        title: 改造薄弱学校
`;

// The second round: a section inserted above (every line moves), the sum fixed, the coverage left as it was,
// task 2 removed, a task added with a problem of its own.
const NEW = `plan:
  title: 教育计划
  period: { start: 2021, end: 2023 }
units:
  - name: 区教育局
sections:
  - title: 卫生
    lead: [区教育局]
    tasks:
      - number: "1"
        title: 建设社区卫生服务中心
        indicators:
          - name: 覆盖率
            unit: "%"
            kind: level
            comparator: ">="
            yearly: { 2021: 90, 2022: 95, 2023: 120 }
  - title: 教育
    lead: [区教育局]
    tasks:
      - number: "1"
        title: 新建公办幼儿园
        lead: [区教局]
        indicators:
          - name: 新建公办幼儿园
            unit: 所
            kind: increment
            yearly: { 2021: 4, 2022: 6, 2023: 5 }
            overall: { year: 2023, value: 15 }
          - name: 普惠性幼儿园覆盖率
            unit: "%"
            kind: level
            comparator: ">="
            yearly: { 2021: 86, 2022: 88, 2023: 101 }
`;

describe('compareRounds', () => {
  it('marks findings new, unchanged and fixed though every line moved', () => {
    const old = round(OLD);
    const next = round(NEW);
    const c = compareRounds(old, next);
    const byState = (s: string) => next.findings.filter((_, i) => c.states[i] === s).map(brief).sort();
    // The same rules fire on the new task (sections.0) as on the kept coverage (sections.1): only the latter is unchanged.
    expect(byState('unchanged').every((x) => x.includes('sections.1'))).toBe(true);
    expect(byState('unchanged').length).toBeGreaterThan(0);
    expect(byState('new').length).toBeGreaterThan(0);
    expect(byState('new').every((x) => x.includes('sections.0'))).toBe(true);
    // The sum no longer disagrees with the total in the new round's terms; the old finding on it is fixed.
    expect(c.fixed.map(brief).some((x) => x.includes('sections.0.tasks.0.indicators.0'))).toBe(true);
    expect(c.fixed.every((f) => !next.findings.some((n, i) => c.states[i] === 'unchanged' && n === f))).toBe(true);
  });

  it('lists targets that changed, per year, and tasks added and removed', () => {
    const c = compareRounds(round(OLD), round(NEW));
    expect(c.targets).toEqual([
      { owner: '1 新建公办幼儿园', indicator: '新建公办幼儿园(所)', which: 'year', year: 2023, before: 7, after: 5, path: ['sections', 1, 'tasks', 0, 'indicators', 0] },
    ]);
    expect(c.tasksAdded).toEqual([{ number: '1', title: '建设社区卫生服务中心', path: ['sections', 0, 'tasks', 0] }]);
    expect(c.tasksRemoved).toEqual([{ number: '2', title: '改造薄弱学校', path: ['sections', 0, 'tasks', 1] }]);
  });

  it('the same round against itself: everything unchanged, nothing fixed or changed', () => {
    const c = compareRounds(round(NEW), round(NEW));
    expect(c.states.every((s) => s === 'unchanged')).toBe(true);
    expect(c.fixed).toEqual([]);
    expect(c.targets).toEqual([]);
    expect(c.tasksAdded).toEqual([]);
  });

  it('a renamed task keeps its findings by id; by number when it has no id', () => {
    const withId = (title: string) => OLD.replace('      - number: "1"\n        title: 新建公办幼儿园', `      - id: kg\n        number: "1"\n        title: ${title}`);
    const a = compareRounds(round(withId('新建公办幼儿园')), round(withId('新建和改扩建公办幼儿园')));
    expect(a.states.every((s) => s === 'unchanged')).toBe(true);
    expect(a.fixed).toEqual([]);
    expect(a.tasksAdded).toEqual([]);
    const b = compareRounds(round(OLD), round(OLD.replace('title: 新建公办幼儿园\n        lead', 'title: 新建和改扩建公办幼儿园\n        lead')));
    expect(b.states.every((s) => s === 'unchanged')).toBe(true);
    expect(b.tasksRemoved).toEqual([]);
  });

  it('reordered sections and a target changed in the overall', () => {
    const two = `${OLD}  - title: 养老\n    tasks:\n      - number: "1"\n        title: 建设养老床位\n        indicators:\n          - { name: 养老床位, unit: 张, kind: increment, yearly: { 2021: 1, 2022: 1, 2023: 1 }, overall: { year: 2023, value: 5 } }\n`;
    const head = two.slice(0, two.indexOf('  - title: 教育'));
    const edu = two.slice(two.indexOf('  - title: 教育'), two.indexOf('  - title: 养老'));
    const care = two.slice(two.indexOf('  - title: 养老'));
    const swapped = (head + care + edu).replace('value: 5 }', 'value: 4 }');
    const old = round(two);
    const c = compareRounds(old, round(swapped));
    expect(c.tasksAdded).toEqual([]);
    expect(c.tasksRemoved).toEqual([]);
    expect(c.targets).toEqual([
      { owner: '1 建设养老床位', indicator: '养老床位(张)', which: 'overall', before: 5, after: 4, path: ['sections', 0, 'tasks', 0, 'indicators', 0] },
    ]);
    // The sum mismatch of 养老床位 (3 ≠ 5, then 3 ≠ 4) is still open, its message's numbers changed.
    expect(c.fixed).toEqual([]);
    expect(c.states.every((s) => s === 'unchanged')).toBe(true);
    expect(old.findings.some((f) => f.path.join('.').startsWith('sections.1.tasks.0'))).toBe(true);
  });

  it('pairs the plan\'s own indicators: a changed total investment is a target change, not a new indicator', () => {
    const withTotal = (value: number) => OLD.replace('plan:\n', `plan:\n  indicators:\n    - { name: 总投资, unit: 亿元, kind: increment, yearly: { 2021: 1, 2022: 1, 2023: 1 }, overall: { year: 2023, value: ${value} } }\n`);
    const old = round(withTotal(4));
    const c = compareRounds(old, round(withTotal(5)));
    expect(c.targets).toEqual([{ owner: '教育计划', indicator: '总投资(亿元)', which: 'overall', before: 4, after: 5, path: ['plan', 'indicators', 0] }]);
    // The sum mismatch (3 ≠ 4, then 3 ≠ 5) is the same finding, still open.
    expect(old.findings.some((f) => f.path.join('.').startsWith('plan.indicators.0'))).toBe(true);
    expect(c.fixed).toEqual([]);
  });

  it('a unit finding in a lead list follows the unit when an entry is inserted before it', () => {
    const old = round(OLD);
    const next = round(OLD.replace('lead: [区教局]', 'lead: [区教育局, 区教局]'));
    const unit = (r: typeof old) => r.findings.filter((f) => f.path.includes('lead')).map((f) => f.path.join('.'));
    expect(unit(old)).toContain('sections.0.tasks.0.lead.0');
    expect(unit(next)).toContain('sections.0.tasks.0.lead.1');
    const c = compareRounds(old, next);
    expect(next.findings.filter((f, i) => f.path.includes('lead') && c.states[i] === 'new').map(brief)).toEqual([]);
    expect(c.fixed.filter((f) => f.path.includes('lead'))).toEqual([]);
  });

  it('a round with no plan (a file that did not exist) makes every finding new', () => {
    const next = round(NEW);
    const c = compareRounds({ findings: [] }, next);
    expect(c.states.every((s) => s === 'new')).toBe(true);
    expect(c.tasksAdded.length).toBe(2);
  });
});

describe('compareRounds on paths with odd steps', () => {
  const message = { 'zh-CN': '消息', en: 'message' };
  const f = (path: (string | number)[], ruleId = 'r') => ({ ruleId, path, message });
  it('matches findings whose path steps hold U+0000 or are empty, as their joined paths did, with and without a plan', () => {
    const plan = checkText('plan:\n  title: 计划\ntasks:\n  - id: a\n    title: 任务\n').plan;
    for (const p of [undefined, plan]) {
      const old = { findings: [f(['tasks', 0, 'x\u0000y']), f(['']), f([]), f(['tasks', 0, 'title'], 'q')], plan: p };
      const next = { findings: [f(['tasks', 0, 'title'], 'q'), f(['']), f(['tasks', 0, 'x\u0000y']), f(['tasks', 0, 'z'])], plan: p };
      const c = compareRounds(old, next);
      expect(c.states).toEqual(['unchanged', 'unchanged', 'unchanged', 'new']);
      expect(c.fixed).toEqual([f([])]);
    }
  });
});
