import type { Lang } from '../../engine/index.js';
import type { FileResult } from '../../engine/index.js';

/** What every formatter receives. */
export interface FormatContext {
  lang: Lang;
  color: boolean;
  version: string;
  /** The working folder, which relative paths are relative to (SARIF's %SRCROOT%). */
  cwd?: string;
  /** Stylish: show three or more findings that say the same of different tasks as one (false: `--no-group`). */
  group?: boolean;
}

export type Formatter = (reports: readonly FileResult[], context: FormatContext) => string;

/** Counts by severity over all files. */
export function counts(reports: readonly FileResult[]): { error: number; warning: number; info: number; fixable: number; suggestions: number } {
  const c = { error: 0, warning: 0, info: 0, fixable: 0, suggestions: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      c[f.severity]++;
      if (f.fix) c.fixable++;
      if (f.suggestions?.length) c.suggestions++;
    }
  }
  return c;
}
