import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPlanFile, PLAN_FILE_GLOB } from '../engine/index.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { importDocumentCommand } from './import-command.js';

let client: LanguageClient | undefined;

/** The language of planlint's messages: the `planlint.language` setting, else VS Code's own. */
function messageLanguage(): string {
  const chosen = vscode.workspace.getConfiguration('planlint').get<string>('language', 'auto');
  return chosen === 'auto' ? vscode.env.language : chosen;
}

const SELECTOR = [
  { scheme: 'file', language: 'yaml', pattern: PLAN_FILE_GLOB },
  { scheme: 'untitled', language: 'yaml' },
];

/** Starts the planlint language server and the editor pieces around it: commands, status bar, output. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const output = vscode.window.createOutputChannel('planlint', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: output,
    initializationOptions: { locale: messageLanguage() },
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.planlint.{yaml,yml}') },
  };
  client = new LanguageClient('planlint', 'planlint', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = 'workbench.actions.view.problems';
  const updateStatus = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isPlanFile(editor.document.fileName)) {
      status.hide();
      return;
    }
    const count = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'planlint').length;
    status.text = count === 0 ? '$(check) planlint' : `$(warning) planlint: ${count}`;
    status.tooltip = count === 0 ? vscode.l10n.t('No planlint problems in this file') : vscode.l10n.t('{0} planlint problems in this file', count);
    status.show();
  };

  context.subscriptions.push(
    output,
    status,
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.commands.registerCommand('planlint.openRuleDoc', async (href: string) => {
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(href));
    }),
    vscode.commands.registerCommand('planlint.fixAll', async () => {
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.planlint', apply: 'first' });
    }),
    vscode.commands.registerCommand('planlint.showOutput', () => output.show()),
    vscode.commands.registerCommand('planlint.importDocument', importDocumentCommand),
    vscode.commands.registerCommand('planlint.exportDocx', async () => (await import('./export-command.js')).exportActivePlan('docx')),
    vscode.commands.registerCommand('planlint.exportXlsx', async () => (await import('./export-command.js')).exportActivePlan('xlsx')),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // The server reads its language once; a new language needs a new server.
      if (e.affectsConfiguration('planlint.language') && client) {
        await client.stop();
        client = new LanguageClient('planlint', 'planlint', serverOptions, { ...clientOptions, initializationOptions: { locale: messageLanguage() } });
        await client.start();
      }
    }),
  );
  await client.start();
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
