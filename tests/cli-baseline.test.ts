// A draft followed through its rounds, as a reviewer runs it: `planlint --baseline OLD NEW`, through the real bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { beforeEach, describe, expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../dist/cli.js');
let dir: string;

// Round 1: the sum disagrees with the total (17 ≠ 15) and a rate is above 100%.
const ROUND1 = fs.readFileSync(path.resolve(__dirname, 'cli/error.plan.yaml'), 'utf8');
// Round 2: a section inserted above (every line moves), the sum fixed, the rate left, a new task with a rate of its own above 100%.
const ROUND2 = ROUND1.replace('2023: 7 }', '2023: 5 }').replace(
  'sections:\n',
  'sections:\n  - title: 卫生\n    tasks:\n      - title: 建设卫生服务中心\n        indicators:\n          - { name: 覆盖率, unit: "%", kind: level, comparator: ">=", yearly: { 2021: 90, 2022: 95, 2023: 120 } }\n    lead: [区卫健局]\n',
);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-baseline-'));
  for (const [round, text] of [['old', ROUND1], ['new', ROUND2]] as const) {
    fs.mkdirSync(path.join(dir, round, 'edu'), { recursive: true });
    fs.writeFileSync(path.join(dir, round, 'edu', 'kg.plan.yaml'), text);
  }
});

