// Every rule's fixtures: rules/<id>/fixtures/*.plan.yaml carry their expected findings inline.
//   `# expect: <messageId>[@<column>][, …]` on the line where each finding starts; with a column
//   (1-based, as editors count), the finding must start there too.
//   `# expect-en: <message>` on a line of its own: a finding of the rule on the next line reads so in English.
// `<name>.fixed.plan.yaml` beside a fixture is the text after applying the rule's safe fixes.
// Each rule's README is checked too: its Bad example gives the rule's finding, its Good one none.
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkText, type CheckOutput } from '../src/engine/check.js';
import { CHECKS } from '../src/engine/checks/index.js';
import { applyEdits, fixToEdits } from '../src/engine/fix.js';
import { fixAll } from '../src/engine/fix-all.js';
import { RULE_METAS } from '../src/engine/generated/rules.js';
import type { CheckOptions } from '../src/engine/check.js';
import { makeRegister, readRegisterText } from '../src/engine/register.js';
import type { Finding } from '../src/engine/types.js';
import { changedLineCount } from './helpers.js';

const ROOT = path.resolve(__dirname, '..');
const RULES_DIR = path.join(ROOT, 'rules');
const CHECKS_DIR = path.join(ROOT, 'src/engine/checks');

/** Rules the engine core reports while reading, validating and exempting: they have no check file. */
const READER_RULES = [
  'encoding', 'exemption-reason', 'exemption-unused', 'file-too-large', 'rule-failure', 'schema',
  'yaml-alias', 'yaml-syntax', 'yaml-too-deep', 'yaml-version', 'yaml-ascii-punctuation',
  // Compared across the files of one run, after every file is checked (src/engine/across-files.ts).
  'unit-spelling-across-files',
];
/** Files in src/engine/checks that hold helpers shared by several rules, not a rule. */
const HELPER_FILES = ['index.ts', 'unit-index.ts', 'util.ts'];

interface Expected { line: number; column?: number; messageId: string }

function expectations(text: string): { findings: Expected[]; english: { line: number; message: string }[] } {
  const findings: Expected[] = [];
  const english: { line: number; message: string }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    if (m) {
      for (const item of m[1].split(',')) {
        const [messageId, column] = item.trim().split('@');
        findings.push({ line: i + 1, messageId, ...(column ? { column: Number(column) } : {}) });
      }
    }
    const en = /^\s*#\s*expect-en:\s*(.+)$/.exec(line);
    if (en) {
      let next = i + 1;
      while (next < lines.length && /^\s*(#.*)?$/.test(lines[next])) next++;
      english.push({ line: next + 1, message: en[1].trim() });
    }
  });
  return { findings, english };
}

/** line:messageId, or line:column:messageId where the fixture pins a column for that line and id. */
function keyed(findings: readonly Finding[], output: CheckOutput, expected: readonly Expected[]): string[] {
  return findings.map((f) => {
    const p = output.lines.position(f.range.start);
    const pinned = expected.some((e) => e.line === p.line + 1 && e.messageId === f.messageId && e.column !== undefined);
    return pinned ? `${p.line + 1}:${p.character + 1}:${f.messageId}` : `${p.line + 1}:${f.messageId}`;
  }).sort();
}

function fixturesOf(ruleId: string): string[] {
  const dir = path.join(RULES_DIR, ruleId, 'fixtures');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.plan.yaml') && !f.endsWith('.fixed.plan.yaml')).sort();
}

/**
 * A rule whose fixtures folder holds `register.yaml` is checked with that unit register configured
 * (and the default register beside it), as a workspace that names one in .planlint.yaml; a rule off
 * by default, with its default severity turned on.
 */
function optionsFor(ruleId: string): CheckOptions {
  const meta = RULE_METAS.find((m) => m.id === ruleId);
  // A rule off by default is checked as a project that turns it on.
  if (meta?.enabledByDefault === false) return { config: { rules: { [ruleId]: { severity: meta.severity } }, packRules: [], overrides: [] } };
  const file = path.join(RULES_DIR, ruleId, 'fixtures', 'register.yaml');
  if (!fs.existsSync(file)) return {};
  const read = readRegisterText(fs.readFileSync(file, 'utf8'));
  if (!('units' in read)) throw new Error(`${file}: ${read.problems.map((p) => p.en).join('; ')}`);
  return { config: { rules: {}, packRules: [], overrides: [], register: makeRegister(read.units, true) } };
}

