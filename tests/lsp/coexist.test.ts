// Beside the Red Hat YAML extension (issue 26, item 6): yaml-language-server and planlint's server on
// one plan file, yaml-language-server configured as the Red Hat extension configures it from our
// package.json's `yamlValidation` contribution. Each problem shows once overall, and key completion
// at a mapping key still offers the plan's keys. YAML syntax errors: yaml-language-server shows them,
// so planlint's server leaves them out when the extension tells it to (`planlint.syntaxErrors`); and a
// `# yaml-language-server: $schema=` line, as the seeds carry, names the completion schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntaxErrorsFor } from '../../src/client/syntax-errors.js';
import { startClient, type TestClient } from './client.js';

const ROOT = path.resolve(__dirname, '../..');
const YLS = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };

/** A valid plan with one wrong enum value (status). */
const TEXT = `plan:
  title: 示例县民生实事三年行动计划(2021—2023年)
  region: 示例县
  level: county
  period: { start: 2021, end: 2023 }
  status: drafting
units:
  - name: 县教育局
sections:
  - title: 教育提质
    lead: [县教育局]
    tasks:
      - title: 新建公办幼儿园
        indicators:
          - name: 新建公办幼儿园
            unit: 所
            kind: increment
            yearly: { 2021: 4, 2022: 6, 2023: 5 }
            overall: { year: 2023, value: 15 }
`;
/** TEXT with one YAML syntax error: `units` without its colon. */
const SYNTAX_TEXT = TEXT.replace('units:\n', 'units\n');
const PLAN_KEYS = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/plan.schema.json'), 'utf8')) as { definitions: { planMeta: { properties: object } } }).definitions.planMeta.properties);
const STATUS_LINE = TEXT.split('\n').findIndex((l) => l.includes('status: drafting'));

/**
 * What the Red Hat extension sends (its getSchemaAssociations): each `yamlValidation` entry's url made
 * absolute against the extension's folder, each fileMatch without a leading slash given one.
 */
function associations(yamlValidation: { fileMatch: string[]; url: string }[]) {
  return yamlValidation.map(({ fileMatch, url }) => ({
    fileMatch: fileMatch.map((f) => (/^(\w+:\/\/|\/|!)/.test(f) ? f : `/${f}`)),
    uri: url.startsWith('./') ? pathToFileURL(path.join(ROOT, url)).href : url,
  }));
}

/** The Red Hat extension's defaults, with the schema stores off: this machine has no network, and neither store lists *.plan.yaml. */
const YAML_SETTINGS = {
  yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemas: {}, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false } },
  http: { proxy: '', proxyStrictSSL: false },
  '[yaml]': {},
  editor: { tabSize: 2 },
};

async function startYls(yamlValidation: { fileMatch: string[]; url: string }[]): Promise<TestClient> {
  const client = await startClient({ server: [YLS, '--stdio'], sections: YAML_SETTINGS });
  await client.connection.sendNotification('json/schemaAssociations', associations(yamlValidation));
  return client;
}

const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);

/**
 * yaml-language-server's diagnostics once its schema is in force: completion offering plan keys shows
 * the association has been applied, then a change (same text, new version) makes it validate again.
 */
async function ylsDiagnostics(client: TestClient, uri: string, text: string): Promise<{ diagnostics: Diagnostic[]; keys: string[] }> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  // The start of the first key in the plan mapping (`title`): a mapping key.
  const at = { line: text.split('\n').findIndex((l) => l.startsWith('plan:')) + 1, character: 2 };
  const planKey = (k: string) => PLAN_KEYS.includes(k);
  let keys: string[] = [];
  for (let i = 0; i < 50 && !keys.some(planKey); i++) {
    keys = labels(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at }));
    if (!keys.some(planKey)) await new Promise((r) => setTimeout(r, 100));
  }
  expect(keys.some(planKey)).toBe(true);
  const next = client.nextDiagnostics(uri, 15_000);
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
  return { diagnostics: (await next).diagnostics, keys };
}

/** A diagnostic on the status line (the one problem in TEXT). */
const onStatus = (d: Diagnostic) => d.range.start.line <= STATUS_LINE && d.range.end.line >= STATUS_LINE;

