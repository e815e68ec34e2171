// planlint.onlyNewSinceCommit: the real language server shows only what is new against the file's last commit.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type TestClient } from './lsp/client.js';

// Committed: the sum disagrees with the total (17 ≠ 15) and a rate is above 100% (101%).
const COMMITTED = fs.readFileSync(path.resolve(__dirname, 'cli/error.plan.yaml'), 'utf8');
// Being edited: a section inserted above (lines move), the sum fixed, the 101% left, a new rate of 120%.
const EDITED = COMMITTED.replace('2023: 7 }', '2023: 5 }').replace(
  'sections:\n',
  'sections:\n  - title: 卫生\n    tasks:\n      - title: 建设卫生服务中心\n        indicators:\n          - { name: 覆盖率, unit: "%", kind: level, comparator: ">=", yearly: { 2021: 90, 2022: 95, 2023: 120 } }\n    lead: [区卫健局]\n',
);

let dir: string;
let on: TestClient;
let off: TestClient;
const env = () => ({ GIT_CEILING_DIRECTORIES: path.dirname(dir) });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-lsp-commit-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  fs.writeFileSync(path.join(dir, 'kg.plan.yaml'), COMMITTED);
  git('init', '-q', '.');
  git('add', '.');
  git('commit', '-qm', 'round 1');
  fs.writeFileSync(path.join(dir, 'kg.plan.yaml'), EDITED);
  on = await startClient({ configuration: { onlyNewSinceCommit: true }, env: env() });
  off = await startClient({ env: env() });
});

afterAll(async () => {
  await on?.stop();
  await off?.stop();
});

const openIn = async (c: TestClient, file: string, text: string) => {
  const uri = pathToFileURL(file).href;
  await c.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return (await c.diagnostics(uri, 1)).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1} ${d.message}`);
};

describe('planlint.onlyNewSinceCommit', () => {
  it('shows only the findings new against the last commit, though every line moved', async () => {
    const shown = await openIn(on, path.join(dir, 'kg.plan.yaml'), EDITED);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^rate-within-bounds 9 .*120%/);
    // Without the setting, both rates show.
    const all = await openIn(off, path.join(dir, 'kg.plan.yaml'), EDITED);
    expect(all.filter((d) => d.startsWith('rate-within-bounds'))).toHaveLength(2);
  });

  it('a file the last commit does not have, or outside any repository, shows every finding', async () => {
    const added = await openIn(on, path.join(dir, 'added.plan.yaml'), COMMITTED);
    expect(added.map((d) => d.split(' ')[0]).sort()).toEqual(['rate-within-bounds', 'yearly-sum-matches-overall']);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-lsp-nogit-'));
    const lone = await openIn(on, path.join(outside, 'lone.plan.yaml'), COMMITTED);
    expect(lone).toHaveLength(2);
  });

  it('follows edits: the committed version is still the one compared against', async () => {
    const uri = pathToFileURL(path.join(dir, 'kg.plan.yaml')).href;
    // Putting the sum back as committed (5 → 7) brings nothing new: that finding was open at the commit.
    const text = EDITED.replace('2023: 5 }', '2023: 7 }');
    await on.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const d = await on.diagnostics(uri, 2);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['rate-within-bounds']);
  });
});
