// Builds planlint: regenerates rule metadata, then bundles the CLI, the language server and the
// VS Code extension with esbuild. esbuild does not type-check: `npm run typecheck` does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
execFileSync(process.execPath, [path.join(root, 'scripts/gen.mjs')], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { PLANLINT_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
};
const entries = [
  // The export (docx, exceljs: three quarters of the code) is its own bundle, loaded only by `planlint export`.
  { in: 'src/cli/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node', external: ['./export.js'] },
  { in: 'src/cli/export.ts', out: 'dist/export.js' },
  { in: 'src/server/server.ts', out: 'dist/server.js', banner: '#!/usr/bin/env node' },
  { in: 'src/server/worker.ts', out: 'dist/server-worker.js' },
  // The editor's export commands, like the CLI's, are a bundle of their own, loaded on first use.
  { in: 'src/client/extension.ts', out: 'dist/extension.js', external: ['vscode', './export-command.js'] },
  { in: 'src/client/export-command.ts', out: 'dist/export-command.js', external: ['vscode'] },
].filter((e) => fs.existsSync(path.join(root, e.in)));
await Promise.all(entries.map((e) => esbuild.build({
  ...common,
  entryPoints: [e.in],
  outfile: e.out,
  external: e.external ?? [],
  banner: e.banner ? { js: e.banner } : undefined,
})));
for (const e of entries) if (e.banner) fs.chmodSync(path.join(root, e.out), 0o755);
