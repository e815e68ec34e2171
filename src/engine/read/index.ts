/**
 * The readers' one door: `parseYaml` picks the reader for a text. Well-formed files go through the
 * fast reader (./fast/), re-reading only what an edit touched when the previous reading is given;
 * everything it declines goes to the tolerant reader (./tolerant.ts). README.md beside this file
 * states what the fast reader relies on.
 */
import { fastRead } from './fast/read.js';
import { rereadEdited } from './fast/reread.js';
import { LIMITS } from './limits.js';
import { CR, LF, scanNesting, SPACE } from './scan.js';
import { tolerantRead } from './tolerant.js';
import type { ParsedPlan, ParseProblem } from './types.js';
import type { SourceDoc } from '../tree.js';
import type { TextSpan } from '../text.js';

export { LIMITS } from './limits.js';
export { tolerantRead } from './tolerant.js';
export type { ParsedPlan, ParseProblem } from './types.js';

/**
 * Reads a YAML text (a plan, a config, a rule pack) into a document and plain data. Never throws:
 * every failure of the parser or of the conversion to data becomes a problem with a range.
 */
export function parseYaml(text: string, previous?: SourceDoc, span?: TextSpan): ParsedPlan {
  if (text.length > LIMITS.maxChars) return { problems: [tooLargeProblem(text.length)] };
  // The previous version's count, when given with the edit since: only what the edit changed is counted again.
  const keys = previous?.keyCount !== undefined && span ? keysAfterEdit(previous.text, previous.keyCount, text, span) : countKeys(text, 0, text.length, LIMITS.maxKeys);
  if (keys > LIMITS.maxKeys) {
    return { problems: [{ ruleId: 'file-too-large', messageId: 'tooManyKeys', data: { limit: LIMITS.maxKeys.toLocaleString('en-US') }, range: { start: 0, end: 0 } }] };
  }
  // The fast reader stops itself well before any nesting limit, so only the tolerant one needs the pre-scan.
  // An edit of a text read before re-reads only the mapping it falls in, when that reads the same.
  const fast = (previous?.reuse && rereadEdited(previous.reuse, text, span && { text: previous.text, span })) || fastRead(text);
  if (fast) return { source: { root: fast.root, text, reuse: fast.reuse, keyCount: keys }, data: fast.data, problems: [] };
  const deep = scanNesting(text, LIMITS.maxDepth);
  if (deep !== undefined) {
    return {
      problems: [
        { ruleId: 'yaml-too-deep', messageId: 'tooDeep', data: { limit: LIMITS.maxDepth }, range: { start: deep, end: deep + 1 } },
      ],
    };
  }
  return tolerantRead(text);
}

/** The one "file too large" problem, for a text (or a file, by its size in bytes) over the cap. */
export function tooLargeProblem(size: number): ParseProblem {
  return { ruleId: 'file-too-large', messageId: 'tooLarge', data: { size: formatMiB(size), limit: formatMiB(LIMITS.maxChars) }, range: { start: 0, end: 0 } };
}

/**
 * Counts the `:` in [from, to) followed by a space, a line break or the end: every mapping key has
 * one. Stops past `limit`.
 */
function countKeys(text: string, from: number, to: number, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(':', from); i >= 0 && i < to; i = text.indexOf(':', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next) || next === SPACE || next === LF || next === CR) {
      if (++n > limit) return n;
    }
  }
  return n;
}

/**
 * The keys of a text edited from one whose keys were counted: a `:` before the edit's start less one
 * and from its end on is followed by what it was followed by, so only those between are counted again.
 */
function keysAfterEdit(before: string, counted: number, after: string, { start, end, delta }: TextSpan): number {
  const from = Math.max(0, start - 1);
  return counted - countKeys(before, from, end, Infinity) + countKeys(after, from, end + delta, Infinity);
}

function formatMiB(chars: number): string {
  return `${(chars / 1024 / 1024).toFixed(1)} M`;
}
