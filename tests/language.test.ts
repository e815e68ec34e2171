// The language features as pure functions of a check: no server, no thread.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/index.js';
import { codeActions } from '../src/language/code-actions.js';
import { toDiagnostics } from '../src/language/diagnostics.js';
import { text } from '../src/language/texts.js';

const TEXT = fs.readFileSync(path.resolve(__dirname, 'cli/warn.plan.yaml'), 'utf8');

function disableFileEdit(source: string) {
  const output = checkText(source);
  const diagnostics = toDiagnostics(output, 'en', () => undefined);
  const doc = { uri: 'file:///t.plan.yaml', version: 3, text: source, options: {} };
  const action = codeActions(output, { diagnostics }, { doc, lang: 'en', docsUri: () => undefined }).find((a) => a.title.endsWith('for this file'));
  return (action?.edit?.documentChanges?.[0] as { edits: { range: { start: unknown }; newText: string }[] }).edits[0];
}

describe('code actions', () => {
  it('disable for this file keeps a byte-order mark first and the file\'s line ends', () => {
    const edit = disableFileEdit(`\uFEFF${TEXT.replace(/\n/g, '\r\n')}`);
    expect(edit.range.start).toEqual({ line: 0, character: 1 });
    expect(edit.newText).toBe('# planlint-disable-file unit-name-canonical -- reason\r\n');
  });
});

describe('texts', () => {
  it('fill placeholders in both languages', () => {
    expect(text('en', 'disableFile', { rule: 'x' })).toBe('Disable x for this file');
    expect(text('zh-CN', 'disableFile', { rule: 'x' })).toBe('在此文件禁用 x');
  });
});
