// Runs the built CLI (dist/cli.js) in a folder of its own, as the robustness tests of writes, reads and CI need.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PLANLINT_TEST_CLI runs these tests against another build (to show they fail on an older one).
export const CLI = process.env.PLANLINT_TEST_CLI ?? path.resolve(__dirname, '../../dist/cli.js');
export const WARN_PLAN = fs.readFileSync(path.resolve(__dirname, '../cli/warn.plan.yaml'), 'utf8');
export const CLEAN_PLAN = fs.readFileSync(path.resolve(__dirname, '../cli/clean.plan.yaml'), 'utf8');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder (made readable to every user, for runs as another user). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `planlint-${prefix}-`));
  fs.chmodSync(dir, 0o777);
  return dir;
}

/** Runs the CLI in `cwd`; `timeout` ms bounds a run that would hang. */
export function runCli(cwd: string, args: string[], options: { timeout?: number; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    timeout: options.timeout ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No output of planlint may hold a stack trace or the words of an internal error. */
export function expectNoCrash(r: Run): void {
  const all = r.stdout + r.stderr;
  if (/内部错误|internal error|\n\s+at .+:\d+:\d+\)?\n/.test(all)) throw new Error(`crash output: ${all.slice(0, 500)}`);
}
