// RELIABILITY battery item 11 (the floor): the parsers and the validator planlint ships with are at
// or above the releases that fixed the known faults (yaml 2.9.1: merge keys past the alias limit,
// deep-nesting stack overflow; ajv 8.18.0), and js-yaml is a release that never constructs code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const installed = (name: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const atLeast = (version: string, floor: string) => {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
};

describe('dependency floor (item 11)', () => {
  it.each([
    ['yaml', '2.9.1'],
    ['ajv', '8.18.0'],
    ['js-yaml', '4.0.0'],
  ])('%s is at least %s, installed and pinned', (name, floor) => {
    expect(atLeast(installed(name), floor)).toBe(true);
    // Bundled into dist/ by esbuild, so they are build-time (dev) dependencies: the tarball installs with none.
    const pinned = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies[name];
    expect(atLeast(pinned.replace(/^[\^~]/, ''), floor)).toBe(true);
  });
});
