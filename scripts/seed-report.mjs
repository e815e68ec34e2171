// Prints, per seed plan, the counts seeds/README.md states (sections, tasks, units, indicators,
// yearly targets) and every finding with its line: the material for seeds/FINDINGS.md.
//   node scripts/seed-report.mjs [--findings]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bundle = path.join(os.tmpdir(), 'planlint-seed-report.cjs');
require('esbuild').buildSync({ stdin: { contents: "export { checkText } from './src/engine/check.js';", resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
const { checkText } = require(bundle);

/** The source line of the nearest object on the path that records one. */
function sourceLine(data, p) {
  let line;
  let v = data;
  for (const seg of p) {
    if (v && typeof v === 'object' && v.source && typeof v.source === 'object' && v.source.line) line = v.source.line;
    v = v?.[seg];
  }
  if (v && typeof v === 'object' && v.source?.line) line = v.source.line;
  return line;
}

for (const f of fs.readdirSync(path.join(root, 'seeds')).filter((x) => x.endsWith('.plan.yaml')).sort()) {
  const out = checkText(fs.readFileSync(path.join(root, 'seeds', f), 'utf8'));
  const p = out.plan;
  const counts = [p.allSections.length, p.allTasks.length, p.units.length, p.allIndicators.length, p.allIndicators.reduce((n, i) => n + i.yearly.length, 0)];
  console.log(`${f}: sections ${counts[0]}, tasks ${counts[1]}, units ${counts[2]}, indicators ${counts[3]}, yearly ${counts[4]}; findings ${out.findings.length}`);
  if (process.argv.includes('--findings')) {
    for (const x of out.findings) console.log(`  ${out.lines.position(x.range.start).line + 1}\tsrc ${sourceLine(out.data, x.path) ?? '-'}\t${x.severity}\t${x.ruleId}\t${x.message['zh-CN']}`);
  }
}
