import { Document, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { DataPath, OffsetRange, PathTarget } from './types.js';

/** A parsed document and the text it was parsed from. */
export interface SourceDoc {
  doc: Document;
  text: string;
}

/** What a data path resolves to in the YAML document. */
export interface Located {
  /** The pair holding the value, when the last segment is a mapping key. */
  pair?: Pair;
  /** The node at the path; absent when the path ends at a key with no value. */
  node?: Node;
  /** How many segments of the path were found; less than its length when the path runs out early. */
  depth: number;
}

/** Walks a data path through the document's nodes. Keys compare as text, so `2018` finds `2018:`. */
export function locate(doc: Document, path: DataPath): Located {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  let depth = 0;
  for (const seg of path) {
    if (!node) break;
    if (isMap(node)) {
      const key = String(seg);
      const found = node.items.find((p) => keyText(p) === key);
      if (!found) break;
      pair = found;
      node = (found.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      pair = undefined;
      node = item;
    } else break;
    depth++;
  }
  return { pair: depth === path.length ? pair : undefined, node: node ?? undefined, depth };
}

/** The text of a mapping key, or undefined for complex keys. */
export function keyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return k === null || k === undefined ? '' : undefined;
}

/**
 * The source range a finding on `path` should underline: the key (unknown key, duplicate),
 * the value (wrong type or number), or the whole entry. When the path does not exist (a missing
 * required key), the range is the key of the deepest existing parent, or the document's start.
 */
export function rangeOf(source: SourceDoc, path: DataPath, target: PathTarget = 'value'): OffsetRange {
  const { doc } = source;
  const found = locate(doc, path);
  if (found.depth < path.length) {
    const parent = locate(doc, path.slice(0, found.depth));
    if (parent.pair && isScalar(parent.pair.key) && parent.pair.key.range) return nodeRange(parent.pair.key);
    if (parent.node?.range && found.depth > 0) return firstLine(source.text, nodeRange(parent.node));
    return documentStart(doc);
  }
  const { pair, node } = found;
  if (target === 'key' && pair && isScalar(pair.key) && pair.key.range) return nodeRange(pair.key);
  if (target === 'entry' && pair && isScalar(pair.key) && pair.key.range) {
    const end = node?.range ? node.range[1] : pair.key.range[1];
    return { start: pair.key.range[0], end };
  }
  if (node?.range) {
    // A whole collection underlines its first line only: a squiggle over forty lines helps no one.
    return isMap(node) || isSeq(node) ? firstLine(source.text, nodeRange(node)) : nodeRange(node);
  }
  if (pair && isScalar(pair.key) && pair.key.range) return nodeRange(pair.key);
  return documentStart(doc);
}

function nodeRange(node: Node): OffsetRange {
  const [start, end] = node.range ?? [0, 0];
  return { start, end };
}

function firstLine(src: string, r: OffsetRange): OffsetRange {
  let end = r.start;
  while (end < r.end && src.charCodeAt(end) !== 10 && src.charCodeAt(end) !== 13) end++;
  while (end > r.start && src.charCodeAt(end - 1) === 32) end--;
  return { start: r.start, end };
}

function documentStart(doc: Document): OffsetRange {
  const c = doc.contents as Node | null;
  const start = c?.range ? c.range[0] : 0;
  return { start, end: start };
}


/** The data path of the deepest node at an offset, and whether the offset is on a key. */
export function pathAt(doc: Document, offset: number): { path: (string | number)[]; onKey: boolean } {
  const path: (string | number)[] = [];
  let node = doc.contents as Node | null;
  let onKey = false;
  const inside = (n: Node | null | undefined) => !!n?.range && offset >= n.range[0] && offset <= n.range[1];
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => inside(p.key as Node) || inside(p.value as Node));
      if (!pair) break;
      const key = keyText(pair);
      if (key === undefined) break;
      path.push(key);
      if (inside(pair.key as Node) && !inside(pair.value as Node)) {
        onKey = true;
        break;
      }
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => inside(item as Node));
      if (i < 0) break;
      path.push(i);
      node = node.items[i] as Node;
    } else break;
  }
  return { path, onKey };
}
