// `npm run import-score`: imports each seed's source text and scores the plan file against the
// hand-encoded gold in seeds/*.plan.yaml (sections and tasks, units, indicators, findings, speed).
// Each seed text is read from ../shared/seeds beside the clone where that copy holds it (the
// workplace's, which has the first five), else from seeds/source/ (the repository's copy, which CI
// and the tests use).
// `--misses` also prints what it still gets wrong, field by field.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bundle = path.join(root, 'dist', 'import-score.cjs');
await esbuild.build({
  stdin: {
    contents: "export { recognizePlan } from './src/engine/import/recognize.ts'; export { scoreImport, totalScore } from './src/engine/import/score.ts'; export { checkText } from './src/engine/check.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'warning', absWorkingDir: root,
});
const { recognizePlan, scoreImport, totalScore, checkText } = createRequire(import.meta.url)(bundle);

const shared = path.resolve(root, '..', 'shared', 'seeds');
const repoSources = path.join(root, 'seeds', 'source');
const sourceOf = (file) => (fs.existsSync(path.join(shared, file)) ? path.join(shared, file) : path.join(repoSources, file));
const fromShared = new Set();
const golds = fs.readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).sort();
const showMisses = process.argv.includes('--misses');

const rows = [];
for (const gold of golds) {
  const goldText = fs.readFileSync(path.join(root, 'seeds', gold), 'utf8');
  const sourceFile = /sourceFile:\s*"?([^"\n]+)"?/.exec(goldText)?.[1];
  const sourcePath = sourceOf(sourceFile);
  if (!sourcePath.startsWith(repoSources)) fromShared.add(sourceFile);
  const text = fs.readFileSync(sourcePath, 'utf8').replace(/^\uFEFF/, '');
  const source = { lines: text.split(/\r?\n/), format: 'text', notes: [] };
  // Warm once, then time the median of five imports-and-checks in this process.
  recognizePlan(source, { sourceFile });
  const times = [];
  let result;
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    result = recognizePlan(source, { sourceFile });
    checkText(result.yaml);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const score = scoreImport(goldText, result.yaml);
  rows.push({ seed: gold.replace('.plan.yaml', ''), score, ms: times[2] });
  if (showMisses) {
    console.log(`\n## ${gold}`);
    for (const [field, list] of Object.entries(score.misses)) if (list.length > 0) console.log(`- ${field} (${list.length}): ${list.slice(0, 40).join(' | ')}`);
  }
}

const pct = (x) => `${(100 * x).toFixed(1)}`;
const f = (x) => x.toFixed(3);
const header = ['seed', 'sec F1', 'task F1', 'sec+task P/R/F1', 'units ok', 'lead', 'resp', 'ind P/R/F1', 'value', 'unit', 'kind', 'cmp', 'year', 'actuals', 'findings recall', 'extra', 'schema', 'ms'];
const line = (name, s, ms) => [
  name, f(s.sections.f1), f(s.tasks.f1), `${f(s.structure.precision)}/${f(s.structure.recall)}/${f(s.structure.f1)}`,
  `${s.units.right}/${s.units.of} ${pct(s.units.share)}%`, pct(s.lead.share), pct(s.responsible.share),
  `${f(s.indicators.precision)}/${f(s.indicators.recall)}/${f(s.indicators.f1)} (${s.indicators.matched}/${s.indicators.gold}, ${s.indicators.got} out)`,
  pct(s.fields.value.share), pct(s.fields.unit.share), pct(s.fields.kind.share), pct(s.fields.comparator.share), pct(s.fields.year.share),
  `${s.actuals.right}/${s.actuals.of}`,
  `${s.findings.matched}/${s.findings.gold} ${pct(s.findings.recall)}%`, `${s.findings.extra}/${s.findings.got} ${pct(s.findings.extraShare)}%`,
  String(s.schemaFindings), ms === undefined ? '' : ms.toFixed(1),
];
const table = [header, ...rows.map((r) => line(r.seed, r.score, r.ms)), line('total', totalScore(rows.map((r) => r.score)), Math.max(...rows.map((r) => r.ms)))];
console.log(`\nsource texts: ${fromShared.size} from ${shared}, ${golds.length - fromShared.size} from ${path.relative(root, repoSources)}`);
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const r of table.slice(1)) console.log(`| ${r.join(' | ')} |`);
console.log('\nTargets (total): sec+task F1 >= 0.95; units ok >= 95%; indicator F1 >= 0.80 and each field >= 90%; actuals (asOf, value, unit, percent, status all equal) right/of matched indicators with one; findings recall >= 90%; schema 0; each seed <= 200 ms (ms = median of 5 import+check in process).');
