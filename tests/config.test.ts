// .planlint.yaml and rule packs: settings, per-file overrides, declarative packs, and config mistakes
// reported where they are.
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { readConfigText } from '../src/engine/config-file.js';

const PLAN = `plan:
  title: 配置测试
  period: { start: 2021, end: 2023 }
sections:
  - title: 教育
    tasks:
      - title: 新建幼儿园
        lead: [区教育局]
        indicators:
          - name: 新建幼儿园
            kind: increment
            yearly: { 2021: 4, 2022: 6, 2023: 7 }
            overall: { year: 2023, value: 15 }
`;

const noPacks = () => undefined;
// PLAN leaves its unit out for the pack test below: the built-in warning that draws (unit-matches-name's
// countNoUnit) is not what the settings tests are about.
const rules = (text: string, config = readConfigText('', noPacks).config, relativePath?: string) =>
  checkText(text, { config, relativePath }).findings.filter((f) => f.ruleId !== 'unit-matches-name').map((f) => `${f.ruleId}:${f.severity}`);

describe('.planlint.yaml', () => {
  it('turns a rule off, changes a severity, and sets options', () => {
    expect(rules(PLAN)).toEqual(['yearly-sum-matches-overall:error']);
    expect(rules(PLAN, readConfigText('rules:\n  yearly-sum-matches-overall: off\n', noPacks).config)).toEqual([]);
    expect(rules(PLAN, readConfigText('rules:\n  yearly-sum-matches-overall: warning\n', noPacks).config)).toEqual(['yearly-sum-matches-overall:warning']);
    expect(rules(PLAN, readConfigText('rules:\n  yearly-sum-matches-overall: { options: { tolerance: 2 } }\n', noPacks).config)).toEqual([]);
  });

  it('applies per-file overrides by glob', () => {
    const { config } = readConfigText('overrides:\n  - files: ["drafts/**"]\n    rules:\n      yearly-sum-matches-overall: info\n', noPacks);
    expect(rules(PLAN, config, 'drafts/a.plan.yaml')).toEqual(['yearly-sum-matches-overall:info']);
    expect(rules(PLAN, config, 'final/a.plan.yaml')).toEqual(['yearly-sum-matches-overall:error']);
  });

  it('reports a wrong config at its place: unknown rule, bad severity, bad option', () => {
    const text = 'rules:\n  yearly-sum-matches-overal: off\n  unit-declared: fatal\n  yearly-sum-matches-overall: { options: { tolerence: 1 } }\n';
    const load = readConfigText(text, noPacks);
    const at = (f: { range: { start: number } }) => load.lines.position(f.range.start).line + 1;
    expect(load.findings.map((f) => `${at(f)} ${f.message['zh-CN']}`)).toEqual([
      '2 未知的键 “yearly-sum-matches-overal”,是否应为 “yearly-sum-matches-overall”?',
      '3 值 "fatal" 无效,应为以下之一:off, error, warning, info',
      '4 未知的键 “tolerence”,是否应为 “tolerance”?',
    ]);
  });
});

describe('rule packs', () => {
  const PACK = `rules:
  - id: local/indicator-has-unit
    severity: warning
    given: indicator
    then: { field: unit, check: present }
    message:
      zh-CN: "指标“{name}”缺少计量单位"
      en: "The indicator \\"{name}\\" has no measuring unit"
  - id: local/increment-max
    given: indicator
    where: { kind: increment }
    then: { field: name, check: max-length, value: 3 }
    message: { zh-CN: "名称过长:{value}", en: "Name too long: {value}" }
`;

  it('run declaratively: a selector, a built-in check, a message', () => {
    const { config, findings } = readConfigText('packs: [local.yaml]\n', (p) => (p === 'local.yaml' ? PACK : undefined));
    expect(findings).toEqual([]);
    const out = checkText(PLAN, { config });
    expect(out.findings.map((f) => `${f.ruleId} ${out.lines.position(f.range.start).line + 1} ${f.message['zh-CN']}`)).toEqual([
      'local/indicator-has-unit 10 指标“新建幼儿园”缺少计量单位',
      'local/increment-max 10 名称过长:新建幼儿园',
      'unit-matches-name 10 指标“新建幼儿园”是新增量(15),却没有计量单位;请写明单位(人、个、所、户、万元……),原文未写的请向起草单位核实',
      'yearly-sum-matches-overall 13 新建幼儿园:年度目标合计 17(2021年 4 + 2022年 6 + 2023年 7)与总体目标 15 不一致(应等于总体目标)',
    ]);
  });

  it('name a thing whose name is not text by nothing, not by "[object Object]"', () => {
    const pack = 'rules:\n  - id: local/section-lead\n    given: section\n    then: { field: lead, check: present }\n    message: { zh-CN: "章节“{name}”", en: "Section \\"{name}\\"" }\n';
    const { config } = readConfigText('packs: [local.yaml]\n', () => pack);
    const plan = 'plan: { title: t, period: { start: 2021, end: 2023 } }\nsections:\n  - title: { a: 1 }\n';
    expect(checkText(plan, { config }).findings.filter((f) => f.ruleId === 'local/section-lead').map((f) => f.message.en)).toEqual(['Section ""']);
  });

  it('can be configured like built-in rules', () => {
    const { config } = readConfigText('packs: [local.yaml]\nrules:\n  local/indicator-has-unit: off\n', () => PACK);
    expect(checkText(PLAN, { config }).findings.map((f) => f.ruleId)).not.toContain('local/indicator-has-unit');
  });

  it('a missing or invalid pack is reported on its entry, and a pack can hold no code', () => {
    const missing = readConfigText('packs: [nope.yaml]\n', noPacks);
    expect(missing.findings.map((f) => f.message['zh-CN'])).toEqual(['找不到规则包文件 nope.yaml']);
    const code = readConfigText('packs: [evil.yaml]\n', () => 'rules:\n  - id: x/y\n    given: task\n    then: { field: title, check: "function(){}" }\n    message: { zh-CN: a, en: a }\n');
    expect(code.findings[0].message['zh-CN']).toMatch(/^规则包 evil.yaml 有误:rules\.0\.then\.check:/);
    expect(code.findings[0].message.en).toMatch(/^Rule pack evil.yaml is invalid: rules\.0\.then\.check: /);
    // In the drafter's words, never the validator's message ids.
    expect(JSON.stringify(code.findings[0].message)).not.toMatch(/wrongType|missingKey|unknownKey|enum\b/);
    expect(code.config.packRules).toEqual([]);
  });
});
