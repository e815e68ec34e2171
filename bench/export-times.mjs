// Times the export (npm run build first): the largest seed, warm, median of 10 runs; and one
// generated plan of 5,000 tasks, cold, in a fresh process, with its peak memory (max RSS).
// Usage: node bench/export-times.mjs        (figures are printed, never asserted by a test)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { generatePlan } from './gen.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-export-bench-'));
const bundle = path.join(dir, 'export.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'src/export/export.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });

const largest = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.plan.yaml'))
  .map((f) => path.join(root, 'seeds', f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
const big = path.join(dir, 'gen-5000.plan.yaml');
fs.writeFileSync(big, generatePlan(5000));

const warm = `
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
console.log(`largest seed ${path.basename(largest)}:`, execFileSync(process.execPath, ['-e', warm, largest], { encoding: 'utf8' }).trim());

for (const to of ['docx', 'xlsx']) {
  const once = `
const { exportPlan } = require(${JSON.stringify(bundle)});
const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
const t = performance.now();
exportPlan(text, '${to}', { force: true }).then((r) => console.log(JSON.stringify({ ms: Math.round(performance.now() - t), bytes: r.ok ? r.bytes.length : 0 })));`;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', once, big], { encoding: 'utf8' });
  const peakMb = Math.round(Number(r.stderr.trim().split('\n').pop()) / 1024);
  console.log(`5,000 tasks → ${to}: ${r.stdout.trim()} peak RSS ${peakMb} MB`);
}
fs.rmSync(dir, { recursive: true, force: true });
