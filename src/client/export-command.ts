/**
 * The editor's export commands: the open plan file to a .docx or an .xlsx, refused (with "export
 * anyway") when the plan has errors, as the CLI refuses. Its own bundle (dist/export-command.js),
 * loaded on the first export: the document libraries would triple the extension's start-up code.
 */
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { EMPTY_CONFIG, type Config, type Finding } from '../engine/index.js';
import { exportPlan } from '../export/export.js';
import type { ExportFormat } from '../export/formats.js';
import { findConfig, loadConfigFile } from '../node/config-files.js';
import { messageText, t } from './l10n.js';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  docx: { 'Word (.docx)': ['docx'] },
  xlsx: { 'Excel (.xlsx)': ['xlsx'] },
};

/** The project's .planlint.yaml, as the CLI finds it; a config with errors is the server's to report. */
function configFor(file: string): { config: Config; relativePath?: string } {
  const found = findConfig(path.dirname(file));
  if (!found) return { config: EMPTY_CONFIG };
  try {
    return { config: loadConfigFile(found).config, relativePath: path.relative(path.dirname(found), file).split(path.sep).join('/') };
  } catch {
    return { config: EMPTY_CONFIG };
  }
}

/** The first errors, each with its line, for the refusal: the drafter sees what blocks the export. */
function listErrors(doc: vscode.TextDocument, findings: Finding[], shown = 3): string {
  const lang = messageText();
  const items = findings.slice(0, shown).map((f) => `${t('line {0}', doc.positionAt(f.range.start).line + 1)}: ${f.message[lang]}`);
  const more = findings.length > shown ? ` ${t('… and {0} more', findings.length - shown)}` : '';
  return `${items.join('; ')}${more}`;
}

/** Whether the file at `uri` is a document planlint exported (its creator, as the exporter stamps it). */
async function exportedByPlanlint(uri: vscode.Uri): Promise<boolean> {
  try {
    const parts = unzipSync(await vscode.workspace.fs.readFile(uri), { filter: (f) => f.name === 'docProps/core.xml' });
    const core = parts['docProps/core.xml'];
    return core !== undefined && /<dc:creator>planlint<\/dc:creator>/.test(strFromU8(core));
  } catch {
    return false;
  }
}

/**
 * The name the save dialog suggests: `<stem>.docx` beside `<stem>.plan.yaml`, unless a document of that
 * name exists that planlint did not write, which is most often the drafter's own document the plan was
 * imported from: then `<stem>.plan.docx`, so that accepting the suggestion never replaces the original.
 */
async function suggestedTarget(plan: vscode.Uri, format: ExportFormat): Promise<vscode.Uri> {
  const plain = plan.with({ path: plan.path.replace(/(\.plan)?\.ya?ml$/i, `.${format}`) });
  try {
    await vscode.workspace.fs.stat(plain);
  } catch {
    return plain;
  }
  return (await exportedByPlanlint(plain)) ? plain : plan.with({ path: plan.path.replace(/(\.plan)?\.ya?ml$/i, `.plan.${format}`) });
}

export async function exportActivePlan(format: ExportFormat): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !/\.plan\.ya?ml$/i.test(doc.fileName)) {
    void vscode.window.showWarningMessage(t('Open a plan file (*.plan.yaml) to export it.'));
    return;
  }
  const text = doc.getText();
  const check = doc.uri.scheme === 'file' ? configFor(doc.uri.fsPath) : { config: EMPTY_CONFIG };
  let result = await exportPlan(text, format, { check });
  if (!result.ok && result.reason === 'not-a-plan') {
    void vscode.window.showErrorMessage(t('This file is not a plan file (YAML with plan and sections); nothing exported.'));
    return;
  }
  if (!result.ok) {
    const anyway = t('Export anyway');
    const problems = t('Show problems');
    const pick = await vscode.window.showErrorMessage(
      `${t('The plan has {0} error(s); fix them before issuing it. Nothing exported.', result.findings.length)} ${listErrors(doc, result.findings)}`,
      problems,
      anyway,
    );
    if (pick === problems) await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (pick !== anyway) return;
    result = await exportPlan(text, format, { check, force: true });
    if (!result.ok) return;
  }
  // The save dialog asks before it replaces a file: nothing is overwritten unasked.
  const target = await vscode.window.showSaveDialog({ defaultUri: await suggestedTarget(doc.uri, format), filters: FILTERS[format] });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, result.bytes);
  // Where the files live on another machine than the screen (a browser's VS Code, a remote window), the
  // system there cannot open them with Word: the file is shown in the Explorer instead (to download).
  const elsewhere = vscode.env.uiKind === vscode.UIKind.Web || vscode.env.remoteName !== undefined;
  const open = elsewhere ? t('Show in Explorer') : t('Open');
  const choice = await vscode.window.showInformationMessage(t('Exported to {0}', path.basename(target.fsPath)), open);
  if (choice !== open) return;
  if (elsewhere) await vscode.commands.executeCommand('revealInExplorer', target);
  else await vscode.env.openExternal(target);
}
