// Every rule's fixtures: rules/<id>/fixtures/*.plan.yaml carry their expected findings inline as
// `# expect: <messageId>[, <messageId>…]` comments on the line where each finding starts.
// `<name>.fixed.plan.yaml` beside a fixture is the text after applying the rule's safe fixes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { CHECKS } from '../src/engine/checks/index.js';
import { applyEdits, fixToEdits } from '../src/engine/fix.js';
import { fixAll } from '../src/engine/fix-all.js';
import { RULE_METAS } from '../src/engine/generated/rules.js';
import { changedLineCount } from './helpers.js';

const RULES_DIR = path.resolve(__dirname, '../rules');

function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*(.+)$/.exec(line);
    if (m) for (const id of m[1].split(',')) out.push(`${i + 1}:${id.trim()}`);
  });
  return out.sort();
}

function fixturesOf(ruleId: string): string[] {
  const dir = path.join(RULES_DIR, ruleId, 'fixtures');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.plan.yaml') && !f.endsWith('.fixed.plan.yaml')).sort();
}

describe('rule metadata', () => {
  it('every check has metadata and every rule has a documentation page', () => {
    const ids = new Set(RULE_METAS.map((m) => m.id));
    for (const id of Object.keys(CHECKS)) expect(ids, id).toContain(id);
    for (const id of ids) expect(fs.existsSync(path.join(RULES_DIR, id, 'README.md')), `rules/${id}/README.md`).toBe(true);
  });

  it('every consistency rule has a valid and an invalid fixture', () => {
    for (const id of Object.keys(CHECKS)) {
      const files = fixturesOf(id);
      expect(files.some((f) => f.startsWith('valid')), `${id} valid fixture`).toBe(true);
      expect(files.some((f) => f.startsWith('invalid')), `${id} invalid fixture`).toBe(true);
    }
  });

  it('every rule page shows a bad and a good example', () => {
    for (const id of Object.keys(CHECKS)) {
      const page = fs.readFileSync(path.join(RULES_DIR, id, 'README.md'), 'utf8');
      expect(page, id).toMatch(/```yaml[\s\S]*```[\s\S]*```yaml[\s\S]*```/);
      expect(page.startsWith(`# ${id}`), `${id} page title`).toBe(true);
    }
  });
});

for (const meta of RULE_METAS.filter((m) => fixturesOf(m.id).length > 0)) {
  describe(meta.id, () => {
    for (const file of fixturesOf(meta.id)) {
      const full = path.join(RULES_DIR, meta.id, 'fixtures', file);
      const text = fs.readFileSync(full, 'utf8');
      const output = checkText(text);

      it(`${file}: findings match the inline expectations`, () => {
        const schema = output.findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml'));
        if (meta.id !== 'schema') expect(schema.map((f) => f.message.en), 'fixture must be a valid plan').toEqual([]);
        const got = output.findings
          .filter((f) => f.ruleId === meta.id)
          .map((f) => `${output.lines.position(f.range.start).line + 1}:${f.messageId}`)
          .sort();
        expect(got).toEqual(expectations(text));
        for (const f of output.findings.filter((x) => x.ruleId === meta.id)) {
          for (const lang of ['zh-CN', 'en'] as const) expect(f.message[lang], 'message fully rendered').not.toMatch(/\{\w+\}/);
        }
      });

      const fixedFile = full.replace(/\.plan\.yaml$/, '.fixed.plan.yaml');
      if (fs.existsSync(fixedFile)) {
        it(`${file}: safe fixes give the .fixed file, which re-checks clean`, () => {
          const result = fixAll(text, {}, (f) => f.ruleId === meta.id);
          expect(result.text).toBe(fs.readFileSync(fixedFile, 'utf8'));
          expect(result.output.findings.filter((f) => f.ruleId === meta.id)).toEqual([]);
          const before = new Set(output.findings.filter((f) => f.ruleId !== meta.id).map((f) => `${f.ruleId}:${f.message.en}`));
          const added = result.output.findings.filter((f) => f.ruleId !== meta.id && !before.has(`${f.ruleId}:${f.message.en}`));
          expect(added.map((f) => f.message.en), 'a fix must not create new findings').toEqual([]);
          // Fixing twice is fixing once.
          expect(fixAll(result.text, {}, (f) => f.ruleId === meta.id).text).toBe(result.text);
        });
      }

      const withSuggestions = output.findings.filter((f) => f.ruleId === meta.id && f.suggestions?.length);
      if (withSuggestions.length > 0) {
        it(`${file}: each first suggestion removes its finding and changes only its target`, () => {
          for (const f of withSuggestions) {
            const s = f.suggestions![0];
            const edits = fixToEdits(output.source!, s)!;
            expect(edits, s.message.en).toBeDefined();
            const fixed = applyEdits(text, edits);
            const after = checkText(fixed).findings.filter((x) => x.ruleId === meta.id && x.message.en === f.message.en);
            expect(after, `${s.message.en} removes "${f.message.en}"`).toEqual([]);
            expect(changedLineCount(text, fixed), 'lines changed by one suggestion').toBeLessThanOrEqual(1);
          }
        });
      }
    }
  });
}
