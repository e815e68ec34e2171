import { checkText, type CheckOptions, type CheckOutput } from './check.js';
import { applyEdits, fixToEdits } from './fix.js';
import type { Finding, TextEdit } from './types.js';

/** The outcome of fixing a text. */
export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  applied: number;
  /** The check of the fixed text. */
  output: CheckOutput;
}

/** Passes before giving up: each pass re-checks, so a fix that uncovers another is applied too. */
const MAX_PASSES = 10;

/**
 * Applies every safe fix (never a suggestion), re-checking after each pass as ESLint does, until no
 * fix applies. Overlapping fixes wait for the next pass. `select` narrows which findings to fix; `checked` is
 * a check of `text` with the same options, when the caller has one.
 */
export function fixAll(text: string, options: CheckOptions = {}, select: (f: Finding) => boolean = () => true, checked?: CheckOutput): FixAllResult {
  let current = text;
  let applied = 0;
  // A caller that has just checked this very text passes its result, so the first pass does not check it again.
  let output = checked?.text === text ? checked : checkText(current, options);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const source = output.source;
    if (!source) break;
    const edits: TextEdit[] = [];
    let count = 0;
    for (const f of output.findings) {
      if (!f.fix || !select(f)) continue;
      const e = fixToEdits(source, f.fix);
      if (!e || e.some((x) => edits.some((y) => x.start < y.end && y.start < x.end))) continue;
      edits.push(...e);
      count++;
    }
    if (count === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    applied += count;
    output = checkText(current, options);
  }
  return { text: current, applied, output };
}
