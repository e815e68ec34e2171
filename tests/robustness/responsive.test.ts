// RELIABILITY battery items 5 and 6, on the real server over stdio: requests cancelled while a large
// plan is being checked are answered at once and the protocol thread never stalls; a rule that
// throws, loops or allocates without bound reports its own failure while every other rule's
// findings still arrive, and the server lives on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CancellationTokenSource, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/gen.mjs';
import { checkText } from '../../src/engine/check.js';
import { startClient, type TestClient } from '../lsp/client.js';

const ROOT = path.resolve(__dirname, '../..');
// A test-only preload that makes one rule misbehave (shipped code has no such switch).
const FAULTS = path.join(__dirname, 'fault-preload.cjs');

async function openPlan(client: TestClient, text: string, name: string): Promise<{ uri: string; published: PublishDiagnosticsParams }> {
  const uri = `file:///tmp/planlint-responsive/${name}.plan.yaml`;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return { uri, published: await client.diagnostics(uri, 1, 120_000) };
}

describe('cancellation on a 20,000-line plan (item 5)', () => {
  it('100 requests cancelled 1 ms after sending are all settled at once, and the protocol thread never blocks 50 ms', async () => {
    const client = await startClient();
    try {
      const text = generatePlan(1_200);
      expect(text.split('\n').length).toBeGreaterThan(20_000);
      const { uri } = await openPlan(client, text, 'big');
      await client.connection.sendRequest('planlint/status');
      const lines = text.split('\n');
      const settled: number[] = [];
      const requests: Promise<unknown>[] = [];
      for (let i = 0; i < 100; i++) {
        // Every tenth request follows an edit, so the checking thread is busy with a new version.
        if (i % 10 === 0) {
          const line = Math.floor(lines.length / 2) + i;
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 + i / 10 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '' }] });
        }
        const source = new CancellationTokenSource();
        const position = { line: 40 + i * 150, character: 12 };
        const method = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/inlayHint'][i % 4];
        const params = method === 'textDocument/inlayHint' ? { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 500, character: 0 } } } : { textDocument: { uri }, position };
        const sent = client.connection.sendRequest(method, params, source.token);
        await new Promise((r) => setTimeout(r, 1));
        const cancelledAt = performance.now();
        source.cancel();
        requests.push(sent.then(
          () => settled.push(performance.now() - cancelledAt),
          (error: { code?: number }) => {
            expect(error.code).toBe(-32800);
            settled.push(performance.now() - cancelledAt);
          },
        ));
      }
      await Promise.all(requests);
      expect(settled).toHaveLength(100);
      // Answered, or acknowledged as cancelled, without waiting for the check of a 20,000-line plan.
      expect(Math.max(...settled)).toBeLessThan(1_000);
      const status = await client.connection.sendRequest<{ eventLoopMaxDelayMs: number }>('planlint/status');
      expect(status.eventLoopMaxDelayMs).toBeLessThan(50);
      // And the last version still gets its diagnostics.
      await client.diagnostics(uri, 11, 120_000);
    } finally {
      await client.stop();
    }
  }, 300_000);
});

describe('a rule that misbehaves (item 6)', () => {
  const text = fs.readFileSync(path.join(ROOT, 'seeds/000-shanwei-chengqu-2022.plan.yaml'), 'utf8');
  const rule = 'task-has-lead';
  const expected = checkText(text).findings;
  const others = expected.filter((f) => f.ruleId !== rule).map((f) => `${f.ruleId} ${f.range.start}`);

  for (const fault of ['throw', 'loop', 'alloc']) {
    it(`a rule that ${fault === 'alloc' ? 'allocates without bound' : `${fault}s`}: it reports its own failure, every other finding arrives, the server lives`, async () => {
      // The seed has findings of that rule, so its absence below is the fault's doing.
      expect(expected.some((f) => f.ruleId === rule)).toBe(true);
      const client = await startClient({ nodeArgs: ['--require', FAULTS], env: { PLANLINT_FAULT_INJECTION: `${fault}:${rule}`, PLANLINT_RULE_BUDGET_MS: '1500', PLANLINT_WORKER_MEMORY_MB: '256' } });
      try {
        const uri = `file:///tmp/planlint-faults/${fault}.plan.yaml`;
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
        const published = await client.diagnostics(uri, 1, 60_000);
        const codes = published.diagnostics.map((d) => String(d.code));
        expect(codes).not.toContain(rule);
        const failure = published.diagnostics.find((d) => d.code === 'rule-failure');
        expect(failure?.message).toContain(rule);
        // Every other rule's findings, at their places (the failure notice sits at the start).
        const lines = text.split('\n');
        const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((a, l) => a + l.length + 1, 0) + p.character;
        const got = published.diagnostics.filter((d) => d.code !== 'rule-failure').map((d) => `${d.code} ${offsetOf(d.range.start)}`);
        expect(got.sort()).toEqual([...others].sort());
        const status = await client.connection.sendRequest<{ restarts: number; failedRules: Record<string, string> }>('planlint/status');
        if (fault !== 'throw') {
          expect(status.restarts).toBeGreaterThanOrEqual(1);
          expect(Object.keys(status.failedRules)).toEqual([rule]);
        }
        // Still serving.
        const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        expect(Array.isArray(symbols) && symbols.length > 0).toBe(true);
      } finally {
        await client.stop();
      }
    }, 120_000);
  }
});

describe('a configuration that never finishes reading', () => {
  it('a pack named /dev/zero: the protocol thread stays free, and diagnostics and hover come within seconds, and nothing of the device in any message', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-zero-pack-'));
    fs.writeFileSync(path.join(folder, '.planlint.yaml'), 'packs: [/dev/zero]\n');
    const text = fs.readFileSync(path.join(ROOT, 'tests/cli/warn.plan.yaml'), 'utf8');
    // A short budget, so the watchdog stops the endless read before it holds much memory.
    const client = await startClient({ env: { PLANLINT_RULE_BUDGET_MS: '1000', PLANLINT_WORKER_MEMORY_MB: '256' } });
    try {
      const uri = pathToFileURL(path.join(folder, 'a.plan.yaml')).toString();
      const started = performance.now();
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      // Asked while the checking thread is stuck in the pack: the protocol thread answers at once.
      const status = await client.connection.sendRequest<{ eventLoopMaxDelayMs: number }>('planlint/status');
      expect(status.eventLoopMaxDelayMs).toBeLessThan(50);
      const published = await client.diagnostics(uri, 1, 10_000);
      expect(published.diagnostics.map((d) => d.code)).toContain('unit-name-canonical');
      // The read path refuses a device before reading it (tests/robustness/reads.test.ts); should a read
      // ever stall instead, the watchdog stops it and the failure names the configuration.
      const failure = published.diagnostics.find((d) => d.code === 'rule-failure');
      if (failure) expect(failure.message).toContain('.planlint.yaml');
      expect(published.diagnostics.some((d) => (typeof d.message === 'string' ? d.message : d.message.value).includes('\u0000'))).toBe(false);
      const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 13 } });
      expect(hover?.contents.value).toContain('区人力社保局');
      expect(performance.now() - started).toBeLessThan(10_000);
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
