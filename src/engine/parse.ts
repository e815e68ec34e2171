// The readers live in ./read/; this path stays for the importers that knew it.
export { LIMITS, parseYaml, tolerantRead, tooLargeProblem } from './read/index.js';
export type { ParsedPlan, ParseProblem } from './read/index.js';
