import type { Reuse } from '../../tree.js';
import { changedSpan, type TextSpan } from '../../text.js';
import { CR, HASH, LF, SPACE, columnOf } from '../scan.js';
import { Builder } from './builder.js';
import { MAP } from './compact-tree.js';
import { build, LONE_CR, reading, reusable, unsupported, type FastReading } from './read.js';

/**
 * Reads an edited text by re-reading only the deepest block mapping the edit falls in (an
 * indicator, a task) and reusing the previous reading for the rest: on a plan of thousands of
 * tasks that is a few lines instead of megabytes. Undefined whenever the part cannot be shown to
 * read as it would in the whole text (an edit across a mapping's edge, a line that leaves its
 * indentation, anything the fast reader declines); the caller then reads the whole text.
 */
export function rereadEdited(reuse: Reuse, text: string, known?: { text: string; span: TextSpan }): FastReading | undefined {
  const previous = reusable(reuse);
  const old = previous.text;
  if (old === text) return reading(text, previous.data, previous.tree, previous.root);
  // The edit: [from, oldTo) of the old text became [from, oldTo + delta) of the new one (the caller's, when it found it between the same texts).
  const { start: from, end: oldTo, delta } = known?.text === old ? known.span : changedSpan(old, text);

  const { tree } = previous;
  const chain = tree.pathOver(previous.root, from, oldTo);
  const target = chain.findLastIndex((step) => tree.kinds[step.slot] === MAP);
  if (target < 0) return undefined;
  const mapSlot = chain[target].slot;
  const start = tree.starts[mapSlot];
  const column = columnOf(text, start);
  if (column === 0) return undefined;
  // (The edit lies inside the mapping, so the mapping's last character is now at its old end + delta - 1.)
  const end = partEnd(text, start, tree.ends[mapSlot] + delta - 1, column);
  if (end === undefined) return undefined;
  const part = ' '.repeat(column) + text.slice(start, end);
  // (Lines are found by their \n: a lone \r would hide one.)
  if (unsupported(part) || LONE_CR.test(part)) return undefined;
  // Nested as deep as the mapping is in the text (js-yaml opens about one node per level of the
  // tree; twice that errs on the side of reading the whole text).
  const builder = new Builder(text, start - column, start, end, 2 * (target + 1));
  const data = build(part, builder);
  const fresh = builder.tree;
  if (data === undefined || builder.root !== fresh.count - 1 || fresh.kinds[builder.root] !== MAP || fresh.starts[builder.root] !== start) return undefined;

  // The new data: the containers on the way down copied, the mapping replaced.
  let was = previous.data;
  let parent = copyContainer(was);
  const rootData = parent;
  for (let i = 0; i <= target; i++) {
    const { key } = chain[i];
    was = (was as Record<string | number, unknown>)[key];
    const value = i === target ? data : copyContainer(was);
    (parent as Record<string | number, unknown>)[key] = value;
    parent = value;
  }
  const next = tree.splice(mapSlot, fresh, oldTo, delta);
  return reading(text, rootData, next, previous.root + next.count - tree.count);
}

/**
 * Where the part to re-read ends: at the start of the first line after `last` (the mapping's last
 * character) that is not blank and not a comment indented past the keys' `column` (a block scalar
 * at the mapping's end would take such comments in). Undefined when a line of the part holding more
 * than a comment is indented less than the keys: it would leave the mapping.
 */
export function partEnd(text: string, start: number, last: number, column: number): number | undefined {
  let end = text.indexOf('\n', last);
  for (;;) {
    if (end < 0) {
      end = text.length;
      break;
    }
    let i = end + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    const blank = i >= text.length || c === LF || c === CR;
    if (!blank && (c !== HASH || i - end - 1 <= column)) {
      end = end + 1;
      break;
    }
    end = text.indexOf('\n', i);
  }
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < end - 1; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i < end && c !== LF && c !== CR && c !== HASH && i - nl - 1 < column) return undefined;
  }
  return end;
}

function copyContainer(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : { ...(value as object) };
}