/** Rules whose invalid fixtures cannot be valid YAML by nature: their fixed files must be. */
const UNREADABLE_FIXTURES = ['yaml-ascii-punctuation'];

const readerFindings = (output: CheckOutput) => output.findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml'));

describe('rule metadata', () => {
  it('every rule.yaml that is not a reader rule has a check, and every check a rule.yaml', () => {
    const ids = RULE_METAS.map((m) => m.id);
    const files = fs.readdirSync(CHECKS_DIR).filter((f) => f.endsWith('.ts') && !HELPER_FILES.includes(f)).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort(), 'src/engine/checks/<rule-id>.ts').toEqual(ids.filter((id) => !READER_RULES.includes(id)).sort());
    expect(Object.keys(CHECKS).sort(), 'the registry').toEqual(files.sort());
    for (const id of READER_RULES) expect(ids, id).toContain(id);
  });

  it('every reader rule is reported by the engine core', () => {
    // The engine core: src/engine and its readers (src/engine/read), not the rule checks.
    const core = (fs.readdirSync(path.join(ROOT, 'src/engine'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.startsWith('checks') && !f.startsWith('generated'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'src/engine', f), 'utf8')).join('\n');
    for (const id of READER_RULES) expect(core, id).toContain(`'${id}'`);
  });

  it('every rule has a documentation page titled with its id', () => {
    for (const { id } of RULE_METAS) {
      const page = path.join(RULES_DIR, id, 'README.md');
      expect(fs.existsSync(page), `rules/${id}/README.md`).toBe(true);
      expect(fs.readFileSync(page, 'utf8').startsWith(`# ${id}`), `${id} page title`).toBe(true);
    }
  });

  it('every consistency rule has a valid and an invalid fixture, and pins a column and an English message', () => {
    for (const id of Object.keys(CHECKS)) {
      const files = fixturesOf(id);
      expect(files.some((f) => f.startsWith('valid')), `${id} valid fixture`).toBe(true);
      expect(files.some((f) => f.startsWith('invalid')), `${id} invalid fixture`).toBe(true);
      const expected = files.map((f) => expectations(fs.readFileSync(path.join(RULES_DIR, id, 'fixtures', f), 'utf8')));
      expect(expected.some((e) => e.findings.some((x) => x.column !== undefined)), `${id}: a fixture pins a column`).toBe(true);
      expect(expected.some((e) => e.english.length > 0), `${id}: a fixture has # expect-en`).toBe(true);
    }
  });
});

/** The yaml blocks under a README heading that starts with `heading`. */
function examplesUnder(page: string, heading: string): string[] {
  const at = page.search(new RegExp(`^## .*${heading}`, 'm'));
  if (at < 0) return [];
  const section = page.slice(at).split(/\n(?=## )/)[0];
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Years a fragment's targets name (not its baseline's): the period a wrapped example runs over. */
function yearsOf(x: unknown, key = '', out: number[] = []): number[] {
  if (Array.isArray(x)) for (const v of x) yearsOf(v, key, out);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'baseline') continue;
      if (key === 'yearly' && /^\d{4}$/.test(k)) out.push(Number(k));
      if (k === 'year' && typeof v === 'number') out.push(v);
      yearsOf(v, k, out);
    }
  }
  return out;
}

/** A README example as a whole plan: a list of indicators, a `tasks:` list, or a plan missing `plan:`. */
function asPlan(example: string): string {
  const data = parse(example) as unknown;
  const years = yearsOf(data);
  const header = { title: '示例', period: years.length ? { start: Math.min(...years), end: Math.max(...years) } : { start: 2021, end: 2025 } };
  if (Array.isArray(data)) return stringify({ plan: header, sections: [{ title: '示例', tasks: [{ title: '示例任务', indicators: data }] }] });
  const doc = { ...(data as Record<string, unknown>) };
  if (doc.tasks) {
    doc.sections = [{ title: '示例', tasks: doc.tasks }];
    delete doc.tasks;
  }
  return stringify({ plan: header, sections: [], ...doc });
}

