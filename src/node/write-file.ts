import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Localized } from '../engine/index.js';

/** Why a write was not made. */
export type WriteRefusal = 'isFolder' | 'noFolder' | 'notWritable' | 'isInput' | 'changed' | 'failed';

/** What the file held when it was read: the write goes ahead only if it still holds it. */
export interface WriteExpected {
  size: number;
  mtimeMs: number;
  content: string | Uint8Array;
}

/** How to write. */
export interface WriteOptions {
  /** The file as it was read; when it changed since, the write is refused and the file left alone. */
  expected?: WriteExpected;
  /** Files this run reads: never written over, under any name (symlink or hard link). */
  inputs?: Iterable<string>;
}

/** The outcome of a write: the file actually written (a symlink's target), or why not. */
export type WriteResult = { ok: true; file: string } | { ok: false; reason: WriteRefusal; message: Localized };

const MESSAGES: Record<WriteRefusal, Localized> = {
  isFolder: { 'zh-CN': '这是一个文件夹,请给出文件名', en: 'this is a folder; give a file name' },
  noFolder: { 'zh-CN': '所在的文件夹不存在', en: 'its folder does not exist' },
  notWritable: { 'zh-CN': '没有写入权限(只读文件或文件夹),未写入', en: 'not writable (a read-only file or folder); nothing written' },
  isInput: { 'zh-CN': '这是本次检查读取的文件,不能作为输出覆盖', en: 'this file is an input of this run and is never overwritten by output' },
  changed: { 'zh-CN': '检查期间文件已被修改,为免丢失修改,未写入;请重新运行', en: 'the file changed while it was being checked; left alone so no edit is lost; run again' },
  failed: { 'zh-CN': '写入失败', en: 'the write failed' },
};

function refuse(reason: WriteRefusal, detail?: string): WriteResult {
  const m = MESSAGES[reason];
  return { ok: false, reason, message: detail ? { 'zh-CN': `${m['zh-CN']}(${detail})`, en: `${m.en} (${detail})` } : m };
}

/** Follows symlinks, dangling ones too, to the path that is really written. */
function followLinks(file: string): string | undefined {
  let at = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(at);
    } catch {
      // A missing name (or the dangling end of a link): its folder may still hold links.
      try {
        return path.join(fs.realpathSync(path.dirname(at)), path.basename(at));
      } catch {
        return at;
      }
    }
    if (!st.isSymbolicLink()) {
      try {
        return fs.realpathSync(at);
      } catch {
        return at;
      }
    }
    at = path.resolve(path.dirname(at), fs.readlinkSync(at));
  }
  return undefined;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Whether this process may write the existing file. Root passes every permission check, and a rename
 * goes around a file's own mode, so the mode is read the way an editor does: root needs some write bit
 * set (a 0444 file is protected even from root), anyone else the write bit that applies to them.
 */
