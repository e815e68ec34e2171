export { checkText } from '../src/engine/check.js';
export { parseYaml } from '../src/engine/parse.js';
export { ATTACKS } from '../tests/robustness/attack-corpus.js';
export { useReadThread } from '../src/engine/read-thread.js';
export { SPLIT_MIN } from '../src/engine/fast-read.js';
