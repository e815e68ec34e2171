import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Localized } from '../engine/index.js';

/** A file's text at a git revision, or why git could not give it. */
export type GitRead =
  | { ok: true; text: string }
  /** A document's bytes (a .docx is a zip: never decoded as text). */
  | { ok: true; bytes: Uint8Array }
  /** The file is not in that revision (a file added since): its last round is empty. */
  | { ok: false; reason: 'absent' }
  | { ok: false; reason: 'noGit' | 'noRepo' | 'unknownRevision'; message: Localized };

/** What git said, run as itself (no shell), with no configured helper able to run: no fsmonitor, no pager, no prompt. */
function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; missing?: boolean }> {
  return gitBuffer(cwd, args).then((r) => ({ ...r, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') }));
}

/** The same, its output as bytes: what a binary file is read with. */
function gitBuffer(cwd: string, args: string[]): Promise<{ code: number; stdout: Buffer; stderr: Buffer; missing?: boolean }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.fsmonitor=false', '--no-pager', ...args],
      { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, missing: (error as NodeJS.ErrnoException | null)?.code === 'ENOENT' });
      },
    );
  });
}

/**
 * The text of `file` at `revision` (HEAD, HEAD~1, a tag, a commit), read with `git show` from the
 * file's own folder, so that the repository is the one the file is in. Never runs the repository's code.
 * `resolved` keeps the commit found per folder, for a run that reads many files at one moment;
 * `binary` gives the bytes (a document's), not text.
 */
export async function readAtRevision(file: string, revision: string, resolved?: Map<string, Promise<GitRead | string>>, binary = false): Promise<GitRead> {
  const dir = path.dirname(file);
  // A run over many files of one folder asks git which commit the revision is once per folder.
  let commit = resolved?.get(dir);
  if (!commit) {
    commit = resolveCommit(dir, revision);
    resolved?.set(dir, commit);
  }
  const at = await commit;
  if (typeof at !== 'string') return at;
  const shown = await gitBuffer(dir, ['show', '--no-textconv', `${at}:./${path.basename(file)}`]);
  if (shown.code !== 0) return { ok: false, reason: 'absent' };
  // A document is its bytes, as stored: decoding a zip as UTF-8 would replace what is not text.
  return binary ? { ok: true, bytes: new Uint8Array(shown.stdout.buffer, shown.stdout.byteOffset, shown.stdout.byteLength) } : { ok: true, text: shown.stdout.toString('utf8') };
}

/** The commit `revision` names, seen from `dir`; or why there is none. */
async function resolveCommit(dir: string, revision: string): Promise<GitRead | string> {
  // A revision that starts with "-" would be read by git as an option.
  if (revision.startsWith('-') || revision.includes('\0')) return { ok: false, reason: 'unknownRevision', message: unknownRevision(revision) };
  const top = await git(dir, ['rev-parse', '--show-toplevel']);
  if (top.missing) return { ok: false, reason: 'noGit', message: { 'zh-CN': '找不到 git 命令,无法读取修订版本', en: 'git was not found: cannot read a revision' } };
  if (top.code !== 0) {
    return { ok: false, reason: 'noRepo', message: { 'zh-CN': `${dir} 不在 git 仓库中,无法读取修订版本 ${revision}`, en: `${dir} is not in a git repository: cannot read revision ${revision}` } };
  }
  const commit = await git(dir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  if (commit.code !== 0) return { ok: false, reason: 'unknownRevision', message: unknownRevision(revision) };
  return commit.stdout.trim();
}

function unknownRevision(revision: string): Localized {
  return { 'zh-CN': `未知的 git 修订版本:${revision}`, en: `unknown git revision: ${revision}` };
}
