#!/usr/bin/env node
// Written by scripts/build.mjs from scripts/cached-entry.cjs. Do not edit.
// Starts MAIN (the bundle beside this file) with the V8 code cache that `npm run build` made of it
// (MAIN without .js + .cache): most of a cold start is V8 compiling the bundle, and with the cache
// it reads the compiled code instead (issue 26 item 7). The cache begins with the build id that the
// bundle's last line carries; V8 itself refuses a cache made by another Node version or with other
// flags, and then compiles as usual, so a missing, stale or refused cache only costs time.
/* global __dirname */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');

const file = path.join(__dirname, 'MAIN');
const cacheFile = file.replace(/\.js$/, '.cache');
const source = fs.readFileSync(file, 'utf8');
const id = /\/\/# planlint-build=([0-9a-f]{40})\s*$/.exec(source.slice(-100))?.[1];
let cachedData;
if (id) {
  try {
    const cache = fs.readFileSync(cacheFile);
    if (cache.subarray(0, id.length).toString('latin1') === id) cachedData = cache.subarray(id.length);
  } catch {
    // No cache: compile as usual.
  }
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// scripts/build.mjs runs the CLI once on docs/example.plan.yaml with this flag set (by a --require
// of its own), and keeps what V8 compiled on the way as the cache.
if (id && globalThis[Symbol.for('planlint.writeCodeCache')]) {
  process.once('exit', () => fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()])));
}
const main = { exports: {}, filename: file, id: file, loaded: false, parent: module, children: [], paths: module.paths };
script.runInThisContext().call(main.exports, main.exports, createRequire(file), main, file, __dirname);
