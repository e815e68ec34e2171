// A minimal LSP client over stdio for tests and benchmarks: starts dist/server.js as a user's
// editor would, and records every publishDiagnostics in arrival order.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  published: PublishDiagnosticsParams[];
  /** Every window/showMessage, in arrival order. */
  messages: { type: number; message: string }[];
  /** Resolves with the first publish for `uri` (at `version`, if given) that arrives from now on, or already has. */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Resolves with the next publish for `uri` from now on, whatever its version (for servers that send none). */
  nextDiagnostics(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export interface ClientOptions {
  locale?: string;
  /** What the server gets for each `workspace/configuration` item. */
  configuration?: Record<string, unknown>;
  /** Settings by section, for a server that asks by section (and gets them pushed once). */
  sections?: Record<string, unknown>;
  nodeArgs?: string[];
  /** Another server to drive (a peer, in the benchmark): its script and arguments. */
  server?: string[];
  cwd?: string;
  env?: Record<string, string>;
  rootUri?: string;
}

export async function startClient(options: ClientOptions = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...(options.server ?? [SERVER, '--stdio'])], { stdio: ['pipe', 'pipe', 'inherit'], cwd: options.cwd, env: { ...process.env, ...options.env } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const messages: { type: number; message: string }[] = [];
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    messages.push(m);
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (options.sections ? (options.sections[item.section ?? ''] ?? null) : (options.configuration ?? null))));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
    locale: options.locale ?? 'zh-cn',
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  if (options.sections) await connection.sendNotification('workspace/didChangeConfiguration', { settings: options.sections });
  const next = (uri: string, timeoutMs: number, version?: number) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), timeoutMs);
      waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  return {
    connection,
    process: child,
    published,
    messages,
    diagnostics(uri, version, timeoutMs = 10_000) {
      const done = published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      return done ? Promise.resolve(done) : next(uri, timeoutMs, version);
    },
    nextDiagnostics: (uri, timeoutMs = 10_000) => next(uri, timeoutMs),
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      connection.dispose();
      // Stopped means gone: a server still exiting would take a core from whatever runs next.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}