describe('rule pages', () => {
  for (const id of Object.keys(CHECKS)) {
    it(`${id}: the Bad example gives the rule's finding, the Good one none`, () => {
      const page = fs.readFileSync(path.join(RULES_DIR, id, 'README.md'), 'utf8');
      const bad = examplesUnder(page, 'Bad');
      const good = examplesUnder(page, 'Good');
      expect(bad.length, 'a Bad example').toBeGreaterThan(0);
      expect(good.length, 'a Good example').toBeGreaterThan(0);
      for (const [examples, expectFinding] of [[bad, true], [good, false]] as const) {
        for (const example of examples) {
          const output = checkText(asPlan(example), optionsFor(id));
          expect(readerFindings(output).map((f) => f.message.en), 'the example must be a valid plan').toEqual([]);
          const own = output.findings.filter((f) => f.ruleId === id);
          if (expectFinding) expect(own.length, `Bad example:\n${example}`).toBeGreaterThan(0);
          else expect(own.map((f) => f.message.en), `Good example:\n${example}`).toEqual([]);
        }
      }
    });
  }
});

/** Messages of a `fixable: suggestion` rule that offer nothing to choose: only the source can say (who leads a task with one unit or none). */
const UNSUGGESTED: Record<string, string[]> = { 'task-has-lead': ['noUnit', 'leadImplied', 'severalNoLead', 'sectionSeveralNoLead', 'noLeadInPlan', 'noUnitInPlan', 'noUnitInReport', 'noLeadInReport'] };

for (const meta of RULE_METAS.filter((m) => fixturesOf(m.id).length > 0)) {
  describe(meta.id, () => {
    for (const file of fixturesOf(meta.id)) {
      const full = path.join(RULES_DIR, meta.id, 'fixtures', file);
      const text = fs.readFileSync(full, 'utf8');
      const expected = expectations(text);
      const own = (output: CheckOutput) => output.findings.filter((f) => f.ruleId === meta.id);
      const opts = optionsFor(meta.id);

      it(`${file}: findings match the inline expectations`, () => {
        const output = checkText(text, opts);
        const unreadable = UNREADABLE_FIXTURES.includes(meta.id) && file.startsWith('invalid');
        if (meta.id !== 'schema' && !unreadable) expect(readerFindings(output).map((f) => f.message.en), 'fixture must be a valid plan').toEqual([]);
        const want = expected.findings.map((e) => (e.column === undefined ? `${e.line}:${e.messageId}` : `${e.line}:${e.column}:${e.messageId}`)).sort();
        expect(keyed(own(output), output, expected.findings)).toEqual(want);
        for (const f of own(output)) {
          for (const lang of ['zh-CN', 'en'] as const) expect(f.message[lang], 'message fully rendered').not.toMatch(/\{\w+\}/);
        }
        for (const { line, message } of expected.english) {
          const onLine = own(output).filter((f) => output.lines.position(f.range.start).line + 1 === line).map((f) => f.message.en);
          expect(onLine, `# expect-en for line ${line}`).toContain(message);
        }
      });

      const fixedFile = full.replace(/\.plan\.yaml$/, '.fixed.plan.yaml');
      if (fs.existsSync(fixedFile)) {
        it(`${file}: safe fixes give the .fixed file, which re-checks clean`, () => {
          const output = checkText(text, opts);
          const result = fixAll(text, opts, (f) => f.ruleId === meta.id);
          expect(result.text).toBe(fs.readFileSync(fixedFile, 'utf8'));
          expect(own(result.output)).toEqual([]);
          if (UNREADABLE_FIXTURES.includes(meta.id)) expect(readerFindings(result.output).map((f) => f.message.en), 'the fixed file must be a valid plan').toEqual([]);
          const before = new Set(output.findings.filter((f) => f.ruleId !== meta.id).map((f) => `${f.ruleId}:${f.message.en}`));
          const added = result.output.findings.filter((f) => f.ruleId !== meta.id && !before.has(`${f.ruleId}:${f.message.en}`));
          expect(added.map((f) => f.message.en), 'a fix must not create new findings').toEqual([]);
          // Fixing twice is fixing once.
          expect(fixAll(result.text, opts, (f) => f.ruleId === meta.id).text).toBe(result.text);
        });
      }

      if (meta.fixes && file.startsWith('invalid')) {
        it(`${file}: each first suggestion removes its finding and changes only its target`, () => {
          const output = checkText(text, opts);
          const withSuggestions = own(output).filter((f) => f.suggestions?.length);
          // A rule may offer suggestions for some of its messages only: a file of those others has none to offer.
          const offers = own(output).some((f) => !(UNSUGGESTED[meta.id] ?? []).includes(f.messageId));
          if (meta.fixable === 'suggestion' && offers) expect(withSuggestions.length, 'a finding with suggestions').toBeGreaterThan(0);
          for (const f of withSuggestions) {
            const s = f.suggestions![0];
            const edits = fixToEdits(output.source!, s)!;
            expect(edits, s.message.en).toBeDefined();
            const fixed = applyEdits(text, edits);
            const after = checkText(fixed, opts).findings.filter((x) => x.ruleId === meta.id && x.message.en === f.message.en);
            expect(after, `${s.message.en} removes "${f.message.en}"`).toEqual([]);
            expect(changedLineCount(text, fixed), 'lines changed by one suggestion').toBeLessThanOrEqual(1);
          }
        });
      }
    }
  });
}

