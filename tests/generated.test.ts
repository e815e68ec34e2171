// The generated files (rule table, rules index, config schema) are committed; editing a rule.yaml
// without regenerating them must fail the fast tier and CI, not pass with stale docs.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

/** A copy of what gen.mjs reads and writes, in a folder of its own. */
function copyOfGenerator(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-gen-'));
  for (const rel of ['rules', 'scripts/gen.mjs', 'scripts/completion-schema.mjs', 'src/engine/generated', 'src/engine/checks', 'docs/rules.md', 'schemas', 'registers']) {
    fs.cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

describe('generated files', () => {
  it('are up to date in the repository', () => {
    expect(spawnSync(process.execPath, [path.join(ROOT, 'scripts/gen.mjs'), '--check'], { encoding: 'utf8' }).status).toBe(0);
  });

  it('the check fails when a rule.yaml changes and the generated files do not, and passes once regenerated', () => {
    const dir = copyOfGenerator();
    try {
      const rule = path.join(dir, 'rules/task-has-lead/rule.yaml');
      fs.writeFileSync(rule, fs.readFileSync(rule, 'utf8').replace('每项任务都有牵头单位', '每项任务都须有牵头单位'));
      const stale = spawnSync(process.execPath, [path.join(dir, 'scripts/gen.mjs'), '--check'], { encoding: 'utf8' });
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('docs/rules.md is out of date');
      execFileSync(process.execPath, [path.join(dir, 'scripts/gen.mjs')]);
      expect(spawnSync(process.execPath, [path.join(dir, 'scripts/gen.mjs'), '--check']).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the check fails when a schema changes and its build-time validator does not, and passes once regenerated', () => {
    const dir = copyOfGenerator();
    try {
      const schema = path.join(dir, 'schemas/plan.schema.json');
      const plan = JSON.parse(fs.readFileSync(schema, 'utf8'));
      plan.properties.extra = { type: 'string' };
      fs.writeFileSync(schema, JSON.stringify(plan, null, 2));
      const stale = spawnSync(process.execPath, [path.join(dir, 'scripts/gen.mjs'), '--check'], { encoding: 'utf8' });
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('src/engine/generated/validators.js is out of date');
      execFileSync(process.execPath, [path.join(dir, 'scripts/gen.mjs')]);
      expect(spawnSync(process.execPath, [path.join(dir, 'scripts/gen.mjs'), '--check']).status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Issue 26 item 7: the schemas' validators are compiled by scripts/gen.mjs, never at run time. ajv's
// compiler (its core, which turns a schema into code and runs `new Function`) must not come back into
// the bundles a check loads; the build (npm run build) makes them.
describe('validators compiled at build time', () => {
  for (const bundle of ['dist/cli.js', 'dist/cli-main.js', 'dist/server-worker.js']) {
    it(`${bundle} holds no schema compiler and generates no code`, () => {
      const text = fs.readFileSync(path.join(ROOT, bundle), 'utf8');
      expect(text).not.toContain('new Function(');
      // A message of ajv's core (Ajv.addSchema), present in any bundle that holds the compiler.
      expect(text).not.toContain('schema with key or id');
      expect(text).not.toMatch(/\bstandaloneCode\b|\bcompileSchema\b/);
    });
  }

  it('the engine validates with the generated module', async () => {
    const generated = await import('../src/engine/generated/validators.js');
    const { validatePlan } = await import('../src/engine/schema.js');
    expect(generated.plan({ plan: {}, sections: [] })).toBe(false);
    expect(validatePlan({ plan: {}, sections: [] }).length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(ROOT, 'src/engine/schema.ts'), 'utf8')).not.toMatch(/import Ajv\b|\.compile\(/);
  });
});
