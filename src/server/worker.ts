// The language service's thread: checks and answers for the server (./session.ts), so the
// protocol thread is never blocked by a check. Messages are handled in order; a request whose
// slot in the shared cancellation array carries its id was cancelled while it waited, and is skipped.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
// eslint-disable-next-line no-restricted-imports -- the fault injector below reaches into the rule registry; it moves to a test preload
import { CHECKS } from '../engine/checks/index.js';
import { ruleMeta, type Lang } from '../engine/index.js';
import { LanguageService } from './service.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const { lang, docsRoot, cancelled } = workerData as { lang: Lang; docsRoot: string; cancelled: SharedArrayBuffer };
const flags = new Int32Array(cancelled);
const port = parentPort!;

injectFaults(process.env.PLANLINT_FAULT_INJECTION);

const docsUri = (ruleId: string) => (ruleMeta(ruleId) ? pathToFileURL(path.join(docsRoot, ruleId, 'README.md')).toString() : undefined);
const service = new LanguageService(lang, docsUri, (phase) => port.postMessage({ phase } satisfies WorkerReply));
const methods = service as unknown as Record<string, (...args: unknown[]) => unknown>;

port.on('message', (m: WorkerRequest) => {
  if (m.id !== undefined && Atomics.load(flags, m.id % flags.length) === m.id) {
    port.postMessage({ id: m.id, cancelled: true } satisfies WorkerReply);
    return;
  }
  try {
    const result = methods[m.method].apply(service, m.args);
    if (m.id !== undefined) port.postMessage({ id: m.id, result } satisfies WorkerReply);
  } catch (error) {
    if (m.id !== undefined) port.postMessage({ id: m.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
  port.postMessage({ phase: 'idle' } satisfies WorkerReply);
});

/**
 * For the robustness tests only: `loop:<rule>`, `alloc:<rule>` or `throw:<rule>` makes that rule
 * loop forever, allocate without bound, or throw, to prove the server outlives it.
 */
function injectFaults(spec: string | undefined): void {
  const [kind, rule] = (spec ?? '').split(':');
  if (!rule || !(rule in CHECKS)) return;
  const registry = CHECKS as Record<string, unknown>;
  registry[rule] = () => {
    if (kind === 'throw') throw new Error('injected fault');
    const hoard: unknown[] = [];
    for (;;) if (kind === 'alloc') hoard.push(new Array(1_000_000).fill(hoard.length));
  };
}
