import type { BaselineState, TargetChange, TaskChange } from './baseline.js';
import { fixToEdits } from './fix.js';
import type { FileSpellings } from './across-files.js';
import type { DocumentForm } from './model.js';
import type { LineIndex } from './text.js';
import type { SourceDoc } from './tree.js';
import type { DataPath, Finding, Fix, Localized, Severity } from './types.js';

/** A finding placed at 1-based lines and columns, as every output format and the review report show it. */
export interface FindingRow {
  ruleId: string;
  /** Which of the rule's messages, so an adapter can tell a finding's kind without reading its words. */
  messageId?: string;
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
  fix?: RowFix;
  suggestions?: RowFix[];
  /** Against the last round (`--baseline`): `new` or `unchanged`; `absent` for a fixed one. */
  baselineState?: BaselineState;
  /**
   * Set by an adapter that has the plan: what the finding says with the task it names left out, so
   * findings that say the same of different tasks can be shown together (the CLI's stylish output).
   */
  sameAs?: string;
}

/** What a file's round changed against its last round (`--baseline`). */
export interface BaselineSummary {
  /** The findings of the last round this one no longer has, placed in the last round's text. */
  fixed: FindingRow[];
  targets: TargetChange[];
  tasksAdded: TaskChange[];
  tasksRemoved: TaskChange[];
}

/** A text replacement placed as a finding is: 1-based lines, UTF-16 columns, end exclusive. */
export interface RowEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A fix or suggestion as plain data: what it does, and (when the source was at hand) its text edits. */
export interface RowFix {
  message: Localized;
  edits?: RowEdit[];
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
  /** plan.form where the file is a report (progress or news), not a plan to issue: why its findings are notes. */
  form?: Exclude<DocumentForm, 'plan'>;
  /** Set when the run compared the file with its last round. */
  baseline?: BaselineSummary;
  /** How the file spells the units a configured register knows (with the rule's severity and disable comments there), for the check across the run's files. */
  unitSpellings?: FileSpellings;
  /** With `--baseline`: the same, of the file's last round (absent when it had none), so the check across files can be compared too. */
  lastUnitSpellings?: FileSpellings;
}

/** Places findings at 1-based lines and UTF-16 columns, as the CLI and the editor count them. */
export function toRows(findings: readonly Finding[], lines: LineIndex, source?: SourceDoc): FindingRow[] {
  const rowFix = (fix: Fix): RowFix => {
    const edits = source ? fixToEdits(source, fix) : undefined;
    if (!edits) return { message: fix.message };
    return {
      message: fix.message,
      edits: edits.map((e) => {
        const a = lines.position(e.start);
        const b = lines.position(e.end);
        return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, text: e.text };
      }),
    };
  };
  return findings.map((f) => {
    const s = lines.position(f.range.start);
    const e = lines.position(f.range.end);
    return {
      ruleId: f.ruleId,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      severity: f.severity,
      message: f.message,
      path: f.path,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      excerpt: lines.lineText(s.line),
      ...(f.fix ? { fix: rowFix(f.fix) } : {}),
      ...(f.suggestions?.length ? { suggestions: f.suggestions.map(rowFix) } : {}),
    };
  });
}
