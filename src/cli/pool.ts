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

/** A job as it crosses to a worker: its config only the first time that worker meets it, then by key. */
type WireJob = Omit<LintJob, 'config'> & { config?: Config; configKey: number };

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
  // One key per config (each folder's .planlint.yaml is one object): a worker then holds one copy of
  // it, so the register's index and the like are built once per worker rather than once per file.
  const configKeys = new Map<Config, number>();
  for (const j of jobs) if (!configKeys.has(j.config)) configKeys.set(j.config, configKeys.size);
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerScript, { workerData: { planlintWorker: true } });
      const sent = new Set<number>();
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const job = jobs[next++];
        const configKey = configKeys.get(job.config) as number;
        const wire: WireJob = { ...job, configKey, config: sent.has(configKey) ? undefined : job.config };
        sent.add(configKey);
        worker.postMessage(wire);
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
export function serveJobs(port: { on(e: 'message', f: (job: WireJob) => void): void; postMessage(m: unknown): void }): void {
  const configs = new Map<number, Config>();
  port.on('message', ({ configKey, config, ...job }) => {
    if (config) configs.set(configKey, config);
    port.postMessage({ index: job.index, report: lintJob({ ...job, config: configs.get(configKey) as Config }) });
  });
}
