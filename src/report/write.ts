import fs from 'node:fs';
import type { FileReport } from '../cli/lint.js';
import type { Lang } from '../engine/types.js';
import { renderReport } from './html.js';

/** Writes the review report for checked files; `texts` are their contents, in the same order. */
export function writeReport(file: string, reports: readonly FileReport[], options: { lang: Lang; version: string; texts: string[] }): void {
  fs.writeFileSync(file, renderReport(reports, options));
}
