// RELIABILITY battery items 4 and 8, on the real server over stdio and the real CLI:
// a storm of edits never leaves stale diagnostics, and both report every finding at the same place
// whatever the encoding quirks of the file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/gen.mjs';
import { sharedServer } from '../lsp/shared.js';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const server = sharedServer('planlint-robust');
const open = (text: string, name?: string) => server.open(text, name);

interface Place {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The CLI's findings for a file's bytes, as 1-based places. */
function cliPlaces(bytes: Buffer | string): Place[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-places-'));
  const file = path.join(dir, 'plan.plan.yaml');
  fs.writeFileSync(file, bytes);
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, '--format', 'json', file], { encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  fs.rmSync(dir, { recursive: true });
  const [report] = JSON.parse(out) as { messages: Place[] }[];
  return report.messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn })).sort(byPlace);
}

function editorPlaces(diagnostics: Diagnostic[]): Place[] {
  return diagnostics
    .map((d) => ({ ruleId: String(d.code), line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 }))
    .sort(byPlace);
}

const byPlace = (a: Place, b: Place) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.endLine - b.endLine || a.endColumn - b.endColumn;


describe('a storm of edits (item 4)', () => {
  it('1,000 edits 1 ms apart on a 5,000-line plan: publishes only move forward, and the last is for the last version and equals the CLI', async () => {
    const text = generatePlan(300);
    expect(text.split('\n').length).toBeGreaterThan(5_000);
    const uri = await open(text);
    await server.client.diagnostics(uri, 1, 60_000);
    let doc = TextDocument.create(uri, 'yaml', 1, text);
    // Every edit rewrites one digit of a yearly value somewhere in the file: each version has its own findings.
    const sites = [...text.matchAll(/ 20\d\d: (\d+)/g)].map((m) => (m.index ?? 0) + m[0].length - m[1].length);
    for (let v = 2; v <= 1_001; v++) {
      const at = doc.positionAt(sites[(v * 7919) % sites.length]);
      const change = { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: String(v % 10) };
      doc = TextDocument.update(doc, [change], v);
      void server.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      await new Promise((r) => setTimeout(r, 1));
    }
    const last = await server.client.diagnostics(uri, 1_001, 60_000);
    // Nothing after the last version's publish, and never an older version after a newer one.
    await new Promise((r) => setTimeout(r, 500));
    const versions = server.client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    expect(versions[versions.length - 1]).toBe(1_001);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(editorPlaces(last.diagnostics)).toEqual(cliPlaces(doc.getText()));
    // The server lives and answers.
    const symbols = await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(Array.isArray(symbols) && symbols.length > 0).toBe(true);
  }, 120_000);
});

describe('encodings (item 8)', () => {
  const plan = fs.readFileSync(path.join(ROOT, 'tests/cli/error.plan.yaml'), 'utf8').replace(/\r\n/g, '\n');
  // Findings after the quirk: an astral character and a misspelt unit push every later column.
  const body = plan.replace('新建公办幼儿园', '新建公办幼儿园😀𠀀');
  const cases: [string, Buffer][] = [
    ['UTF-8 with a byte order mark', Buffer.from(`\uFEFF${body}`, 'utf8')],
    ['CRLF line ends', Buffer.from(body.replace(/\n/g, '\r\n'), 'utf8')],
    ['mixed line ends', Buffer.from(body.split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join(''), 'utf8')],
    ['astral characters before findings', Buffer.from(body.replace('title:', 'title: 𝒳😀'), 'utf8')],
    ['invalid UTF-8', Buffer.concat([Buffer.from(body.slice(0, 40), 'utf8'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(body.slice(40), 'utf8')])],
    ['a NUL character', Buffer.from(body.replace('title:', 'title: a\u0000b'), 'utf8')],
  ];
  for (const [name, bytes] of cases) {
    it(`${name}: the CLI and the editor report the same line and column for every finding`, async () => {
      const cli = cliPlaces(bytes);
      expect(cli.length).toBeGreaterThan(0);
      // The editor gets the text as VS Code decodes it: UTF-8, invalid bytes as U+FFFD, the BOM kept out.
      const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
      const uri = await open(text);
      const published = await server.client.diagnostics(uri, 1, 30_000);
      expect(editorPlaces(published.diagnostics)).toEqual(cli);
      if (name === 'invalid UTF-8') expect(cli.some((p) => p.ruleId === 'encoding')).toBe(true);
    });
  }
});
