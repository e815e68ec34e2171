// Preloaded (node --require) by scripts/build.mjs when it runs a cached entry once to make its code
// cache: asks scripts/cached-entry.cjs to write what V8 compiled when the process exits.
globalThis[Symbol.for('planlint.writeCodeCache')] = true;
