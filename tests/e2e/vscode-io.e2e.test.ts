// End to end in a real VS Code (code-server): the import and export commands as a drafter runs them.
// A .docx made by the exporter is imported from the command palette (through the editor's own file
// dialog), a seed's source text from the Explorer's context menu; the files written are the
// importer's, and the plan opens beside its source text with planlint's diagnostics. Then the plan
// with errors is refused on export until "Export anyway", and a clean plan exports to .docx and .xlsx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { importDocument } from '../../src/engine/index.js';
import { exportPlan } from '../../src/export/export.js';
import { openEditor, packageVsix, problemsText, retry, setup, type Editor } from './code-server.js';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-results');
const seed = (prefix: string, dir = 'seeds'): string => {
  const name = fs.readdirSync(path.join(ROOT, dir)).find((f) => f.startsWith(prefix)) as string;
  return path.join(ROOT, dir, name);
};

let env: { codeServer: string; nodeBin: string; vsix: string };

beforeAll(() => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  env = { ...setup(), vsix: packageVsix('planlint-io.vsix') };
}, 25 * 60_000);

/** What the command must write for a document: the importer's own output, as the CLI writes it. */
function expectedImport(file: string): { plan: string; source: string; tasks: number } {
  const name = path.basename(file);
  const stem = name.replace(/\.[^.]*$/, '');
  const imported = importDocument(fs.readFileSync(file), name, { sourceFile: `${stem}.source.txt`, name });
  if ('code' in imported) throw new Error(`${name} does not import: ${imported.message.en}`);
  return { plan: imported.result.yaml, source: `${imported.source.lines.join('\n')}\n`, tasks: imported.result.summary.tasks };
}

/** A document as a drafter's Word saves it: planlint's export with another creator stamped in. */
function asSavedByWord(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files['docProps/core.xml'] = strToU8(strFromU8(files['docProps/core.xml']).replace(/<dc:creator>[^<]*<\/dc:creator>/, '<dc:creator>Microsoft Office User</dc:creator>'));
  return zipSync(files);
}

const read = (file: string): string | undefined => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

/** The parts of a zip written on disk (throws if it is not a valid zip). */
function parts(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(fs.readFileSync(file)));
}

/**
 * Runs a command from the palette (F1), chosen by its title as the palette lists it. The palette lists
 * an extension's commands only once the workbench has scanned the extension (late on a loaded
 * machine): until then it is closed and opened again.
 */
async function runCommand(editor: Editor, title: string, timeoutMs = 120_000): Promise<void> {
  const { page } = editor;
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 5_000 });
      await row.click({ timeout: 5_000 });
      return;
    } catch (e) {
      if (Date.now() > until) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * The editor's own file dialog (code-server shows VS Code's simple dialog: a quick input holding a
 * path): waits until it holds a path ending in `suggested`, then accepts `file` (or the suggestion).
 */
