// The CLI's cold start against Node's own (issue 26 item 7), in one run (npm run bench prints it).
//   node bench/cold-start.mjs [--runs 15] [--plan docs/example.plan.yaml]
// Each pair runs `node -e 0` and then `node dist/cli.js PLAN` as fresh processes, one after the other,
// so the machine's noise of that moment falls on both; the ratio is taken within each pair and the
// median of the pairs is reported (target ≤ 2×). Needs a built dist/cli.js.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './timing.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null)).filter(Boolean));
const runs = Math.max(10, Number(args.runs ?? 15));
const plan = args.plan ?? 'docs/example.plan.yaml';

function timed(argv) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const node = ['-e', '0'];
const cli = [path.join(root, 'dist/cli.js'), plan];
// One warm-up pair: the first spawn pays for the file cache.
timed(node);
timed(cli);
const pairs = [];
for (let i = 0; i < runs; i++) {
  const a = timed(node);
  const b = timed(cli);
  pairs.push({ node: a, cli: b, ratio: b / a });
}
const ratio = median(pairs.map((p) => p.ratio));
const ratios = pairs.map((p) => p.ratio);
const f = (x) => x.toFixed(0);
console.log(`## Cold start (issue 26 item 7)

\`node dist/cli.js ${plan}\` against \`node -e 0\`, ${runs} pairs, each pair run back to back as fresh processes; the ratio is taken within each pair.

| node -e 0 | planlint CLI | CLI ÷ node (median of pairs) | range | target ≤ 2× |
|---|---|---|---|---|
| ${f(median(pairs.map((p) => p.node)))} ms | ${f(median(pairs.map((p) => p.cli)))} ms | ${ratio.toFixed(2)}× | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} | ${ratio <= 2 ? 'met' : '**not met**'} |`);
