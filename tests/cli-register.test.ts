// The unit register from the CLI: .planlint.yaml names it, and across the files of one run the same
// unit is spelt one way (the stylish output, JSON and the report say which files disagree).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { beforeEach, describe, expect, it } from 'vitest';

const CLI = path.resolve(__dirname, '../dist/cli.js');
let dir: string;

const plan = (title: string, unit: string) => `plan:\n  title: ${title}\n  period: { start: 2022, end: 2022 }\nsections:\n  - title: 卫生\n    lead: [${unit}]\n`;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-register-cli-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'register: units.register.yaml\n');
  fs.writeFileSync(path.join(dir, 'units.register.yaml'), 'units:\n  - name: 教育局\n');
  fs.writeFileSync(path.join(dir, 'a.plan.yaml'), plan('甲', '区卫生健康局'));
  fs.writeFileSync(path.join(dir, 'b.plan.yaml'), plan('乙', '区卫健局'));
  fs.writeFileSync(path.join(dir, 'c.plan.yaml'), plan('丙', '区卫生健康局'));
});

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a unit spelt two ways across the files of one run', () => {
  it('the file that differs is told, with the files that spell it otherwise', () => {
    const r = run(['--lang', 'en', '-f', 'json']);
    const files = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number; column: number }[] }[];
    const rules = Object.fromEntries(files.map((f) => [f.filePath, f.messages.map((m) => m.ruleId)]));
    expect(rules).toEqual({ 'a.plan.yaml': [], 'b.plan.yaml': ['unit-register-form', 'unit-spelling-across-files'], 'c.plan.yaml': [] });
    const across = files[1].messages[1];
    expect(across).toMatchObject({ line: 6, column: 12 });
    expect(across.message).toBe('"区卫健局" is spelt "区卫生健康局" in a.plan.yaml, c.plan.yaml; spell the same unit (区卫生健康局) one way');
  });

  it('the same through worker threads, with enough files', () => {
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(dir, `d${i}.plan.yaml`), plan(`丁${i}`, '区卫生健康局'));
    const r = run(['--lang', 'en']);
    expect(r.stdout.match(/unit-spelling-across-files/g)?.length).toBe(1);
    expect(r.stdout).toContain('"区卫健局" is spelt "区卫生健康局" in a.plan.yaml, c.plan.yaml, d0.plan.yaml, …');
  });

  it('the review report says so too', () => {
    const r = run(['report', '-o', 'out.html', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'out.html'), 'utf8')).toContain('spell the same unit (区卫生健康局) one way');
  });

  it('without a register, nothing is compared', () => {
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'rules: {}\n');
    expect(run(['--lang', 'en']).stdout).not.toContain('unit-spelling-across-files');
  });

  it('a switched-off rule reports nothing', () => {
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'register: units.register.yaml\nrules:\n  unit-spelling-across-files: off\n');
    expect(run(['--lang', 'en']).stdout).not.toContain('unit-spelling-across-files');
  });
});

