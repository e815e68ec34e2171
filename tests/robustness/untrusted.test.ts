// RELIABILITY battery item 7: in a hostile workspace planlint loads no module from it and makes no
// outbound request, in the editor and on the command line. The workspace holds code that would
// announce itself if run, a config and a rule pack pointing at it, code tags and a remote schema.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startClient } from '../lsp/client.js';

const ROOT = path.resolve(__dirname, '../..');
const PRELOAD = path.join(__dirname, 'sandbox-preload.cjs');
const PLAN = fs.readFileSync(path.join(ROOT, 'tests/cli/error.plan.yaml'), 'utf8');

function hostileWorkspace(): { folder: string; plan: string; marker: string; log: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-hostile-'));
  const marker = path.join(folder, 'RAN');
  const evil = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = {};\n`;
  fs.mkdirSync(path.join(folder, 'node_modules/planlint-rules'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'node_modules/planlint-rules/index.js'), evil);
  fs.writeFileSync(path.join(folder, 'node_modules/planlint-rules/package.json'), '{"name":"planlint-rules","main":"index.js"}');
  for (const name of ['planlint.config.js', '.planlint.js', 'rules.js', 'yaml.js', 'ajv.js']) fs.writeFileSync(path.join(folder, name), evil);
  // The config in force uses a real (declarative) pack; another config names code as packs.
  fs.writeFileSync(path.join(folder, 'pack.yaml'), 'rules:\n  - id: local/unit\n    given: indicator\n    then: { field: unit, check: present }\n    message: { zh-CN: "缺少计量单位", en: "No unit" }\n');
  fs.writeFileSync(path.join(folder, '.planlint.yaml'), 'packs: [./pack.yaml]\nrules:\n  unit-declared: warning\n');
  fs.writeFileSync(path.join(folder, 'code-packs.planlint.yaml'), 'packs: [./rules.js, planlint-rules, ./evil-pack.yaml]\n');
  fs.writeFileSync(path.join(folder, 'evil-pack.yaml'), 'rules:\n  - id: evil/run\n    given: task\n    then: !!js/function "function () { require(\'./rules.js\') }"\n    message: { zh-CN: a, en: a }\n');
  const plan = path.join(folder, 'a.plan.yaml');
  fs.writeFileSync(plan, `# yaml-language-server: $schema=http://127.0.0.1:9/evil.schema.json\n$schema: https://example.invalid/plan.json\n${PLAN}`);
  return { folder, plan, marker, log: path.join(folder, '..', `${path.basename(folder)}.probe.log`) };
}

function probe(log: string): { network: string[]; modules: string[] } {
  const entries = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { network?: string; module?: string }) : [];
  return { network: entries.flatMap((e) => (e.network ? [e.network] : [])), modules: entries.flatMap((e) => (e.module ? [e.module] : [])) };
}

describe('an untrusted workspace (item 7)', () => {
  it('the language server loads nothing from it and makes no request, and still checks', async () => {
    const ws = hostileWorkspace();
    const client = await startClient({
      nodeArgs: ['--require', PRELOAD],
      env: { PLANLINT_PROBE_LOG: ws.log },
      cwd: ws.folder,
      rootUri: pathToFileURL(ws.folder).href,
    });
    try {
      const uri = pathToFileURL(ws.plan).href;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(ws.plan, 'utf8') } });
      const published = await client.diagnostics(uri, 1, 30_000);
      expect(published.diagnostics.length).toBeGreaterThan(0);
      const position = { line: 5, character: 8 };
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
      await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
    } finally {
      await client.stop();
    }
    const { network, modules } = probe(ws.log);
    expect(network).toEqual([]);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => m.startsWith(ws.folder))).toEqual([]);
    expect(fs.existsSync(ws.marker)).toBe(false);
  }, 60_000);

  it('the CLI and the report load nothing from it and make no request', () => {
    const ws = hostileWorkspace();
    const run = (args: string[]): number => {
      try {
        execFileSync(process.execPath, ['--require', PRELOAD, path.join(ROOT, 'dist/cli.js'), ...args], { cwd: ws.folder, env: { ...process.env, PLANLINT_PROBE_LOG: ws.log }, stdio: 'pipe' });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    // Findings exit 1 (the report too: the plan is not ready); a config that names code as packs is
    // a config error (2), never code run.
    expect(run(['--format', 'json'])).toBe(1);
    expect(run(['--config', 'code-packs.planlint.yaml'])).toBe(2);
    expect(run(['report', '-o', path.join(os.tmpdir(), `${path.basename(ws.folder)}.html`)])).toBe(1);
    const { network, modules } = probe(ws.log);
    expect(network).toEqual([]);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => m.startsWith(ws.folder))).toEqual([]);
    expect(fs.existsSync(ws.marker)).toBe(false);
  });
});
