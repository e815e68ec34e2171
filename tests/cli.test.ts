// Golden CLI scenarios: arguments → output and exit code, run through the real bundle (dist/cli.js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { beforeEach, describe, expect, it } from 'vitest';
import { changedLineCount } from './helpers.js';

const CLI = path.resolve(__dirname, '../dist/cli.js');
const FILES = path.resolve(__dirname, 'cli');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-cli-'));
  for (const f of fs.readdirSync(FILES)) fs.copyFileSync(path.join(FILES, f), path.join(dir, f));
});

function run(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('formats', () => {
  it('stylish (Chinese by default): place, severity, message, rule, source line with a marker, summary', async () => {
    const r = run([]);
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('golden/stylish-zh.txt');
    expect(r.stdout).toContain('    13 |             overall: { year: 2023, value: 15 }\n       |                                           ^^');
  });

  it('stylish in English by --lang and by the locale', async () => {
    const r = run(['--lang', 'en']);
    await expect(r.stdout).toMatchFileSnapshot('golden/stylish-en.txt');
    expect(run([], { LANG: 'en_US.UTF-8' }).stdout).toBe(r.stdout);
  });

  it('json: per file, 1-based positions, both languages, fixes', async () => {
    const r = run(['-f', 'json']);
    expect(r.code).toBe(1);
    await expect(r.stdout).toMatchFileSnapshot('golden/output.json');
    const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; fix?: unknown }[] }[];
    const warn = files.find((f) => f.filePath === 'warn.plan.yaml');
    expect(warn?.messages[0]).toMatchObject({ ruleId: 'unit-name-canonical', line: 10, column: 12, fix: { description: '改为已声明的单位名称“区人力资源和社会保障局”' } });
  });

  it('sarif: valid against the SARIF 2.1.0 schema', async () => {
    const r = run(['-f', 'sarif']);
    // %SRCROOT% is the working folder, a fresh temporary one per run: the golden file names it by a placeholder.
    await expect(r.stdout.replaceAll(`${pathToFileURL(dir).href}/`, 'file:///WORKING-FOLDER/')).toMatchFileSnapshot('golden/output.sarif');
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const ok = validate(JSON.parse(r.stdout));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('junit: a suite per file, a failure per finding', async () => {
    const r = run(['-f', 'junit']);
    await expect(r.stdout).toMatchFileSnapshot('golden/output.junit.xml');
    expect(r.stdout).toMatch(/<testsuite name="clean.plan.yaml" tests="1" failures="0"/);
  });

  it('github: workflow annotations', async () => {
    const r = run(['-f', 'github']);
    await expect(r.stdout).toMatchFileSnapshot('golden/output.github.txt');
  });

  it('output is byte-identical across runs, and -o writes the same bytes to a file', () => {
    const a = run(['-f', 'json']);
    const b = run(['-f', 'json', '-o', 'out.json']);
    expect(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe(a.stdout);
    expect(b.stdout).toBe('');
    expect(run(['-f', 'json']).stdout).toBe(a.stdout);
  });
});

describe('findings that say the same of different tasks', () => {
  const plan = (tasks: string[]) => [
    'plan:', '  title: 相同问题', '  period: { start: 2024, end: 2024 }', 'units:', '  - name: 区教育局', 'sections:', '  - title: 教育', '    tasks:',
    '      - title: 新建公办幼儿园', '        lead: [区教育局]',
    ...tasks.map((t) => `      - title: ${t}`),
  ].join('\n') + '\n';
  const write = (name: string, tasks: string[]) => fs.writeFileSync(path.join(dir, name), plan(tasks));
  const findingLines = (out: string) => out.split('\n').filter((l) => /^ {2}\d+:\d+ {2}/.test(l));

  it('stylish shows three or more as the first, with the lines of the others; --no-group lists each', () => {
    write('same.plan.yaml', ['改扩建义务教育学校', '实施课后服务全覆盖', '建设智慧校园']);
    const r = run(['same.plan.yaml']);
    expect(r.code).toBe(1);
    expect(findingLines(r.stdout)).toHaveLength(1);
    expect(r.stdout).toContain('  11:16  错误  任务“改扩建义务教育学校”没有点名任何单位');
    expect(r.stdout).toContain('同样的问题另有 2 处(任务不同):第 12、13 行');
    // The summary still counts every finding, and says how to see them all.
    expect(r.stdout).toContain('✖ 共 3 个问题(3 个错误,0 个警告,0 个提示)');
    expect(r.stdout).toContain('其中 2 个与同一文件中另一个说法相同(任务不同),合并在它之下显示;逐条显示用 --no-group');
    expect(run(['same.plan.yaml', '--lang', 'en']).stdout).toContain('2 more of the same, on other tasks: lines 12, 13');

    const all = run(['same.plan.yaml', '--no-group']);
    expect(all.code).toBe(1);
    expect(findingLines(all.stdout).map((l) => l.trim().split(' ')[0])).toEqual(['11:16', '12:16', '13:16']);
    expect(all.stdout).not.toContain('同样的问题');
    expect(all.stdout).not.toContain('--no-group');
  });

  it('machine formats keep every finding, grouped or not', () => {
    write('same.plan.yaml', ['改扩建义务教育学校', '实施课后服务全覆盖', '建设智慧校园']);
    const files = JSON.parse(run(['same.plan.yaml', '-f', 'json']).stdout) as { messages: { line: number }[] }[];
    expect(files[0].messages.map((m) => m.line)).toEqual([11, 12, 13]);
    expect(run(['same.plan.yaml', '-f', 'github']).stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(3);
  });

  it('two are shown apart, as are findings whose words differ beyond the task', () => {
    write('two.plan.yaml', ['改扩建义务教育学校', '实施课后服务全覆盖']);
    const r = run(['two.plan.yaml']);
    expect(findingLines(r.stdout)).toHaveLength(2);
    expect(r.stdout).not.toContain('同样的问题');
    // Three tasks with several units and none leading, each naming other units: three findings shown.
    write('units.plan.yaml', ['甲\n        responsible: [区教育局, 各街道]', '乙\n        responsible: [区教育局, 各镇]', '丙\n        responsible: [各镇, 各街道]']);
    const u = run(['units.plan.yaml', '--rule', 'unit-declared=off']);
    expect(findingLines(u.stdout).filter((l) => l.includes('task-has-lead'))).toHaveLength(3);
    expect(u.stdout).not.toContain('同样的问题');
  });
});

describe('a report form (plan.form)', () => {
  const REPORT = [
    'plan:', '  title: 2022年十件民生实事', '  form: { kind: news-report, source: 记者从会议上获悉 }', '  period: { start: 2022, end: 2022 }',
    'sections:', '  - title: 教育', '    tasks:', '      - title: 新建公办幼儿园', '      - title: 实施课后服务全覆盖', '',
  ].join('\n');

  it('stylish: the file\'s header line says it is a report, in the reader\'s language; a plan\'s header is its path', () => {
    fs.writeFileSync(path.join(dir, 'news.plan.yaml'), REPORT);
    const r = run(['news.plan.yaml', 'error.plan.yaml']);
    expect(r.stdout.split('\n').filter((l) => /^\S+\.plan\.yaml/.test(l))).toEqual(['news.plan.yaml (新闻报道,不是待印发的计划)', 'error.plan.yaml']);
    expect(r.stdout).toContain('  1:1  提示  全文 2 项任务都没有点名任何单位:本文件是新闻报道(plan.form)');
    fs.writeFileSync(path.join(dir, 'progress.plan.yaml'), REPORT.replace('news-report', 'progress-report'));
    expect(run(['progress.plan.yaml', '--lang', 'en']).stdout.split('\n')[0]).toBe('progress.plan.yaml (a progress report, not a plan to issue)');
  });

  it('json is unchanged; sarif names the form in the artifact\'s properties', () => {
    fs.writeFileSync(path.join(dir, 'news.plan.yaml'), REPORT);
    const files = JSON.parse(run(['news.plan.yaml', '-f', 'json']).stdout) as Record<string, unknown>[];
    expect(Object.keys(files[0])).toEqual(['filePath', 'errorCount', 'warningCount', 'infoCount', 'messages']);
    const log = JSON.parse(run(['news.plan.yaml', 'error.plan.yaml', '-f', 'sarif']).stdout) as { runs: { artifacts: { location: { uri: string }; properties?: unknown }[] }[] };
    expect(log.runs[0].artifacts).toEqual([
      { location: { uri: 'news.plan.yaml', uriBaseId: '%SRCROOT%' }, properties: { form: 'news-report' } },
      { location: { uri: 'error.plan.yaml', uriBaseId: '%SRCROOT%' } },
    ]);
  });

  it('junit: a report\'s suite has its form after the path, for a test view, and in its properties; a plan\'s suite is as before', () => {
    fs.writeFileSync(path.join(dir, 'news.plan.yaml'), REPORT);
    const xml = run(['news.plan.yaml', 'error.plan.yaml', '-f', 'junit']).stdout;
    expect(xml).toContain([
      '  <testsuite name="news.plan.yaml (新闻报道,不是待印发的计划)" tests="1" failures="1" errors="0">',
      '    <properties>',
      '      <property name="form" value="news-report"/>',
      '    </properties>',
      '    <testcase classname="news.plan.yaml" name="task-has-lead 1:1">',
    ].join('\n'));
    // The plan's suite, byte for byte as in the golden output of the plans alone.
    const planSuite = (text: string) => /\n( {2}<testsuite name="error\.plan\.yaml"[\s\S]*?<\/testsuite>\n)/.exec(text)?.[1];
    expect(planSuite(xml)).toBeDefined();
    expect(planSuite(xml)).toBe(planSuite(fs.readFileSync(path.resolve(__dirname, 'golden/output.junit.xml'), 'utf8')));
    expect(xml.match(/<properties>/g)).toHaveLength(1);
    fs.writeFileSync(path.join(dir, 'progress.plan.yaml'), REPORT.replace('news-report', 'progress-report'));
    const en = run(['progress.plan.yaml', '-f', 'junit', '--lang', 'en']).stdout;
    expect(en).toContain('<testsuite name="progress.plan.yaml (a progress report, not a plan to issue)" tests="1"');
    expect(en).toContain('<property name="form" value="progress-report"/>');
  });

  it('github: a report\'s annotations have its form in their titles, and no annotation of their own; a plan\'s are as before', () => {
    fs.writeFileSync(path.join(dir, 'news.plan.yaml'), REPORT);
    const lines = run(['news.plan.yaml', 'error.plan.yaml', '-f', 'github']).stdout.split('\n');
    const news = lines.filter((l) => l.includes('file=news.plan.yaml'));
    expect(news).toHaveLength(1);
    // A comma in a property is escaped as %2C, which GitHub shows as ",".
    expect(news[0]).toMatch(/^::notice file=news\.plan\.yaml,line=1,col=1,endLine=1,endColumn=5,title=planlint task-has-lead \(新闻报道%2C不是待印发的计划\)::全文 2 项任务都没有点名任何单位/);
    const golden = fs.readFileSync(path.resolve(__dirname, 'golden/output.github.txt'), 'utf8').split('\n');
    const ofPlan = (all: string[]) => all.filter((l) => l.includes('file=error.plan.yaml'));
    expect(ofPlan(lines)).toHaveLength(2);
    expect(ofPlan(lines)).toEqual(ofPlan(golden));
    fs.writeFileSync(path.join(dir, 'progress.plan.yaml'), REPORT.replace('news-report', 'progress-report'));
    expect(run(['progress.plan.yaml', '-f', 'github', '--lang', 'en']).stdout).toContain(',title=planlint task-has-lead (a progress report%2C not a plan to issue)::');
  });
});

describe('many files', () => {
  it('are checked in worker threads with the same output, in the same order, as one by one', () => {
    fs.mkdirSync(path.join(dir, 'many'));
    for (let i = 0; i < 24; i++) {
      const src = ['clean', 'error', 'warn'][i % 3];
      fs.copyFileSync(path.join(dir, `${src}.plan.yaml`), path.join(dir, 'many', `p${String(i).padStart(2, '0')}.plan.yaml`));
    }
    const parallel = run(['many', '-f', 'json']);
    const single = ['many/p00.plan.yaml', 'many/p01.plan.yaml', 'many/p02.plan.yaml'].map((f) => JSON.parse(run([f, '-f', 'json']).stdout)[0]);
    const files = JSON.parse(parallel.stdout) as { filePath: string }[];
    expect(files.map((f) => f.filePath)).toEqual(Array.from({ length: 24 }, (_, i) => `many/p${String(i).padStart(2, '0')}.plan.yaml`));
    expect(files.slice(0, 3)).toEqual(single);
    expect(run(['many', '-f', 'json']).stdout).toBe(parallel.stdout);
  });
});

describe('exit codes', () => {
  it('0 for a clean file', () => {
    const r = run(['clean.plan.yaml']);
    expect([r.code, r.stdout]).toEqual([0, '检查了 1 个文件,都没有问题\n']);
  });

  it('warnings alone pass by default; --fail-on warning and --max-warnings make them fail', () => {
    expect(run(['warn.plan.yaml']).code).toBe(0);
    expect(run(['warn.plan.yaml', '--fail-on', 'warning']).code).toBe(1);
    const r = run(['warn.plan.yaml', '--max-warnings', '0']);
    expect([r.code, r.stderr]).toEqual([1, 'planlint: 警告数 1 超过上限 --max-warnings 0\n']);
    expect(run(['warn.plan.yaml', '--max-warnings', '1']).code).toBe(0);
  });

  it('--rule changes a severity or turns a rule off', () => {
    expect(run(['error.plan.yaml', '--rule', 'yearly-sum-matches-overall=off', '--rule', 'rate-within-bounds=warning']).code).toBe(0);
  });

  it('2 with a helpful message for usage errors', () => {
    expect(run(['--frmat', 'json'])).toMatchObject({ code: 2, stderr: 'planlint: 未知选项 / unknown option: --frmat(planlint --help 查看全部选项 / see planlint --help)\n' });
    expect(run(['-f', 'xml'])).toMatchObject({ code: 2, stderr: 'planlint: 未知的输出格式 / unknown format "xml";可用 / available: stylish, json, sarif, junit, github\n' });
    expect(run(['nope.plan.yaml'])).toMatchObject({ code: 2, stderr: 'planlint: 找不到 / not found: nope.plan.yaml\n' });
    expect(run(['--max-warnings', 'x']).code).toBe(2);
    expect(run(['--fail-on', 'fatal']).code).toBe(2);
    expect(run(['--rule', 'x']).code).toBe(2);
  });

  it('2 for a broken config, reported at its place', () => {
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'rules:\n  yearly-sum-matches-overal: off\n');
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2:3  错误  未知的键 “yearly-sum-matches-overal”,是否应为 “yearly-sum-matches-overall”?  schema');
    expect(r.stdout).toBe('');
  });

  it('a config turns rules off and sets severities per file', () => {
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'rules:\n  unit-name-canonical: error\noverrides:\n  - files: ["error.plan.yaml"]\n    rules:\n      yearly-sum-matches-overall: off\n      rate-within-bounds: off\n');
    expect(run(['warn.plan.yaml']).code).toBe(1);
    expect(run(['error.plan.yaml']).code).toBe(0);
  });

  it('--help and --version exit 0', () => {
    expect(run(['--help'])).toMatchObject({ code: 0 });
    expect(run(['--help']).stdout).toContain('退出码 / Exit codes:');
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('--fix', () => {
  it('applies safe fixes in place, keeping every comment and untouched line', () => {
    const file = path.join(dir, 'warn.plan.yaml');
    const before = fs.readFileSync(file, 'utf8');
    const r = run(['--fix', 'warn.plan.yaml']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '检查了 1 个文件,都没有问题\n', 'warn.plan.yaml:已修复 1 处\n']);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('lead: [区人力社保局]', 'lead: [区人力资源和社会保障局]'));
    expect(changedLineCount(before, after)).toBe(1);
    // Fixing twice is fixing once; a file with nothing to fix is not rewritten.
    const mtime = fs.statSync(file).mtimeMs;
    expect(run(['--fix', 'warn.plan.yaml']).stderr).toBe('');
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('keeps CRLF line endings and a BOM byte for byte', () => {
    const file = path.join(dir, 'warn.plan.yaml');
    const crlf = `\uFEFF${fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`;
    fs.writeFileSync(file, crlf);
    run(['--fix', 'warn.plan.yaml']);
    expect(fs.readFileSync(file, 'utf8')).toBe(crlf.replace('lead: [区人力社保局]', 'lead: [区人力资源和社会保障局]'));
  });

  it('replaces full-width punctuation typed with a Chinese input method, nothing else, CRLF kept', () => {
    const file = path.join(dir, 'fullwidth.plan.yaml');
    const text = 'plan:\r\n  title：全角标点，示例\r\n  period: { start: 2021，end: 2023 }\r\nsections: []\r\n';
    fs.writeFileSync(file, text);
    expect(run(['fullwidth.plan.yaml']).stdout).toContain('第 2 行第 8 列用了全角冒号“：”');
    const r = run(['--fix', 'fullwidth.plan.yaml']);
    expect([r.code, r.stderr]).toEqual([0, 'fullwidth.plan.yaml:已修复 2 处\n']);
    expect(fs.readFileSync(file, 'utf8')).toBe('plan:\r\n  title: 全角标点，示例\r\n  period: { start: 2021, end: 2023 }\r\nsections: []\r\n');
  });

  it('fixes a full-width colon after a quoted key and after a Chinese key where its mapping has a key, BOM and CRLF kept', () => {
    const file = path.join(dir, 'fullwidth-keys.plan.yaml');
    const text = '\uFEFFplan:\r\n  "title"：示例\r\n  period: { start: 2021, end: 2023 }\r\n  负责人：\u3000区民政局\r\n  注：本表为示例\r\nsections: []\r\n';
    fs.writeFileSync(file, text);
    const r = run(['--fix', 'fullwidth-keys.plan.yaml']);
    expect(r.stderr).toBe('fullwidth-keys.plan.yaml:已修复 2 处\n');
    // `注：本表为示例` may be a note: a suggestion, never applied by --fix.
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFFplan:\r\n  "title": 示例\r\n  period: { start: 2021, end: 2023 }\r\n  负责人: 区民政局\r\n  注：本表为示例\r\nsections: []\r\n');
  });

  it('never applies suggestions', () => {
    const file = path.join(dir, 'error.plan.yaml');
    const before = fs.readFileSync(file, 'utf8');
    expect(run(['--fix', 'error.plan.yaml']).code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('--fix-dry-run prints the diff and writes nothing', async () => {
    const before = fs.readFileSync(path.join(dir, 'warn.plan.yaml'), 'utf8');
    const r = run(['--fix-dry-run', 'warn.plan.yaml']);
    await expect(r.stdout).toMatchFileSnapshot('golden/fix-dry-run.diff');
    expect(r.stdout).toContain('-    lead: [区人力社保局]   # 简称,可自动修复\n+    lead: [区人力资源和社会保障局]   # 简称,可自动修复');
    expect(fs.readFileSync(path.join(dir, 'warn.plan.yaml'), 'utf8')).toBe(before);
  });
});
