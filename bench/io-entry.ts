// What bench/io-times.mjs times, bundled as the CLI bundles it.
export { checkText, importDocument } from '../src/engine/index.js';
export { exportPlan } from '../src/export/export.js';
