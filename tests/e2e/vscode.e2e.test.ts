// End to end in a real VS Code: the packaged .vsix installed into code-server, a seed plan opened,
// the Problems panel read, a quick fix applied through the lightbulb, and the file checked on disk;
// then a digit typed wrong, whose finding must come without a save.
// Also in Restricted Mode, since planlint declares full support for untrusted workspaces.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { applyEdits, fixToEdits } from '../../src/engine/fix.js';
import { filteredProblems, openEditor, packageVsix, problemsText, retry, setup, type Editor } from './code-server.js';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-results');
const SEED = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).sort()
  .map((f) => path.join(ROOT, 'seeds', f))
  .find((f) => checkText(fs.readFileSync(f, 'utf8')).findings.some((x) => x.fix)) as string;

let env: { codeServer: string; nodeBin: string; vsix: string };

beforeAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  env = { ...setup(), vsix: packageVsix() };
}, 25 * 60_000);

function workspace(): { folder: string; file: string; text: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-ws-'));
  const file = path.join(folder, path.basename(SEED));
  fs.copyFileSync(SEED, file);
  return { folder, file, text: fs.readFileSync(file, 'utf8') };
}

async function openFile(editor: Editor, name: string): Promise<void> {
  await retry(async () => {
    await editor.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: 30_000 });
    await editor.page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  });
}

/**
 * A drafter's typo: the first digit of a year's target whose change makes a finding the text did not
 * have, with the offset of that digit, the digit typed over it and the new finding's message.
 */
function typo(text: string): { offset: number; digit: string; message: string } | undefined {
  const before = new Set(checkText(text).findings.map((f) => f.message['zh-CN']));
  for (const m of text.matchAll(/\b20\d\d: (\d)/g)) {
    const offset = m.index + m[0].length - 1;
    const digit = m[1] === '9' ? '1' : '9';
    const found = checkText(text.slice(0, offset) + digit + text.slice(offset + 1)).findings.find((f) => !before.has(f.message['zh-CN']));
    if (found) return { offset, digit, message: found.message['zh-CN'] };
  }
  return undefined;
}

describe('in a real VS Code (code-server)', () => {
  let editor: Editor | undefined;
  afterAll(async () => {
    await editor?.stop();
  });

  it('shows a seed plan\'s findings in the Problems panel and applies a quick fix from the lightbulb', async () => {
    const { folder, file, text } = workspace();
    const expected = checkText(text);
    const target = expected.findings.find((f) => f.fix)!;
    // A drafter who wants Chinese messages whatever the UI language (no Chinese language pack here).
    editor = await openEditor({ ...env, folder, trusted: true, settings: { 'planlint.language': 'zh-CN' } });
    await openFile(editor, path.basename(file));
    const problems = await problemsText(editor, target.message['zh-CN']);
    expect(problems).toContain(target.ruleId);
    await editor.page.screenshot({ path: path.join(ARTIFACTS, 'editor-problems.png') });

    // Put the cursor on the finding, open the lightbulb menu (Ctrl+.) and choose the fix.
    const at = expected.lines.position(target.range.start);
    await editor.page.locator('.monaco-editor .view-lines').first().click();
    await editor.page.keyboard.press('Control+G');
    await editor.page.keyboard.type(`${at.line + 1}:${at.character + 2}`);
    await editor.page.keyboard.press('Enter');
    await retry(async () => {
      await editor!.page.keyboard.press('Control+.');
      await editor!.page.locator('.action-widget', { hasText: target.fix!.message['zh-CN'] }).waitFor({ timeout: 15_000 });
    });
    await editor.page.screenshot({ path: path.join(ARTIFACTS, 'editor-quickfix.png') });
    await editor.page.locator('.action-widget .monaco-list-row', { hasText: target.fix!.message['zh-CN'] }).first().click();
    await editor.page.keyboard.press('Control+S');
    const fixed = applyEdits(text, fixToEdits(expected.source!, target.fix!)!);
    await expect.poll(() => fs.readFileSync(file, 'utf8'), { timeout: 30_000, interval: 500 }).toBe(fixed);

    // Type a wrong digit into a year's target, unsaved: its finding comes as the drafter types.
    const slip = typo(fixed)!;
    const where = checkText(fixed).lines.position(slip.offset);
    await editor.page.keyboard.press('Control+G');
    await editor.page.keyboard.type(`${where.line + 1}:${where.character + 1}`);
    await editor.page.keyboard.press('Enter');
    await editor.page.keyboard.press('Shift+ArrowRight');
    await editor.page.keyboard.type(slip.digit);
    expect(await filteredProblems(editor, slip.message)).toContain(slip.message);
    await editor.page.screenshot({ path: path.join(ARTIFACTS, 'editor-typing.png') });
    expect(fs.readFileSync(file, 'utf8')).toBe(fixed);
    await editor.stop();
    editor = undefined;
  }, 10 * 60_000);

  it('works in Restricted Mode (untrusted workspace)', async () => {
    const { folder, file, text } = workspace();
    const first = checkText(text).findings[0];
    editor = await openEditor({ ...env, folder, trusted: false });
    // The workbench always asks (startupPrompt: always), as late as a minute after it loads on a
    // busy machine, with a modal that blocks every click: wait for it and decline trust.
    const dialog = editor.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 180_000 });
    await dialog.getByRole('button', { name: /No, I don|不信任/ }).first().click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => editor!.page.locator('.statusbar').innerText(), { timeout: 30_000 }).toMatch(/Restricted Mode|受限模式/);
    await openFile(editor, path.basename(file));
    // Default language: VS Code's own, English here.
    await problemsText(editor, first.message.en);
    await editor.page.screenshot({ path: path.join(ARTIFACTS, 'editor-restricted.png') });
  }, 10 * 60_000);
});
