import { CR, LF, SPACE } from './read/scan.js';
import type { SourceDoc, SourceNode, SourcePair } from './tree.js';
import type { DataPath, OffsetRange, PathTarget } from './types.js';

/** What a data path resolves to in the document's tree. */
export interface Located {
  /** The pair holding the value, when the last segment is a mapping key. */
  pair?: SourcePair;
  /** The node at the path; absent when the path ends at a key with no value. */
  node?: SourceNode;
  /** How many segments of the path were found; less than its length when the path runs out early. */
  depth: number;
}

/** Walks a data path through the tree. Keys compare as text, so `2018` finds `2018:`. */
export function locate(root: SourceNode | undefined, path: DataPath): Located {
  let node = root;
  let pair: SourcePair | undefined;
  let depth = 0;
  for (const seg of path) {
    if (!node) break;
    if (node.kind === 'map') {
      const key = String(seg);
      const found = node.pairs.find((p) => p.keyText === key);
      if (!found) break;
      pair = found;
      node = found.value;
    } else if (node.kind === 'seq' && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      pair = undefined;
      node = item;
    } else break;
    depth++;
  }
  return { pair: depth === path.length ? pair : undefined, node, depth };
}

/** The node at a data path, if the path exists. */
export function nodeAt(root: SourceNode | undefined, path: DataPath): SourceNode | undefined {
  const found = locate(root, path);
  return found.depth === path.length ? found.node : undefined;
}

/**
 * The source range a finding on `path` should underline: the key (unknown key, duplicate),
 * the value (wrong type or number), or the whole entry. When the path does not exist (a missing
 * required key), the range is the key of the deepest existing parent, or the document's start.
 */
export function rangeOf(source: SourceDoc, path: DataPath, target: PathTarget = 'value'): OffsetRange {
  const { root } = source;
  const found = locate(root, path);
  if (found.depth < path.length) {
    const parent = locate(root, path.slice(0, found.depth));
    if (parent.pair) return span(parent.pair.key);
    if (parent.node && found.depth > 0) return firstLine(source.text, span(parent.node));
    return documentStart(root);
  }
  const { pair, node } = found;
  if (target === 'key' && pair) return span(pair.key);
  if (target === 'entry' && pair) return { start: pair.key.start, end: node ? node.end : pair.key.end };
  if (node) {
    // A whole collection underlines its first line only: a squiggle over forty lines helps no one.
    return node.kind === 'map' || node.kind === 'seq' ? firstLine(source.text, span(node)) : span(node);
  }
  if (pair) return span(pair.key);
  return documentStart(root);
}

function span(node: SourceNode): OffsetRange {
  return { start: node.start, end: node.end };
}

function firstLine(src: string, r: OffsetRange): OffsetRange {
  let end = r.start;
  while (end < r.end && src.charCodeAt(end) !== LF && src.charCodeAt(end) !== CR) end++;
  while (end > r.start && src.charCodeAt(end - 1) === SPACE) end--;
  return { start: r.start, end };
}

function documentStart(root: SourceNode | undefined): OffsetRange {
  const start = root ? root.start : 0;
  return { start, end: start };
}

/** The data path of the deepest node at an offset, and whether the offset is on a key. */
export function pathAt(root: SourceNode | undefined, offset: number): { path: (string | number)[]; onKey: boolean } {
  const path: (string | number)[] = [];
  let node = root;
  let onKey = false;
  const inside = (n: SourceNode | undefined) => !!n && offset >= n.start && offset <= n.end;
  for (;;) {
    if (node?.kind === 'map') {
      const pair = node.pairs.find((p) => inside(p.key) || inside(p.value));
      if (!pair || pair.keyText === undefined) break;
      path.push(pair.keyText);
      if (inside(pair.key) && !inside(pair.value)) {
        onKey = true;
        break;
      }
      node = pair.value;
    } else if (node?.kind === 'seq') {
      const i = node.items.findIndex((item) => inside(item));
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return { path, onKey };
}
