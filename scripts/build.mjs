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
  // Whitespace only (names stay, so stack traces still name functions): V8 scans every byte of a
  // bundle at start-up, and the CLI's compile time halves (issue 26 item 7).
  minifyWhitespace: true,
  logLevel: 'warning',
  absWorkingDir: root,
  define: { PLANLINT_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) },
};
// The importer's libraries (iconv-lite's code tables, xmldom: a quarter of the CLI's code) are needed
// only to read a .docx or a GB18030 text, never to check a plan: in every bundle they are a stub that
// loads dist/vendor/<name>.js, a bundle of its own, on first use. The names each stub forwards are
// the ones src/ imports; a name missing here is undefined at run time (tests/cli-import.test.ts).
// `bind`: the library's functions use `this`, so the stub hands them out bound.
// The validators of .planlint.yaml, packs and registers (scripts/gen.mjs; four fifths of the
// validators' code) are loaded the same way: a check of a plan with no config file never runs them
// (issue 26 item 7). Their functions carry ajv's `.errors`, so they are handed out as they are.
const LAZY = {
  'iconv-lite': { names: ['decode'], bind: true },
  '@xmldom/xmldom': { names: ['DOMParser'], bind: true },
  './generated/validators-config.js': { names: ['config', 'pack', 'register'], bind: false, entry: 'src/engine/generated/validators-config.js' },
};
const vendorFile = (name) => `vendor/${name.replace(/^\.\/generated\//, '').replace(/^@/, '').replace(/\//g, '-').replace(/\.js$/, '')}.js`;
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(LAZY).map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      loader: 'js',
      contents: [
        'let real;',
        `const load = () => (real ??= require(${JSON.stringify(`./${vendorFile(args.path)}`)}));`,
        ...LAZY[args.path].names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => { const m = load(); const v = m[${JSON.stringify(n)}]; return ${LAZY[args.path].bind ? `typeof v === 'function' && /^[a-z]/.test(${JSON.stringify(n)}) ? v.bind(m) : v` : 'v'}; } });`),
      ].join('\n'),
    }));
    build.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
  },
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
await Promise.all([
  ...entries.map((e) => esbuild.build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
    plugins: [lazyLibraries],
  })),
  ...Object.entries(LAZY).map(([name, lazy]) => esbuild.build({ ...common, entryPoints: [lazy.entry ?? name], outfile: `dist/${vendorFile(name)}` })),
]);
for (const e of entries) if (e.banner) fs.chmodSync(path.join(root, e.out), 0o755);
