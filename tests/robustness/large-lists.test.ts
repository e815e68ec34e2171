// Lists as long as the input makes them. `list.push(...other)` passes every element as an argument, and
// past about 125,000 (Node 20, default stack) V8 throws "Maximum call stack size exceeded": each case
// below threw that RangeError before its list was appended in a loop. Bounds are hang guards only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/cli/formats/stylish.js';
import { lintFile } from '../../src/cli/lint.js';
import { EMPTY_CONFIG, checkSpellingsAcrossRounds, checkText, fixAll, type FileResult, type FindingRow } from '../../src/engine/index.js';
import { sharedServer } from '../lsp/shared.js';

const N = 200_000;
const HEAD = 'plan:\n  title: 民生实事\nunits:\n  - name: 区卫生健康委员会\n';
/** A plan with N aliases to an anchor it never defines: N yaml-alias findings. */
const ALIASES = `${HEAD}sections:\n${'  - *a\n'.repeat(N)}`;
/** A flow list written with N full-width commas under `key`: one yaml-ascii-punctuation finding whose fix has N edits. */
const flowPlan = (key: string) => `${HEAD}    ${key}: [${'卫健委，'.repeat(N)}区卫健委]\nsections: []\n`;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-lists-'));
}

describe('lists as long as the input', () => {
  it('a check of a plan with 200,000 undefined aliases reports each', () => {
    const out = checkText(ALIASES);
    expect(out.findings.filter((f) => f.ruleId === 'yaml-alias')).toHaveLength(N);
  });

  it('--fix applies a fix of 200,000 edits', () => {
    const fixed = fixAll(flowPlan('aliases'));
    expect(fixed.applied).toBe(1);
    expect(fixed.text).toContain(`[${'卫健委, '.repeat(N)}区卫健委]`);
  });

  it('--fix-suggestion applies a suggestion of 200,000 edits', () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'plan.plan.yaml');
      // An unknown key: the full-width list is only a suggestion there.
      fs.writeFileSync(file, flowPlan('nicknames'));
      const r = lintFile(file, dir, EMPTY_CONFIG, dir, true, { 'yaml-ascii-punctuation': 1 });
      expect(r.fixed).toContain(`[${'卫健委, '.repeat(N)}区卫健委]`);
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });

  it('--baseline: 200,000 findings across files of the last round gone, and shown as fixed', () => {
    // The last round had 200,000 identical disable comments of the rule that exempted nothing; this round has none.
    const at = { line: 1, column: 1, endLine: 1, endColumn: 2, excerpt: '# planlint-disable-next-line unit-spelling-across-files' };
    const exemptions = Array.from({ length: N }, () => ({ line: 2, at }));
    const file: FileResult = {
      path: 'plan.plan.yaml',
      findings: [],
      baseline: { fixed: [], targets: [], tasksAdded: [], tasksRemoved: [] },
      lastUnitSpellings: { severity: 'warning', unusedSeverity: 'warning', spellings: [], exemptions },
    };
    checkSpellingsAcrossRounds([file]);
    const fixed = file.baseline?.fixed as FindingRow[];
    expect(fixed).toHaveLength(N);
    expect(fixed[0]).toMatchObject({ ruleId: 'exemption-unused', baselineState: 'absent' });
    const shown = stylish([file], { lang: 'en', color: false, version: '0.0.0' });
    expect(shown.split('\n').filter((l) => l.includes('✔ '))).toHaveLength(N);
  }, 120_000);
});

describe('the language server, on a document with 200,000 findings', () => {
  const server = sharedServer('planlint-lists');

  it('publishes them and lives', async () => {
    const uri = await server.open(ALIASES);
    const published = await server.client.diagnostics(uri, 1, 60_000);
    expect(published.diagnostics.filter((d) => d.code === 'yaml-alias')).toHaveLength(N);
    expect(published.diagnostics.some((d) => /internal|内部错误/.test(String(d.message)))).toBe(false);
    // Still answering: a small document afterwards gets its diagnostics.
    const small = await server.open(`${HEAD}sections: []\n`);
    await server.client.diagnostics(small, 1, 30_000);
  }, 120_000);
});
