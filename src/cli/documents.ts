import path from 'node:path';
import { checkText, importDocument, isPlanFile, type Config, type Localized } from '../engine/index.js';
import { readFileBounded } from '../node/read-file.js';
import type { CheckedFile } from './lint.js';
import { placeInDocument } from './place.js';

const DOCUMENT = /\.(docx|docm|doc|wps|txt|text|md|markdown|pdf|rtf)$/i;

/** A file the CLI reads as a document to import (a draft), not as a plan file. */
export function isDocument(file: string): boolean {
  return !isPlanFile(file) && DOCUMENT.test(file);
}

/** One line for the user: both languages, as every bad-input message of the CLI. */
export function bilingual(m: Localized): string {
  return `${m['zh-CN']} / ${m.en}`;
}

/**
 * Checks a document as a plan: imported in memory, the YAML checked like any plan file, and each
 * finding moved to the document's line, so that a reviewer reads "line 12" of the text they have.
 */
export function lintDocument(file: string, shown: string, config: Config, relativePath: string, tolerance: number): CheckedFile {
  // Through the one read path: a regular file only, the size cap before reading, nothing of a refused file shown.
  const read = readFileBounded(file);
  if (!read.ok) return { result: { path: shown, findings: [], readError: bilingual(read.message) }, tolerance };
  return checkDocumentBytes(new Uint8Array(read.bytes), file, shown, config, relativePath, tolerance);
}

/** Checks a document's bytes (read from disk, or from git for a last round) as lintDocument does. */
export function checkDocumentBytes(bytes: Uint8Array, file: string, shown: string, config: Config, relativePath: string, tolerance: number): CheckedFile {
  const imported = importDocument(bytes, path.basename(file));
  if ('code' in imported) return { result: { path: shown, findings: [], readError: bilingual(imported.message) }, tolerance };
  const out = checkText(imported.result.yaml, { config, relativePath });
  return {
    result: { path: shown, findings: out.findings.map((f) => placeInDocument(f, out.data, imported.source.lines)) },
    plan: out.plan,
    tolerance: out.sumTolerance,
  };
}
