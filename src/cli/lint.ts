import path from 'node:path';
import { buildPlan, checkText, fixAll, sumTolerance, toRows, type Config, type FileResult, type Plan } from '../engine/index.js';
import { lintDocument, isDocument } from './documents.js';
import { displayPath, readText } from './files.js';

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
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return { result: { path: shown, findings: [], readError: error instanceof Error ? error.message : String(error) }, tolerance };
  }
  const options = { config, relativePath };
  if (fix) {
    const fixed = fixAll(text, options);
    const out = fixed.output;
    return {
      result: {
        path: shown,
        findings: toRows(out.findings, out.lines),
        ...(fixed.text !== text ? { fixed: fixed.text, original: text, fixesApplied: fixed.applied } : {}),
      },
      plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined),
      tolerance,
    };
  }
  const out = checkText(text, options);
  return { result: { path: shown, findings: toRows(out.findings, out.lines) }, plan: out.plan ?? (out.data !== undefined ? buildPlan(out.data) : undefined), tolerance };
}
