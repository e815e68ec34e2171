// Fixes and rename change only their target: a value is written with the quoting its context (flow or
// block) needs; fix-all undoes a pass that changes data outside its fixes' paths; rename refuses an
// empty, multi-line or already-declared name with an error the editor shows.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { changedOutside, fixAll } from '../../src/engine/fix-all.js';
import { renameRefusal } from '../../src/language/rename-check.js';
import { sharedServer } from '../lsp/shared.js';
import { WARN_PLAN } from './cli-run.js';

/** The warn plan with its first unit renamed to `name`, its old name kept as the abbreviation a fix replaces. */
const withUnit = (name: string, lead = 'lead: [区人力社保局]') =>
  WARN_PLAN.replace('  - name: 区人力资源和社会保障局', `  - name: ${JSON.stringify(name)}\n    aliases: [区人力社保局]`).replace('lead: [区人力社保局]', lead);

const data = (text: string) => parse(text) as { units: { name: string }[]; sections: { lead: string[]; responsible: string[] }[] };

describe('fix values are quoted as their context needs', () => {
  const NAMES = ['区人力资源和社会保障局, 区就业局', '区人社局]', '区人社局: 就业', '区人社局 #1', '{区人社局}', '- 区人社局', '区人社局,区就业局'];

  it('into a flow list: the lead becomes exactly the declared name, once, and nothing else changes', () => {
    for (const name of NAMES) {
      const text = withUnit(name);
      const fixed = fixAll(text);
      expect(fixed.stopped, name).toBeUndefined();
      expect(fixed.applied, name).toBe(1);
      const before = data(text);
      const after = data(fixed.text);
      expect(after.sections[0].lead, name).toEqual([name]);
      expect({ ...after, sections: [{ ...after.sections[0], lead: [] }] }, name).toEqual({ ...before, sections: [{ ...before.sections[0], lead: [] }] });
      // Fix twice = fix once; the re-check has no finding left to fix.
      expect(fixAll(fixed.text).text, name).toBe(fixed.text);
      expect(fixed.text.length, name).toBeLessThan(text.length + name.length + 4);
    }
  });

  it('into a block list: the same', () => {
    for (const name of NAMES) {
      const fixed = fixAll(withUnit(name, 'lead:\n      - 区人力社保局'));
      expect(data(fixed.text).sections[0].lead, name).toEqual([name]);
      expect(checkText(fixed.text).findings.filter((f) => f.ruleId === 'unit-name-canonical'), name).toEqual([]);
    }
  });
});

describe('fix-all stops when a pass changes data outside its targets', () => {
  it('a change outside every allowed path is named; one inside them is not', () => {
    const before = { sections: [{ lead: ['a'], responsible: ['b'] }], units: [{ name: 'x' }] };
    expect(changedOutside(before, { ...before, sections: [{ lead: ['c'], responsible: ['b'] }] }, [['sections', 0, 'lead']])).toBeUndefined();
    expect(changedOutside(before, { ...before, sections: [{ lead: ['a', 'd'], responsible: ['b'] }] }, [['sections', 0, 'lead', 0]])).toEqual(['sections', 0, 'lead', 1]);
    expect(changedOutside(before, { ...before, units: [{ name: 'x' }, { name: 'y' }] }, [['sections', 0, 'lead', 0]])).toEqual(['units', 1]);
  });
});

describe('rename refusals', () => {
  const plan = checkText(WARN_PLAN).plan!;

  it('an empty, multi-line or already-declared name is refused, in both languages', () => {
    for (const name of ['', '  ', '区人社局\n区就业局', '区财政局']) {
      const refusal = renameRefusal(plan, '区人力资源和社会保障局', name);
      expect(refusal?.['zh-CN'], JSON.stringify(name)).toBeTruthy();
      expect(refusal?.en, JSON.stringify(name)).toBeTruthy();
    }
    expect(renameRefusal(plan, '区人力资源和社会保障局', '区人力资源和社会保障局(区就业局)')).toBeUndefined();
  });
});

describe('rename in the language server', () => {
  const server = sharedServer('planlint-rename');
  const position = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle) + 1).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length - 1 };
  };
  const rename = async (text: string, newName: string) => {
    const uri = await server.open(text);
    return server.client.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position: position(text, '区财政局]'), newName });
  };

  it('refuses an empty, multi-line or taken name with an error the client shows', async () => {
    for (const newName of ['', '区财政局\n- 区教育局', '区人力资源和社会保障局']) {
      await expect(rename(WARN_PLAN, newName), JSON.stringify(newName)).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/\S/) });
    }
  });

  it('writes a name with "]" or ", " quoted into the flow list, so the file keeps its shape', async () => {
    for (const newName of ['区财政局]', '区财政局, 区国资办']) {
      const edit = (await rename(WARN_PLAN, newName)) as WorkspaceEdit;
      const change = edit.documentChanges?.[0] as { edits: TextEdit[] };
      const renamed = TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, WARN_PLAN), change.edits);
      const d = data(renamed);
      expect(d.units.map((u) => u.name), newName).toEqual(['区人力资源和社会保障局', newName]);
      expect(d.sections[0].responsible, newName).toEqual([newName]);
    }
  });
});