describe('across files, each file under its own configuration', () => {
  type Json = { filePath: string; messages: { ruleId: string; severity: string; message: string; line: number }[] }[];
  const across = (files: Json) => Object.fromEntries(files.map((f) => [f.filePath, f.messages.filter((m) => m.ruleId.startsWith('unit-spelling') || m.ruleId === 'exemption-unused').map((m) => `${m.ruleId}:${m.severity}:${m.line}`)]));

  beforeEach(() => {
    fs.writeFileSync(path.join(dir, '.planlint.yaml'), 'register: units.register.yaml\nrules:\n  unit-spelling-across-files: error\n');
    // A folder that turns the rule off: its two files spell it 区卫健局 and take no part.
    fs.mkdirSync(path.join(dir, 'off'));
    fs.writeFileSync(path.join(dir, 'off', '.planlint.yaml'), 'register: units.register.yaml\nrules:\n  unit-spelling-across-files: off\n');
    fs.copyFileSync(path.join(dir, 'units.register.yaml'), path.join(dir, 'off', 'units.register.yaml'));
    fs.writeFileSync(path.join(dir, 'off', 'd.plan.yaml'), plan('丁', '区卫健局'));
    fs.writeFileSync(path.join(dir, 'off', 'e.plan.yaml'), plan('戊', '区卫健局'));
    // A folder that keeps the rule at its default severity (warning).
    fs.mkdirSync(path.join(dir, 'warn'));
    fs.writeFileSync(path.join(dir, 'warn', '.planlint.yaml'), 'register: units.register.yaml\n');
    fs.copyFileSync(path.join(dir, 'units.register.yaml'), path.join(dir, 'warn', 'units.register.yaml'));
    fs.writeFileSync(path.join(dir, 'warn', 'f.plan.yaml'), plan('己', '区卫健局'));
  });

  it('a file whose config turns the rule off takes no part; the severity is each file\'s own', () => {
    const files = JSON.parse(run(['--lang', 'en', '-f', 'json']).stdout) as Json;
    // Counted with the off folder, 区卫健局 would be the reference (4 files to 2) and a, c be told.
    expect(across(files)).toEqual({
      'a.plan.yaml': [], 'b.plan.yaml': ['unit-spelling-across-files:error:6'], 'c.plan.yaml': [],
      'off/d.plan.yaml': [], 'off/e.plan.yaml': [], 'warn/f.plan.yaml': ['unit-spelling-across-files:warning:6'],
    });
    expect(files[1].messages.find((m) => m.ruleId === 'unit-spelling-across-files')?.message).toBe('"区卫健局" is spelt "区卫生健康局" in a.plan.yaml, c.plan.yaml; spell the same unit (区卫生健康局) one way');
  });

  it('the same in the review report', () => {
    expect(run(['report', '-o', 'out.html', '--lang', 'en']).code).toBe(1);
    const html = fs.readFileSync(path.join(dir, 'out.html'), 'utf8');
    expect(html.match(/spell the same unit \(区卫生健康局\) one way/g)?.length).toBe(2);
  });

  it('the disable comments of the file the finding lands in apply to it', () => {
    const lines = plan('乙', '区卫健局').split('\n');
    lines.splice(5, 0, '    # planlint-disable-next-line unit-spelling-across-files -- 原文如此');
    fs.writeFileSync(path.join(dir, 'b.plan.yaml'), lines.join('\n'));
    fs.writeFileSync(path.join(dir, 'warn', 'f.plan.yaml'), `# planlint-disable-file unit-spelling-across-files -- 原文如此\n${plan('己', '区卫健局')}`);
    const r = run(['--lang', 'en', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(across(JSON.parse(r.stdout) as Json)).toEqual({
      'a.plan.yaml': [], 'b.plan.yaml': [], 'c.plan.yaml': [], 'off/d.plan.yaml': [], 'off/e.plan.yaml': [], 'warn/f.plan.yaml': [],
    });
  });

  it('a disable comment of the rule that exempts nothing over the run is reported unused', () => {
    const lines = plan('甲', '区卫生健康局').split('\n');
    lines.splice(5, 0, '    # planlint-disable-next-line unit-spelling-across-files -- 原文如此');
    fs.writeFileSync(path.join(dir, 'a.plan.yaml'), lines.join('\n'));
    const files = JSON.parse(run(['--lang', 'en', '-f', 'json']).stdout) as Json;
    expect(across(files)['a.plan.yaml']).toEqual(['exemption-unused:warning:6']);
    expect(files[0].messages[0].message).toContain('unit-spelling-across-files');
  });
});

describe('across files, against the last round (--baseline)', () => {
  const two = (title: string, lead: string, responsible: string, above = '') =>
    `plan:\n  title: ${title}\n  period: { start: 2022, end: 2022 }\nsections:\n${above}  - title: 卫生\n    lead: [${lead}]\n    responsible: [${responsible}]\n`;
  // A section inserted above in b: every line of the file moves, the finding about it stays the same.
  const ABOVE = '  - title: 就业\n    lead: [区教育局]\n';
  const rounds = {
    old: { a: ['区卫生健康局', '区人力资源和社会保障局'], b: ['区卫健局', '区人力资源和社会保障局'], c: ['区卫生健康局', '区人社局'] },
    new: { a: ['区卫生健康局', '区人社局'], b: ['区卫健局', '区人力资源和社会保障局'], c: ['区卫生健康局', '区人力资源和社会保障局'] },
  };
  beforeEach(() => {
    for (const [round, files] of Object.entries(rounds)) {
      fs.mkdirSync(path.join(dir, round));
      for (const [name, [lead, responsible]] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, round, `${name}.plan.yaml`), two(name, lead, responsible, round === 'new' && name === 'b' ? ABOVE : ''));
      }
    }
  });
  type Json = { filePath: string; messages: { ruleId: string; line: number; message: string; baselineState?: string }[]; baseline: { fixed: { ruleId: string; baselineLine: number; message: string; baselineState: string }[] } }[];
  const across = (files: Json) => Object.fromEntries(files.map((f) => [f.filePath, [
    ...f.messages.filter((m) => m.ruleId === 'unit-spelling-across-files').map((m) => `${m.baselineState} ${m.line} ${m.message}`),
    ...f.baseline.fixed.filter((m) => m.ruleId === 'unit-spelling-across-files').map((m) => `${m.baselineState} ${m.baselineLine} ${m.message}`),
  ]]));

  it('each finding new, still open or fixed, by the unit and the file, not by the line', () => {
    const r = run(['--baseline', 'old', 'new', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(across(JSON.parse(r.stdout) as Json)).toEqual({
      'new/a.plan.yaml': ['new 7 "区人社局" is spelt "区人力资源和社会保障局" in new/b.plan.yaml, new/c.plan.yaml; spell the same unit (区人力资源和社会保障局) one way'],
      // Moved down two lines, the same finding.
      'new/b.plan.yaml': ['unchanged 8 "区卫健局" is spelt "区卫生健康局" in new/a.plan.yaml, new/c.plan.yaml; spell the same unit (区卫生健康局) one way'],
      'new/c.plan.yaml': ['absent 7 "区人社局" is spelt "区人力资源和社会保障局" in new/a.plan.yaml, new/b.plan.yaml; spell the same unit (区人力资源和社会保障局) one way'],
    });
    // A round against itself: the findings across files are still open, so they do not fail it, as within one file.
    const same = run(['--baseline', 'new', 'new', '-f', 'json', '--fail-on', 'warning']);
    expect(Object.values(across(JSON.parse(same.stdout) as Json)).flat().map((x) => x.split(' ')[0]).sort()).toEqual(['unchanged', 'unchanged']);
    expect(same.code).toBe(0);
    expect(run(['new', '--fail-on', 'warning']).code).toBe(1);
  });

  it('the same through worker threads, and in SARIF with baselineState, valid against the SARIF 2.1.0 schema', () => {
    for (const round of ['old', 'new']) for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(dir, round, `d${i}.plan.yaml`), two(`丁${i}`, '区卫生健康局', '区财政局'));
    const r = run(['--baseline', 'old', 'new', '-f', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; baselineState: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = log.runs[0].results.filter((x) => x.ruleId === 'unit-spelling-across-files');
    expect(results.map((x) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.baselineState}`).sort()).toEqual([
      'new/a.plan.yaml new', 'new/b.plan.yaml unchanged', 'new/c.plan.yaml absent',
    ]);
    const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new AjvDraft04({ strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });
});
