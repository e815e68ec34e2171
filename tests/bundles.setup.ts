// vitest globalSetup: the CLI, LSP, robustness and e2e tests run the bundles in dist/, so a run
// after editing src/ without `npm run build` would test stale code. When any source is newer than
// the oldest bundle (or a bundle is missing), build first. The check is a walk of mtimes (a few ms).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const BUNDLES = ['dist/cli.js', 'dist/server.js', 'dist/server-worker.js', 'dist/extension.js'];
/** What the bundles are built from: the sources, the rules they embed, and the build itself. */
const INPUTS = ['src', 'rules', 'package.json', 'scripts/build.mjs', 'scripts/gen.mjs'];

function newest(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
  return max;
}

function oldestBundle(): number {
  let min = Infinity;
  for (const b of BUNDLES) {
    const file = path.join(ROOT, b);
    if (!fs.existsSync(file)) return -Infinity;
    min = Math.min(min, fs.statSync(file).mtimeMs);
  }
  return min;
}

export default function setup(): void {
  const built = oldestBundle();
  const changed = Math.max(...INPUTS.map((p) => path.join(ROOT, p)).filter((p) => fs.existsSync(p)).map(newest));
  if (changed <= built) return;
  console.log('planlint: dist/ is older than its sources; running `npm run build` before the tests that run the bundles.');
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  } catch (error) {
    throw new Error(`planlint: dist/ is stale and \`npm run build\` failed, so the bundle tests would run old code: ${(error as Error).message}`, { cause: error });
  }
}
