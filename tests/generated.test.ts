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
  for (const rel of ['rules', 'scripts/gen.mjs', 'scripts/completion-schema.mjs', 'schemas/plan.schema.json', 'schemas/plan.completion.schema.json', 'src/engine/generated', 'src/engine/checks', 'docs/rules.md', 'schemas/planlint-config.schema.json', 'registers']) {
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
});
