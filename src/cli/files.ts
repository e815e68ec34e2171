export { readText } from '../node/config-files.js';
import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { isPlanFile } from '../engine/index.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.cache']);
/** Folders of examples and tests, skipped by a folder walk as ESLint skips node_modules: rarely plans to check. */
const DEFAULT_IGNORED_DIRS = new Set(['fixtures', 'test', 'tests', '__tests__']);

/** Ignore globs (from .planlintignore or a config's `ignores`) and the folder they are relative to. */
export interface IgnoreList {
  base: string;
  patterns: string[];
}

/** Reads .planlintignore's lines: globs as in .gitignore (no negation), `#` comments and blank lines skipped. */
export function readIgnoreFile(file: string): IgnoreList | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const patterns = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  return { base: path.dirname(file), patterns };
}

function isIgnored(full: string, lists: readonly IgnoreList[]): boolean {
  for (const list of lists) {
    const rel = path.relative(list.base, full).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
    for (const raw of list.patterns) {
      const p = raw.replace(/^\//, '').replace(/\/$/, '');
      const opts = { dot: true, matchBase: !p.includes('/') };
      if (minimatch(rel, p, opts) || minimatch(rel, `${p}/**`, opts)) return true;
    }
  }
  return false;
}

/** A path as the output shows it: relative to the working folder, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

/** A file or folder the walk found and could not read: reported, never skipped in silence. */
export interface Unread {
  file: string;
  error: string;
}

interface Walk {
  files: string[];
  unread: Unread[];
  /** Real paths of the folders walked, so a symlinked folder that loops is walked once. */
  seen: Set<string>;
  /** The real path of the folder the walk started from: a symlinked folder is followed only inside it. */
  root?: string;
  /** What the walk skips beyond node_modules and the like; never a file or folder named on the command line. */
  ignores: readonly IgnoreList[];
  /** Whether fixtures and test folders are skipped (a folder walk, not a glob). */
  skipTests: boolean;
}

const UNREADABLE_DIR = '无法读取此文件夹(没有权限),其中的计划未检查 / this folder cannot be read (permission denied); the plans in it were not checked';
const DANGLING = '符号链接指向的文件不存在,未检查 / the symlink points to nothing; not checked';

function walk(dir: string, w: Walk): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    w.unread.push({ file: dir, error: UNREADABLE_DIR });
    return;
  }
  if (w.seen.has(real)) return;
  // A symlinked folder leading out of the walked folder (`root -> /`) is not walked: it is not this project.
  if (w.root === undefined) w.root = real;
  else if (path.relative(w.root, real).startsWith('..') || path.isAbsolute(path.relative(w.root, real))) return;
  w.seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    w.unread.push({ file: dir, error: UNREADABLE_DIR });
    return;
  }
  const skipDir = (name: string, full: string) => SKIP_DIRS.has(name) || (w.skipTests && DEFAULT_IGNORED_DIRS.has(name)) || isIgnored(full, w.ignores);
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (!e.isDirectory() && !e.isSymbolicLink() && isPlanFile(e.name) && isIgnored(full, w.ignores)) continue;
    if (e.isSymbolicLink()) {
      // Followed like the file or folder it names; a loop is cut by the set of real folders walked.
      let st: fs.Stats;
      try {
        st = fs.statSync(full);
      } catch {
        if (isPlanFile(e.name)) w.unread.push({ file: full, error: DANGLING });
        continue;
      }
      if (st.isDirectory()) {
        if (!skipDir(e.name, full)) walk(full, w);
      } else if (isPlanFile(e.name) && !isIgnored(full, w.ignores)) {
        w.files.push(full);
      }
    } else if (e.isDirectory()) {
      if (!skipDir(e.name, full)) walk(full, w);
    } else if (isPlanFile(e.name)) {
      // Regular files, and devices or pipes named as plans: the read path refuses those with a reason.
      w.files.push(full);
    }
  }
}

/** What the given paths and globs name: files as given, folders searched for plan files; what could not be read. */
export function findFiles(cwd: string, patterns: string[], ignores: readonly IgnoreList[] = []): { files: string[]; missing: string[]; unread: Unread[] } {
  const w: Walk = { files: [], unread: [], seen: new Set(), ignores, skipTests: true };
  const missing: string[] = [];
  for (const p of patterns.length > 0 ? patterns : ['.']) {
    const full = path.resolve(cwd, p);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(full);
    } catch {
      st = undefined;
    }
    if (st) {
      if (st.isDirectory()) {
        w.root = undefined;
        walk(full, w);
      }
      else w.files.push(full);
      continue;
    }
    if (/[*?[{]/.test(p)) {
      // A glob the shell did not expand: match it against the plan files under the working folder.
      // A glob says what it wants: fixtures and test folders it names are matched; the ignore files still hold.
      const all: Walk = { files: [], unread: [], seen: new Set(), ignores, skipTests: false };
      walk(cwd, all);
      const matched = all.files.filter((f) => minimatch(displayPath(cwd, f), p, { dot: true }));
      if (matched.length > 0) for (const f of matched) w.files.push(f);
      else missing.push(p);
      continue;
    }
    missing.push(p);
  }
  return { files: uniqueByTarget(w.files), missing, unread: w.unread };
}

/** One entry per file: a plan reached by two names (a symlink and its target) is checked, and fixed, once. */
function uniqueByTarget(files: string[]): string[] {
  const seen = new Set<string>();
  return files.filter((f) => {
    let key = f;
    try {
      key = fs.realpathSync(f);
    } catch {
      // Unresolvable: the read reports it.
    }
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
