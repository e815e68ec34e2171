import type { Localized } from '../types.js';

/**
 * 原文 — a document read as a person sees it: one paragraph (or one table row) a line.
 * The lines are exactly what `planlint import` writes as `<name>.source.txt`, so that every
 * `source: { line, quote }` in an imported plan file points at a line a person can open.
 */
export interface SourceText {
  /** Line n (1-based) is `lines[n - 1]`. A table row is one line, its cells joined by a TAB. */
  lines: string[];
  /** What the document was read from. */
  format: 'docx' | 'text' | 'markdown';
  /** What was done while reading (tracked changes accepted, numbering recovered, encoding detected…). */
  notes: Localized[];
}

/** Why a document could not be read: a message for the user, in Chinese and English. */
export interface DocumentError {
  /** A stable code, e.g. `legacy-doc`, `pdf`, `encrypted`, `corrupt`, `too-large`, `empty`, `no-plan`. */
  code: string;
  message: Localized;
}

/** What the importer recognised, for the summary `planlint import` prints. */
export interface ImportSummary {
  sections: number;
  tasks: number;
  units: number;
  indicators: number;
  /** Paragraphs kept only as notes: the line and its text. */
  unrecognised: { line: number; text: string }[];
}

/** A plan file made from a document. */
export interface ImportResult {
  /** The plan file's text (YAML), every recognised fact with `source: { line, quote }`. */
  yaml: string;
  summary: ImportSummary;
}
