// One process of the in-process timings: node bench/engine-times.mjs ENGINE_BUNDLE PLAN_FILE ROUNDS
// prints, as JSON, the medians of JSON.parse and js-yaml's load (the floors), planlint's reading and
// its full check of the plan, timed in turns. It holds nothing but the engine and the plan, so the
// collector's work in it is the measured functions' own (bench/run.mjs runs it five times per plan).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { timeTogether } from './timing.mjs';

const require = createRequire(import.meta.url);
const [bundle, file, rounds] = process.argv.slice(2);
const { checkText, parseYaml } = require(bundle);
const jsYaml = require('js-yaml');
const text = fs.readFileSync(file, 'utf8');
const json = JSON.stringify(jsYaml.load(text));
const times = timeTogether({ jsonParse: () => JSON.parse(json), jsYaml: () => jsYaml.load(text), yamlParse: () => parseYaml(text), check: () => checkText(text) }, Number(rounds));
process.stdout.write(JSON.stringify(times));
