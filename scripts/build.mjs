// Builds planlint: regenerates rule metadata, then bundles the CLI, the language server and the
// VS Code extension with esbuild. esbuild does not type-check: `npm run typecheck` does.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  // fflate (the .docx zip) builds its Huffman tables when it loads: only reading or writing a .docx needs them.
  fflate: { names: ['unzipSync', 'zipSync', 'strFromU8'], bind: false },
  // yaml (the Document API: the tolerant reader for a malformed file, fixes, import) is a fifth of
  // the CLI's code; a well-formed plan is read by the fast reader (js-yaml) and never needs it.
  // minimatch (config overrides, ignore lists) and diff (--fix-dry-run): only some runs need them.
  minimatch: { names: ['minimatch'], bind: false },
  diff: { names: ['createTwoFilesPatch'], bind: false },
  yaml: { names: ['Document', 'isAlias', 'isMap', 'isNode', 'isPair', 'isScalar', 'isSeq', 'parse', 'parseDocument', 'Scalar', 'stringify', 'visit', 'YAMLError'], bind: false },
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
// A bundle compiled with a code cache (below) runs as a vm.Script, where `import()` has no loader:
// there, `await import('./export.js')` of a chunk becomes a require() of it (the chunks are CommonJS).
const requireChunks = {
  name: 'require-chunks',
  setup(build) {
    build.onResolve({ filter: /^\.\/export\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'require-chunk' } : { path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'require-chunk' }, (args) => ({ loader: 'js', contents: `module.exports = require(${JSON.stringify(args.path)});` }));
  },
};
const entries = [
  // The export (docx, exceljs: three quarters of the code) is its own bundle, loaded only by `planlint export`.
  // The CLI's bundle is dist/cli-main.js; dist/cli.js starts it with a V8 code cache (see below).
  { in: 'src/cli/cli.ts', out: 'dist/cli-main.js', external: ['./export.js'], codeCache: { entry: 'dist/cli.js', run: ['docs/example.plan.yaml'] }, requireChunks: true },
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
    plugins: e.requireChunks ? [lazyLibraries, requireChunks] : [lazyLibraries],
  })),
  ...Object.entries(LAZY).map(([name, lazy]) => esbuild.build({ ...common, entryPoints: [lazy.entry ?? name], outfile: `dist/${vendorFile(name)}` })),
]);
for (const e of entries) if (e.banner) fs.chmodSync(path.join(root, e.out), 0o755);

// A V8 code cache for a bundle whose cold start counts (the CLI: issue 26 item 7). The bundle gets a
// last line with its build id (a hash of its text); `codeCache.entry` is scripts/cached-entry.cjs,
// which compiles the bundle with the cache; the cache is what V8 compiled while the entry ran once
// on `codeCache.run` (so it holds the functions a check calls, not only the top level). The cache is
// made by and for the Node that builds; another Node refuses it and compiles as usual.
for (const e of entries.filter((x) => x.codeCache)) {
  const bundle = path.join(root, e.out);
  const cacheFile = bundle.replace(/\.js$/, '.cache');
  fs.rmSync(cacheFile, { force: true });
  const text = fs.readFileSync(bundle, 'utf8');
  const id = createHash('sha1').update(text).digest('hex');
  fs.writeFileSync(bundle, `${text}//# planlint-build=${id}\n`);
  const entry = path.join(root, e.codeCache.entry);
  fs.writeFileSync(entry, fs.readFileSync(path.join(root, 'scripts/cached-entry.cjs'), 'utf8').replace("'MAIN'", JSON.stringify(path.basename(e.out))));
  fs.chmodSync(entry, 0o755);
  const run = spawnSync(process.execPath, ['--require', path.join(root, 'scripts/code-cache-write.cjs'), entry, ...e.codeCache.run], { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (!fs.existsSync(cacheFile)) console.warn(`scripts/build.mjs: no code cache for ${e.out} (exit ${run.status}); it starts without one`);
}
