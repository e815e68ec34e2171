import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DidChangeConfigurationNotification, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../engine/index.js';
import { DocumentChecks } from './documents.js';
import { CAPABILITIES, listenToRequests } from './handlers.js';
import { LargeFiles } from './large-files.js';
import { EditorSettingsCache } from './settings.js';
import { ServiceThread } from './worker-client.js';

const DOCS_ROOT = path.resolve(__dirname, '..', 'rules');

/**
 * Wires a language server connection to the language service, which runs in its own thread
 * (./worker.ts): this thread keeps the documents and the settings, decides when to check
 * (./documents.ts), keeps large files quiet (./large-files.ts), and routes requests (./handlers.ts).
 */
export function startSession(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new EditorSettingsCache(connection);
  const large = new LargeFiles(connection, documents, settings);
  const checks = new DocumentChecks(connection, documents, settings, large);

  connection.onInitialize((params): InitializeResult => {
    large.lang = langOf(params);
    settings.pull = !!params.capabilities.workspace?.configuration;
    checks.service = new ServiceThread(large.lang, DOCS_ROOT, (why) => checks.stopped(why));
    return { capabilities: CAPABILITIES, serverInfo: { name: 'planlint' } };
  });
  connection.onInitialized(() => {
    if (settings.pull) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' });
  });
  connection.onShutdown(() => checks.service?.dispose());
  connection.onDidChangeConfiguration(() => {
    settings.forget();
    checks.recheckAll();
  });
  connection.onDidChangeWatchedFiles(() => checks.recheckAll());
  listenToRequests(connection, async (method, frequent, uri, args, fallback, token) =>
    (frequent && (await large.frequentFeaturesOff(uri)) ? fallback : checks.ask(method, uri, args, fallback, token)), () => large.lang);
  listenToStatus(connection, checks);
  checks.listen();
  documents.listen(connection);
  connection.listen();
}

function langOf(params: InitializeParams): Lang {
  const locale = (params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale ?? '';
  return /^en/i.test(locale) ? 'en' : 'zh-CN';
}

/** For operators and tests: how responsive this thread has been since the last call, and what the watchdog stopped. */
function listenToStatus(connection: Connection, checks: DocumentChecks): void {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  connection.onRequest('planlint/status', () => {
    const status = { eventLoopMaxDelayMs: loopDelay.max / 1e6, restarts: checks.service?.restarts ?? 0, failedRules: Object.fromEntries(checks.failedRules) };
    loopDelay.reset();
    return status;
  });
}