async function fileDialog(editor: Editor, suggested: RegExp, file?: string): Promise<void> {
  const input = editor.page.locator('.quick-input-widget input');
  await expect.poll(async () => (await input.isVisible()) ? input.inputValue() : '', { timeout: 30_000, interval: 300 }).toMatch(suggested);
  if (!file) return input.press('Enter');
  // The dialog writes the folder into its input as it lists it, and may overwrite a path typed before it has
  // (then it stays open on the folder: "Please select a file"): type the file until it stays, then accept it,
  // and again while the dialog is still open.
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.fill(file);
    await editor.page.waitForTimeout(500);
    if ((await input.inputValue()) !== file) continue;
    await input.press('Enter');
    if (await input.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the file dialog did not take ${file}`);
}

/** A notification toast showing `text`. */
const toast = (editor: Editor, text: RegExp) => editor.page.locator('.notification-toast', { hasText: text }).first();

async function openFile(editor: Editor, name: string): Promise<void> {
  await retry(async () => {
    await editor.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: 30_000 });
    await editor.page.locator('.editor-group-container .tab.active', { hasText: name }).first().waitFor({ timeout: 30_000 });
  });
}

describe('import and export in a real VS Code (code-server)', () => {
  let editor: Editor | undefined;
  let workspaceDir: string | undefined;
  afterAll(async () => {
    // What the editor showed when a step failed, to see why.
    await editor?.page.screenshot({ path: path.join(ARTIFACTS, 'editor-io-last.png') }).catch(() => undefined);
    await editor?.stop();
    if (workspaceDir) fs.rmSync(workspaceDir, { recursive: true, force: true });
  });

  it('imports a .docx from the palette and a .txt from the Explorer, then exports, refusing a plan with errors unless forced', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-io-ws-'));
    workspaceDir = folder;
    // A drafter's Word document: seed 001 exported by planlint itself (its import has errors).
    const exported = await exportPlan(fs.readFileSync(seed('001'), 'utf8'), 'docx', { force: true });
    if (!exported.ok) throw new Error('seed 001 does not export');
    const draft = path.join(folder, 'draft.docx');
    const original = asSavedByWord(exported.bytes);
    fs.writeFileSync(draft, original);
    // Text pasted from a web page: a seed's source text.
    const pasted = path.join(folder, 'linyi.txt');
    fs.copyFileSync(seed('002', 'seeds/source'), pasted);
    // A clean plan file (no errors) to export.
    const clean = path.join(folder, 'clean.plan.yaml');
    fs.copyFileSync(seed('004'), clean);
    const cleanText = fs.readFileSync(clean, 'utf8');
    expect(checkText(cleanText).findings.filter((f) => f.severity === 'error')).toEqual([]);

    const want = expectedImport(draft);
    const errors = checkText(want.plan).findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);

    editor = await openEditor({ ...env, folder, trusted: true, settings: { 'planlint.language': 'zh-CN' } });
    const { page } = editor;
    // Wait for the Explorer, so that the extension has its workspace.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.docx' }).first().waitFor({ timeout: 90_000 });

    // 1. From the palette: the command asks for the document in the editor's file dialog.
    await runCommand(editor, '从文档导入计划 / Import plan from document');
    await fileDialog(editor, /\/$/, draft);
    await expect.poll(() => read(path.join(folder, 'draft.plan.yaml')), { timeout: 60_000, interval: 500 }).toBe(want.plan);
    expect(read(path.join(folder, 'draft.source.txt'))).toBe(want.source);
    // The source text on the left, the plan beside it (active), and what was recognised.
    const groups = page.locator('.editor-group-container');
    await expect.poll(() => groups.count(), { timeout: 30_000 }).toBe(2);
    await groups.nth(0).locator('.tab', { hasText: 'draft.source.txt' }).waitFor({ timeout: 30_000 });
    await groups.nth(1).locator('.tab.active', { hasText: 'draft.plan.yaml' }).waitFor({ timeout: 30_000 });
    await toast(editor, new RegExp(`(Imported|已导入) draft\\.docx.*${want.tasks}`)).waitFor({ timeout: 30_000 });
    // planlint's diagnostics on the imported plan, as the drafter corrects it.
    const problems = await problemsText(editor, errors[0].message['zh-CN']);
    expect(problems).toContain(errors[0].ruleId);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editor-import.png') });

    // 2. Export the plan with errors: refused, nothing written, until "Export anyway".
    await page.locator('.editor-group-container').nth(1).locator('.monaco-editor .view-lines').click();
    await runCommand(editor, 'Export to Word');
    const refusal = toast(editor, new RegExp(`${errors.length} (error\\(s\\)|个错误)`));
    await refusal.waitFor({ timeout: 30_000 });
    // The refusal names what blocks the export, in the language planlint speaks (zh-CN here).
    expect(await refusal.innerText()).toContain(errors[0].message['zh-CN']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editor-export-refused.png') });
    expect(await page.locator('.quick-input-widget input').isVisible()).toBe(false);
    await refusal.locator('.monaco-button', { hasText: /Export anyway|仍然导出/ }).click();
    // The suggestion is not the drafter's own draft.docx, which accepting it would replace.
    const forced = path.join(folder, 'draft.plan.docx');
    await fileDialog(editor, /\/draft\.plan\.docx$/);
    await expect.poll(() => fs.existsSync(forced), { timeout: 60_000, interval: 500 }).toBe(true);
    await toast(editor, /(Exported to|已导出到) draft\.plan\.docx/).waitFor({ timeout: 30_000 });
    expect(Object.keys(parts(forced))).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    // What it wrote reads back as the plan it came from.
    const back = importDocument(fs.readFileSync(forced), 'draft.plan.docx');
    expect('code' in back ? back : back.result.summary.tasks).toBe(want.tasks);

    // 3. A clean plan exports without a question: the responsibility table, then the document.
    await openFile(editor, 'clean.plan.yaml');
    await runCommand(editor, 'Export responsibility table');
    await fileDialog(editor, /\/clean\.xlsx$/);
    const xlsx = path.join(folder, 'clean.xlsx');
    await expect.poll(() => fs.existsSync(xlsx), { timeout: 60_000, interval: 500 }).toBe(true);
    const sheet = parts(xlsx);
    expect(Object.keys(sheet)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
    expect(fs.readFileSync(draft)).toEqual(Buffer.from(original));
    expect(fs.readFileSync(xlsx)).toEqual(Buffer.from(((await exportPlan(cleanText, 'xlsx')) as { bytes: Uint8Array }).bytes));
    // In a browser the files are on the server: the notification shows the file in the Explorer.
    await toast(editor, /(Exported to|已导出到) clean\.xlsx/).locator('.monaco-button', { hasText: /Show in Explorer|在资源管理器中显示/ }).click({ timeout: 30_000 });
    await page.locator('.explorer-folders-view .monaco-list-row.selected', { hasText: 'clean.xlsx' }).waitFor({ timeout: 30_000 });
    await openFile(editor, 'clean.plan.yaml');
    await runCommand(editor, 'Export to Word');
    await fileDialog(editor, /\/clean\.docx$/);
    const docx = path.join(folder, 'clean.docx');
    await expect.poll(() => fs.existsSync(docx), { timeout: 60_000, interval: 500 }).toBe(true);
    expect(strFromU8(parts(docx)['word/document.xml'])).toContain('衡阳');
    expect(fs.readFileSync(docx)).toEqual(Buffer.from(((await exportPlan(cleanText, 'docx')) as { bytes: Uint8Array }).bytes));

    // 4. From the Explorer's context menu on a .txt: no dialog, the files written beside it.
    const wantTxt = expectedImport(pasted);
    // The workbench's menu ignores a click that comes right after it opened: point at the item and
    // press Enter, as a keyboard user does, and wait until the menu has closed.
    await retry(async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'linyi.txt' }).first().click({ button: 'right', timeout: 15_000 });
      const item = page.locator('.context-view .action-item', { hasText: /Import plan from document|从文档导入计划/ }).first();
      await item.hover({ timeout: 15_000 });
      await expect.poll(() => item.evaluate((e) => e.classList.contains('focused')), { timeout: 5_000 }).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached', timeout: 10_000 });
    });
    await expect.poll(() => read(path.join(folder, 'linyi.plan.yaml')), { timeout: 60_000, interval: 500 }).toBe(wantTxt.plan);
    expect(read(path.join(folder, 'linyi.source.txt'))).toBe(wantTxt.source);
    await groups.nth(1).locator('.tab.active', { hasText: 'linyi.plan.yaml' }).waitFor({ timeout: 30_000 });
  }, 15 * 60_000);
});
