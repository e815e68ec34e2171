// Times the export (npm run build first; run by npm run bench): the largest seed, warm, median of 10
// runs; and one generated plan of 5,000 tasks, cold, in a fresh process, with its CPU time and peak
// memory (GNU time). With --before REF, the export as it was at git REF is timed in the same run, in
// turns with today's (a pair of fresh processes per round), and each figure is given as after ÷ before.
// Usage: node bench/export-times.mjs [--before REF] [--rounds 3]   (figures are printed, never asserted)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { generatePlan } from './gen.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const beforeRef = opt('--before');
const rounds = Number(opt('--rounds') ?? (beforeRef ? 3 : 1));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-export-bench-'));

/** The export bundled from a source tree (`src` under `tree`), resolving packages from this checkout. */
async function bundleOf(tree, name) {
  const outfile = path.join(dir, `${name}.cjs`);
  await esbuild.build({ entryPoints: [path.join(tree, 'src/export/export.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')] });
  return outfile;
}
const versions = [{ name: 'after', bundle: await bundleOf(root, 'after') }];
if (beforeRef) {
  const tree = path.join(dir, 'before');
  fs.mkdirSync(tree);
  const tar = execFileSync('git', ['-C', root, 'archive', beforeRef, 'src', 'schemas', 'rules'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', tree], { input: tar });
  versions.unshift({ name: 'before', bundle: await bundleOf(tree, 'before') });
}

const largest = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.plan.yaml'))
  .map((f) => path.join(root, 'seeds', f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
const big = path.join(dir, 'gen-5000.plan.yaml');
fs.writeFileSync(big, generatePlan(5000));

const warm = (bundle) => `
const { exportPlan } = require(${JSON.stringify(bundle)});
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
(async () => {
  const out = {};
  for (const to of ['docx', 'xlsx']) {
    const ms = [];
    for (let i = 0; i < 12; i++) { const t = performance.now(); await exportPlan(text, to, { force: true }); ms.push(performance.now() - t); }
    const rest = ms.slice(2).sort((a, b) => a - b);
    out[to] = { firstMs: Math.round(ms[0]), medianMs: Math.round(rest[rest.length >> 1]) };
  }
  console.log(JSON.stringify(out));
})();`;
const once = (bundle, to) => `
const { exportPlan } = require(${JSON.stringify(bundle)});
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
const t = performance.now();
exportPlan(text, '${to}', { force: true }).then((r) => console.log(JSON.stringify({ ms: Math.round(performance.now() - t), bytes: r.ok ? r.bytes.length : 0 })));`;
/** One fresh process exporting the 5,000-task plan: its export time, CPU (user + system) and peak RSS. */
function cold(bundle, to) {
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, '-e', once(bundle, to), big], { encoding: 'utf8' });
  const [user, sys, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ...JSON.parse(r.stdout), cpuMs: (user + sys) * 1000, peakMb: kb / 1024 };
}

const load = () => os.loadavg()[0].toFixed(1);
const loadStart = load();
const runs = Object.fromEntries(versions.map((v) => [v.name, { seed: [], docx: [], xlsx: [] }]));
for (let i = 0; i < rounds; i++) {
  for (const v of versions) runs[v.name].seed.push(JSON.parse(execFileSync(process.execPath, ['-e', warm(v.bundle), largest], { encoding: 'utf8' })));
  for (const to of ['xlsx', 'docx']) for (const v of versions) runs[v.name][to].push(cold(v.bundle, to));
}
const loadEnd = load();
fs.rmSync(dir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
/** A figure of one version over the rounds: the median with its range when there are several. */
const fig = (xs, unit) => (xs.length > 1 ? `${Math.round(median(xs))} ${unit} (${range(xs)})` : `${Math.round(xs[0])} ${unit}`);
const ratio = (pick) => {
  if (!beforeRef) return '';
  const r = runs.after.xlsx.map((_, i) => pick(runs.after, i) / pick(runs.before, i));
  return ` | ${median(r).toFixed(2)}× (${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)})`;
};
const rows = [
  ['largest seed .xlsx, warm median', (v) => v.seed.map((s) => s.xlsx.medianMs), 'ms', (v, i) => v.seed[i].xlsx.medianMs, '≤ 300 ms'],
  ['largest seed .docx, warm median', (v) => v.seed.map((s) => s.docx.medianMs), 'ms', (v, i) => v.seed[i].docx.medianMs, '≤ 300 ms'],
  ['5,000 tasks .xlsx, wall', (v) => v.xlsx.map((s) => s.ms), 'ms', (v, i) => v.xlsx[i].ms, '≤ 5 s'],
  ['5,000 tasks .xlsx, CPU', (v) => v.xlsx.map((s) => s.cpuMs), 'ms', (v, i) => v.xlsx[i].cpuMs, ''],
  ['5,000 tasks .xlsx, peak RSS', (v) => v.xlsx.map((s) => s.peakMb), 'MB', (v, i) => v.xlsx[i].peakMb, '≤ 400 MB'],
  ['5,000 tasks .docx, wall', (v) => v.docx.map((s) => s.ms), 'ms', (v, i) => v.docx[i].ms, '≤ 5 s'],
  ['5,000 tasks .docx, CPU', (v) => v.docx.map((s) => s.cpuMs), 'ms', (v, i) => v.docx[i].cpuMs, ''],
  ['5,000 tasks .docx, peak RSS', (v) => v.docx.map((s) => s.peakMb), 'MB', (v, i) => v.docx[i].peakMb, '≤ 400 MB'],
];
const head = beforeRef ? `| export | before (${beforeRef}) | after | after ÷ before (median of rounds, range) | target |\n|---|---|---|---|---|`
  : '| export | measured | target |\n|---|---|---|';
console.log(`Generated by \`node bench/export-times.mjs${beforeRef ? ` --before ${beforeRef}` : ''}\` on ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}, load average ${loadStart} when it started and ${loadEnd} when it ended. The largest seed (${path.basename(largest)}): warm, in process, median of 10 runs after 2; the 5,000-task plan (\`bench/gen.mjs\`): cold, one fresh process each, CPU (user + system) and peak RSS from GNU time. ${rounds} round${rounds > 1 ? 's' : ''}${beforeRef ? ', each running the two versions back to back; the ratio is taken within each round' : ''}.

${head}
${rows.map(([label, xs, unit, pick, target]) => `| ${label} | ${versions.map((v) => fig(xs(runs[v.name]), unit)).join(' | ')}${ratio(pick)} | ${target} |`).join('\n')}`);
