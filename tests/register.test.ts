// The unit register: its file format and schema, the default register (every pair attested), how
// .planlint.yaml names it, and how names are matched against it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { readConfigText } from '../src/engine/config-file.js';
import { makeRegister, matchRegister, readRegisterText } from '../src/engine/register.js';
import { validateAgainst } from '../src/engine/schema.js';
import { nearIdentical } from '../src/engine/unit-variants.js';
import { loadConfigFile } from '../src/node/config-files.js';

const ROOT = path.resolve(__dirname, '..');
const DEFAULT = path.join(ROOT, 'registers/default.register.yaml');
const SEEDS = [path.join(ROOT, '../../shared/seeds'), '/work/shared/seeds'].find((d) => fs.existsSync(d));

interface Attestation { title?: string; url?: string; seed?: string; line?: number; quote?: string }
interface Entry { name: string; short?: string[]; former?: { name: string; year: number; short?: string[] }[]; attested?: Attestation[] }

describe('the default register', () => {
  const data = parse(fs.readFileSync(DEFAULT, 'utf8')) as { units: Entry[] };

  it('validates against schemas/planlint-register.schema.json', () => {
    expect(validateAgainst('register', data)).toEqual([]);
  });

  it('every entry has an attestation, and every name and short form is attested by one of them', () => {
    for (const unit of data.units) {
      expect(unit.attested?.length, unit.name).toBeGreaterThan(0);
      const evidence = unit.attested!.map((a) => `${a.title ?? ''} ${a.quote ?? ''}`).join(' ');
      for (const form of [unit.name, ...(unit.short ?? []), ...(unit.former ?? []).flatMap((f) => [f.name, ...(f.short ?? [])])]) {
        expect(evidence, `${unit.name}: "${form}" attested`).toContain(form);
      }
    }
  });

  it('each seed attestation quotes its seed line as printed', () => {
    if (!SEEDS) return;
    for (const unit of data.units) {
      for (const a of unit.attested ?? []) {
        if (!a.seed) continue;
        const line = fs.readFileSync(path.join(SEEDS, a.seed), 'utf8').split('\n')[a.line! - 1];
        expect(line, `${a.seed}:${a.line}`).toContain(a.quote);
      }
    }
  });

  it('counts its pairs of full name and short form', () => {
    const pairs = data.units.reduce((n, u) => n + (u.short?.length ?? 0) + (u.former ?? []).reduce((m, f) => m + 1 + (f.short?.length ?? 0), 0), 0);
    expect(pairs).toBeGreaterThanOrEqual(10);
  });
});

describe('renamed bodies', () => {
  const config = readConfigText('defaultRegister: true\n', () => undefined).config;
  const plan = (unit: string, year: number) => `plan:\n  title: t\n  period: { start: ${year}, end: ${year} }\nsections:\n  - title: s\n    lead: [${unit}]\n`;
  const renamed = (unit: string, year: number) => checkText(plan(unit, year), { config }).findings.filter((f) => f.ruleId === 'unit-register-form');

  it('a former name is flagged only in plans dated after the rename, with the year', () => {
    expect(renamed('市卫计委', 2018)).toEqual([]);
    const [f] = renamed('市卫计委', 2019);
    expect(f.message.en).toBe('"市卫计委" was renamed "市卫生健康委员会" in 2018; this plan (2019) should use the new name');
    expect(f.fix?.operations).toEqual([{ op: 'set', path: ['sections', 0, 'lead', 0], value: '市卫生健康委员会' }]);
  });

  it('a former name with two successors gets both as suggestions and no fix', () => {
    const [f] = renamed('市国土资源局', 2020);
    expect(f.fix).toBeUndefined();
    expect(f.suggestions?.map((s) => s.operations[0])).toEqual([
      { op: 'set', path: ['sections', 0, 'lead', 0], value: '市自然资源局' },
      { op: 'set', path: ['sections', 0, 'lead', 0], value: '市自然资源和规划局' },
    ]);
  });
});

