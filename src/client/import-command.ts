import * as vscode from 'vscode';
import { importDocument } from '../engine/index.js';
import { messageText, t } from './l10n.js';

/** The message in planlint's language, a Chinese one with the English beside it. */
function say(m: { 'zh-CN': string; en: string }): string {
  return messageText() === 'zh-CN' ? `${m['zh-CN']} / ${m.en}` : m.en;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Import plan from document": writes `<name>.plan.yaml` and `<name>.source.txt` beside the document
 * and opens the plan beside its source text, so the drafter corrects it with planlint's diagnostics.
 * Nothing is written when the document cannot be read or the user keeps the files that exist.
 */
export async function importDocumentCommand(target?: vscode.Uri): Promise<void> {
  const uri = target ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [t('Documents')]: ['docx', 'txt', 'md'] }, openLabel: t('Import') }))?.[0];
  if (!uri) return;
  const fileName = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const stem = fileName.replace(/\.[^.]*$/, '');
  const dir = vscode.Uri.joinPath(uri, '..');
  const planUri = vscode.Uri.joinPath(dir, `${stem}.plan.yaml`);
  const sourceUri = vscode.Uri.joinPath(dir, `${stem}.source.txt`);
  const existing = [];
  for (const u of [planUri, sourceUri]) if (await exists(u)) existing.push(u.path.slice(u.path.lastIndexOf('/') + 1));
  if (existing.length > 0) {
    const replace = t('Replace');
    const answer = await vscode.window.showWarningMessage(t('{0} already exists. Replace it?', existing.join(', ')), { modal: true }, replace);
    if (answer !== replace) return;
  }
  const imported = importDocument(await vscode.workspace.fs.readFile(uri), fileName, { sourceFile: `${stem}.source.txt`, name: fileName });
  if ('code' in imported) {
    void vscode.window.showErrorMessage(`planlint: ${fileName}: ${say(imported.message)}`);
    return;
  }
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(sourceUri, encoder.encode(`${imported.source.lines.join('\n')}\n`));
  await vscode.workspace.fs.writeFile(planUri, encoder.encode(imported.result.yaml));
  await vscode.window.showTextDocument(sourceUri, { viewColumn: vscode.ViewColumn.One, preview: false });
  await vscode.window.showTextDocument(planUri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const s = imported.result.summary;
  void vscode.window.showInformationMessage(t('Imported {0}: {1} sections, {2} tasks, {3} units, {4} indicators; {5} paragraphs kept only as notes.', fileName, s.sections, s.tasks, s.units, s.indicators, s.unrecognised.length));
}
