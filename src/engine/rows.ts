import type { UnitSpelling } from './across-files.js';
import type { LineIndex } from './text.js';
import type { DataPath, Finding, Localized, Severity } from './types.js';

/** A finding placed at 1-based lines and columns, as every output format and the review report show it. */
export interface FindingRow {
  ruleId: string;
  severity: Severity;
  message: Localized;
  /** The data path the finding is about. */
  path: DataPath;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text of the line the finding starts on, shown under it. */
  excerpt: string;
  fix?: { message: Localized };
  suggestions?: { message: Localized }[];
}

/** The check of one file as plain data: it crosses worker threads and feeds every output. */
export interface FileResult {
  /** As shown: relative to the working folder. */
  path: string;
  findings: FindingRow[];
  /** The text after --fix, when it differs from `original`. */
  fixed?: string;
  original?: string;
  fixesApplied?: number;
  /** Why --fix stopped early (a pass changed data outside its targets), in both languages. */
  fixStopped?: Localized;
  /** The file's size and mtime when it was read, for --fix to see whether it changed before writing. */
  readStat?: { size: number; mtimeMs: number };
  /** Set when the file could not be read. */
  readError?: string;
  /** How the file spells the units a configured register knows, for the check across the run's files. */
  unitSpellings?: UnitSpelling[];
}

/** Places findings at 1-based lines and UTF-16 columns, as the CLI and the editor count them. */
export function toRows(findings: readonly Finding[], lines: LineIndex): FindingRow[] {
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
      excerpt: lines.lineText(s.line),
      ...(f.fix ? { fix: { message: f.fix.message } } : {}),
      ...(f.suggestions?.length ? { suggestions: f.suggestions.map((x) => ({ message: x.message })) } : {}),
    };
  });
}
