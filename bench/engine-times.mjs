// One process of the in-process timings: node bench/engine-times.mjs ENGINE_BUNDLE PLAN_FILE ROUNDS THREADS
// prints, as JSON, the medians of JSON.parse and js-yaml's load (the floors), planlint's reading and
// its full check of the plan, timed in turns. It holds nothing but the engine and the plan, so the
// collector's work in it is the measured functions' own (bench/run.mjs runs it three times per plan).
// THREADS is 2 to read large plans on two threads as the CLI does (the read
// worker is dist/read-worker.js), 1 to time the floors and the check on one thread only.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { timeTogether } from './timing.mjs';

const require = createRequire(import.meta.url);
const [bundle, file, rounds, threads] = process.argv.slice(2);
const { checkText, parseYaml, useReadThread } = require(bundle);
const jsYaml = require('js-yaml');
const text = fs.readFileSync(file, 'utf8');
const json = JSON.stringify(jsYaml.load(text));
let times;
if (threads === '1') {
  times = timeTogether({ jsYaml: () => jsYaml.load(text), check: () => checkText(text) }, Number(rounds));
} else {
  useReadThread(path.join(path.dirname(new URL(import.meta.url).pathname), '../dist/read-worker.js'));
  times = timeTogether({ jsonParse: () => JSON.parse(json), jsYaml: () => jsYaml.load(text), yamlParse: () => parseYaml(text), check: () => checkText(text) }, Number(rounds));
}
process.stdout.write(JSON.stringify(times));
// The read worker does not keep the process alive, but its start may still be pending on a small plan.
process.exit(0);
