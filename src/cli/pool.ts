import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Config } from '../engine/index.js';
import type { FileResult } from '../engine/index.js';
import { compareWithLastRound, type LastRoundSource } from './baseline.js';
import { checkFile, lintFile, type SuggestionPicks } from './lint.js';

/** The work a worker thread does for one file. */
export interface LintJob {
  index: number;
  file: string;
  cwd: string;
  config: Config;
  configDir: string;
  fix: boolean;
  picks?: SuggestionPicks;
  /** `--baseline`: where the file's last round is, to compare with in the same thread. */
  lastRound?: LastRoundSource;
}

function lintJob(j: LintJob): FileResult {
  if (!j.lastRound) return lintFile(j.file, j.cwd, j.config, j.configDir, j.fix, j.picks);
  return compareWithLastRound(checkFile(j.file, j.cwd, j.config, j.configDir, j.fix, j.picks), j.lastRound, j.cwd, j.config, j.configDir);
}

/** Files below which threads cost more than they save. */
const PARALLEL_THRESHOLD = 8;

/**
 * Checks files, in worker threads when there are enough of them and the bundle can start workers.
 * Results come back in input order, whatever order the threads finish in.
 */
export async function lintAll(jobs: LintJob[], workerScript: string | undefined, onProgress?: (done: number) => void): Promise<FileResult[]> {
  const threads = Math.min(os.availableParallelism(), 4, Math.ceil(jobs.length / PARALLEL_THRESHOLD));
  if (!workerScript || threads < 2) {
    return jobs.map((j, i) => {
      const r = lintJob(j);
      onProgress?.(i + 1);
      return r;
    });
  }
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerScript, { workerData: { planlintWorker: true } });
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(jobs[next++]);
      };
      worker.on('message', (m: { index: number; report: FileResult }) => {
        results[m.index] = m.report;
        onProgress?.(++done);
        feed();
      });
      worker.on('error', reject);
      feed();
    })),
  );
  return results;
}

/** The worker side: answers each job with its report. */
export function serveJobs(port: { on(e: 'message', f: (job: LintJob) => void): void; postMessage(m: unknown): void }): void {
  port.on('message', (job) => {
    port.postMessage({ index: job.index, report: lintJob(job) });
  });
}
