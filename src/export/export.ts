/**
 * Export: a checked plan file's text in, the bytes of a .docx or an .xlsx out. No file system: the CLI
 * and the editor read and write.
 */
import { buildPlan, checkText, type CheckOptions, type Finding } from '../engine/index.js';
import { planToDocx } from './docx.js';
import { FIXED_DATE } from './layout.js';
import { at } from './text.js';
import { planToXlsx } from './xlsx.js';

import type { ExportFormat } from './formats.js';

export { EXPORT_FORMATS, type ExportFormat } from './formats.js';

/** The outcome of an export: the bytes, or why there are none. */
export type ExportResult =
  | { ok: true; bytes: Uint8Array; findings: Finding[] }
  /** The plan has errors and `force` was not given: the errors, for the refusal message. */
  | { ok: false; reason: 'errors'; findings: Finding[] }
  /** The text is not a plan at all (not YAML, or YAML with neither `plan` nor `sections`). */
  | { ok: false; reason: 'not-a-plan'; findings: Finding[] };

export interface ExportOptions {
  /** Export a plan that has errors. */
  force?: boolean;
  check?: CheckOptions;
}

/** The time stamped into the files: the plan's issue date, else a fixed one. */
function stampOf(data: unknown): string {
  const issued = at(data, ['plan', 'issued']);
  return typeof issued === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issued) && !Number.isNaN(Date.parse(issued)) && issued >= '1980-01-01'
    ? `${issued}T00:00:00Z`
    : FIXED_DATE;
}

function isPlanData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && ('plan' in data || 'sections' in data);
}

/** Checks a plan's text and, unless it has errors (or `force`), writes it as `format`. Never reads files. */
export async function exportPlan(text: string, format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  // Read once: the check's own reading gives the data the documents are written from.
  const checked = checkText(text, options.check);
  const errors = checked.findings.filter((f) => f.severity === 'error');
  const data = checked.plan ? checked.data : undefined;
  if (!isPlanData(data)) return { ok: false, reason: 'not-a-plan', findings: errors };
  if (errors.length > 0 && !options.force) return { ok: false, reason: 'errors', findings: errors };
  const plan = checked.plan ?? buildPlan(data);
  const date = stampOf(data);
  const bytes = format === 'docx' ? await planToDocx(plan, data, date) : await planToXlsx(plan, data, date);
  return { ok: true, bytes, findings: checked.findings };
}
