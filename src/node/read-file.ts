import fs from 'node:fs';
import path from 'node:path';
import type { Localized } from '../engine/index.js';

/** Why a file was not read. */
export type ReadRefusal = 'missing' | 'notRegular' | 'tooLarge' | 'outside' | 'unreadable';

/** A file read whole, with what a later write compares against. */
export interface ReadOk {
  ok: true;
  text: string;
  /** The bytes as read, so a write can tell whether the file changed since. */
  bytes: Buffer;
  size: number;
  mtimeMs: number;
}

/** A file not read: why, in both languages, and never a byte of the file itself. */
export interface ReadRefused {
  ok: false;
  reason: ReadRefusal;
  /** The size the file claimed, for a file over the cap. */
  size?: number;
  message: Localized;
}

/** How far a read may go. */
export interface ReadLimits {
  /** Bytes; a file that claims more, or yields more, is refused before (or while) it is read. */
  maxBytes?: number;
  /** A folder the file must resolve inside, after every symlink (a pack named by a config). */
  within?: string;
  /** Bytes read before with their text (this round's file, for its last round): the same bytes are given that text, not decoded again. */
  known?: { bytes: Buffer; text: string };
}

/** Enough for the engine's 32 M-character cap in any UTF-8 text (a character is at most 3 bytes per UTF-16 unit). */
const DEFAULT_MAX_BYTES = 96 * 1024 * 1024;

const CHUNK = 1024 * 1024;

/** One decoder for every read (a whole decode keeps no state between calls). A BOM is kept, so offsets and fixes keep it too. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function refused(reason: ReadRefusal, file: string, size?: number): ReadRefused {
  const name = path.basename(file);
  const message: Record<ReadRefusal, Localized> = {
    missing: { 'zh-CN': `找不到文件 ${name}`, en: `${name} does not exist` },
    notRegular: { 'zh-CN': `${name} 不是普通文件(设备、管道或文件夹),未读取`, en: `${name} is not a regular file (a device, a pipe or a folder); not read` },
    tooLarge: { 'zh-CN': `${name} 超过大小上限,未读取`, en: `${name} is over the size limit; not read` },
    outside: { 'zh-CN': `${name} 在配置所在的仓库之外(绝对路径、“..”或指向外部的符号链接),未读取`, en: `${name} is outside the configuration's repository (an absolute path, “..” or a symlink out); not read` },
    unreadable: { 'zh-CN': `无法读取 ${name}(没有权限)`, en: `${name} cannot be read (permission denied)` },
  };
  return { ok: false, reason, ...(size !== undefined ? { size } : {}), message: message[reason] };
}

/** Whether `file` is `root` or inside it, both already real paths. */
function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The folder whose files a configuration may name: the nearest folder holding `.git` at or above the
 * config's folder, or the config's folder when there is none.
 */
export function repositoryRoot(configDir: string): string {
  for (let dir = path.resolve(configDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(configDir);
  }
}

/**
 * Resolves a path a configuration names, relative to its folder, refusing anything that leaves `root`:
 * an absolute path, a `..` segment, or a symlink whose target is outside.
 */
export function resolveNamed(dir: string, named: string, root: string): { file: string } | ReadRefused {
  const segments = named.split(/[\\/]/);
  if (path.isAbsolute(named) || /^[a-zA-Z]:/.test(named) || segments.includes('..')) return refused('outside', named);
  const file = path.resolve(dir, named);
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    real = fs.realpathSync(file);
  } catch {
    return refused('missing', named);
  }
  return inside(realRoot, real) ? { file: real } : refused('outside', named);
}

/**
 * The one way planlint reads a file (plans, config, packs, documents): regular files only, judged on
 * the opened descriptor (opened non-blocking, so a FIFO never holds the open); the size cap applied
 * before reading and again while reading (files in /proc claim size 0). Never throws.
 */
export function readFileBounded(file: string, limits: ReadLimits = {}): ReadOk | ReadRefused {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  if (limits.within !== undefined) {
    try {
      if (!inside(fs.realpathSync(limits.within), fs.realpathSync(file))) return refused('outside', file);
    } catch {
      return refused('missing', file);
    }
  }
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refused(code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? 'missing' : code === 'ENXIO' ? 'notRegular' : 'unreadable', file);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return refused('notRegular', file);
    if (stat.size > maxBytes) return refused('tooLarge', file, stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read sized to the file (and a byte more, to see it end), so a plan takes one read, not a megabyte's buffer.
    let want = Math.min(stat.size > 0 ? stat.size + 1 : CHUNK, maxBytes + 1);
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      want = CHUNK;
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return refused('tooLarge', file, total);
    }
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    const text = limits.known && bytes.equals(limits.known.bytes) ? limits.known.text : UTF8.decode(bytes);
    return { ok: true, text, bytes, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refused(code === 'EISDIR' ? 'notRegular' : 'unreadable', file);
  } finally {
    fs.closeSync(fd);
  }
}
