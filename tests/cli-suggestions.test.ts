// Suggestions on the command line, through the real bundle (dist/cli.js): listed, applied on request, in every format.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { beforeEach, describe, expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../dist/cli.js');
let dir: string;

// The plan with two mistakes: a yearly sum short of the total, and an undeclared lead unit.
const TWO_MISTAKES = `plan:
  title: 两处错误示例
  period: { start: 2027, end: 2029 }
units:
  - name: 区卫生健康委员会
  - name: 区教育局
sections:
  - title: 卫生
    tasks:
      - title: 新建社区卫生服务站
        lead: [区卫生健康局]
        indicators:
          - name: 新建社区卫生服务站
            unit: 个
            kind: increment
            yearly: { 2027: 2, 2028: 3, 2029: 2 }
            overall: { year: 2029, value: 8 }
`;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-suggest-'));
  fs.writeFileSync(path.join(dir, 'two.plan.yaml'), TWO_MISTAKES);
});

function run(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('suggestions in the output', () => {
  it('stylish lists each suggestion under its finding, with the option that applies it, and points at the rule page', () => {
    const r = run(['two.plan.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('建议 1:将总体目标改为 7  --fix-suggestion yearly-sum-matches-overall\n');
    expect(r.stdout).toContain('建议 2:将 2029 年目标改为 3  --fix-suggestion yearly-sum-matches-overall:2\n');
    expect(r.stdout).toContain('单位“区卫生健康局”不在本计划的单位名单(units)中,是否应为名单中的“区卫生健康委员会”?如是新增单位,请加入名单');
    expect(r.stdout).toContain('建议 1:改为名单中的“区卫生健康委员会”  --fix-suggestion unit-declared\n');
    expect(r.stdout).toContain('建议 2:将“区卫生健康局”加入单位名单  --fix-suggestion unit-declared:2\n');
    expect(r.stdout).toContain('检查了 1 个文件,每个都有问题');
    expect(r.stdout).not.toContain('其中 0 个');
    expect(r.stdout).toContain('规则说明:planlint rule <规则名>');
    const en = run(['two.plan.yaml', '--lang', 'en']);
    expect(en.stdout).toContain('suggestion 2: ');
    expect(en.stdout).toContain('--fix-suggestion yearly-sum-matches-overall:2');
  });

  it('json carries each suggestion with its option and its edits', () => {
    const files = JSON.parse(run(['-f', 'json', 'two.plan.yaml']).stdout) as { messages: { ruleId: string; suggestions?: { description: string; option: string; edits: { line: number; text: string }[] }[] }[] }[];
    const sum = files[0].messages.find((m) => m.ruleId === 'yearly-sum-matches-overall');
    expect(sum?.suggestions).toEqual([
      { description: '将总体目标改为 7', option: '--fix-suggestion yearly-sum-matches-overall:1', edits: [expect.objectContaining({ line: 17, text: '7' })] },
      { description: '将 2029 年目标改为 3', option: '--fix-suggestion yearly-sum-matches-overall:2', edits: [expect.objectContaining({ line: 16, text: '3' })] },
    ]);
  });

  it('sarif carries fixes with replacements, rule help and no dead link, and stays valid', () => {
    const out = run(['-f', 'sarif', 'two.plan.yaml']).stdout;
    expect(out).not.toContain('planlint.invalid');
    const log = JSON.parse(out);
    const run0 = log.runs[0];
    for (const rule of run0.tool.driver.rules) expect(rule.help.text.length).toBeGreaterThan(10);
    const sum = run0.results.find((x: { ruleId: string }) => x.ruleId === 'yearly-sum-matches-overall');
    expect(sum.fixes).toHaveLength(2);
    expect(sum.fixes[1].artifactChanges[0].replacements[0]).toMatchObject({ deletedRegion: { startLine: 16 }, insertedContent: { text: '3' } });
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('sarif: an absolute path inside the working folder is relative to %SRCROOT%; one outside is an absolute URI with no base', () => {
    const inside = JSON.parse(run(['-f', 'sarif', path.join(dir, 'two.plan.yaml')]).stdout).runs[0].artifacts[0].location;
    expect(inside).toEqual({ uri: 'two.plan.yaml', uriBaseId: '%SRCROOT%' });
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-elsewhere-'));
    const outside = JSON.parse(run(['-f', 'sarif', path.join(dir, 'two.plan.yaml')], other).stdout).runs[0].artifacts[0].location;
    expect(outside.uriBaseId).toBeUndefined();
    expect(outside.uri).toMatch(/^file:\/\/\/.*two\.plan\.yaml$/);
  });

  it('github annotations carry the suggestions on lines of their own', () => {
    const out = run(['-f', 'github', 'two.plan.yaml']).stdout;
    expect(out).toContain('%0A建议 2:将 2029 年目标改为 3 (--fix-suggestion yearly-sum-matches-overall:2)');
  });

  it('the review report shows the suggestions under each finding as sentences', () => {
    expect(run(['report', 'two.plan.yaml', '-o', 'r.html']).code).toBe(1);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('修改办法(任选其一):<ul><li>将总体目标改为 7。</li><li>将 2029 年目标改为 3。</li></ul>');
  });
});

describe('--fix-suggestion', () => {
  it('applies the chosen suggestion with --fix, and shows it with --fix-dry-run', () => {
    const file = path.join(dir, 'two.plan.yaml');
    const dry = run(['--fix-dry-run', '--fix-suggestion', 'yearly-sum-matches-overall:2', 'two.plan.yaml']);
    expect(dry.stdout).toContain('-            yearly: { 2027: 2, 2028: 3, 2029: 2 }\n+            yearly: { 2027: 2, 2028: 3, 2029: 3 }');
    expect(fs.readFileSync(file, 'utf8')).toBe(TWO_MISTAKES);
    const r = run(['--fix', '--fix-suggestion', 'yearly-sum-matches-overall:2', '--fix-suggestion', 'unit-declared:2', 'two.plan.yaml']);
    expect(r.stderr).toBe('two.plan.yaml:已修复 2 处\n');
    expect(r.code).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toContain('yearly: { 2027: 2, 2028: 3, 2029: 3 }');
    expect(after).toContain('  - name: 区卫生健康局\n');
  });

  it('--fix-dry-run on an absolute path prints a/<path> with one slash', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-elsewhere-'));
    const abs = path.join(dir, 'two.plan.yaml');
    const out = run(['--fix-dry-run', '--fix-suggestion', 'unit-declared', abs], other).stdout;
    expect(out).toContain(`--- a${abs}`);
    expect(out).not.toContain('a//');
  });

  it('the missing-lead marker underlines the task title, not the key', () => {
    fs.writeFileSync(path.join(dir, 'lead.plan.yaml'), 'plan:\n  title: 无牵头\n  period: { start: 2027, end: 2027 }\nunits:\n  - name: 区教育局\nsections:\n  - title: 教育\n    tasks:\n      - title: 新建幼儿园\n      - title: 改造薄弱园\n        lead: [区教育局]\n');
    const r = run(['lead.plan.yaml']);
    expect(r.stdout).toContain('      - title: 新建幼儿园\n      |                ^^^^^^^^^^\n');
  });

  it('needs --fix or --fix-dry-run, and a known rule', () => {
    expect(run(['--fix-suggestion', 'unit-declared', 'two.plan.yaml']).code).toBe(2);
    const r = run(['--fix', '--fix-suggestion', 'yearly-sum', 'two.plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是否想写“yearly-sum-matches-overall”');
    expect(fs.readFileSync(path.join(dir, 'two.plan.yaml'), 'utf8')).toBe(TWO_MISTAKES);
  });

  it('planlint rule <id> prints the rule page', () => {
    const r = run(['rule', 'yearly-sum-matches-overall']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('增量指标的年度目标之和等于总体目标');
    expect(run(['rule', 'nosuch']).code).toBe(2);
  });

  it('a rule off by default: its page says so, and only a severity in .planlint.yaml turns it on', () => {
    expect(run(['rule', 'number-form-gbt15835']).stdout).toContain('默认关闭;在 .planlint.yaml 中写 rules: { number-form-gbt15835: info } 开启');
    const plan = 'plan:\n  title: 示例２０２４年计划\n  period: { start: 2024, end: 2024 }\nsections: []\n';
    fs.writeFileSync(path.join(dir, 'form.plan.yaml'), plan);
    expect(run(['--format', 'json', 'form.plan.yaml']).stdout).not.toContain('number-form-gbt15835');
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'rules:\n  number-form-gbt15835: info\n');
    expect(run(['--format', 'json', 'form.plan.yaml']).stdout).toContain('number-form-gbt15835');
    expect(run(['--fix', 'form.plan.yaml']).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'form.plan.yaml'), 'utf8')).toBe(plan.replace('２０２４', '2024'));
  });
});

describe('configuration per plan file', () => {
  it('a plan takes the .planlint.yaml of its own folder (or above), when the CLI runs from a parent folder', () => {
    fs.mkdirSync(path.join(dir, 'office'));
    fs.renameSync(path.join(dir, 'two.plan.yaml'), path.join(dir, 'office', 'a.plan.yaml'));
    fs.writeFileSync(path.join(dir, 'office', '.planlint.yaml'), 'rules:\n  yearly-sum-matches-overall: off\n  unit-declared: off\n');
    fs.writeFileSync(path.join(dir, 'b.plan.yaml'), TWO_MISTAKES);
    // From the parent: office/a.plan.yaml is clean by its own config, b.plan.yaml (no config) is not.
    expect(run(['office/a.plan.yaml'])).toMatchObject({ code: 0, stderr: '' });
    expect(run(['office/a.plan.yaml']).stdout).toBe(run(['a.plan.yaml'], path.join(dir, 'office')).stdout);
    const both = JSON.parse(run(['-f', 'json']).stdout) as { filePath: string; messages: unknown[] }[];
    expect(both.map((f) => [f.filePath, f.messages.length])).toEqual([['b.plan.yaml', 2], ['office/a.plan.yaml', 0]]);
    // The review report reads the same configs.
    run(['report', 'office/a.plan.yaml', '-o', 'r.html']);
    expect(fs.readFileSync(path.join(dir, 'r.html'), 'utf8')).not.toContain('yearly-sum-matches-overall');
    // --config names one config for every plan, overriding the nearest.
    fs.writeFileSync(path.join(dir, 'strict.yaml'), 'rules: {}\n');
    expect(run(['--config', 'strict.yaml', 'office/a.plan.yaml']).code).toBe(1);
  });
});

describe('unknown rule names', () => {
  it('in --rule: exit 2 with the nearest name, nothing checked', () => {
    const r = run(['--rule', 'yearly-sum-matches-overal=off', 'two.plan.yaml']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('是否想写“yearly-sum-matches-overall”');
    expect(run(['--rule', 'nosuch=off', 'two.plan.yaml']).code).toBe(2);
  });

  it('in .planlint.yaml, also inside overrides: a config error (exit 2) with the nearest name', () => {
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'overrides:\n  - files: ["*.plan.yaml"]\n    rules:\n      unit-declard: off\n');
    const r = run(['two.plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“unit-declared”');
  });

  it('in a disable comment: shown at its line with the nearest name, and exit 2', () => {
    fs.writeFileSync(path.join(dir, 'two.plan.yaml'), `# planlint-disable-file yearly-sum-matches-overal -- 原文如此\n${TWO_MISTAKES}`);
    const r = run(['two.plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('豁免注释中的规则 “yearly-sum-matches-overal” 不存在,是否应为 “yearly-sum-matches-overall”?');
    expect(r.stderr).toContain('豁免注释中写了不存在的规则名');
  });
});

describe('what a folder walk skips', () => {
  const listed = (args: string[]) => (JSON.parse(run(['-f', 'json', ...args]).stdout) as { filePath: string }[]).map((f) => f.filePath);

  it('node_modules, fixtures and test folders by default, unless named', () => {
    for (const d of ['node_modules/pkg', 'rules/x/fixtures', 'tests', 'test', 'plans']) {
      fs.mkdirSync(path.join(dir, d), { recursive: true });
      fs.writeFileSync(path.join(dir, d, 'a.plan.yaml'), TWO_MISTAKES);
    }
    expect(listed([])).toEqual(['plans/a.plan.yaml', 'two.plan.yaml']);
    expect(listed(['tests'])).toEqual(['tests/a.plan.yaml']);
    expect(listed(['rules/x/fixtures/a.plan.yaml'])).toEqual(['rules/x/fixtures/a.plan.yaml']);
    expect(listed(['rules/**/*.plan.yaml'])).toEqual(['rules/x/fixtures/a.plan.yaml']);
  });

  it('.planlintignore and the ignores setting of .planlint.yaml', () => {
    for (const d of ['drafts/old', 'archive', 'plans']) {
      fs.mkdirSync(path.join(dir, d), { recursive: true });
      fs.writeFileSync(path.join(dir, d, 'a.plan.yaml'), TWO_MISTAKES);
    }
    fs.writeFileSync(path.join(dir, '.planlintignore'), '# old drafts\ndrafts/\n');
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'ignores: ["archive/**", "two.plan.yaml"]\n');
    expect(listed([])).toEqual(['plans/a.plan.yaml']);
    // Named on the command line, an ignored file is checked all the same.
    expect(listed(['two.plan.yaml', 'drafts/old/a.plan.yaml'])).toEqual(['two.plan.yaml', 'drafts/old/a.plan.yaml']);
  });
});
