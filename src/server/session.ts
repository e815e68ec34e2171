import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isPlanFile, type Lang } from '../engine/index.js';
import { isRenameRefused, type RenameRefused } from '../language/rename-check.js';
import { FIX_ALL_KIND } from './service.js';
import { ConfigCache, DEFAULT_SETTINGS, type EditorSettings } from './settings.js';
import { ServiceThread, type Stopped } from './worker-client.js';

export { FIX_ALL_KIND } from './service.js';

/**
 * Edits closer together than this are checked once. Beyond that, edits that arrive while a check
 * runs are checked together when it ends: never two checks of one document at a time, never a wait
 * longer than the check in progress.
 */
const SETTLE_MS = 5;
/** What an editor asks for on every keystroke or cursor move: off for large files. */
const FREQUENT = new Set(['hover', 'completion', 'inlayHints', 'codeActions']);

/**
 * Wires a language server connection to the language service, which runs in its own thread
 * (./worker.ts): this thread keeps the documents, the settings and the configs, decides when to
 * check, publishes, and answers cancellations at once. All state is per document version.
 */
export function startSession(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const configs = new ConfigCache();
  const settingsCache = new Map<string, Promise<EditorSettings>>();
  // The version of each document the service thread has.
  const synced = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Documents with a check in flight, and those edited meanwhile.
  const checking = new Set<string>();
  const stale = new Set<string>();
  // Rules stopped by the watchdog: skipped from then on, and reported on every plan.
  const failedRules = new Map<string, string>();
  // Large documents already told why they are checked on open and save only.
  const noticed = new Set<string>();
  const sizes = new Map<string, { version: number; limit: number; large: boolean }>();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  let lang: Lang = 'zh-CN';
  let pullSettings = false;
  let service: ServiceThread | undefined;
  const docsRoot = path.resolve(__dirname, '..', 'rules');

  connection.onInitialize((params): InitializeResult => {
    const locale = (params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale ?? '';
    lang = /^en/i.test(locale) ? 'en' : 'zh-CN';
    pullSettings = !!params.capabilities.workspace?.configuration;
    service = new ServiceThread(lang, docsRoot, stopped);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '[', ',', ':', '-'] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        inlayHintProvider: true,
        executeCommandProvider: { commands: [] },
      },
      serverInfo: { name: 'planlint' },
    };
  });

  connection.onInitialized(() => {
    if (pullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' });
  });
  connection.onShutdown(async () => {
    await service?.dispose();
  });

  /** A rule ran away: it is skipped from now on and reported, and every plan is checked again without it. */
  function stopped(why: Stopped): void {
    const isRule = !['idle', 'read', 'schema', 'packs'].includes(why.phase);
    if (isRule) failedRules.set(why.phase, why.detail);
    connection.console.error(`planlint: the checking thread was stopped in ${why.phase}: ${why.detail}`);
    synced.clear();
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  async function settingsFor(uri: string): Promise<EditorSettings> {
    if (!pullSettings) return DEFAULT_SETTINGS;
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'planlint' })
        .then((v: Partial<EditorSettings> | null) => ({ ...DEFAULT_SETTINGS, ...(v ?? {}) }), () => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** Gives the service thread the current version of a plan document; undefined if it is not one, or disabled. */
  async function ensure(uri: string): Promise<TextDocument | undefined> {
    const doc = documents.get(uri);
    if (!doc || !isPlanFile(uri) || !service) return undefined;
    const settings = await settingsFor(uri);
    if (!settings.enable) return undefined;
    if (synced.get(uri) !== doc.version) {
      const { config, relativePath } = configs.forDocument(uri, settings);
      const failed = [...failedRules].map(([rule, detail]) => ({ rule, detail }));
      service.post('sync', uri, doc.version, doc.getText(), { config, relativePath, failedRules: failed });
      synced.set(uri, doc.version);
    }
    return doc;
  }

  /**
   * Whether a document is past the large-file size: then it is checked on open and save only, and the
   * features an editor asks for on every keystroke or cursor move are off, so the machine stays quiet.
   */
  async function isLarge(uri: string): Promise<boolean> {
    const doc = documents.get(uri);
    if (!doc) return false;
    const limit = (await settingsFor(uri)).largeFileSize * 1024;
    // Asked on every keystroke and hover: measured once per version and limit.
    const known = sizes.get(uri);
    if (known?.version === doc.version && known.limit === limit) return known.large;
    const text = doc.getText();
    // A UTF-16 unit is 1 to 3 bytes in UTF-8: count bytes only when the length alone cannot tell.
    const large = text.length > limit || (text.length * 3 > limit && Buffer.byteLength(text) > limit);
    sizes.set(uri, { version: doc.version, limit, large });
    return large;
  }

  /** Says once per document why it is checked only on open and save. */
  function noticeLarge(uri: string): void {
    if (noticed.has(uri)) return;
    noticed.add(uri);
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    // A notification, not a request: a client that cannot show requests must not break the server.
    void settingsFor(uri).then((s) => connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: lang === 'en'
        ? `planlint: ${name} is larger than ${s.largeFileSize} KB (planlint.largeFileSize): it is checked when opened and saved; hover, completion, inlay hints and quick fixes are off for it.`
        : `planlint:${name} 超过 ${s.largeFileSize} KB(planlint.largeFileSize),只在打开和保存时检查,悬停、补全、行内提示和快速修复已停用。`,
    }));
  }

  /** A request answered by the service thread, or `fallback` for a document it does not check. */
  async function ask<T>(uri: string, method: string, args: unknown[], fallback: T, token?: CancellationToken) {
    if (FREQUENT.has(method) && (await isLarge(uri))) return fallback;
    if (!(await ensure(uri))) return fallback;
    try {
      return await service!.call<T>(method, [uri, ...args], token);
    } catch (error) {
      // The thread was restarted under this request; the editor asks again.
      connection.console.error(String(error));
      return fallback;
    }
  }

  async function validate(uri: string): Promise<void> {
    if (checking.has(uri)) {
      stale.add(uri);
      return;
    }
    checking.add(uri);
    try {
      await publish(uri);
    } finally {
      checking.delete(uri);
      if (stale.delete(uri)) schedule(uri, 0);
    }
  }

  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || !isPlanFile(uri)) return;
    const version = doc.version;
    const settings = await settingsFor(uri);
    if (!settings.enable) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const result = await ask<{ version: number; diagnostics: Diagnostic[] } | undefined>(uri, 'diagnostics', [], undefined);
    if (!result || result instanceof ResponseError) return;
    // A newer version arrived meanwhile: its own check will publish, never this stale one.
    if (documents.get(uri)?.version !== version || result.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      validate(uri).catch((error: unknown) => connection.console.error(`planlint: ${String(error)}`));
    }, delay));
  }

  documents.onDidOpen((e) => {
    schedule(e.document.uri, 0);
    void isLarge(e.document.uri).then((large) => large && noticeLarge(e.document.uri));
  });
  documents.onDidChangeContent((e) => {
    const { uri } = e.document;
    void isLarge(uri).then((large) => {
      if (large) {
        noticeLarge(uri);
        return;
      }
      schedule(uri, SETTLE_MS);
    });
  });
  documents.onDidSave((e) => {
    void isLarge(e.document.uri).then((large) => large && schedule(e.document.uri, 0));
  });
  documents.onDidClose((e) => {
    const { uri } = e.document;
    clearTimeout(timers.get(uri));
    service?.post('close', uri);
    synced.delete(uri);
    noticed.delete(uri);
    sizes.delete(uri);
    settingsCache.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  const recheckAll = () => {
    configs.clear();
    synced.clear();
    service?.post('reset');
    for (const d of documents.all()) schedule(d.uri, 0);
  };
  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    recheckAll();
  });
  connection.onDidChangeWatchedFiles(recheckAll);

  connection.onCodeAction((params, token) => ask(params.textDocument.uri, 'codeActions', [{ context: params.context }], [], token));
  connection.onHover((params, token) => ask(params.textDocument.uri, 'hover', [params.position], null, token));
  connection.onCompletion((params, token) => ask(params.textDocument.uri, 'completion', [params.position], [], token));
  connection.onDefinition((params, token) => ask(params.textDocument.uri, 'definition', [params.position], null, token));
  connection.onReferences((params, token) => ask(params.textDocument.uri, 'references', [params.position, params.context.includeDeclaration], [], token));
  connection.onPrepareRename((params, token) => ask(params.textDocument.uri, 'prepareRename', [params.position], null, token));
  connection.onRenameRequest(async (params, token) => {
    const answer = await ask<WorkspaceEdit | RenameRefused | null>(params.textDocument.uri, 'rename', [params.position, params.newName], null, token);
    // A refused rename is an error the editor shows, never a silent no-op.
    return isRenameRefused(answer) ? new ResponseError(ErrorCodes.InvalidParams, answer.refused[lang]) : answer;
  });
  connection.onDocumentSymbol((params, token) => ask(params.textDocument.uri, 'symbols', [], [], token));
  connection.languages.inlayHint.on((params, token) => ask(params.textDocument.uri, 'inlayHints', [params.range], [], token));

  // For operators and tests: how responsive this thread has been, and what the watchdog stopped.
  connection.onRequest('planlint/status', () => {
    const status = { eventLoopMaxDelayMs: loopDelay.max / 1e6, restarts: service?.restarts ?? 0, failedRules: Object.fromEntries(failedRules) };
    loopDelay.reset();
    return status;
  });

  documents.listen(connection);
  connection.listen();
}
