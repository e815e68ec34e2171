import type { SourceDoc } from '../tree.js';
import type { OffsetRange } from '../types.js';

/** A problem found while reading the YAML, before any rule runs. */
export interface ParseProblem {
  ruleId: 'yaml-syntax' | 'yaml-version' | 'yaml-too-deep' | 'file-too-large' | 'yaml-alias' | 'encoding';
  messageId: string;
  data: Record<string, string | number>;
  range: OffsetRange;
}

/** The outcome of reading a plan file. `data` is absent when the text could not be read as data. */
export interface ParsedPlan {
  /** The document's tree with ranges, when the text was YAML at all. */
  source?: SourceDoc;
  data?: unknown;
  problems: ParseProblem[];
}
