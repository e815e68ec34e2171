// npm run bench: planlint against its floors, in one run, reported as ratios (see bench/RESULTS.md).
//   node bench/run.mjs [--sizes 10,100,1000,5000] [--out bench/RESULTS.md]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { generatePlan } from './gen.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = Object.fromEntries(process.argv.slice(2).map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null)).filter(Boolean));
const sizes = (args.sizes ?? '10,100,1000,5000').split(',').map(Number);
const outFile = path.resolve(root, args.out ?? 'bench/RESULTS.md');

// The engine as the CLI bundles it, loaded in this process.
const engineBundle = path.join(os.tmpdir(), 'planlint-bench-engine.cjs');
require('esbuild').buildSync({ entryPoints: [path.join(root, 'bench/engine-entry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: engineBundle, logLevel: 'warning' });
const { checkText, parseYaml } = require(engineBundle);
const yaml = require('yaml');
const jsYaml = require('js-yaml');

/** Median of `runs` timings after one warm-up. */
function time(fn, runs = 5) {
  fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)];
}

async function lspTimes(text) {
  const { startClient } = require(path.join(os.tmpdir(), 'planlint-bench-client.cjs'));
  const client = await startClient();
  const uri = 'file:///tmp/planlint-bench/plan.plan.yaml';
  let t0 = performance.now();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await client.diagnostics(uri, 1, 600_000);
  const open = performance.now() - t0;
  // Edit one value in the middle of the file.
  const lines = text.split('\n');
  const mid = lines.findIndex((l, i) => i > lines.length / 2 && /value: \d/.test(l));
  const col = lines[mid].search(/value: \d/) + 'value: '.length;
  const changes = [];
  for (let v = 2; v <= 6; v++) {
    t0 = performance.now();
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line: mid, character: col }, end: { line: mid, character: col + 1 } }, text: String(v % 10) }],
    });
    await client.diagnostics(uri, v, 600_000);
    changes.push(performance.now() - t0);
  }
  await client.stop();
  return { open, change: changes.sort((a, b) => a - b)[2] };
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
  const data = yaml.parse(text);
  const json = JSON.stringify(data);
  const runs = text.length > 2e6 ? 3 : 5;
  const row = {
    label,
    kb: text.length / 1024,
    jsonParse: time(() => JSON.parse(json), runs),
    jsYaml: time(() => jsYaml.load(text), runs),
    yamlParse: time(() => parseYaml(text), runs),
    check: time(() => checkText(text), runs),
    cli: cliTime(file),
    rss: peakRss(file),
    ...(await lspTimes(text)),
  };
  rows.push(row);
  console.error(`${label}: check ${row.check.toFixed(1)} ms, didChange ${row.change.toFixed(1)} ms`);
}

const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const r = (a, b) => `${(a / b).toFixed(1)}×`;
const table = [
  '| plan | size | JSON.parse | js-yaml load | yaml parse (ours) | full check | check ÷ js-yaml | CLI end to end | LSP didOpen→diag | LSP didChange→diag | peak RSS (CLI) |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((x) => `| ${x.label} | ${f(x.kb)} kB | ${f(x.jsonParse)} ms | ${f(x.jsYaml)} ms | ${f(x.yamlParse)} ms | ${f(x.check)} ms | ${r(x.check, x.jsYaml)} | ${f(x.cli)} ms | ${f(x.open)} ms | ${f(x.change)} ms | ${f(x.rss)} MB |`),
];
const doc = `# Benchmarks

Generated by \`npm run bench\` (\`node bench/run.mjs --sizes ${sizes.join(',')}\`) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}.
Times are medians of warm runs in one process; compare ratios, not absolute times (the machine is noisy).

- **JSON.parse**, **js-yaml load**: the floors, on the same data.
- **yaml parse (ours)**: planlint's reading of the text (the \`yaml\` package's Document API with ranges, plus conversion).
- **full check**: \`checkText\` in process: parse, schema, every rule, exemptions.
- **CLI end to end**: \`planlint FILE -f json\` as a process, start-up included.
- **LSP**: the real server over stdio; didChange edits one value in the middle of the file; the time is until the diagnostics for that version arrive (the server debounces 120 ms after each change).

${table.join('\n')}
`;
fs.writeFileSync(outFile, doc);
console.log(doc);
