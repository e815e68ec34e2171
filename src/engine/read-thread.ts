import fs from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PackedPart, SecondReader } from './fast-read.js';

/**
 * The second thread of the fast reader's split read (`splitRead`): a worker that reads the tail of
 * a large plan while the calling thread reads its head. The caller waits for the worker without
 * returning to its event loop (a check is synchronous), on a shared counter the worker bumps when
 * its answer is on the port. Anything unexpected (the worker missing, failing to start, crashing or
 * overrunning its deadline) answers undefined, the caller reads the whole text itself, and the
 * worker is given up for the rest of the process: the split is only ever a speed-up.
 */

/** The worker's script (`dist/read-worker.js`); undefined: every text is read on the calling thread. */
let script: string | undefined;
/** The running worker; null once it has failed. */
let thread: ReadThread | null | undefined;

/**
 * Lets the fast reader split large texts with a worker running `file` (a built read-worker), when it
 * exists; undefined stops that. The worker starts at the first text large enough to split.
 */
export function useReadThread(file: string | undefined): void {
  thread?.stop();
  thread = undefined;
  script = file && fs.existsSync(file) ? file : undefined;
}

/** The second reader for `fastRead`, or undefined when there is none. */
export function secondReader(): SecondReader | undefined {
  if (!script || thread === null) return undefined;
  try {
    thread ??= new ReadThread(script);
  } catch {
    thread = null;
    return undefined;
  }
  return thread;
}

/**
 * How long the calling thread waits beyond its own part's reading: the worker's part is a little
 * smaller, so it is normally done first; a worker still starting up needs a few hundred milliseconds.
 */
const GRACE_MS = 2000;

/** What the worker sends back: the answer to request `id`. */
export interface ReadAnswer {
  id: number;
  tree: PackedPart | undefined;
}

/** What the worker is started with. */
export interface ReadThreadData {
  signal: Int32Array;
  port: MessagePort;
}

class ReadThread implements SecondReader {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private id = 0;

  constructor(file: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: ReadThreadData = { signal: this.signal, port: port2 };
    this.worker = new Worker(file, { workerData, transferList: [port2] });
    // The worker must never keep a process alive, nor take it down.
    this.worker.unref();
    this.port.unref();
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  begin(part: string, depth: number): () => PackedPart | undefined {
    const id = ++this.id;
    const began = Date.now();
    this.port.postMessage({ id, part, depth });
    return () => {
      const deadline = Date.now() + Math.max(GRACE_MS, 4 * (Date.now() - began));
      for (;;) {
        const seen = Atomics.load(this.signal, 0);
        if (seen === id) break;
        const left = deadline - Date.now();
        if (left <= 0 || thread !== this) {
          this.fail();
          return undefined;
        }
        Atomics.wait(this.signal, 0, seen, left);
      }
      // Answers to earlier requests that were given up on are dropped on the way.
      for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
        const answer = message.message as ReadAnswer;
        if (answer.id === id) return answer.tree;
      }
      return undefined;
    };
  }

  /** Gives the worker up: later texts are read on the calling thread. */
  private fail(): void {
    if (thread === this) thread = null;
    this.stop();
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}
