// `npm start`: the main job on the bundled seed plans. Checks seeds/, prints the findings and the
// summary, writes the review report, and exits 0 (the CLI itself exits 1 when it finds problems).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const cli = path.join(root, 'dist', 'cli.js');
const run = (args) => spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });

const check = run(['seeds']);
const report = run(['report', 'seeds', '-o', 'planlint-report.html']);
if (check.status === 2 || report.status === 2 || check.error || report.error) {
  console.error('planlint: the demo could not run (see above)');
  process.exit(2);
}
console.log(`\n审核报告 / review report: ${path.join(root, 'planlint-report.html')}`);
