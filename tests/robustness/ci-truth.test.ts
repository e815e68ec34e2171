// CI that never shows green for what it did not read: every file the folder walk could not read is a
// read error (exit 2) in every format; symlinked plans are followed with a loop guard; SARIF locations
// are correct URI references under a declared %SRCROOT%.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLEAN_PLAN, CLI, expectNoCrash, runCli, tempDir, WARN_PLAN, type Run } from './cli-run.js';

const isRoot = process.getuid?.() === 0;
let dir: string;

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  dir = tempDir('ci');
  fs.writeFileSync(path.join(dir, 'clean.plan.yaml'), CLEAN_PLAN);
});

/** Runs the CLI as a user the permissions apply to: root reads every folder. */
function runAsUser(args: string[]): Run {
  if (!isRoot) return runCli(dir, args);
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Sarif {
  runs: {
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
  }[];
}

/** Every format, for the same run: each must show the read error. */
function everyFormat(run: (args: string[]) => Run, unreadable: string): void {
  const stylish = run([]);
  expectNoCrash(stylish);
  expect(stylish.code).toBe(2);
  expect(stylish.stdout).toContain(unreadable);
  expect(stylish.stdout).toMatch(/错误/);

  const json = JSON.parse(run(['-f', 'json']).stdout) as { filePath: string; readError?: string }[];
  expect(json.find((f) => f.filePath === unreadable)?.readError).toBeTruthy();

  const sarif = JSON.parse(run(['-f', 'sarif']).stdout) as Sarif;
  const invocation = sarif.runs[0].invocations?.[0];
  expect(invocation?.executionSuccessful).toBe(false);
  expect(invocation?.toolExecutionNotifications.map((n) => n.locations[0].physicalLocation.artifactLocation.uri)).toEqual([unreadable]);

  const junit = run(['-f', 'junit']).stdout;
  expect(junit).toMatch(new RegExp(`<testsuite name="${unreadable}"[^>]*errors="1">\\s*<testcase[^>]*>\\s*<error `));
  expect(junit).toMatch(/<testsuites [^>]*errors="1"/);

  expect(run(['-f', 'github']).stdout).toMatch(new RegExp(`^::error file=${unreadable},`, 'm'));
}

describe('what the walk could not read is a read error in every format', () => {
  it('an unreadable sub-folder', () => {
    const sub = path.join(dir, 'locked');
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'hidden.plan.yaml'), WARN_PLAN);
    fs.chmodSync(sub, 0o000);
    try {
      everyFormat(runAsUser, 'locked');
    } finally {
      fs.chmodSync(sub, 0o755);
    }
  });

  it('a dangling symlinked plan, in SARIF that is still valid against the 2.1.0 schema', () => {
    fs.symlinkSync('gone.plan.yaml', path.join(dir, 'dangling.plan.yaml'));
    everyFormat((args) => runCli(dir, args), 'dangling.plan.yaml');
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    validate(JSON.parse(runCli(dir, ['-f', 'sarif']).stdout));
    expect(validate.errors ?? []).toEqual([]);
  });
});

describe('symlinked plans in a walked folder', () => {
  it('are followed: a folder holding only a link checks the plan it names', () => {
    const elsewhere = tempDir('elsewhere');
    fs.writeFileSync(path.join(elsewhere, 'target.yaml'), WARN_PLAN);
    const only = path.join(dir, 'only');
    fs.mkdirSync(only);
    fs.symlinkSync(path.join(elsewhere, 'target.yaml'), path.join(only, 'link.plan.yaml'));
    const r = runCli(only, ['-f', 'json']);
    expectNoCrash(r);
    const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(files.map((f) => f.filePath)).toEqual(['link.plan.yaml']);
    expect(files[0].messages.map((m) => m.ruleId)).toContain('unit-name-canonical');
  });

  it('a symlinked folder that loops back is walked once, and each plan checked once', () => {
    fs.symlinkSync('.', path.join(dir, 'loop'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    const r = runCli(dir, ['-f', 'json'], { timeout: 10_000 });
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual(['clean.plan.yaml']);
  });
});

describe('symlinked folders', () => {
  it('leading out of the walked folder are not walked (a link to / would walk the machine)', () => {
    const elsewhere = tempDir('elsewhere');
    fs.writeFileSync(path.join(elsewhere, 'far.plan.yaml'), WARN_PLAN);
    fs.symlinkSync(elsewhere, path.join(dir, 'far'));
    fs.symlinkSync('/', path.join(dir, 'root'));
    const r = runCli(dir, ['-f', 'json'], { timeout: 20_000 });
    expectNoCrash(r);
    expect((JSON.parse(r.stdout) as { filePath: string }[]).map((f) => f.filePath)).toEqual(['clean.plan.yaml']);
    fs.rmSync(elsewhere, { recursive: true });
  });
});

describe('SARIF locations', () => {
  it('are relative references with #, % and spaces encoded, under a declared %SRCROOT%', () => {
    fs.writeFileSync(path.join(dir, 'a#b %c.plan.yaml'), CLEAN_PLAN);
    const log = JSON.parse(runCli(dir, ['-f', 'sarif']).stdout) as Sarif;
    const root = log.runs[0].originalUriBaseIds?.['%SRCROOT%']?.uri;
    expect(root).toBe(`${pathToFileURL(dir).href}/`);
    const uris = log.runs[0].artifacts.map((a) => a.location);
    expect(uris).toContainEqual({ uri: 'a%23b%20%25c.plan.yaml', uriBaseId: '%SRCROOT%' });
    // Resolved against the root, each reference names the file itself.
    for (const u of uris) expect(fs.existsSync(new URL(u.uri, root))).toBe(true);
  });

  it('name a file outside the working folder by an absolute file: URI, not under %SRCROOT%', () => {
    const elsewhere = tempDir('outside #1');
    const file = path.join(elsewhere, 'x.plan.yaml');
    fs.writeFileSync(file, CLEAN_PLAN);
    const log = JSON.parse(runCli(dir, ['-f', 'sarif', file]).stdout) as Sarif;
    expect(log.runs[0].artifacts.map((a) => a.location)).toEqual([{ uri: pathToFileURL(file).href }]);
  });
});
