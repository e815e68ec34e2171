import type { LineIndex } from './text.js';
import type { OffsetRange } from './types.js';

/** A `# planlint-disable-next-line` or `# planlint-disable-file` comment. */
export interface Exemption {
  scope: 'next-line' | 'file';
  ruleIds: string[];
  reason?: string;
  /** The comment itself. */
  range: OffsetRange;
  /** The whole line holding the comment, with its line break, for removal. */
  lineRange: OffsetRange;
  /** For next-line: the zero-based line it exempts. */
  line?: number;
}

/**
 * Rules whose findings come from comparing the files of a run, after each file's check: one file
 * cannot tell whether their disable comments exempt anything (the run reports the unused ones).
 */
export const ACROSS_FILES_RULES: readonly string[] = ['unit-spelling-across-files'];

const PATTERN = /^\s*#\s*planlint-disable-(next-line|file)\b(.*)$/;

/**
 * Reads the exemption comments of a text. Only whole-line comments count, so a `#` inside a
 * quoted value is never taken for one.
 */
export function readExemptions(index: LineIndex): Exemption[] {
  const out: Exemption[] = [];
  const { text } = index;
  // A cheap test first: most files have no exemption at all.
  if (!text.includes('planlint-disable')) return out;
  for (let line = 0; line < index.lineCount; line++) {
    const lineText = index.lineText(line);
    const m = PATTERN.exec(lineText);
    if (!m) continue;
    const [idsPart, ...reasonParts] = m[2].split(/\s--(?:\s|$)/);
    const reason = reasonParts.join(' -- ').trim();
    const start = index.lineStart(line);
    const hash = lineText.indexOf('#');
    const next = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
    out.push({
      scope: m[1] === 'file' ? 'file' : 'next-line',
      ruleIds: idsPart.split(/[\s,]+/).filter(Boolean),
      reason: reason.length > 0 ? reason : undefined,
      range: { start: start + hash, end: start + lineText.length },
      lineRange: { start, end: next },
      line: m[1] === 'file' ? undefined : line + 1,
    });
  }
  return out;
}