function mayWrite(st: fs.Stats, file: string): boolean {
  const uid = process.getuid?.();
  if (uid === 0) return (st.mode & 0o222) !== 0;
  if (uid === st.uid && (st.mode & 0o200) === 0) return false;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function sameContent(a: Uint8Array, b: string | Uint8Array): boolean {
  // Text is compared as the read path decoded it, so a file with invalid UTF-8 still compares equal to itself.
  if (typeof b === 'string') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(a) === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

/**
 * Checks a write without making it: the folder exists, the name is no folder, no input of the run, and
 * writable. The CLI calls it before checking, so `-o` mistakes are usage errors that cost no work.
 */
export function checkOutput(file: string, inputs: Iterable<string> = []): WriteResult {
  // A device, pipe or socket (`-o /dev/stdout`, whose link names a pipe no path reaches) is written by the name given.
  const direct = statOrUndefined(file);
  if (direct && !direct.isFile() && !direct.isDirectory()) return { ok: true, file };
  const target = followLinks(file);
  if (!target) return refuse('failed', 'ELOOP');
  const st = statOrUndefined(target);
  if (st?.isDirectory()) return refuse('isFolder');
  const dir = statOrUndefined(path.dirname(target));
  if (!dir?.isDirectory()) return refuse('noFolder');
  if (st) {
    for (const input of inputs) {
      const i = statOrUndefined(input);
      if (i && i.dev === st.dev && i.ino === st.ino) return refuse('isInput');
    }
    if (st.isFile() && !mayWrite(st, target)) return refuse('notWritable');
  }
  return { ok: true, file: target };
}

/**
 * The one way planlint writes a file (fixes, reports, -o outputs, import and export). Through a symlink
 * to its target; an existing file keeps its hard links, owner, group and mode; a file that may not be
 * written, an input of the run, or a file changed since it was read is left alone. A new or singly-linked
 * file is written to a temporary file and renamed over, so a kill mid-write never leaves half a file;
 * one whose links or owner a rename would lose is written in place. Never throws.
 */
export function writeOutput(file: string, data: string | Uint8Array, options: WriteOptions = {}): WriteResult {
  const checked = checkOutput(file, options.inputs);
  if (!checked.ok) return checked;
  const target = checked.file;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const st = statOrUndefined(target);
  if (options.expected) {
    if (!st || st.size !== options.expected.size || st.mtimeMs !== options.expected.mtimeMs) return refuse('changed');
    try {
      if (!sameContent(fs.readFileSync(target), options.expected.content)) return refuse('changed');
    } catch {
      return refuse('changed');
    }
  }
  try {
    if (st && !st.isFile()) {
      // A device or a pipe (`-o /dev/stdout`): written as it is.
      writeStream(target, bytes);
      return { ok: true, file: target };
    }
    const uid = process.getuid?.() ?? -1;
    const canChown = uid === 0 || (st !== undefined && st.uid === uid && process.getgroups?.().includes(st.gid));
    if (st && (st.nlink > 1 || (!canChown && (st.uid !== uid || st.gid !== process.getgid?.())))) {
      writeInPlace(target, bytes);
    } else {
      try {
        writeByRename(target, bytes, st);
      } catch (error) {
        // A writable file in a folder that is not (no room for a temporary file): written in place.
        if (!st || (error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
        writeInPlace(target, bytes);
      }
    }
    return { ok: true, file: target };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? refuse('notWritable') : refuse('failed', code ?? 'unknown');
  }
}

/** Writes to a device or pipe; one of this process's own descriptors that cannot be opened by name (a socket) is written directly. */
function writeStream(target: string, bytes: Buffer): void {
  try {
    fs.writeFileSync(target, bytes);
  } catch (error) {
    const own = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/.exec(target);
    if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || !own) throw error;
    const fd = own[1] === 'stdout' ? 1 : own[1] === 'stderr' ? 2 : Number(own[2] ?? own[3]);
    let at = 0;
    while (at < bytes.length) {
      try {
        at += fs.writeSync(fd, bytes, at, bytes.length - at);
      } catch (e) {
        // A non-blocking socket that is full: wait for the reader.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      }
    }
  }
}

/** Overwrites the bytes of the file itself (hard links see it): the whole text first, then the length. */
function writeInPlace(target: string, bytes: Buffer): void {
  const fd = fs.openSync(target, fs.constants.O_WRONLY);
  try {
    let at = 0;
    while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at, at);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function writeByRename(target: string, bytes: Buffer, st: fs.Stats | undefined): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.planlint-${crypto.randomBytes(6).toString('hex')}.tmp`);
  // `wx`: never through a name someone else placed there.
  const fd = fs.openSync(tmp, 'wx', st ? st.mode & 0o7777 : 0o666);
  try {
    try {
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(fd, bytes, at, bytes.length - at);
      if (st) {
        // Owner first: a chown clears set-id bits, which the mode then restores.
        if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) fs.fchownSync(fd, st.uid, st.gid);
        fs.fchmodSync(fd, st.mode & 0o7777);
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
