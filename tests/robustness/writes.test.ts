// RELIABILITY battery item 12: every write planlint makes (--fix, report -o, -f … -o) goes through one
// write path that loses nothing: links, owner, group and mode kept; read-only and inputs refused; a file
// changed since it was read left alone; a bad -o a usage message.
import { spawn, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChecked } from '../../src/node/config-files.js';
import { checkOutput, writeOutput } from '../../src/node/write-file.js';
import { CLI, expectNoCrash, runCli, tempDir, WARN_PLAN } from './cli-run.js';

const FIXED = '    lead: [区人力资源和社会保障局]   # 简称,可自动修复';
const isRoot = process.getuid?.() === 0;
let dir: string;

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  dir = tempDir('writes');
});

const put = (name: string, text = WARN_PLAN) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

describe('--fix writes through links and keeps what the file is', () => {
  it('a symlinked plan: the target is fixed and the link stays a link', () => {
    const target = put('real/warn.plan.yaml');
    fs.symlinkSync('real/warn.plan.yaml', path.join(dir, 'link.plan.yaml'));
    const r = runCli(dir, ['--fix', 'link.plan.yaml']);
    expectNoCrash(r);
    expect(fs.lstatSync(path.join(dir, 'link.plan.yaml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain(FIXED);
  });

  it('a hard-linked plan: both names see the fix, and they stay one file', () => {
    const a = put('a.plan.yaml');
    const b = path.join(dir, 'b.txt');
    fs.linkSync(a, b);
    const r = runCli(dir, ['--fix', 'a.plan.yaml']);
    expectNoCrash(r);
    expect(fs.readFileSync(b, 'utf8')).toContain(FIXED);
    expect(fs.statSync(a).ino).toBe(fs.statSync(b).ino);
    expect(fs.statSync(a).nlink).toBe(2);
  });

  it('a read-only plan (0444) is refused with exit 2 and left unchanged', () => {
    const file = put('ro.plan.yaml');
    fs.chmodSync(file, 0o444);
    const r = runCli(dir, ['--fix', 'ro.plan.yaml']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/没有写入权限.*not writable/);
    expect(fs.readFileSync(file, 'utf8')).toBe(WARN_PLAN);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it('a read-only plan is refused for its owner too, where the owner is not root', () => {
    // As root, run the CLI as `nobody` owning the file; as anyone else, the file is already the runner's own.
    const file = put('owned.plan.yaml');
    fs.chmodSync(file, 0o444);
    let r;
    if (isRoot) {
      fs.chownSync(file, 65534, 65534);
      const p = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, '--fix', 'owned.plan.yaml'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      r = { code: p.status, stdout: p.stdout, stderr: p.stderr };
    } else {
      r = runCli(dir, ['--fix', 'owned.plan.yaml']);
    }
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not writable/);
    expect(fs.readFileSync(file, 'utf8')).toBe(WARN_PLAN);
  });

  it('a writable plan in a folder that is not writable is fixed in place', () => {
    const sub = path.join(dir, 'locked');
    const file = put('locked/plan.plan.yaml');
    if (isRoot) fs.chownSync(file, 65534, 65534);
    fs.chmodSync(sub, 0o555);
    try {
      const r = isRoot
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, '--fix', 'plan.plan.yaml'], { cwd: sub, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } })
        : spawnSync(process.execPath, [CLI, '--fix', 'plan.plan.yaml'], { cwd: sub, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      expectNoCrash({ code: r.status, stdout: r.stdout, stderr: r.stderr });
      expect(fs.readFileSync(file, 'utf8')).toContain(FIXED);
    } finally {
      fs.chmodSync(sub, 0o755);
    }
  });

  it("another user's 0640 plan fixed as root keeps its owner, group and mode", () => {
    const file = put('theirs.plan.yaml');
    fs.chmodSync(file, 0o640);
    const owner = isRoot ? { uid: 12345, gid: 23456 } : { uid: fs.statSync(file).uid, gid: fs.statSync(file).gid };
    if (isRoot) fs.chownSync(file, owner.uid, owner.gid);
    const r = runCli(dir, ['--fix', 'theirs.plan.yaml']);
    expectNoCrash(r);
    const st = fs.statSync(file);
    expect({ uid: st.uid, gid: st.gid, mode: st.mode & 0o7777 }).toEqual({ ...owner, mode: 0o640 });
    expect(fs.readFileSync(file, 'utf8')).toContain(FIXED);
  });
});

describe('outputs never overwrite an input', () => {
  it('report -o onto the plan it reads is refused, exit 2, the plan unchanged', () => {
    const file = put('plan.plan.yaml');
    const r = runCli(dir, ['report', '-o', 'plan.plan.yaml', 'plan.plan.yaml']);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/本次检查读取的文件.*input of this run/);
    expect(fs.readFileSync(file, 'utf8')).toBe(WARN_PLAN);
  });

  it('-f json -o onto an input, by its own name or by a hard link, is refused', () => {
    const file = put('plan.plan.yaml');
    fs.linkSync(file, path.join(dir, 'other-name.json'));
    for (const out of ['plan.plan.yaml', 'other-name.json']) {
      const r = runCli(dir, ['-f', 'json', '-o', out, 'plan.plan.yaml']);
      expectNoCrash(r);
      expect(r.code, out).toBe(2);
      expect(fs.readFileSync(file, 'utf8')).toBe(WARN_PLAN);
    }
  });
});

describe('a file changed since it was read is left alone', () => {
  it('an edit saved between the read and the write is kept, and the write refused', () => {
    const file = put('busy.plan.yaml');
    const read = readChecked(file);
    fs.writeFileSync(file, `${WARN_PLAN}# 起草人刚保存的修改\n`);
    const result = writeOutput(file, 'fixed text', { expected: { size: read.size, mtimeMs: read.mtimeMs, content: read.text } });
    expect(result).toMatchObject({ ok: false, reason: 'changed' });
    expect(fs.readFileSync(file, 'utf8')).toContain('# 起草人刚保存的修改');
  });

  it('an edit of the same size with the mtime put back is still seen, by the content', () => {
    const file = put('same-size.plan.yaml');
    const read = readChecked(file);
    fs.writeFileSync(file, WARN_PLAN.replace('区财政局', '区教育局'));
    fs.utimesSync(file, new Date(read.mtimeMs), new Date(read.mtimeMs));
    const result = writeOutput(file, 'fixed text', { expected: { size: read.size, mtimeMs: fs.statSync(file).mtimeMs, content: read.text } });
    expect(result).toMatchObject({ ok: false, reason: 'changed' });
    expect(fs.readFileSync(file, 'utf8')).toContain('区教育局');
  });

  it('an unchanged file is written, with no temporary file left beside it', () => {
    const file = put('calm.plan.yaml');
    const read = readChecked(file);
    expect(writeOutput(file, 'fixed text\n', { expected: { size: read.size, mtimeMs: read.mtimeMs, content: read.text } })).toMatchObject({ ok: true });
    expect(fs.readFileSync(file, 'utf8')).toBe('fixed text\n');
    expect(fs.readdirSync(dir)).toEqual(['calm.plan.yaml']);
  });
});

describe('-o on a device or a pipe', () => {
  it('-o /dev/stdout (a pipe here) and -o /dev/null are written as they are', () => {
    put('plan.plan.yaml');
    const r = runCli(dir, ['-f', 'json', '-o', '/dev/stdout', 'plan.plan.yaml']);
    expectNoCrash(r);
    expect((JSON.parse(r.stdout) as { filePath: string }[])[0].filePath).toBe('plan.plan.yaml');
    expect(runCli(dir, ['-f', 'json', '-o', '/dev/null', 'plan.plan.yaml'])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('-o on a folder or in a missing folder', () => {
  it('is a usage message with exit 2, never an internal error', () => {
    put('plan.plan.yaml');
    fs.mkdirSync(path.join(dir, 'out'));
    const folder = runCli(dir, ['-f', 'json', '-o', 'out', 'plan.plan.yaml']);
    expectNoCrash(folder);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/文件夹.*folder/);
    for (const args of [['-f', 'json', '-o', 'missing/x.json'], ['report', '-o', 'missing/r.html'], ['report', '-o', 'out']]) {
      const r = runCli(dir, [...args, 'plan.plan.yaml']);
      expectNoCrash(r);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(checkOutput(path.join(dir, 'missing', 'x.json'))).toMatchObject({ ok: false, reason: 'noFolder' });
  });
});

describe('a kill mid-write', () => {
  it('never leaves a half-written file: the target holds the old text or the new, whole', async () => {
    // The write path alone, bundled for a child process that is killed while it writes 64 MB
    // (a plain fs.writeFileSync killed the same way leaves 4 to 27 MB of it).
    const bundle = path.join(dir, 'writer.cjs');
    buildSync({ entryPoints: [path.resolve(__dirname, '../../src/node/write-file.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
    const target = path.join(dir, 'big.plan.yaml');
    const old = 'old plan\n';
    const size = 64 * 1024 * 1024;
    const script = `const d = Buffer.alloc(${size}, 120); process.stdout.write('go'); require(${JSON.stringify(bundle)}).writeOutput(${JSON.stringify(target)}, d)`;
    for (const delay of [0, 5, 20, 60]) {
      fs.writeFileSync(target, old);
      const child = spawn(process.execPath, ['-e', script]);
      await new Promise((resolve) => child.stdout.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const now = fs.statSync(target).size;
      expect(now === old.length || now === size, `killed ${delay} ms into the write: ${now} bytes`).toBe(true);
    }
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))) fs.rmSync(path.join(dir, f));
  }, 30_000);
});
