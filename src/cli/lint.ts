import path from 'node:path';
import { buildPlan, checkOversized, checkText, fixAll, sumTolerance, toRows, unitSpellings, type Config, type FileResult, type Plan } from '../engine/index.js';
import { ReadError, readChecked } from '../node/config-files.js';
import { isDocument, lintDocument } from './documents.js';
import { displayPath } from './files.js';

/** A checked file with what the review report shows beside its findings: the plan as the check read it. */
export interface CheckedFile {
  result: FileResult;
  plan?: Plan;
  /** The tolerance the yearly-sum rule applied to this file. */
  tolerance: number;
}

/** Checks one file; with `fix`, applies safe fixes and reports what remains. */
export function lintFile(file: string, cwd: string, config: Config, configDir: string, fix: boolean): FileResult {
  return checkFile(file, cwd, config, configDir, fix).result;
}

/** Checks one file and keeps the plan it read, so that the report neither reads nor parses it again. */
export function checkFile(file: string, cwd: string, config: Config, configDir: string, fix: boolean): CheckedFile {
  const shown = displayPath(cwd, file);
  const relativePath = path.relative(configDir, file).split(path.sep).join('/');
  const tolerance = sumTolerance(config, relativePath);
  // A draft (.docx, .txt, .md) is checked through its import; it has no text of its own to fix.
  if (isDocument(file)) return lintDocument(file, shown, config, relativePath, tolerance);
  const options = { config, relativePath };
  let text: string;
  let readStat: { size: number; mtimeMs: number };
  try {
    const read = readChecked(file);
    text = read.text;
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
    const fixed = fixAll(text, options);
    const out = fixed.output;
    return {
      result: {
        path: shown,
        findings: toRows(out.findings, out.lines),
        ...(fixed.text !== text ? { fixed: fixed.text, original: text, fixesApplied: fixed.applied, readStat } : {}),
        ...(fixed.stopped ? { fixStopped: fixed.stopped } : {}),
        ...spellings(out, config),
      },
      plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined),
      tolerance,
    };
  }
  const out = checkText(text, options);
  return { result: { path: shown, findings: toRows(out.findings, out.lines), ...spellings(out, config) }, plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined), tolerance };
}

/** The file's unit spellings, when a register is configured: the check across files compares them. */
function spellings(out: Parameters<typeof unitSpellings>[0], config: Config): { unitSpellings?: ReturnType<typeof unitSpellings> } {
  const list = unitSpellings(out, config);
  return list.length > 0 ? { unitSpellings: list } : {};
}
