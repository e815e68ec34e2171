export { checkText } from '../src/engine/check.js';
export { parseYaml } from '../src/engine/parse.js';
