import fs from 'node:fs';
import path from 'node:path';
import { buildPlan, checkText, compareRounds, toRows, unitSpellings, type Config, type FileResult, type FileSpellings, type Finding, type FindingRow, type Localized, type Plan, type SourceDoc } from '../engine/index.js';
import { ReadError, readChecked } from '../node/config-files.js';
import { readAtRevision, type GitRead } from '../node/git.js';
import { readFileBounded } from '../node/read-file.js';
import { checkDocumentBytes, isDocument } from './documents.js';
import { checkFile, type CheckedFile } from './lint.js';

/**
 * Where a file's last round is, as plain data (it crosses to the worker threads): a file on disk,
 * a text read from git, a document's bytes read from git, none (the last round did not have the
 * file), or `skip` (not compared).
 */
export type LastRoundSource = { file: string } | { text: string } | { bytes: Uint8Array } | { none: true } | { skip: true };

/**
 * A file's last round: its findings and plan, and its unit spellings for the check across files. The
 * findings as rows, or (checked from a text) as the engine's findings with their fixes not made yet:
 * `rows` makes the rows of the ones the new round fixed, the only ones shown.
 */
type LastRound = { plan?: Plan; spellings?: FileSpellings } & ({ findings: FindingRow[] } | { findings: Finding[]; rows: (fixed: Finding[]) => FindingRow[] });

/**
 * The folder a checked file's relative path is counted from, for pairing it with its last round: the
 * folder given on the command line that holds it (the working folder when none was given).
 */
function rootOf(file: string, folders: string[]): string {
  const holding = folders.filter((d) => !path.relative(d, file).startsWith('..')).sort((a, b) => b.length - a.length);
  return holding[0] ?? path.dirname(file);
}

/**
 * Finds each file's last round, given by `--baseline`: a file or folder on disk (a folder's files
 * paired by their path relative to the folder checked), or else a git revision, each file read at it
 * with git. Returns why it could not (in both languages), for exit code 2.
 */
export async function findLastRounds(files: string[], baseline: string, cwd: string, paths: string[]): Promise<LastRoundSource[] | Localized> {
  const onDisk = path.resolve(cwd, baseline);
  const stat = fs.statSync(onDisk, { throwIfNoEntry: false });
  if (stat?.isFile()) {
    if (files.length === 1) return [{ file: onDisk }];
    return { 'zh-CN': `--baseline 是文件时只能与一个文件比较(本次 ${files.length} 个);请给出上一轮的目录`, en: `a --baseline file compares one file (here ${files.length}); give the last round's folder` };
  }
  if (stat) {
    const folders = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p)).filter((p) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());
    return files.map((file) => {
      const old = path.join(onDisk, path.relative(rootOf(file, folders), file));
      return fs.existsSync(old) ? { file: old } : { none: true };
    });
  }
  const resolved = new Map<string, Promise<GitRead | string>>();
  const out: LastRoundSource[] = [];
  // A few git processes at a time: each is mostly waiting on the disk.
  // A document (.docx) is read as bytes, and imported as this round's is.
  const reads = files.map((file) => () => readAtRevision(file, baseline, resolved, isDocument(file)));
  const results = new Array<GitRead | undefined>(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < reads.length) {
      const i = next++;
      results[i] = await reads[i]?.();
    }
  }));
  for (const read of results) {
    if (read === undefined) out.push({ skip: true });
    else if (read.ok) out.push('bytes' in read ? { bytes: read.bytes } : { text: read.text });
    else if (read.reason === 'absent') out.push({ none: true });
    else return { 'zh-CN': `${read.message['zh-CN']}(--baseline 可为上一轮的文件、目录或 git 修订版本)`, en: `${read.message.en} (--baseline takes the last round's file, folder or a git revision)` };
  }
  return out;
}

/**
 * The text of a plan file, or undefined for a document or a file that cannot be read (its check says
 * why); given the same bytes as `known` (this round's), their text without decoding them again.
 */
function planText(file: string, known?: { bytes: Buffer; text: string }): string | undefined {
  if (isDocument(file)) return undefined;
  try {
    return readChecked(file, known ? { known } : undefined).text;
  } catch (error) {
    if (error instanceof ReadError) return undefined;
    throw error;
  }
}

/**
 * The last round's check, made as this round's is (the same config and per-file overrides, by this
 * round's path); `same` when its text is this round's, whose findings are then the same ones.
 */
