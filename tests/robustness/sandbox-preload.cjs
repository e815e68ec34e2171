// Loaded with `node --require` ahead of planlint in the untrusted-workspace test: every network
// call throws and is logged, and every module loaded is logged, to the file in PLANLINT_PROBE_LOG.
const fs = require('node:fs');
const Module = require('node:module');
const log = (entry) => fs.appendFileSync(process.env.PLANLINT_PROBE_LOG, `${JSON.stringify(entry)}\n`);
const refuse = (what) => function refused() {
  log({ network: what });
  throw new Error(`planlint test sandbox: ${what} refused`);
};
for (const name of ['node:http', 'node:https']) {
  const mod = require(name);
  mod.request = refuse(`${name}.request`);
  mod.get = refuse(`${name}.get`);
}
const net = require('node:net');
net.connect = net.createConnection = refuse('net.connect');
require('node:tls').connect = refuse('tls.connect');
require('node:dgram').createSocket = refuse('dgram.createSocket');
globalThis.fetch = refuse('fetch');
const load = Module._load;
Module._load = function logged(request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try {
    log({ module: Module._resolveFilename(request, parent, isMain) });
  } catch {
    log({ module: request });
  }
  return loaded;
};
