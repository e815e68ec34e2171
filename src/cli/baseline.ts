import fs from 'node:fs';
import path from 'node:path';
import { buildPlan, checkText, compareRounds, toRows, type Config, type FindingRow, type Localized, type Plan } from '../engine/index.js';
import { readAtRevision, type GitRead } from '../node/git.js';
import { isDocument } from './documents.js';
import { checkFile, type CheckedFile } from './lint.js';

/** A file's last round: its findings and plan; none for a file the last round did not have. */
interface LastRound {
  findings: FindingRow[];
  plan?: Plan;
}

const EMPTY: LastRound = { findings: [] };

/**
 * The folder a checked file's relative path is counted from, for pairing it with its last round: the
 * folder given on the command line that holds it (the working folder when none was given).
 */
function rootOf(file: string, cwd: string, paths: string[]): string {
  const folders = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p)).filter((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());
  const holding = folders.filter((d) => !path.relative(d, file).startsWith('..')).sort((a, b) => b.length - a.length);
  return holding[0] ?? path.dirname(file);
}

/**
 * Compares each checked file with its last round, given by `--baseline`: a file or folder on disk
 * (a folder's files paired by their path relative to the folder checked), or else a git revision,
 * each file read at it with git. Marks each finding new or unchanged and sets the file's summary.
 * Returns why it could not (in both languages), for exit code 2.
 */
export async function compareWithBaseline(
  checked: CheckedFile[], baseline: string, cwd: string, paths: string[], config: Config, configDir: string,
): Promise<Localized | undefined> {
  const onDisk = path.resolve(cwd, baseline);
  const stat = fs.statSync(onDisk, { throwIfNoEntry: false });
  if (stat?.isFile() && checked.length !== 1) {
    return { 'zh-CN': `--baseline 是文件时只能与一个文件比较(本次 ${checked.length} 个);请给出上一轮的目录`, en: `a --baseline file compares one file (here ${checked.length}); give the last round's folder` };
  }
  const resolved = new Map<string, Promise<GitRead | string>>();
  for (const c of checked) {
    if (c.result.readError !== undefined) continue;
    const file = path.resolve(cwd, c.result.path);
    let last: LastRound;
    if (stat) {
      const old = stat.isFile() ? onDisk : path.join(onDisk, path.relative(rootOf(file, cwd, paths), file));
      if (!fs.existsSync(old)) last = EMPTY;
      else {
        const read = checkFile(old, cwd, config, configDir, false);
        if (read.result.readError !== undefined) return { 'zh-CN': `无法读取上一轮文件 ${read.result.path}:${read.result.readError}`, en: `cannot read the last round's ${read.result.path}: ${read.result.readError}` };
        last = { findings: read.result.findings, plan: read.plan };
      }
    } else {
      // A document's last round would be its bytes at the revision, imported again; only plan files are compared so.
      if (isDocument(file)) continue;
      const read = await readAtRevision(file, baseline, resolved);
      if (!read.ok && read.reason !== 'absent') {
        return { 'zh-CN': `${read.message['zh-CN']}(--baseline 可为上一轮的文件、目录或 git 修订版本)`, en: `${read.message.en} (--baseline takes the last round's file, folder or a git revision)` };
      }
      if (!read.ok) last = EMPTY;
      else {
        const out = checkText(read.text, { config, relativePath: path.relative(configDir, file).split(path.sep).join('/') });
        last = { findings: toRows(out.findings, out.lines), plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined) };
      }
    }
    const compared = compareRounds(last, { findings: c.result.findings, plan: c.plan });
    c.result.findings = c.result.findings.map((f, i) => ({ ...f, baselineState: compared.states[i] }));
    c.result.baseline = {
      fixed: compared.fixed.map((f) => ({ ...f, baselineState: 'absent' as const })),
      targets: compared.targets,
      tasksAdded: compared.tasksAdded,
      tasksRemoved: compared.tasksRemoved,
    };
  }
  return undefined;
}
