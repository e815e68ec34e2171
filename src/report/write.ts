import fs from 'node:fs';
import type { Lang } from '../engine/index.js';
import { renderReport, type ReportedPlan } from './html.js';

/** Writes the review report for checked files. */
export function writeReport(file: string, plans: readonly ReportedPlan[], options: { lang: Lang; version: string }): void {
  fs.writeFileSync(file, renderReport(plans, options));
}
