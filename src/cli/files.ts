export { readText } from '../node/config-files.js';
import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { isPlanFile } from '../engine/index.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.cache']);

/** A path as the output shows it: relative to the working folder, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(path.join(dir, e.name), out);
    } else if (e.isFile() && isPlanFile(e.name)) {
      out.push(path.join(dir, e.name));
    }
  }
}

/** What the given paths and globs name: files as given, folders searched for plan files. */
export function findFiles(cwd: string, patterns: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of patterns.length > 0 ? patterns : ['.']) {
    const full = path.resolve(cwd, p);
    if (fs.existsSync(full)) {
      if (fs.statSync(full).isDirectory()) walk(full, files);
      else files.push(full);
      continue;
    }
    if (/[*?[{]/.test(p)) {
      // A glob the shell did not expand: match it against the plan files under the working folder.
      const all: string[] = [];
      walk(cwd, all);
      const matched = all.filter((f) => minimatch(displayPath(cwd, f), p, { dot: true }));
      if (matched.length > 0) files.push(...matched);
      else missing.push(p);
      continue;
    }
    missing.push(p);
  }
  return { files: [...new Set(files)], missing };
}

/** Replaces a file's contents atomically: a crash mid-write never leaves half a plan. */
export function writeAtomic(file: string, text: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.planlint-${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  try {
    const mode = fs.statSync(file).mode;
    fs.chmodSync(tmp, mode);
  } catch {
    // A new file keeps the default mode.
  }
  fs.renameSync(tmp, file);
}
