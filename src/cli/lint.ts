import path from 'node:path';
import {
  applyEdits, buildPlan, checkOversized, checkText, fixAll, fixToEdits, nonOverlapping, sumTolerance, toRows, unitSpellings, type CheckOptions, type Config, type FileResult, type FileSpellings, type Plan, type SourceDoc, type TextEdit,
} from '../engine/index.js';
import { ReadError, readChecked } from '../node/config-files.js';
import { sameFindingKey } from '../report/model.js';
import { isDocument, lintDocument } from './documents.js';
import { displayPath } from './files.js';

/** A checked file with what the review report shows beside its findings: the plan as the check read it. */
export interface CheckedFile {
  result: FileResult;
  plan?: Plan;
  /** The tolerance the yearly-sum rule applied to this file. */
  tolerance: number;
  /** The text the check read (a plan file's), so a comparison with its last round does not read it again. */
  text?: string;
  /** The bytes that text was decoded from: a last round of the same bytes is given the text without decoding them. */
  bytes?: Buffer;
  /** The reading of that text: a last round that differs by an edit is read from it, re-reading only what the edit touched. */
  source?: SourceDoc;
}

/** `--fix-suggestion`: per rule id, which of its findings' suggestions to apply (1-based). */
export type SuggestionPicks = Readonly<Record<string, number>>;

/** Checks one file; with `fix`, applies safe fixes (and the picked suggestions) and reports what remains. */
export function lintFile(file: string, cwd: string, config: Config, configDir: string, fix: boolean, picks: SuggestionPicks = {}): FileResult {
  return checkFile(file, cwd, config, configDir, fix, picks).result;
}

/**
 * Applies, in one pass, the picked suggestion of every finding of a picked rule (a suggestion is a
 * choice among several, so it is never re-applied to what it uncovers); overlapping ones wait.
 */
function applySuggestions(text: string, options: CheckOptions, picks: SuggestionPicks): { text: string; applied: number } {
  if (Object.keys(picks).length === 0) return { text, applied: 0 };
  const out = checkText(text, options);
  if (!out.source) return { text, applied: 0 };
  const candidates: TextEdit[][] = [];
  for (const f of out.findings) {
    const n = picks[f.ruleId];
    const s = n === undefined ? undefined : f.suggestions?.[n - 1];
    const e = s && fixToEdits(out.source, s);
    if (e) candidates.push(e);
  }
  const taken = nonOverlapping(candidates);
  const edits: TextEdit[] = [];
  let applied = 0;
  candidates.forEach((e, i) => {
    if (!taken[i]) return;
    for (const edit of e) edits.push(edit);
    applied++;
  });
  return applied === 0 ? { text, applied } : { text: applyEdits(text, edits), applied };
}

/** Checks one file and keeps the plan it read, so that the report neither reads nor parses it again. */
export function checkFile(file: string, cwd: string, config: Config, configDir: string, fix: boolean, picks: SuggestionPicks = {}): CheckedFile {
  const checked = checkPlanFile(file, cwd, config, configDir, fix, picks);
  // Marked here, where the plan is at hand: rows cross worker threads, the plan does not.
  const plan = checked.plan;
  if (plan) {
    if (plan.form !== 'plan') checked.result.form = plan.form;
    for (const f of checked.result.findings) {
      const key = sameFindingKey(plan, f);
      if (key !== undefined) f.sameAs = key;
    }
  }
  return checked;
}

function checkPlanFile(file: string, cwd: string, config: Config, configDir: string, fix: boolean, picks: SuggestionPicks): CheckedFile {
  const shown = displayPath(cwd, file);
  const relativePath = path.relative(configDir, file).split(path.sep).join('/');
  const tolerance = sumTolerance(config, relativePath);
  // A draft (.docx, .txt, .md) is checked through its import; it has no text of its own to fix.
  if (isDocument(file)) return lintDocument(file, shown, config, relativePath, tolerance);
  const options = { config, relativePath };
  let text: string;
  let bytes: Buffer;
  let readStat: { size: number; mtimeMs: number };
  try {
    const read = readChecked(file);
    ({ text, bytes } = read);
    readStat = { size: read.size, mtimeMs: read.mtimeMs };
  } catch (error) {
    if (error instanceof ReadError && error.refusal.reason === 'tooLarge') {
      // Over the cap by its size alone: the "file too large" finding, without reading a byte.
      const out = checkOversized(error.refusal.size ?? 0, options);
      return { result: { path: shown, findings: toRows(out.findings, out.lines) }, tolerance };
    }
    return { result: { path: shown, findings: [], readError: error instanceof Error ? error.message : String(error) }, tolerance };
  }
  if (fix) {
    const suggested = applySuggestions(text, options, picks);
    const fixed = fixAll(suggested.text, options);
    const out = fixed.output;
    return {
      result: {
        path: shown,
        findings: toRows(out.findings, out.lines, out.source),
        ...(fixed.text !== text ? { fixed: fixed.text, original: text, fixesApplied: fixed.applied + suggested.applied, readStat } : {}),
        ...(fixed.stopped ? { fixStopped: fixed.stopped } : {}),
        ...spellings(out, config, relativePath),
      },
      plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined),
      tolerance,
    };
  }
  const out = checkText(text, options);
  return { result: { path: shown, findings: toRows(out.findings, out.lines, out.source), ...spellings(out, config, relativePath) }, plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined), tolerance, text, bytes, ...(out.source ? { source: out.source } : {}) };
}

/** The file's unit spellings, when a register is configured: the check across files compares them. */
function spellings(out: Parameters<typeof unitSpellings>[0], config: Config, relativePath: string): { unitSpellings?: FileSpellings } {
  const own = unitSpellings(out, config, relativePath);
  return own ? { unitSpellings: own } : {};
}