function readLastRound(source: LastRoundSource, file: string, cwd: string, config: Config, configDir: string, sameMeansSame: boolean, current?: { text: string; bytes?: Buffer }, previous?: SourceDoc): LastRound | 'same' | { error: string } {
  if ('none' in source || 'skip' in source) return { findings: [] };
  if ('bytes' in source) return documentLastRound(source.bytes, file, cwd, config, configDir, sameMeansSame);
  // A last round of this round's bytes (most files of a second round) is not decoded again: the comparison below is then of one string with itself.
  const text = 'text' in source ? source.text : planText(source.file, current?.bytes && { bytes: current.bytes, text: current.text });
  if (text === undefined && 'file' in source) {
    const read = checkFile(source.file, cwd, config, configDir, false);
    if (read.result.readError !== undefined) return { error: `${read.result.path}: ${read.result.readError}` };
    return { findings: read.result.findings, plan: read.plan, ...(read.result.unitSpellings ? { spellings: read.result.unitSpellings } : {}) };
  }
  if (text === undefined) return { findings: [] };
  // The text this round's check read, when it kept it: a second read of each file costs a tenth of the run.
  if (sameMeansSame && text === (current?.text ?? planText(file))) return 'same';
  // Read from this round's reading: a round differs from the last by a few edits, and only the mappings they fall in are read again.
  const relativePath = path.relative(configDir, file).split(path.sep).join('/');
  // Its fixes deferred: matching needs a finding's rule, path and message; only the fixed ones are shown, with their fixes.
  const out = checkText(text, { config, relativePath, deferFixes: true, ...(previous ? { previous } : {}) });
  const spellings = unitSpellings(out, config, relativePath);
  const rows = (fixed: Finding[]) => {
    out.completeFixes?.(fixed);
    return toRows(fixed, out.lines);
  };
  return { findings: out.findings, rows, plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined), ...(spellings ? { spellings } : {}) };
}

/** A document's last round from its bytes (read from git): imported and checked as this round's; `same` when the bytes are. */
function documentLastRound(bytes: Uint8Array, file: string, cwd: string, config: Config, configDir: string, sameMeansSame: boolean): LastRound | 'same' | { error: string } {
  if (sameMeansSame) {
    const now = readFileBounded(file);
    if (now.ok && Buffer.from(now.bytes).equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) return 'same';
  }
  const relativePath = path.relative(configDir, file).split(path.sep).join('/');
  const read = checkDocumentBytes(bytes, file, path.relative(cwd, file), config, relativePath, 0);
  // As for a last round on disk: one that does not import is said so, this round's findings unmarked.
  if (read.result.readError !== undefined) return { error: `${read.result.path}: ${read.result.readError}` };
  return { findings: read.result.findings, plan: read.plan };
}

/** Compares this round's findings with the last round's; the last round's fixed ones as rows. */
function compareLast(last: LastRound, findings: FindingRow[], plan: Plan | undefined) {
  const next = { findings, plan };
  if (!('rows' in last)) return compareRounds<FindingRow>(last, next);
  const compared = compareRounds<FindingRow | Finding>(last, next);
  return { ...compared, fixed: last.rows(compared.fixed as Finding[]) };
}

/** Marks a checked file's findings new or unchanged against its last round and sets its summary. */
export function compareWithLastRound(c: CheckedFile, source: LastRoundSource, cwd: string, config: Config, configDir: string): FileResult {
  const r = c.result;
  if (r.readError !== undefined || 'skip' in source) return r;
  // After --fix the findings are the fixed text's: an unchanged file is compared in full then.
  const last = readLastRound(source, path.resolve(cwd, r.path), cwd, config, configDir, r.fixed === undefined, c.text === undefined ? undefined : { text: c.text, bytes: c.bytes }, c.source);
  // The last round could not be read: this round's findings show, unmarked, with the reason as its read error.
  if (last !== 'same' && 'error' in last) return { ...r, readError: `上一轮无法读取 / the last round cannot be read: ${last.error}` };
  // An unchanged file (most of a second round) has the same findings: none new, none fixed, nothing changed.
  const compared = last === 'same'
    ? { states: r.findings.map(() => 'unchanged' as const), fixed: [], targets: [], tasksAdded: [], tasksRemoved: [] }
    : compareLast(last, r.findings, c.plan);
  r.findings = r.findings.map((f, i) => ({ ...f, baselineState: compared.states[i] }));
  // The same text has the same spellings; the check across files compares the last round's over the run.
  const lastSpellings = last === 'same' ? r.unitSpellings : last.spellings;
  if (lastSpellings) r.lastUnitSpellings = lastSpellings;
  r.baseline = {
    fixed: compared.fixed.map((f) => ({ ...f, baselineState: 'absent' as const })),
    targets: compared.targets,
    tasksAdded: compared.tasksAdded,
    tasksRemoved: compared.tasksRemoved,
  };
  return r;
}
