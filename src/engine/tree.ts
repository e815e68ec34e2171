import type { CharacterScan } from './check.js';
import type { RuleMemo } from './reuse.js';
import type { SchemaMemo } from './schema.js';
import type { OffsetRange } from './types.js';

/**
 * The shape of a YAML document with source ranges: what locating findings, computing fixes and the
 * editor features need, and nothing more. Two readers build it: the fast reader for well-formed
 * files (./read/fast/) and the tolerant one for everything else (./read/tolerant.ts, from a `yaml` Document).
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
  reuse?: Reuse;
  /** The schema's results for the parts of the data, which the next version's check re-uses for the parts its read kept. */
  schemaMemo?: SchemaMemo;
  /** Each rule's reports and the data they were made from, which the next version's check keeps for the rules an edit cannot reach. */
  ruleMemo?: RuleMemo;
  /** Where the check found the characters it reports at their first place, for the next version's scan. */
  characters?: CharacterScan;
  /** How many mapping keys the text has, for the next version's count. */
  keyCount?: number;
}

declare const reuseBrand: unique symbol;
/**
 * A reader's private state, kept with its document for the next read of the same file. Opaque: only
 * the reader that made it looks inside (./read/fast/read.ts), so the shared tree types know no reader.
 */
export interface Reuse {
  readonly [reuseBrand]: true;
}
