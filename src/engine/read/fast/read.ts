import { load } from 'js-yaml';
import type { Reuse, SourceNode } from '../../tree.js';
import { BOM } from '../scan.js';
import { Builder } from './builder.js';
import type { CompactTree } from './compact-tree.js';
import { CORE_SCHEMA } from './core-schema.js';

/**
 * The fast reader: well-formed plan files, which is nearly every file on every keystroke, read by
 * js-yaml (its whole load costs a fraction of the `yaml` package's lexer alone: bench/RESULTS.md)
 * with its node events turned into a tree with ranges. It answers only when its reading provably means what the tolerant
 * reader's would: the YAML 1.2 core schema exactly as `yaml` resolves it, keys read as text, and
 * every node's value checked against the data as it closes. Anything else (an error, an anchor, an alias, a
 * tag, a directive, a key that is not plain text) returns undefined and the tolerant reader takes
 * over, so findings and fixes never depend on which reader ran. The fuzz battery checks that both
 * readers agree on data and ranges wherever the fast one answers.
 */
export function fastRead(text: string): FastReading | undefined {
  if (unsupported(text)) return undefined;
  const builder = new Builder(text, text.charCodeAt(0) === BOM ? 1 : 0);
  const data = build(text, builder);
  // An empty document (nothing, or only comments) is cheap to read the tolerant way, and reads as no tree.
  if (data === null || data === undefined) return undefined;
  return reading(text, data, builder.tree, builder.root);
}

/**
 * js-yaml's reading of `source` with the builder listening: the data, whose node is the builder's
 * root; undefined on js-yaml's own error, the builder declining, or a root that is not the data's.
 */
export function build(source: string, builder: Builder): unknown {
  let data: unknown;
  try {
    data = load(source, { schema: CORE_SCHEMA, listener: builder.listener });
  } catch {
    return undefined;
  }
  return builder.root >= 0 && Object.is(builder.rootValue, data) ? data : undefined;
}

/** What the fast reader made of a text, and what a later read of an edit of it can reuse. */
export interface FastReading {
  data: unknown;
  root: SourceNode;
  /** For `rereadEdited`; opaque to everyone else. */
  reuse: Reuse;
}

/** What `Reuse` holds for the fast reader: the reading's text, data and tree. */
interface Reusable {
  text: string;
  data: unknown;
  tree: CompactTree;
  root: number;
}

/** A reading of `text`, whose tree's node at `root` holds `data`. */
export function reading(text: string, data: unknown, tree: CompactTree, root: number): FastReading {
  const reusable: Reusable = { text, data, tree, root };
  return { data, root: tree.node(root, data), reuse: reusable as unknown as Reuse };
}

/** The fast reader's state inside a `Reuse` it handed out. */
export function reusable(reuse: Reuse): Reusable {
  return reuse as unknown as Reusable;
}

/**
 * Whether the text has what only the tolerant reader handles: directives, document markers,
 * explicit keys. (js-yaml refuses a NUL itself.)
 */
export function unsupported(text: string): boolean {
  return LINE_START_MARKS.test(text) || (text.includes('?') && EXPLICIT_KEY.test(text));
}
export const LONE_CR = /\r(?!\n)/;
const LINE_START_MARKS = /^(?:%|---|\.\.\.)/m;
const EXPLICIT_KEY = /(?:^|[\s[{,])\?(?:\s|$)/m;
