import { workerData } from 'node:worker_threads';
import { readPart, type PackedPart } from './fast-read.js';
import type { ReadAnswer, ReadThreadData } from './read-thread.js';

// The worker of `read-thread.ts`: reads the parts it is sent, and answers each one, a tree or
// undefined, before bumping the shared counter its caller waits on.
const { signal, port } = workerData as ReadThreadData;

port.on('message', ({ id, part, depth }: { id: number; part: string; depth: number }) => {
  let tree: PackedPart | undefined;
  try {
    tree = readPart(part, depth);
  } catch {
    tree = undefined;
  }
  try {
    // The arrays move to the caller instead of being copied.
    port.postMessage({ id, tree } satisfies ReadAnswer, tree ? [tree.kinds, tree.starts, tree.ends, tree.firsts].map((a) => a.buffer as ArrayBuffer) : []);
  } catch {
    port.postMessage({ id, tree: undefined } satisfies ReadAnswer);
  }
  Atomics.store(signal, 0, id);
  Atomics.notify(signal, 0);
});
