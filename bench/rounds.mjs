// A second round over 1,000 seed-sized files (issue 22): `planlint --baseline OLD NEW` with the default
// register against the same run without either, as a paired ratio (npm run bench prints it).
//   node bench/rounds.mjs [--pairs 5] [--files 1000]
// The files are copies of the seeds, each with its own plan id and one target of its own. Two last
// rounds: (a) every file as it is now, (b) every file with one target edited. Each pair runs the CLI
// without and then with, as fresh processes back to back, so the machine's noise of that moment falls
// on both; the ratio is taken within each pair and the median of the pairs is reported (target ≤ 1.5×).
// Needs a built dist/cli.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './timing.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null)).filter(Boolean));
const pairs = Math.max(3, Number(args.pairs ?? 5));
const count = Number(args.files ?? 1000);

/** The figures a seed's targets are written with: `2022: 5` in a yearly map, `value: 5` elsewhere. */
const FIGURE = /(\b20\d\d: |value: )(\d+)(?=[\s,}])/g;

/** `text` with its k-th figure (counted round the figures it has) raised by `by`. */
function editFigure(text, k, by) {
  const n = [...text.matchAll(FIGURE)].length;
  let i = 0;
  return text.replace(FIGURE, (m, lead, digits) => (i++ === k % n ? `${lead}${Number(digits) + by}` : m));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-rounds-'));
const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).map((f) => ({ name: f, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8') }));
for (const d of ['new', 'same', 'changed']) fs.mkdirSync(path.join(dir, d));
let bytes = 0;
for (let i = 0; i < count; i++) {
  const seed = seeds[i % seeds.length];
  // Each copy its own plan id and one figure of its own, so no two files of the run are the same text.
  const now = editFigure(seed.text.replace(/^( {2}id: )(\S+)/m, `$1$2-${i}`), i, 1 + (i % 7));
  const name = `${String(i).padStart(4, '0')}-${seed.name}`;
  bytes += Buffer.byteLength(now);
  fs.writeFileSync(path.join(dir, 'new', name), now);
  fs.writeFileSync(path.join(dir, 'same', name), now);
  // The last round had another figure: one target edited between the rounds.
  fs.writeFileSync(path.join(dir, 'changed', name), editFigure(now, i + 17, 3));
}
const plain = path.join(dir, 'plain.planlint.yaml');
const withRegister = path.join(dir, 'register.planlint.yaml');
fs.writeFileSync(plain, 'rules: {}\n');
fs.writeFileSync(withRegister, 'defaultRegister: true\n');

const cpuFile = path.join(dir, 'cpu.txt');
/** One CLI run: its wall time, and its CPU time (user + system, all threads) from GNU time, less swayed by the machine's other work. */
function timed(argv) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-o', cpuFile, '-f', '%U %S', process.execPath, path.join(root, 'dist/cli.js'), ...argv, '-f', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`planlint ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [user, sys] = fs.readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpu: (user + sys) * 1000, files: JSON.parse(r.stdout) };
}

const without = ['new', '--config', plain];
const withBaseline = (last) => ['--baseline', last, 'new', '--config', withRegister];
// A warm-up of each: the first spawn pays for the file cache. It also checks that the run compares.
timed(without);
const states = Object.fromEntries(['same', 'changed'].map((last) => {
  const { files } = timed(withBaseline(last));
  const all = files.flatMap((f) => f.messages.map((m) => m.baselineState));
  return [last, { new: all.filter((s) => s === 'new').length, unchanged: all.filter((s) => s === 'unchanged').length, targets: files.reduce((n, f) => n + (f.baseline?.targetChanges?.length ?? 0), 0) }];
}));
const rows = {};
for (const last of ['same', 'changed']) rows[last] = [];
for (let i = 0; i < pairs; i++) {
  for (const last of ['same', 'changed']) {
    const a = timed(without);
    const b = timed(withBaseline(last));
    rows[last].push({ without: a.ms, with: b.ms, ratio: b.ms / a.ms, cpuRatio: b.cpu / a.cpu });
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const f = (x) => x.toFixed(0);
const load = os.loadavg()[0].toFixed(1);
const line = (label, last) => {
  const r = rows[last];
  const ratios = r.map((p) => p.ratio);
  const ratio = median(ratios);
  const s = states[last];
  const cpu = r.map((p) => p.cpuRatio);
  return `| ${label} | ${f(median(r.map((p) => p.without)))} ms | ${f(median(r.map((p) => p.with)))} ms | ${ratio.toFixed(2)}× | ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} | ${median(cpu).toFixed(2)}× (${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)}) | ${s.new} new, ${s.unchanged} still open, ${s.targets} targets changed | ${ratio <= 1.5 ? 'met' : '**not met**'} |`;
};
console.log(`## A second round over ${count} files (issue 22)

Generated by \`node bench/rounds.mjs --pairs ${pairs}\` (run by \`npm run bench\`) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${load} when it ended (the machine is shared with other work and loaded: compare the ratios, not the milliseconds). ${count} seed-sized files (${f(bytes / 1024)} kB; the ${seeds.length} seeds, each copy with its own plan id and one figure of its own). **without**: \`planlint new -f json\` with no register; **with**: \`planlint --baseline OLD new -f json\` with \`defaultRegister: true\`. Each pair runs the two back to back as fresh processes; the ratio is taken within each pair, and the median of ${pairs} pairs is shown with their range. **CPU** is the same ratio of the processes' CPU time (user + system over all threads, from GNU time), which the machine's other work sways less; the target is judged on the wall time.

| last round | without | with | with ÷ without (median of pairs) | range | CPU with ÷ without | what the comparison found | target ≤ 1.5× |
|---|---|---|---|---|---|---|---|
${line('(a) every file unchanged', 'same')}
${line('(b) every file changed (one target edited in each)', 'changed')}`);
