import path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { useReadThread } from '../engine/read-thread.js';
import { main } from './main.js';
import { serveJobs } from './pool.js';

// The same bundle serves as the CLI and as its worker threads.
if (!isMainThread && parentPort && (workerData as { planlintWorker?: boolean })?.planlintWorker) {
  serveJobs(parentPort);
} else {
  // A large plan is read on two threads (the pool's workers check many small files: they read on one).
  useReadThread(path.join(__dirname, 'read-worker.js'));
  main(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, workerScript: __filename })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      // Never a stack trace for a user: one line, and the stack only on request.
      process.stderr.write(`planlint: 内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.PLANLINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.exitCode = 2;
    });
}
