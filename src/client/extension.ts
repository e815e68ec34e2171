import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPlanFile, PLAN_FILE_GLOB } from '../engine/index.js';
import { DidChangeConfigurationNotification, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { importDocumentCommand } from './import-command.js';
import { messageLanguage, t } from './l10n.js';
import { syntaxErrorsFor, YAML_EXTENSION_ID } from './syntax-errors.js';

let client: LanguageClient | undefined;

/**
 * The server's `planlint` settings for a document, with `syntaxErrors` decided here, where the Red Hat
 * YAML extension and its settings can be seen (the server sees neither).
 */
function withSyntaxErrors(settings: unknown, scopeUri: string | undefined): unknown {
  if (!settings || typeof settings !== 'object') return settings;
  const uri = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const validate = vscode.workspace.getConfiguration('yaml', uri && { uri, languageId: 'yaml' }).get<unknown>('validate');
  const extensionEnabled = vscode.extensions.getExtension(YAML_EXTENSION_ID) !== undefined;
  return { ...settings, syntaxErrors: syntaxErrorsFor((settings as { syntaxErrors?: unknown }).syntaxErrors, { extensionEnabled, validate }) };
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
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((settings: unknown, i) => (params.items[i]?.section === 'planlint' ? withSyntaxErrors(settings, params.items[i].scopeUri) : settings));
        },
      },
    },
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
    status.tooltip = count === 0 ? t('No planlint problems in this file') : t('{0} planlint problems in this file', count);
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
    // The YAML extension installed, enabled or disabled, or its `yaml.validate` changed: the server pulls its settings again.
    vscode.extensions.onDidChange(() => void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null })),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('yaml.validate')) void client?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
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
