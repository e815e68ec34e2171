import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { Lang } from '../engine/index.js';
import type { CalledMethod, DocumentArgs, PostedMethod, ServiceAnswers, ServiceArgs, WorkerReply } from './worker-protocol.js';

/**
 * How long one rule may run before the watchdog stops it, and the memory the checking thread may use
 * (a 20,000-task plan needs about 1.3 GB). The environment can lower them, as the robustness tests do.
 */
export const LIMITS = {
  ruleMs: Number(process.env.PLANLINT_RULE_BUDGET_MS) || 10_000,
  memoryMb: Number(process.env.PLANLINT_WORKER_MEMORY_MB) || 3072,
};
const SLOTS = 4096;

/** Why the checking thread was stopped: the rule (or phase) it was in, and what went wrong. */
export interface Stopped {
  phase: string;
  detail: string;
}

/**
 * The protocol thread's handle on the language service thread (./worker.ts): calls with replies,
 * cancellation that answers at once, and a watchdog. A rule that runs past its budget or a thread
 * that runs out of memory is stopped; the thread restarts empty and `onStopped` says which rule it was in.
 */
export class ServiceThread {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private readonly cancelled = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  private phase = { name: 'idle', since: 0 };
  private stopping: Stopped | undefined;
  private readonly watchdog: ReturnType<typeof setInterval>;
  restarts = 0;

  constructor(
    private readonly lang: Lang,
    private readonly docsRoot: string,
    private readonly onStopped: (why: Stopped) => void,
  ) {
    this.start();
    this.watchdog = setInterval(() => this.watch(), 250);
    this.watchdog.unref();
  }

  private start(): void {
    this.worker = new Worker(path.join(__dirname, 'server-worker.js'), {
      workerData: { lang: this.lang, docsRoot: this.docsRoot, cancelled: this.cancelled.buffer },
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.memoryMb },
    });
    this.worker.on('message', (m: WorkerReply) => this.receive(m));
    this.worker.on('error', (error: Error & { code?: string }) => {
      if (!this.stopping) {
        const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
        this.stopping = { phase: this.phase.name, detail: memory ? `out of memory (${LIMITS.memoryMb} MB)` : error.message };
      }
    });
    this.worker.on('exit', () => this.restart());
  }

  private receive(m: WorkerReply): void {
    if ('phase' in m) {
      this.phase = { name: m.phase, since: Date.now() };
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if ('result' in m) p.resolve(m.result);
    else if ('cancelled' in m) p.resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
    else p.reject(new Error(m.error));
  }

  private watch(): void {
    const { name, since } = this.phase;
    // Reading a file is bounded by the size cap; a rule running this long is looping.
    if (name === 'idle' || name === 'read' || this.stopping || Date.now() - since < LIMITS.ruleMs) return;
    this.stopping = { phase: name, detail: `did not finish within ${LIMITS.ruleMs / 1000} s` };
    void this.worker.terminate();
  }

  private restart(): void {
    const why = this.stopping ?? { phase: this.phase.name, detail: 'the checking thread stopped' };
    this.stopping = undefined;
    this.phase = { name: 'idle', since: 0 };
    this.restarts++;
    for (const p of this.pending.values()) p.reject(new Error(`planlint: ${why.phase}: ${why.detail}`));
    this.pending.clear();
    this.start();
    this.onStopped(why);
  }

  /** A message that needs no reply (sync, close, reset); handled in order with the calls. */
  post<K extends PostedMethod>(method: K, ...args: ServiceArgs[K]): void {
    this.worker.postMessage({ method, args });
  }

  /** A call about a document answered by the service; a cancelled token answers at once with RequestCancelled. */
  call<K extends CalledMethod>(method: K, uri: string, args: DocumentArgs<K>, token?: CancellationToken): Promise<ServiceAnswers[K] | ResponseError<void>> {
    // A request cancelled before it was dispatched comes with a token that never fires: answer now.
    if (token?.isCancellationRequested) return Promise.resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      token?.onCancellationRequested(() => {
        if (!this.pending.delete(id)) return;
        // The thread skips it if it has not started it yet.
        Atomics.store(this.cancelled, id % SLOTS, id);
        resolve(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled'));
      });
      // The signature types the arguments; the thread dispatches them by the same ServiceApi (./worker.ts).
      this.worker.postMessage({ id, method, args: [uri, ...args] });
    });
  }

  async dispose(): Promise<void> {
    clearInterval(this.watchdog);
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
