// RELIABILITY battery item 13: every read planlint makes (plans, config, packs) goes through one read
// path: regular files only, judged on the opened descriptor; the size cap before reading; files a config
// names inside its repository; a refused file a finding that says why and quotes nothing of it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { loadConfigFile } from '../../src/node/config-files.js';
import { readFileBounded } from '../../src/node/read-file.js';
import { sharedServer } from '../lsp/shared.js';
import { CLEAN_PLAN, expectNoCrash, runCli, tempDir } from './cli-run.js';

const SECRET = 'planlint-ci-secret-3f9a';
let dir: string;

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  dir = tempDir('reads');
  fs.mkdirSync(path.join(dir, '.git'));
  fs.writeFileSync(path.join(dir, 'clean.plan.yaml'), CLEAN_PLAN);
});

const config = (packs: string[]) => fs.writeFileSync(path.join(dir, '.planlint.yaml'), `packs:\n${packs.map((p) => `  - ${JSON.stringify(p)}\n`).join('')}`);

describe('rule packs a configuration names', () => {
  it('/proc/self/environ is refused as outside the repository, and no byte of it is printed', () => {
    config(['/proc/self/environ']);
    const r = runCli(dir, [], { env: { CI_TOKEN: SECRET } });
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('PATH=');
    expect(r.stderr).toMatch(/规则包 \/proc\/self\/environ 未读取:.*仓库之外/);
  });

  it('a pack named by "..", or through a symlink that leads out, is refused without being read', () => {
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'credentials.yaml'), `token: ${SECRET}\n`);
    fs.symlinkSync(path.join(outside, 'credentials.yaml'), path.join(dir, 'pack.yaml'));
    const rel = path.relative(dir, path.join(outside, 'credentials.yaml'));
    for (const pack of [rel, 'pack.yaml']) {
      config([pack]);
      const r = runCli(dir, []);
      expectNoCrash(r);
      expect(r.code, pack).toBe(2);
      expect(r.stdout + r.stderr, pack).not.toContain(SECRET);
      expect(r.stderr, pack).toMatch(/仓库之外/);
    }
  });

  it('a pack that is /dev/zero, a FIFO, or a symlink to either is refused at once, never read', () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    fs.symlinkSync('fifo.yaml', path.join(dir, 'to-fifo.yaml'));
    for (const pack of ['/dev/zero', 'fifo.yaml', 'zero.yaml', 'to-fifo.yaml']) {
      config([pack]);
      const r = runCli(dir, [], { timeout: 10_000 });
      expectNoCrash(r);
      expect(r.code, pack).toBe(2);
      expect(r.stderr, pack).toMatch(/不是普通文件|仓库之外/);
    }
  });

  it('the language server loads config through the same path: a /dev/zero pack is a finding, not a hang', () => {
    config(['/dev/zero', 'missing.yaml']);
    const loaded = loadConfigFile(path.join(dir, '.planlint.yaml'));
    expect(loaded.findings.map((f) => f.messageId)).toEqual(['packRefused', 'packMissing']);
  });

  it('a pack inside the repository is still read', () => {
    fs.writeFileSync(path.join(dir, 'local.yaml'), 'rules: []\n');
    config(['local.yaml']);
    expect(loadConfigFile(path.join(dir, '.planlint.yaml')).findings).toEqual([]);
  });
});

describe('plans that are not regular files, or too big', () => {
  it('planlint /dev/zero answers at once with a read error, exit 2', () => {
    const r = runCli(dir, ['/dev/zero'], { timeout: 10_000 });
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/不是普通文件.*not a regular file/);
  });

  it('a FIFO plan, and a symlinked plan pointing to /dev/zero, in a walked folder never block the run', () => {
    execFileSync('mkfifo', [path.join(dir, 'f.plan.yaml')]);
    fs.symlinkSync('/dev/zero', path.join(dir, 'z.plan.yaml'));
    const r = runCli(dir, ['-f', 'json'], { timeout: 10_000 });
    expectNoCrash(r);
    expect(r.code).toBe(2);
    const files = JSON.parse(r.stdout) as { filePath: string; readError?: string }[];
    expect(files.filter((f) => f.readError).map((f) => f.filePath).sort()).toEqual(['f.plan.yaml', 'z.plan.yaml']);
  });

  it('a 200 MB plan gets the "file too large" finding from its size, without being read', () => {
    const big = path.join(dir, 'big.plan.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200 * 1024 * 1024);
    const r = runCli(dir, ['-f', 'json', 'big.plan.yaml'], { timeout: 10_000 });
    expectNoCrash(r);
    const [file] = JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[];
    expect(file.messages.map((m) => m.ruleId)).toEqual(['file-too-large']);
    expect(readFileBounded(big)).toMatchObject({ ok: false, reason: 'tooLarge', size: 200 * 1024 * 1024 });
  });

  it('a plan of a million keys is refused by the key cap with one clear finding', () => {
    const text = Array.from({ length: 1_000_000 }, (_, i) => `key${String(i).padStart(7, '0')}: v`).join('\n');
    expect(checkText(text).findings.map((f) => `${f.ruleId}/${f.messageId}`)).toEqual(['file-too-large/tooManyKeys']);
  });

  it('a file in /proc (which claims size 0) is read only up to the cap', () => {
    const r = readFileBounded('/proc/self/status', { maxBytes: 16 });
    expect(r).toMatchObject({ ok: false, reason: 'tooLarge' });
  });
});

describe('the language server reads config through the same path', () => {
  const server = sharedServer('planlint-reads-lsp');

  it('a workspace whose config names /dev/zero and /proc/self/environ as packs still gets its diagnostics at once', async () => {
    const folder = path.join('/tmp', 'planlint-reads-lsp');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '.planlint.yaml'), 'packs:\n  - /dev/zero\n  - /proc/self/environ\n');
    try {
      const uri = await server.open(CLEAN_PLAN, 'zero.plan.yaml');
      const published = await server.client.diagnostics(uri, 1, 10_000);
      expect(published.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/PATH=|HOME=/);
    } finally {
      fs.rmSync(path.join(folder, '.planlint.yaml'), { force: true });
    }
  });
});
