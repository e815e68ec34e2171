import { isAlias, isMap, isScalar, isSeq, Scalar, type Document } from 'yaml';
import type { Reusable } from './fast-read.js';
import type { OffsetRange } from './types.js';

/**
 * The shape of a YAML document with source ranges: what locating findings, computing fixes and the
 * editor features need, and nothing more. Two readers build it: the fast reader for well-formed
 * files (./fast-read.ts) and the tolerant one for everything else (from a `yaml` Document).
 * Ranges end at the last character of the node's own text: no trailing space, line break or comment.
 */
export type SourceNode = ScalarNode | MapNode | SeqNode | AliasNode;

export interface ScalarNode extends OffsetRange {
  kind: 'scalar';
  style: 'plain' | 'single' | 'double' | 'block';
  value: unknown;
}

export interface MapNode extends OffsetRange {
  kind: 'map';
  flow: boolean;
  pairs: SourcePair[];
}

export interface SourcePair {
  /** The key node; a complex key (a mapping as a key) has no text. */
  key: SourceNode;
  keyText: string | undefined;
  /** Absent only where the tolerant reader found a key with no value node at all. */
  value: SourceNode | undefined;
}

export interface SeqNode extends OffsetRange {
  kind: 'seq';
  flow: boolean;
  items: SourceNode[];
}

export interface AliasNode extends OffsetRange {
  kind: 'alias';
}

/** A document's tree and the text it was read from. */
export interface SourceDoc {
  root: SourceNode | undefined;
  text: string;
  /** The data of a document with errors, as far as it can be read; for editor features only. */
  partialData?: () => unknown;
  /** The fast reader's reading, which the next version's read re-uses where an edit left it alone. */
  reuse?: Reusable;
}

/** The tree of a `yaml` Document, with ranges trimmed as the fast reader trims them. */
export function treeFromYaml(doc: Document, text: string): SourceNode | undefined {
  const convert = (node: unknown): SourceNode | undefined => {
    if (isScalar(node)) {
      const [start, end] = node.range ?? [0, 0];
      const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
      const style = block ? 'block' : node.type === Scalar.QUOTE_DOUBLE ? 'double' : node.type === Scalar.QUOTE_SINGLE ? 'single' : 'plain';
      return { kind: 'scalar', style, value: node.value, start, end: block ? trimEnd(text, start, end) : end };
    }
    if (isMap(node)) {
      const at = node.range?.[0] ?? 0;
      const pairs: SourcePair[] = node.items.map((p) => {
        const value = convert(p.value);
        // A pair always has a key node once parsed; an empty one stands where its value starts.
        const key = convert(p.key) ?? empty(value?.start ?? at);
        return { key, keyText: keyTextOf(p.key), value };
      });
      return collection('map', node, pairs.map((p) => p.value ?? p.key), { pairs });
    }
    if (isSeq(node)) {
      const at = node.range?.[0] ?? 0;
      const items = node.items.map((item) => convert(item) ?? empty(at));
      return collection('seq', node, items, { items });
    }
    if (isAlias(node)) {
      const [start, end] = node.range ?? [0, 0];
      return { kind: 'alias', start, end };
    }
    return undefined;
  };
  const collection = <K extends 'map' | 'seq', E extends object>(kind: K, node: { flow?: boolean; range?: [number, number, number] | null }, children: SourceNode[], extra: E) => {
    const [start, end] = node.range ?? [0, 0];
    const flow = !!node.flow;
    // A block collection ends with its last child; the parser's range runs on over comments.
    const last = children[children.length - 1];
    return { kind, flow, start, end: flow || !last ? end : Math.max(last.end, start), ...extra };
  };
  return convert(doc.contents);
}

function empty(at: number): ScalarNode {
  return { kind: 'scalar', style: 'plain', value: null, start: at, end: at };
}

function keyTextOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? '' : undefined;
}

/** The end of [start, end) without trailing white space and line breaks. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    e--;
  }
  return e;
}
