export { checkText } from '../src/engine/check.js';
export { parseYaml } from '../src/engine/parse.js';
export { ATTACKS } from '../tests/robustness/attack-corpus.js';