function run(args: string[], cwd = dir): { code: number | null; stdout: string; stderr: string } {
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', GIT_CEILING_DIRECTORIES: path.dirname(dir) };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('planlint --baseline', () => {
  it('folders, paired by relative path: new first, then still open, then what was fixed', () => {
    const r = run(['--baseline', 'old', 'new']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = r.stdout;
    const newAt = out.indexOf('本轮新增 / new since the last round');
    const openAt = out.indexOf('仍未解决 / still open');
    expect(newAt).toBeGreaterThan(0);
    expect(openAt).toBeGreaterThan(newAt);
    // The new task's rate (120%) is new; the kept one (101%) still open, though it moved down five lines.
    expect(out.slice(newAt, openAt)).toContain('120%');
    expect(out.slice(openAt)).toContain('101%');
    expect(out).toContain('与上一轮相比:本轮新增 1 项,仍未解决 1 项,已修复 1 项');
    expect(out).toMatch(/已修复 \/ fixed since the last round:\n {6}✔ 新建公办幼儿园\(所\):年度目标合计 17/);
    expect(out).toContain('新建公办幼儿园 · 新建公办幼儿园(所)  2023: 7 → 5');
    expect(out).toContain('新增任务 1 项,删除任务 0 项');
  });

  it('two files, in English; the same file against itself has nothing new and exits 0', () => {
    const r = run(['--baseline', 'old/edu/kg.plan.yaml', 'new/edu/kg.plan.yaml', '--lang', 'en']);
    expect(r.stdout).toContain('Against the last round: 1 new, 1 still open, 1 fixed');
    const same = run(['--baseline', 'old/edu/kg.plan.yaml', 'old/edu/kg.plan.yaml']);
    expect(same.stdout).toContain('本轮新增 0 项,仍未解决 2 项,已修复 0 项');
    expect(same.stdout).not.toContain('本轮新增 / new since the last round');
    // Only what a round adds fails it: what was open before is known.
    expect(same.code).toBe(0);
    expect(run(['old']).code).toBe(1);
  });

  it('json carries each finding\'s state, the fixed ones and the targets changed', () => {
    const r = run(['--baseline', 'old', 'new', '-f', 'json']);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string; baselineState: string; message: string }[]; baseline: { fixed: { ruleId: string; baselineState: string }[]; targetChanges: unknown[] } }[];
    expect(file.messages.map((m) => m.baselineState).sort()).toEqual(['new', 'unchanged']);
    expect(file.baseline.fixed).toMatchObject([{ ruleId: 'yearly-sum-matches-overall', baselineState: 'absent' }]);
    expect(file.baseline.targetChanges).toMatchObject([{ indicator: '新建公办幼儿园(所)', which: 'year', year: 2023, before: 7, after: 5 }]);
  });

  it('sarif carries baselineState new / unchanged / absent, valid against the SARIF 2.1.0 schema', () => {
    const r = run(['--baseline', 'old', 'new', '-f', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; baselineState: string; locations: { physicalLocation: { region?: unknown } }[] }[] }[] };
    const results = log.runs[0].results;
    expect(results.map((x) => `${x.ruleId} ${x.baselineState}`).sort()).toEqual([
      'rate-within-bounds new', 'rate-within-bounds unchanged', 'yearly-sum-matches-overall absent',
    ]);
    expect(results.find((x) => x.baselineState === 'absent')?.locations[0].physicalLocation.region).toBeUndefined();
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('a git revision: each file read at it with git; a file added since is all new', () => {
    const repo = path.join(dir, 'new');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, env: { PATH: process.env.PATH ?? '' } });
    fs.writeFileSync(path.join(repo, 'edu', 'kg.plan.yaml'), ROUND1);
    git('init', '-q', '.');
    git('add', '.');
    git('commit', '-qm', 'round 1');
    fs.writeFileSync(path.join(repo, 'edu', 'kg.plan.yaml'), ROUND2);
    fs.writeFileSync(path.join(repo, 'added.plan.yaml'), ROUND1);
    const r = run(['--baseline', 'HEAD', '-f', 'json'], repo);
    expect(r.stderr).toBe('');
    const files = JSON.parse(r.stdout) as { filePath: string; messages: { baselineState: string }[]; baseline: { fixed: unknown[] } }[];
    const kg = files.find((f) => f.filePath === 'edu/kg.plan.yaml');
    expect(kg?.messages.map((m) => m.baselineState).sort()).toEqual(['new', 'unchanged']);
    expect(kg?.baseline.fixed.length).toBe(1);
    expect(files.find((f) => f.filePath === 'added.plan.yaml')?.messages.map((m) => m.baselineState)).toEqual(['new', 'new']);
    // From another folder, the file's own repository is the one read.
    expect(run(['--baseline', 'HEAD', 'new/edu/kg.plan.yaml']).stdout).toContain('本轮新增 1 项,仍未解决 1 项,已修复 1 项');

    const unknown = run(['--baseline', 'no-such-rev'], repo);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的 git 修订版本:no-such-rev');
    expect(unknown.stderr).toContain('unknown git revision: no-such-rev');
    const option = run(['--baseline=--output=x'], repo);
    expect(option.code).toBe(2);
    expect(fs.existsSync(path.join(repo, 'x'))).toBe(false);
  });

  it('a git revision of a .docx: its bytes read from git and imported, as this round\'s is', () => {
    const repo = path.join(dir, 'new');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, env: { PATH: process.env.PATH ?? '' } });
    // Each round's draft as a document, made by planlint's own export of a seed (--force: it has errors);
    // round 2 writes task 35's lead in full, so its abbreviation is fixed.
    const seed = fs.readFileSync(path.resolve(__dirname, '../seeds/000-shanwei-chengqu-2022.plan.yaml'), 'utf8');
    expect(seed).toContain('lead: [区卫健局]');
    for (const [name, text] of [['r1', seed], ['r2', seed.replace('lead: [区卫健局]', 'lead: [区卫生健康局]')]] as const) {
      fs.writeFileSync(path.join(dir, `${name}.plan.yaml`), text);
      expect(run(['export', `${name}.plan.yaml`, '--to', 'docx', '--force', '-o', `${name}.docx`]).stderr).toContain(`${name}.docx`);
    }
    fs.copyFileSync(path.join(dir, 'r1.docx'), path.join(repo, 'draft.docx'));
    git('init', '-q', '.');
    git('add', '.');
    git('commit', '-qm', 'round 1');
    type Json = { messages: { ruleId: string; baselineState: string }[]; baseline: { fixed: { ruleId: string }[] } }[];
    // Unchanged: the same findings, none new, none fixed.
    const same = JSON.parse(run(['--baseline', 'HEAD', 'draft.docx', '-f', 'json'], repo).stdout) as Json;
    const before = same[0].messages.length;
    expect(before).toBeGreaterThan(10);
    expect(same[0].messages.every((m) => m.baselineState === 'unchanged')).toBe(true);
    expect(same[0].baseline.fixed).toEqual([]);
    fs.copyFileSync(path.join(dir, 'r2.docx'), path.join(repo, 'draft.docx'));
    const r = run(['--baseline', 'HEAD', 'draft.docx', '-f', 'json'], repo);
    expect(r.stderr).toBe('');
    const files = JSON.parse(r.stdout) as Json;
    expect(files[0].messages.length).toBe(before - 1);
    expect(files[0].messages.every((m) => m.baselineState === 'unchanged')).toBe(true);
    expect(files[0].baseline.fixed.map((f) => f.ruleId)).toEqual(['unit-name-canonical']);
    // A revision whose bytes do not import: said so, this round's findings shown unmarked.
    fs.writeFileSync(path.join(repo, 'draft.docx'), 'not a zip');
    git('commit', '-qam', 'broken');
    fs.copyFileSync(path.join(dir, 'r2.docx'), path.join(repo, 'draft.docx'));
    expect(run(['--baseline', 'HEAD', 'draft.docx', '--lang', 'en'], repo).stdout).toContain('the last round cannot be read');
  });

  it('not in a git repository: a clear message in both languages, exit 2', () => {
    const r = run(['--baseline', 'HEAD~1', 'old']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不在 git 仓库中,无法读取修订版本 HEAD~1.* \/ .*is not in a git repository: cannot read revision HEAD~1/);
    expect(r.stdout).toBe('');
  });

  it('--help names --baseline', () => {
    const r = run(['--help']);
    expect(r.stdout).toContain('--baseline <上一轮>');
    expect(r.stdout).toContain('git revision (HEAD~1)');
  });

  it('report --baseline writes the report; --baseline is refused where it means nothing', () => {
    const r = run(['report', '--baseline', 'old', 'new', '-o', 'r.html']);
    expect(r.code).toBe(1);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    const text = (from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
    // The verdict says what the round fixed; the new findings come first, then the fixed, then the targets changed.
    expect(html).toMatch(/class="verdict bad"[^>]*>结论:暂不宜印发。[^<]* 与上一轮相比:本轮修复了 1 个问题,新增 1 个,仍未解决 1 个。 已修复:[^<]+。</);
    const order = ['id="new-findings"', 'id="fixed-findings"', 'class="target-changes"', 'class="by-rule"'].map((s) => html.indexOf(s));
    expect(order.every((x) => x > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text('id="new-findings"', 'id="fixed-findings"')).toContain('120%');
    expect(text('id="new-findings"', 'id="fixed-findings"')).not.toContain('101%');
    expect(text('id="fixed-findings"', '</section>')).toContain('上一轮第 13 行');
    expect(html).toMatch(/<tr><td>新建公办幼儿园\(所\)<\/td><td class="muted">新建公办幼儿园<\/td><td>2023<\/td><td class="num">7<\/td><td class="num">5<\/td><\/tr>/);
    expect(html).toContain('<h4>新增任务</h4><ul><li>建设卫生服务中心</li></ul>');
    // Without --baseline the report has none of it.
    run(['report', 'new', '-o', 'plain.html']);
    expect(fs.readFileSync(path.join(dir, 'plain.html'), 'utf8')).not.toContain('new-findings');
    const bad = run(['export', 'new/edu/kg.plan.yaml', '--to', 'docx', '--baseline', 'old']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--baseline 只用于检查与 planlint report / is for checking and planlint report only');
  });
});
