import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { main } from './main.js';
import { serveJobs } from './pool.js';

// The same bundle serves as the CLI and as its worker threads.
if (!isMainThread && parentPort && (workerData as { planlintWorker?: boolean })?.planlintWorker) {
  serveJobs(parentPort);
} else {
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