describe('a message with its own default severity (messageSeverity)', () => {
  const text = fs.readFileSync(path.join(RULES_DIR, 'task-has-lead', 'fixtures', 'invalid.plan.yaml'), 'utf8');
  it('task-has-lead tells its cases apart by severity; a configured severity overrides them all', () => {
    const bySeverity = (out: CheckOutput) => out.findings.filter((f) => f.ruleId === 'task-has-lead').map((f) => `${f.messageId} ${f.severity}`);
    expect(bySeverity(checkText(text))).toEqual(['leadImplied info', 'noUnit error', 'severalNoLead warning']);
    const config = { rules: { 'task-has-lead': { severity: 'warning' as const } }, packRules: [], overrides: [] };
    expect(bySeverity(checkText(text, { config }))).toEqual(['leadImplied warning', 'noUnit warning', 'severalNoLead warning']);
  });
  it('a report naming no unit gets a note (info) where a plan naming none gets an error', () => {
    const report = fs.readFileSync(path.join(RULES_DIR, 'task-has-lead', 'fixtures', 'invalid-news-report.plan.yaml'), 'utf8');
    const bySeverity = (t: string) => checkText(t).findings.filter((f) => f.ruleId === 'task-has-lead').map((f) => `${f.messageId} ${f.severity}`);
    expect(bySeverity(report)).toEqual(['noUnitInReport info']);
    expect(bySeverity(report.replace(/^ {2}form: .*\n/m, ''))).toEqual(['noUnitInPlan error']);
  });
  it('years-within-period: a task that states its own span past the period gets a note (info), a slip an error', () => {
    const text = fs.readFileSync(path.join(RULES_DIR, 'years-within-period', 'fixtures', 'invalid-stated-span.plan.yaml'), 'utf8');
    const bySeverity = (t: string) => checkText(t).findings.filter((f) => f.ruleId === 'years-within-period').map((f) => `${f.messageId} ${f.severity}`);
    expect(bySeverity(text).filter((s) => s.startsWith('statedPastPeriod'))).toEqual(Array(7).fill('statedPastPeriod info'));
    expect(bySeverity(text).filter((s) => !s.startsWith('statedPastPeriod'))).toEqual(['deadline error', 'deadline error', 'deadline error']);
    // Without the span in its words, the first task's 2025 is the error it was.
    const first = checkText(text.replace('- title: 2024—2025年对全省', '- title: 对全省')).findings.find((f) => f.ruleId === 'years-within-period');
    expect(`${first?.messageId} ${first?.severity} ${first?.message.en}`).toBe('deadline error The deadline 2025 lies outside the plan period 2024; use a year inside the period, or check the period');
  });
  it('a report naming units but no lead gets a note (info) where a plan gets an error', () => {
    const report = fs.readFileSync(path.join(RULES_DIR, 'task-has-lead', 'fixtures', 'invalid-news-report-no-lead.plan.yaml'), 'utf8');
    const bySeverity = (t: string) => checkText(t).findings.filter((f) => f.ruleId === 'task-has-lead').map((f) => `${f.messageId} ${f.severity}`);
    expect(bySeverity(report)).toEqual(['noLeadInReport info', 'severalNoLead warning']);
    expect(bySeverity(report.replace(/^ {2}form: .*\n/m, ''))).toEqual(['noLeadInPlan error', 'severalNoLead warning']);
  });
});

