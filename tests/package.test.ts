// Install anywhere (issue 26, item 1): the npm tarball, installed into an empty prefix outside the
// repository, runs on a plan in a folder that knows nothing of this repository. The bundles in dist/
// carry every library, so the package has no dependencies and the install needs no registry (--offline).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const PLAN = `plan:
  title: 示例县民生实事(2021—2023年)
  period: { start: 2021, end: 2023 }
units:
  - name: 县教育局
sections:
  - title: 教育
    tasks:
      - title: 新建公办幼儿园
        lead: [县教育局]
        indicators:
          - name: 新建公办幼儿园
            unit: 所
            kind: increment
            yearly: { 2021: 4, 2022: 6, 2023: 5 }
            overall: { year: 2023, value: 15 }
`;

let tmp: string;
let tarball: string;
let prefix: string;
let work: string;

// Only what a user's shell has: no npm_* variables from the test runner, no repository on the way.
const npmEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmp, NO_COLOR: '1' });

beforeAll(() => {
  // realpath: on some systems os.tmpdir() is a symlink, and "outside the repository" should be checked on the real path.
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-pkg-')));
  // --ignore-scripts: dist/ is built already (the bundles every other CLI test runs); `prepare` would rebuild it.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: ROOT, encoding: 'utf8', env: npmEnv() })) as { filename: string; files: { path: string }[]; size: number }[];
  tarball = path.join(tmp, packed[0].filename);
  prefix = path.join(tmp, 'prefix');
  execFileSync('npm', ['install', '-g', '--prefix', prefix, tarball, '--offline', '--no-audit', '--no-fund'], { cwd: tmp, encoding: 'utf8', env: npmEnv(), stdio: 'pipe' });
  work = path.join(tmp, 'office');
  fs.mkdirSync(work);
}, 60_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function planlint(...args: string[]) {
  const r = spawnSync(path.join(prefix, 'bin', 'planlint'), args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'zh_CN.UTF-8' }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm tarball', () => {
  it('is small, holds the CLI, the server and the rule pages, and nothing of the sources or tests', () => {
    expect(fs.statSync(tarball).size).toBeLessThan(3_000_000);
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listed).toEqual(expect.arrayContaining(['package/dist/cli.js', 'package/dist/cli-main.js', 'package/dist/cli-main.cache', 'package/dist/vendor/validators-config.js', 'package/dist/server.js', 'package/schemas/plan.schema.json', 'package/rules/yearly-sum-matches-overall/README.md']));
    expect(listed.filter((f) => /^package\/(src|tests|seeds|node_modules|scripts)\//.test(f))).toEqual([]);
  });

  it('installs into an empty prefix outside the repository, with no dependency to fetch', () => {
    expect(path.relative(ROOT, prefix).startsWith('..')).toBe(true);
    const installed = path.join(prefix, 'lib', 'node_modules', 'planlint');
    expect(fs.existsSync(path.join(installed, 'dist', 'cli.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
    expect(fs.existsSync(path.join(prefix, 'bin', 'planlint-server'))).toBe(true);
  });

  it('runs on a plan with one mistake in a folder of its own: exit 1, the finding, its suggestions', () => {
    fs.writeFileSync(path.join(work, 'a.plan.yaml'), PLAN.replace('value: 15', 'value: 16'));
    const r = planlint('a.plan.yaml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('16:43  错误  新建公办幼儿园(所):年度目标合计 15(2021年 4 + 2022年 6 + 2023年 5)与总体目标 16 不一致');
    expect(r.stdout).toContain('yearly-sum-matches-overall');
    expect(r.stdout).toContain('将总体目标改为 15');
    expect(r.stdout).toContain('共 1 个问题(1 个错误,0 个警告,0 个提示)');
  });

  it('runs on a good plan: exit 0; and shows a rule page from the installed package', () => {
    fs.writeFileSync(path.join(work, 'b.plan.yaml'), PLAN);
    const good = planlint('b.plan.yaml');
    expect(good).toMatchObject({ code: 0, stderr: '' });
    expect(good.stdout).toContain('都没有问题');
    const rule = planlint('rule', 'yearly-sum-matches-overall');
    expect(rule.code).toBe(0);
    const page = path.join(prefix, 'lib', 'node_modules', 'planlint', 'rules', 'yearly-sum-matches-overall', 'README.md');
    expect(rule.stdout).toContain(`完整说明与示例: ${page}`);
    expect(fs.readFileSync(page, 'utf8')).toMatch(/^# yearly-sum-matches-overall/);
  });
});
