// npm run bench: planlint against its floors, in one run, reported as ratios (see bench/RESULTS.md).
//   node bench/run.mjs [--sizes 10,100,1000,5000,20000] [--peer-max 5000] [--out bench/RESULTS.md]
// yaml-language-server (installed once by bench/setup-peers.sh) is driven by the same LSP client on
// the same files with the plan schema, up to --peer-max tasks (it needs minutes and GBs beyond).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { generatePlan } from './gen.mjs';
import { median, timeTogether } from './timing.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null)).filter(Boolean));
const sizes = (args.sizes ?? '10,100,1000,5000,20000').split(',').map(Number);
const peerMax = Number(args['peer-max'] ?? 5000);
const [ylsScript, spectralCli] = spawnSync('bash', [path.join(root, 'bench/setup-peers.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).stdout.trim().split('\n').slice(-2);
const outFile = path.resolve(root, args.out ?? 'bench/RESULTS.md');

// The engine as the CLI bundles it, loaded in this process.
const engineBundle = path.join(os.tmpdir(), 'planlint-bench-engine.cjs');
require('esbuild').buildSync({ entryPoints: [path.join(root, 'bench/engine-entry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: engineBundle, logLevel: 'warning' });
const { checkText, ATTACKS } = require(engineBundle);

/**
 * The floors, the reading and the check of one plan, timed in turns in five fresh processes that
 * hold only the engine and the plan (bench/engine-times.mjs): each time is the median over the five,
 * and check ÷ js-yaml is taken in each process (its two figures met the same machine state) and
 * reported as the median of the five with their range. This harness's own heap (every plan's text,
 * the LSP clients' replies) stays out of the timed collections; one process's ratio varies by up to
 * ±15% with when V8 happens to collect.
 */
function engineTimes(file, rounds) {
  const per = [0, 1, 2, 3, 4].map(() => {
    const r = spawnSync(process.execPath, [path.join(root, 'bench/engine-times.mjs'), engineBundle, file, String(rounds)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`bench/engine-times.mjs failed on ${file}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  });
  const ratios = per.map((p) => p.check / p.jsYaml);
  return {
    ...Object.fromEntries(Object.keys(per[0]).map((k) => [k, median(per.map((p) => p[k]))])),
    checkRatio: median(ratios),
    checkRatioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/** Median of `runs` timings of one function after one warm-up. */
const time = (fn, runs = 5) => timeTogether({ fn }, runs).fn;

/** The didChange of `version` that edits one value in the middle of a plan, as `text` lays it out. */
function midValueEdit(text) {
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && /value: \d/.test(l));
  const character = lines[line].search(/value: \d/) + 'value: '.length;
  return (uri, version) => ({
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: String(version % 10) }],
  });
}

/** Peak resident memory of a process so far, from /proc (VmHWM), in MB. */
function vmHwm(pid) {
  try {
    const kb = /^VmHWM:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * didOpen→diagnostics, then the median of `changes` didChange→diagnostics (one value in the middle
 * of the file edited each time), and the server's peak memory; for planlint or for a peer.
 */
async function lspTimes(text, peer = false, changes = 5) {
  const { startClient } = require(path.join(os.tmpdir(), 'planlint-bench-client.cjs'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-lsp-'));
  const client = await startClient(peer
    ? {
        server: [ylsScript, '--stdio'],
        sections: {
          yaml: { validate: true, hover: false, completion: false, format: { enable: false }, schemaStore: { enable: false }, kubernetesCRDStore: { enable: false }, schemas: { [pathToFileURL(path.join(root, 'schemas/plan.schema.json')).href]: ['*.plan.yaml'] } },
          http: { proxy: '', proxyStrictSSL: false },
          '[yaml]': {},
          editor: {},
        },
      }
    : { configuration: { largeFileSize: 1_000_000 } });
  const uri = pathToFileURL(path.join(dir, 'plan.plan.yaml')).href;
  const wait = (v) => (peer ? client.nextDiagnostics(uri, 600_000) : client.diagnostics(uri, v, 600_000));
  let t0 = performance.now();
  let arrived = wait(1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await arrived;
  const open = performance.now() - t0;
  const openRss = vmHwm(client.process.pid);
  const edit = midValueEdit(text);
  const times = [];
  for (let v = 2; v < 2 + changes; v++) {
    // Let a peer's own delayed passes settle, so the publish awaited is the one for this edit.
    if (peer) await new Promise((r) => setTimeout(r, 500));
    t0 = performance.now();
    arrived = wait(v);
    await client.connection.sendNotification('textDocument/didChange', edit(uri, v));
    const p = await arrived;
    times.push(performance.now() - t0);
    if (!peer && p.version !== v) throw new Error('stale diagnostics');
  }
  const rss = vmHwm(client.process.pid);
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return { open, change: median(times), openRss, rss };
}

/**
 * A plan past the default `planlint.largeFileSize`, edited with the default settings: checked on
 * open, nine edits (not checked in this mode), then a save, which is checked. The server's peak memory.
 */
async function largeFileModeRss(text) {
  const { startClient } = require(path.join(os.tmpdir(), 'planlint-bench-client.cjs'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-large-'));
  const client = await startClient({});
  const uri = pathToFileURL(path.join(dir, 'plan.plan.yaml')).href;
  let arrived = client.diagnostics(uri, 1, 600_000);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await arrived;
  const edit = midValueEdit(text);
  const last = 10;
  for (let v = 2; v <= last; v++) {
    await client.connection.sendNotification('textDocument/didChange', edit(uri, v));
    await new Promise((r) => setTimeout(r, 50));
  }
  arrived = client.diagnostics(uri, last, 600_000);
  await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  await arrived;
  const rss = vmHwm(client.process.pid);
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return rss;
}

function cliTime(file) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), file, '-f', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status === 2) throw new Error(r.stderr);
  return performance.now() - t0;
}

function peakRss(file) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(root, 'dist/cli.js'), file, '-f', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : NaN;
}

require('esbuild').buildSync({ entryPoints: [path.join(root, 'tests/lsp/client.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(os.tmpdir(), 'planlint-bench-client.cjs'), logLevel: 'warning', define: { __dirname: JSON.stringify(path.join(root, 'tests/lsp')) } });

const rows = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-'));
const inputs = [
  ...sizes.map((n) => ({ label: `${n} tasks`, text: generatePlan(n) })),
  ...fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).map((f) => ({ label: `seed ${f.slice(0, 3)}`, text: fs.readFileSync(path.join(root, 'seeds', f), 'utf8') })),
];
for (const { label, text } of inputs) {
  const file = path.join(tmp, `${label.replace(/\s/g, '-')}.plan.yaml`);
  fs.writeFileSync(file, text);
  const big = text.length > 2e6;
  const runs = big ? 9 : 11;
  // Nine edits per server (the median is reported), fewer on multi-megabyte plans.
  const edits = big ? 3 : 9;
  const ours = await lspTimes(text, false, edits);
  // Past the default large-file size (5,120 KB), also as a drafter's editor runs it by default.
  const defaultModeRss = Buffer.byteLength(text) > 5120 * 1024 ? await largeFileModeRss(text) : undefined;
  const n = Number(label.split(' ')[0]);
  const yls = ylsScript && (!Number.isFinite(n) || n <= peerMax) ? await lspTimes(text, true, big ? 1 : edits) : undefined;
  const row = {
    label,
    kb: text.length / 1024,
    ...engineTimes(file, runs),
    cli: cliTime(file),
    rss: peakRss(file),
    open: ours.open,
    change: ours.change,
    serverOpenRss: ours.openRss,
    serverRss: ours.rss,
    defaultModeRss,
    yls,
  };
  rows.push(row);
  console.error(`${label}: check ${row.check.toFixed(1)} ms, didChange ${row.change.toFixed(1)} ms${yls ? `, yls didChange ${yls.change.toFixed(0)} ms` : ''}`);
}

/**
 * 1,000 seed-sized files (the five seeds, 200 copies each) linted in one run: planlint's CLI against
 * Spectral's with a ruleset doing what Spectral can declare: the plan schema and one rule.
 */
function manyFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-bench-many-'));
  const seeds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.plan.yaml'));
  for (let i = 0; i < 200; i++) for (const s of seeds) fs.copyFileSync(path.join(root, 'seeds', s), path.join(dir, `${i}-${s}`));
  const ruleset = path.join(os.tmpdir(), 'planlint-bench-spectral.json');
  fs.writeFileSync(ruleset, JSON.stringify({
    rules: {
      'plan-schema': { description: 'plan format', message: '{{error}}', severity: 'error', given: '$', then: { function: 'schema', functionOptions: { schema: JSON.parse(fs.readFileSync(path.join(root, 'schemas/plan.schema.json'), 'utf8')), allErrors: true } } },
      'task-lead': { description: 'a task names its lead', severity: 'warn', given: '$..tasks[*]', then: { field: 'lead', function: 'truthy' } },
    },
  }));
  const run = (args) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status === 2) throw new Error(r.stderr);
    return performance.now() - t0;
  };
  const ours = run([path.join(root, 'dist/cli.js'), dir, '-f', 'json']);
  const spectral = spectralCli && fs.existsSync(spectralCli) ? run([spectralCli, 'lint', `${dir}/*.plan.yaml`, '--ruleset', ruleset, '-f', 'json', '-o', path.join(dir, 'spectral.json')]) : NaN;
  fs.rmSync(dir, { recursive: true, force: true });
  return { ours, spectral, files: seeds.length * 200 };
}
const many = manyFiles();

// RELIABILITY items 2 and 3: each attack's check time, memory over the whole corpus, and the size tiers.
const attacks = Object.entries(ATTACKS).map(([name, make]) => {
  const text = make();
  return { name, ms: time(() => checkText(text), 3), findings: [...new Set(checkText(text).findings.map((x) => x.ruleId))].join(', ') };
});
// Memory over the corpus in a fresh process, so nothing measured above is in it: three passes. The
// median of three processes, since how many heap pages V8 keeps after a collection varies by a few MB.
const rssGrowth = median([0, 1, 2].map(() => JSON.parse(spawnSync(process.execPath, ['--expose-gc', '-e', `
  const { checkText, ATTACKS } = require(${JSON.stringify(engineBundle)});
  checkText('plan: {}\\n');
  gc();
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 3; i++) for (const make of Object.values(ATTACKS)) checkText(make());
  gc();
  console.log(JSON.stringify((process.memoryUsage().rss - before) / 1048576));
`], { encoding: 'utf8' }).stdout)));
const tier5k = generatePlan(290);
const tier50k = path.join(tmp, 'tier-50k.plan.yaml');
fs.writeFileSync(tier50k, generatePlan(2_900));
const tiers = {
  lines5k: tier5k.split('\n').length,
  check5k: time(() => checkText(tier5k)),
  lines50k: fs.readFileSync(tier50k, 'utf8').split('\n').length,
  cli50k: cliTime(tier50k),
};
console.error(`${many.files} files: planlint ${many.ours.toFixed(0)} ms, Spectral ${many.spectral.toFixed(0)} ms`);
// Issues 19 and 20: import and export per seed against the check, in a process of their own.
const io = spawnSync(process.execPath, [path.join(root, 'bench/io-times.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (io.status !== 0) throw new Error('bench/io-times.mjs failed');
// Issue 20: the largest seed and a 5,000-task plan exported, each cold in a fresh process.
const exp = spawnSync(process.execPath, [path.join(root, 'bench/export-times.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (exp.status !== 0) throw new Error('bench/export-times.mjs failed');
// Issue 19: a document of about 100 pages imported and checked through the CLI.
const big = spawnSync(process.execPath, [path.join(root, 'bench/big-document.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (big.status !== 0) throw new Error('bench/big-document.mjs failed');

// Issue 26 item 7: the CLI's cold start against `node -e 0`, as a paired ratio.
const cold = spawnSync(process.execPath, [path.join(root, 'bench/cold-start.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (cold.status !== 0) throw new Error('bench/cold-start.mjs failed');

// Issue 22: a second round over 1,000 files with the default register, against the run without either.
const rounds = spawnSync(process.execPath, [path.join(root, 'bench/rounds.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (rounds.status !== 0) throw new Error('bench/rounds.mjs failed');

const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
/** A plan's check ÷ js-yaml: the median over the processes, with their range. */
const checkRatio = (x) => `${x.checkRatio.toFixed(2)}× (${x.checkRatioRange.map((v) => v.toFixed(2)).join('–')})`;
const table = [
  '| plan | size | JSON.parse | js-yaml load | reading (ours) | full check | check ÷ js-yaml | CLI end to end | CLI peak RSS | LSP didOpen→diag | LSP didChange→diag | server peak RSS: open / edits | yls didOpen→diag | yls didChange→diag | yls peak RSS | didChange ours ÷ yls |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((x) => `| ${x.label} | ${f(x.kb)} kB | ${f(x.jsonParse)} ms | ${f(x.jsYaml)} ms | ${f(x.yamlParse)} ms | ${f(x.check)} ms | ${checkRatio(x)} | ${f(x.cli)} ms | ${f(x.rss)} MB | ${f(x.open)} ms | ${f(x.change)} ms | ${f(x.serverOpenRss)} / ${f(x.serverRss)} MB | ${x.yls ? `${f(x.yls.open)} ms | ${f(x.yls.change)} ms | ${f(x.yls.rss)} MB | ${(x.change / x.yls.change).toFixed(2)}` : '— | — | — | —'} |`),
];
// Issue 7's targets, judged on this run's figures.
const rowOf = (label) => rows.find((x) => x.label === label);
const seedRows = rows.filter((x) => x.label.startsWith('seed'));
const bigRows = rows.filter((x) => Number(x.label.split(' ')[0]) >= 1000 && x.label.endsWith('tasks'));
const attackMs = (pick) => Math.max(...attacks.filter((a) => pick(a.name)).map((a) => a.ms));
const NESTING = ['[ × 100,000', '- × 5,000', '[ + CR × 80'];
const SPECTRAL_20K_MB = 664; // Spectral's peak on the 20,000-task plan, from issue 7's measurements
const verdict = (ok) => (ok ? 'met' : '**not met**');
const targets = [];
const target = (name, measured, ok) => targets.push(`| ${name} | ${measured} | ${verdict(ok)} |`);
if (seedRows.length) {
  const worst = Math.max(...seedRows.map((x) => x.change));
  target('didChange→diagnostics ≤ 50 ms on every seed', `${f(Math.min(...seedRows.map((x) => x.change)))}–${f(worst)} ms`, worst <= 50);
}
const k1 = rowOf('1000 tasks');
if (k1?.yls) target('didChange at 1,000 tasks ≤ 1/10 of yaml-language-server', `${f(k1.change)} ms vs ${f(k1.yls.change)} ms = ${(k1.change / k1.yls.change).toFixed(2)}`, k1.change <= k1.yls.change / 10);
if (bigRows.length) {
  target(
    'full check ≤ 2× js-yaml load at 1,000 tasks and above',
    bigRows.map((x) => `${x.label.split(' ')[0]}: ${checkRatio(x)}`).join(', '),
    Math.max(...bigRows.map((x) => x.checkRatio)) <= 2,
  );
}
const k20 = rowOf('20000 tasks');
if (k20) {
  // Judged as planlint runs by default: the CLI, and the editor, which past the stated size checks on
  // open and save (the target allows degrading past a stated size). Turned off, every keystroke
  // re-checks 20,000 tasks: shown, not judged.
  target(
    `20,000 tasks: peak memory below Spectral's ${SPECTRAL_20K_MB} MB`,
    `CLI ${f(k20.rss)} MB; server with the default settings (large-file mode: checked on open and save), through nine edits and a save, ${f(k20.defaultModeRss)} MB (not judged: with large-file mode turned off, every edit re-checked, ${f(k20.serverRss)} MB)`,
    k20.rss < SPECTRAL_20K_MB && k20.defaultModeRss < SPECTRAL_20K_MB,
  );
}
target('1,000 seed-sized files ≥ 5× faster than Spectral', `${(many.spectral / many.ours).toFixed(1)}×`, many.spectral / many.ours >= 5);
const bombs = attackMs((n) => !NESTING.includes(n) && n !== 'over the size cap');
const prescan = attackMs((n) => NESTING.includes(n));
target('RELIABILITY 2: each attack < 100 ms, nesting pre-scan < 50 ms, RSS growth < 50 MB', `${f(bombs)} ms, ${f(prescan)} ms, ${f(rssGrowth)} MB`, bombs < 100 && prescan < 50 && rssGrowth < 50);
const cap = attackMs((n) => n === 'over the size cap');
target('RELIABILITY 3: 5k lines ≤ 300 ms warm, 50k lines ≤ 3 s by the CLI, over the cap < 50 ms', `${f(tiers.check5k)} ms, ${f(tiers.cli50k)} ms, ${f(cap)} ms`, tiers.check5k <= 300 && tiers.cli50k <= 3000 && cap < 50);

const doc = `# Benchmarks

Generated by \`npm run bench\` (\`node bench/run.mjs --sizes ${sizes.join(',')}\`) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.
Times are medians of warm runs; compare ratios, not absolute times (the machine is noisy). The floors, the reading and the check are timed in turns (so that the machine's noise falls on all alike) in five fresh processes holding only the engine and the plan (\`bench/engine-times.mjs\`), and each time is the median over the five. **check ÷ js-yaml** is taken within each process, where both figures met the same state of the machine, and shown as the median of the five with their range in brackets: one process's ratio varies by up to ±15% with when V8 happens to collect. The 2× target is judged on the median.

- **JSON.parse**, **js-yaml load**: the floors, on the same data.
- **reading (ours)**: planlint's reading of the text into data and a tree with ranges (the fast reader for well-formed files, the \`yaml\` package's Document API otherwise).
- **full check**: \`checkText\` in process: parse, schema, every rule, exemptions.
- **CLI end to end**: \`planlint FILE -f json\` as a process, start-up included.
- **LSP**: the real server over stdio; didChange edits one value in the middle of the file, nine times in a row (the median is shown; three times, and once for yls, on multi-megabyte plans); the time is until the diagnostics for that version arrive (the server checks 5 ms after the last edit, in its checking thread, re-reading only the mapping the edit falls in; edits made during a check are checked together when it ends; the large-file mode is set past every size here, so every edit is checked). Server peak RSS is the process's VmHWM after the didOpen's diagnostics, and after the edits. **yls**: yaml-language-server 1.25.0 driven by the same client on the same file, validating against schemas/plan.schema.json (it waits a fixed 200 ms); up to ${peerMax} tasks.

${table.join('\n')}

## Robustness timings (RELIABILITY items 2 and 3)

| attack | check | findings |
|---|---|---|
${attacks.map((a) => `| ${a.name} | ${f(a.ms)} ms | ${a.findings} |`).join('\n')}

Resident memory of a fresh process grew by ${f(rssGrowth)} MB over three passes of the corpus (median of three processes). Size tiers: ${tiers.lines5k.toLocaleString('en')} lines checked in ${f(tiers.check5k)} ms (warm, in process); ${tiers.lines50k.toLocaleString('en')} lines through the CLI in ${f(tiers.cli50k)} ms.

**${many.files} seed-sized files in one run** (the five seeds, 200 copies each): planlint's CLI ${f(many.ours)} ms, Spectral 6.16.3's CLI ${f(many.spectral)} ms (plan schema and one rule) — Spectral takes ${(many.spectral / many.ours).toFixed(1)}× as long.

${io.stdout.trim()}

## Issue 20: export of the largest seed and of a 5,000-task plan

${exp.stdout.trim()}

${big.stdout.trim()}

${cold.stdout.trim()}

${rounds.stdout.trim()}

## Issue 7's targets, judged on this run

Runs on this machine vary by ±20%; each verdict is on this run's figures.

| target | measured | |
|---|---|---|
${targets.join('\n')}
`;
// The hand-written section after KEPT (figures measured once, behind decisions in the code) survives a regeneration.
const KEPT = '\n## Measurements behind design decisions\n';
const previous = fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8') : '';
fs.writeFileSync(outFile, previous.includes(KEPT) ? doc + previous.slice(previous.indexOf(KEPT)) : doc);
console.log(doc);