describe('a rule off by default (enabledByDefault: false)', () => {
  const text = [
    'plan:',
    '  title: 示例',
    '  period: { start: 2024, end: 2024 }',
    'units:',
    '  - name: 区教育局',
    'sections:',
    '  - title: 教育',
    '    lead: [区教育局]',
    '    tasks:',
    '      - title: 新建幼儿园１０所 # 注释照旧',
    '        indicators:',
    '          - name: 普惠性幼儿园覆盖率',
    '            unit: ％',
    '            kind: level',
    '            overall: { year: 2024, value: 105 }',
    '',
  ].join('\n');
  const on = (severity: 'info' | 'warning') => ({ config: { rules: { 'number-form-gbt15835': { severity } }, packRules: [], overrides: [] } });
  const own = (out: CheckOutput) => out.findings.filter((f) => f.ruleId === 'number-form-gbt15835');

  it('number-form-gbt15835 is off by default, and the checks read ％ as % all the same', () => {
    expect(RULE_METAS.find((m) => m.id === 'number-form-gbt15835')?.enabledByDefault).toBe(false);
    const out = checkText(text);
    expect(own(out)).toEqual([]);
    expect(out.findings.filter((f) => f.ruleId === 'rate-within-bounds').map((f) => f.message.en)).toEqual(['普惠性幼儿园覆盖率(％): 105% lies outside 0–100%']);
    // Options alone do not turn it on: only a severity does.
    expect(own(checkText(text, { config: { rules: { 'number-form-gbt15835': { options: {} } }, packRules: [], overrides: [] } }))).toEqual([]);
  });

  it('a severity in the config turns it on: findings at the value, with the configured severity and a fix', () => {
    const out = checkText(text, on('warning'));
    const at = own(out).map((f) => {
      const p = out.lines.position(f.range.start);
      return `${p.line + 1}:${p.character + 1} ${f.severity} ${f.message.en}`;
    });
    expect(at).toEqual([
      '10:16 warning A task title: "１０" is full-width; figures in a publication are set half-width (GB/T 15835-2011): "10"',
      '13:19 warning A unit: "％" is full-width; figures in a publication are set half-width (GB/T 15835-2011): "%"',
    ]);
    expect(own(checkText(text, on('info'))).every((f) => f.severity === 'info' && f.fix?.messageId === 'toHalfWidth')).toBe(true);
  });

  it('its fix rewrites only the full-width characters, quoting a plain value only where YAML needs it', () => {
    const result = fixAll(text, on('info'), (f) => f.ruleId === 'number-form-gbt15835');
    expect(result.text).toBe(text.replace('１０所', '10所').replace('unit: ％', 'unit: "%"'));
    expect(own(result.output)).toEqual([]);
    // The checks' findings are the same before and after: they never depend on the form.
    const rules = (out: CheckOutput) => out.findings.filter((f) => f.ruleId !== 'number-form-gbt15835').map((f) => `${f.ruleId}:${f.messageId}`);
    expect(rules(result.output)).toEqual(rules(checkText(text)));
    const quoted = text.replace('新建幼儿园１０所', '"新建幼儿园１０所"').replace('unit: ％', "unit: '１/１０万'");
    expect(fixAll(quoted, on('info'), (f) => f.ruleId === 'number-form-gbt15835').text).toBe(quoted.replace('１０', '10').replace('１/１０万', '1/10万'));
  });
});
