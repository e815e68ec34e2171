// The language service's thread: checks and answers for the server (./session.ts), so the
// protocol thread is never blocked by a check. Messages are handled in order; a request whose
// slot in the shared cancellation array carries its id was cancelled while it waited, and is skipped.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { ruleMeta, type Lang } from '../engine/index.js';
import { ConfigCache } from './configs.js';
import { LanguageService } from './service.js';
import type { ServiceAnswers, ServiceArgs, ServiceMethod, WorkerReply, WorkerRequest } from './worker-protocol.js';

const { lang, docsRoot, cancelled } = workerData as { lang: Lang; docsRoot: string; cancelled: SharedArrayBuffer };
const flags = new Int32Array(cancelled);
const port = parentPort!;

const docsUri = (ruleId: string) => (ruleMeta(ruleId) ? pathToFileURL(path.join(docsRoot, ruleId, 'README.md')).toString() : undefined);
const service = new LanguageService(lang, docsUri, (phase) => port.postMessage({ phase } satisfies WorkerReply), new ConfigCache());

/** Every message the thread understands, and the service method that answers it. */
const DISPATCH: { [K in ServiceMethod]: (...args: ServiceArgs[K]) => ServiceAnswers[K] } = {
  sync: (...a) => service.sync(...a),
  close: (...a) => service.close(...a),
  reset: () => service.reset(),
  diagnostics: (...a) => service.diagnostics(...a),
  codeActions: (...a) => service.codeActions(...a),
  hover: (...a) => service.hover(...a),
  completion: (...a) => service.completion(...a),
  definition: (...a) => service.definition(...a),
  references: (...a) => service.references(...a),
  prepareRename: (...a) => service.prepareRename(...a),
  rename: (...a) => service.rename(...a),
  symbols: (...a) => service.symbols(...a),
  inlayHints: (...a) => service.inlayHints(...a),
};

function dispatch<K extends ServiceMethod>(method: K, args: ServiceArgs[K]): ServiceAnswers[K] {
  const answer: (...args: ServiceArgs[K]) => ServiceAnswers[K] = DISPATCH[method];
  return answer(...args);
}

port.on('message', (m: WorkerRequest) => {
  if (m.id !== undefined && Atomics.load(flags, m.id % flags.length) === m.id) {
    port.postMessage({ id: m.id, cancelled: true } satisfies WorkerReply);
    return;
  }
  try {
    const result = dispatch(m.method, m.args);
    if (m.id !== undefined) port.postMessage({ id: m.id, result } satisfies WorkerReply);
  } catch (error) {
    if (m.id !== undefined) port.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
  port.postMessage({ phase: 'idle' } satisfies WorkerReply);
});
