import path from 'node:path';
import { checkText } from '../engine/check.js';
import type { Config } from '../engine/config.js';
import { fixAll } from '../engine/fix-all.js';
import type { LineIndex } from '../engine/text.js';
import type { DataPath, Finding, Localized, Severity } from '../engine/types.js';
import { isDocument, lintDocument } from './documents.js';
import { displayPath, readText } from './files.js';

/** A finding with 1-based positions, as every output format reports it. */
export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  message: Localized;
  /** The data path the finding is about. */
  path: DataPath;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The source line the finding starts on, for the excerpt under it. */
  source: string;
  fix?: { message: Localized };
  suggestions?: { message: Localized }[];
}

/** The check of one file, in a form that crosses worker threads. */
export interface FileReport {
  /** As shown: relative to the working folder. */
  path: string;
  findings: ReportedFinding[];
  /** The text after --fix, when it differs from `original`. */
  fixed?: string;
  original?: string;
  fixesApplied?: number;
  /** Set when the file could not be read. */
  readError?: string;
  /** For a document (.docx, .txt, .md): the plan file imported from it, which the report reads. */
  planText?: string;
}

/** Positions as the CLI and the editor report them: 1-based lines and UTF-16 columns. */
export function report(findings: readonly Finding[], lines: LineIndex): ReportedFinding[] {
  return findings.map((f) => {
    const s = lines.position(f.range.start);
    const e = lines.position(f.range.end);
    return {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      path: f.path,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      source: lines.lineText(s.line),
      ...(f.fix ? { fix: { message: f.fix.message } } : {}),
      ...(f.suggestions?.length ? { suggestions: f.suggestions.map((x) => ({ message: x.message })) } : {}),
    };
  });
}

/** Checks one file (a plan file, or a document imported in memory); with `fix`, applies safe fixes to a plan file and reports what remains. */
export function lintFile(file: string, cwd: string, config: Config, configDir: string, fix: boolean): FileReport {
  const shown = displayPath(cwd, file);
  const relativePath = path.relative(configDir, file).split(path.sep).join('/');
  // A draft is checked through its import; it has no text of its own to fix.
  if (isDocument(file)) return lintDocument(file, shown, config, relativePath);
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return { path: shown, findings: [], readError: error instanceof Error ? error.message : String(error) };
  }
  const options = { config, relativePath };
  if (fix) {
    const result = fixAll(text, options);
    return {
      path: shown,
      findings: report(result.output.findings, result.output.lines),
      ...(result.text !== text ? { fixed: result.text, original: text, fixesApplied: result.applied } : {}),
    };
  }
  const out = checkText(text, options);
  return { path: shown, findings: report(out.findings, out.lines) };
}