describe('register files', () => {
  it('reads units and leaves attestations out', () => {
    const read = readRegisterText('units:\n  - name: 教育局\n    short: [教局]\n    attested: [{ seed: a.txt, line: 1 }]\n');
    expect(read).toEqual({ units: [{ name: '教育局', short: ['教局'] }] });
  });

  it('says why a register is not valid, with where', () => {
    const read = readRegisterText('units:\n  - name: 教育局\n    former: [{ name: 教委 }]\n');
    expect('problems' in read && read.problems[0].en).toMatch(/^units\.0\.former\.0: .*year/);
    expect('problems' in readRegisterText('units: [')).toBe(true);
  });

  it('matches a name after a place prefix, and prefers the official name', () => {
    const register = makeRegister([{ name: '教育局' }], true)!;
    expect(matchRegister(register, '綦江区教育局')).toMatchObject({ form: 'name', prefix: '綦江区', unit: { origin: 'register' } });
    expect(matchRegister(register, '市卫健委')).toMatchObject({ form: 'short', prefix: '市', unit: { name: '卫生健康委员会', origin: 'default' } });
    expect(matchRegister(register, '区卫计委')).toMatchObject({ form: 'formerShort', former: { year: 2018 } });
    // Not a place before the body: no match.
    expect(matchRegister(register, '体育教育局')).toBeUndefined();
  });
});

describe('near-identical names', () => {
  const known = (n: string) => ['区教育局(体育局)', '区民政局'].includes(n);
  it.each([
    ['区教育局\uff08体育局\uff09', 'brackets'],
    ['区民政局 ', 'space'],
    [' 区民政局', 'space'],
    ['区民\u200b政局', 'invisible'],
    ['区民政局\u00a0', 'nbsp'],
    ['區民政局', 'traditional'],
    ['区民政局局', 'stray'],
  ])('%j is a near-identical spelling (%s)', (name, variance) => {
    expect(nearIdentical(name, known)).toEqual({ known: name.includes('教育') ? '区教育局(体育局)' : '区民政局', variance });
  });
  it('a known name, or a different one, is not', () => {
    expect(nearIdentical('区民政局', known)).toBeUndefined();
    expect(nearIdentical('区财政局', known)).toBeUndefined();
  });
});

describe('.planlint.yaml register', () => {
  const PLAN = 'plan:\n  title: t\n  period: { start: 2021, end: 2021 }\nsections:\n  - title: s\n    lead: [市卫健委, 市新设局]\n';
  const ids = (config: ReturnType<typeof readConfigText>['config']) => checkText(PLAN, { config }).findings.map((f) => `${f.ruleId}:${f.messageId}`);

  it('without a register, plans are unchanged', () => {
    expect(ids(readConfigText('', () => undefined).config)).toEqual([]);
  });

  it('the default register alone gives short forms, not unknown names', () => {
    expect(ids(readConfigText('defaultRegister: true\n', () => undefined).config)).toEqual(['unit-register-form:shortForm']);
  });

  it('a named register adds the unknown-name rule, with the default register beside it unless switched off', () => {
    const read = (rel: string) => (rel === 'units.register.yaml' ? 'units:\n  - name: 教育局\n' : undefined);
    expect(ids(readConfigText('register: units.register.yaml\n', read).config)).toEqual(['unit-register-form:shortForm', 'unit-known:unknown']);
    expect(ids(readConfigText('register: units.register.yaml\ndefaultRegister: false\n', read).config)).toEqual(['unit-known:unknown', 'unit-known:unknown']);
  });

  it('a missing or invalid register is a finding at its key', () => {
    const missing = readConfigText('register: nowhere.yaml\n', () => undefined);
    expect(missing.findings.map((f) => f.message.en)).toEqual(['Unit register file nowhere.yaml not found']);
    const invalid = readConfigText('register: r.yaml\n', () => 'units: 3\n');
    expect(invalid.findings[0].message.en).toMatch(/^Unit register r\.yaml is invalid: units: /);
    expect(invalid.findings[0].range.start).toBe('register: '.length);
  });

  it('is read from the config folder, and refused outside the repository', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-register-'));
    fs.mkdirSync(path.join(dir, 'repo/.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'repo/units.register.yaml'), 'units:\n  - name: 教育局\n');
    fs.writeFileSync(path.join(dir, 'outside.register.yaml'), 'units:\n  - name: 教育局\n');
    fs.writeFileSync(path.join(dir, 'repo/.planlint.yaml'), 'register: units.register.yaml\n');
    const ok = loadConfigFile(path.join(dir, 'repo/.planlint.yaml'));
    expect(ok.findings).toEqual([]);
    expect(ok.config.register?.units[0]).toMatchObject({ name: '教育局', origin: 'register' });
    fs.writeFileSync(path.join(dir, 'repo/.planlint.yaml'), 'register: ../outside.register.yaml\n');
    const refused = loadConfigFile(path.join(dir, 'repo/.planlint.yaml'));
    expect(refused.findings.map((f) => f.messageId)).toEqual(['registerRefused']);
    expect(refused.config.register?.explicit).toBe(false);
  });
});
