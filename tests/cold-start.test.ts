// Issue 26 item 7: the CLI starts from a V8 code cache that `npm run build` makes (scripts/build.mjs,
// scripts/cached-entry.cjs). The cache must be accepted by the Node that built it, must be ignored
// when it does not belong to the bundle beside it, and must not change what the CLI prints.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
let tmp: string | undefined;
afterEach(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

/** dist/ copied to a folder of its own (its vendor chunks too), so that its cache can be spoilt. */
function copyOfDist(): string {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'planlint-cache-'));
  fs.cpSync(DIST, path.join(tmp, 'dist'), { recursive: true });
  return path.join(tmp, 'dist');
}

function cli(dist: string, args: string[]) {
  const r = spawnSync(process.execPath, [path.join(dist, 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI code cache', () => {
  it('belongs to the bundle beside it (its build id) and V8 accepts it', () => {
    const source = fs.readFileSync(path.join(DIST, 'cli-main.js'), 'utf8');
    const id = /\/\/# planlint-build=([0-9a-f]{40})\s*$/.exec(source)?.[1];
    expect(id).toBeDefined();
    const cache = fs.readFileSync(path.join(DIST, 'cli-main.cache'));
    expect(cache.subarray(0, 40).toString('latin1')).toBe(id);
    const script = new vm.Script(wrap(source), { filename: path.join(DIST, 'cli-main.js'), cachedData: cache.subarray(40) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('the CLI prints the same with the cache, without it, and with a cache of another build', () => {
    const args = ['seeds/', '-f', 'json'];
    const dist = copyOfDist();
    const cached = cli(dist, args);
    expect(cached.code).toBe(1);
    expect(JSON.parse(cached.stdout).length).toBeGreaterThan(0);
    const cacheFile = path.join(dist, 'cli-main.cache');
    const cache = fs.readFileSync(cacheFile);
    // Another build's id: the entry must not hand this cache to V8.
    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from('0'.repeat(40), 'latin1'), cache.subarray(40)]));
    expect(cli(dist, args)).toEqual(cached);
    fs.rmSync(cacheFile);
    expect(cli(dist, args)).toEqual(cached);
  });

  it('`planlint export` still loads its chunk from the cached bundle (no import() there)', () => {
    expect(fs.readFileSync(path.join(DIST, 'cli-main.js'), 'utf8')).not.toMatch(/\bimport\(/);
  });
});