describe('planlint beside yaml-language-server 1.25.0', () => {
  let planlint: TestClient;
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'planlint-coexist-'));
  let n = 0;
  const uriOf = () => pathToFileURL(path.join(dir, `doc${++n}.plan.yaml`)).href;

  beforeAll(async () => {
    planlint = await startClient();
  });
  afterAll(async () => {
    await planlint.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function planlintDiagnostics(uri: string, text = TEXT, server = planlint) {
    const p = server.diagnostics(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return (await p).diagnostics;
  }

  it('control: associating the full plan schema, yaml-language-server reports the same wrong value planlint reports', async () => {
    const yls = await startYls([{ fileMatch: ['*.plan.yaml'], url: './schemas/plan.schema.json' }]);
    try {
      const uri = uriOf();
      const ours = await planlintDiagnostics(uri);
      const theirs = await ylsDiagnostics(yls, uri, TEXT);
      expect(ours.filter(onStatus)).toHaveLength(1);
      expect(theirs.diagnostics.filter(onStatus).length).toBeGreaterThan(0);
    } finally {
      await yls.stop();
    }
  });

  it('with our contribution: the wrong value is reported once overall, and key completion offers the plan keys', async () => {
    const yls = await startYls(manifest.contributes.yamlValidation);
    try {
      const uri = uriOf();
      const ours = await planlintDiagnostics(uri);
      const theirs = await ylsDiagnostics(yls, uri, TEXT);
      const all = [...ours, ...theirs.diagnostics];
      expect(all.filter(onStatus)).toHaveLength(1);
      expect(all.filter(onStatus)[0]).toMatchObject({ source: 'planlint' });
      // Nothing else either: the plan is otherwise valid, so any other diagnostic would be noise.
      expect(theirs.diagnostics).toEqual([]);
      expect(ours).toHaveLength(1);
      expect(theirs.keys).toEqual(expect.arrayContaining(['issuers', 'sourceFile', 'issued']));
      // Allowed values are still offered, though no longer enforced by yaml-language-server.
      const status = { line: STATUS_LINE, character: TEXT.split('\n')[STATUS_LINE].indexOf('drafting') };
      expect(labels(await yls.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: status }))).toEqual(expect.arrayContaining(['draft', 'review', 'issued']));
    } finally {
      await yls.stop();
    }
  });

  it('with our contribution and their own modelines, yaml-language-server reports nothing on any seed (where planlint finds the problems seeds/FINDINGS.md reviews)', async () => {
    const yls = await startYls(manifest.contributes.yamlValidation);
    try {
      const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml'));
      expect(seeds.length).toBeGreaterThanOrEqual(5);
      for (const seed of seeds) {
        // With the seed's `# yaml-language-server: $schema=` line, which overrides every association: it
        // must name the completion schema. At the seed's own place, so that its relative path resolves.
        const text = fs.readFileSync(path.join(ROOT, 'seeds', seed), 'utf8');
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/plan.completion.schema.json');
        const { diagnostics } = await ylsDiagnostics(yls, pathToFileURL(path.join(ROOT, 'seeds', seed)).href, text);
        expect({ seed, diagnostics }).toEqual({ seed, diagnostics: [] });
      }
    } finally {
      await yls.stop();
    }
  }, 60_000);
  /** Every diagnostic both servers publish on one file, planlint's server given `settings`. */
  async function bothServers(text: string, uri: string, settings: Record<string, unknown>) {
    const server = await startClient({ configuration: settings });
    const yls = await startYls(manifest.contributes.yamlValidation);
    try {
      const ours = await planlintDiagnostics(uri, text, server);
      const theirs = await ylsDiagnostics(yls, uri, text);
      return { ours, theirs: theirs.diagnostics };
    } finally {
      await yls.stop();
      await server.stop();
    }
  }

  it('a YAML syntax error is counted once when the extension tells the server yaml-language-server shows it (syntaxErrors: never)', async () => {
    const line = SYNTAX_TEXT.split('\n').indexOf('units');
    const { ours, theirs } = await bothServers(SYNTAX_TEXT, uriOf(), { syntaxErrors: 'never' });
    expect(theirs).toHaveLength(1);
    expect(theirs[0].range.start.line).toBe(line);
    expect(ours).toEqual([]);
    // The control: shown by planlint too, the same error is counted twice.
    const always = await bothServers(SYNTAX_TEXT, uriOf(), { syntaxErrors: 'always' });
    expect([...always.ours, ...always.theirs].filter((d) => d.range.start.line === line)).toHaveLength(2);
    expect(always.ours).toMatchObject([{ code: 'yaml-syntax', source: 'planlint' }]);
  }, 30_000);

  it('syntaxErrors: never leaves the other findings of planlint alone: the wrong value, once, and the one-document rule yaml-language-server lacks', async () => {
    const { ours, theirs } = await bothServers(TEXT, uriOf(), { syntaxErrors: 'never' });
    expect(theirs).toEqual([]);
    expect(ours).toMatchObject([{ code: 'schema' }]);
    expect(ours.filter(onStatus)).toHaveLength(1);
    const twoDocs = await bothServers(`${TEXT}---\nplan: {}\n`, uriOf(), { syntaxErrors: 'never' });
    expect(twoDocs.theirs).toEqual([]);
    expect(twoDocs.ours).toMatchObject([{ code: 'yaml-syntax', message: expect.stringContaining('只能包含一个 YAML 文档') }]);
  }, 30_000);

  it('the extension decides: auto leaves syntax errors to the Red Hat YAML extension while it validates', () => {
    expect(syntaxErrorsFor('auto', { extensionEnabled: true, validate: true })).toBe('never');
    expect(syntaxErrorsFor('auto', { extensionEnabled: true, validate: undefined })).toBe('never');
    expect(syntaxErrorsFor(undefined, { extensionEnabled: true, validate: true })).toBe('never');
    expect(syntaxErrorsFor('auto', { extensionEnabled: true, validate: false })).toBe('always');
    expect(syntaxErrorsFor('auto', { extensionEnabled: false, validate: true })).toBe('always');
    expect(syntaxErrorsFor('always', { extensionEnabled: true, validate: true })).toBe('always');
    expect(syntaxErrorsFor('never', { extensionEnabled: false, validate: false })).toBe('never');
  });

  it('a modeline naming the completion schema keeps each problem once; one naming the full schema brings the duplicate back', async () => {
    const yls = await startYls(manifest.contributes.yamlValidation);
    try {
      // Beside the seeds, so that the modeline's relative path resolves as in a seed.
      const at = (name: string) => pathToFileURL(path.join(ROOT, 'seeds', `coexist-${name}.plan.yaml`)).href;
      const completion = `# yaml-language-server: $schema=../schemas/plan.completion.schema.json\n${TEXT}`;
      const ours = await planlintDiagnostics(at('completion'), completion);
      const theirs = await ylsDiagnostics(yls, at('completion'), completion);
      expect(theirs.diagnostics).toEqual([]);
      expect(ours).toHaveLength(1);
      const full = `# yaml-language-server: $schema=../schemas/plan.schema.json\n${TEXT}`;
      const again = await ylsDiagnostics(yls, at('full'), full);
      expect(again.diagnostics.length).toBeGreaterThan(0);
    } finally {
      await yls.stop();
    }
  }, 30_000);
});
