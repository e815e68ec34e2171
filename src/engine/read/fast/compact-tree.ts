import type { MapNode, SeqNode, SourceNode, SourcePair } from '../../tree.js';
import { doubled } from '../../text.js';

// Node kinds in the compact tree: the scalar styles, then the collections.
export const PLAIN = 0;
export const SINGLE = 1;
export const DOUBLE = 2;
export const BLOCK = 3;
export const MAP = 4;
export const FLOW_MAP = 5;
export const SEQ = 6;
export const FLOW_SEQ = 7;
const STYLES = ['plain', 'single', 'double', 'block'] as const;

/**
 * The tree as a few typed arrays, one slot per node in the order nodes close (children before
 * their parent, so a node's subtree is the run of slots from `firsts[i]` to `i`). A plan of
 * 20,000 tasks has a million nodes, and most are never looked at: node objects are made on
 * demand, one level at a time (the cost of objects per node is in bench/RESULTS.md).
 *
 * The tree holds no values: a node's value is its parent's value at its key or index (the builder
 * checked that), so values are found from the data on the way down; an array of a value per slot
 * cost the read measurably (bench/RESULTS.md). A key's text is its source text, or where that
 * differs (a quoted key) is kept. The invariants are in ../README.md.
 */
export class CompactTree {
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  firsts: Int32Array;
  /** The keys whose text is not their source's, by slot. */
  readonly keyTexts = new Map<number, string>();
  count = 0;

  /** `text` is the whole text, which the offsets are in. */
  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.firsts = new Int32Array(capacity);
  }

  /** Adds a node whose subtree starts at slot `first` (its own slot for a leaf). */
  add(kind: number, start: number, end: number, first: number): number {
    const i = this.count++;
    if (i === this.kinds.length) this.grow();
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.firsts[i] = first;
    return i;
  }

  /** The text of the key at `slot`, as the data has it. */
  keyText(slot: number): string {
    return this.keyTexts.get(slot) ?? this.text.slice(this.starts[slot], this.ends[slot]);
  }

  /** The children of the node whose subtree is the slots [first, next), last first, into `out`. */
  childrenBefore(next: number, first: number, out: number[]): number {
    let n = 0;
    for (let c = next - 1; c >= first; c = this.firsts[c] - 1) out[n++] = c;
    return n;
  }

  /**
   * The collections from `root` down that hold all of [from, to), each with its key or index in its
   * parent; descends through block collections only (a flow one holds no block mapping).
   */
  pathOver(root: number, from: number, to: number): { slot: number; key: string | number }[] {
    const chain: { slot: number; key: string | number }[] = [];
    const kids: number[] = [];
    for (let slot = root; this.kinds[slot] === MAP || this.kinds[slot] === SEQ; ) {
      const n = this.childrenBefore(slot, this.firsts[slot], kids);
      const map = this.kinds[slot] === MAP;
      // Children come last first; a mapping's as value then key.
      let k = 0;
      while (k < n && !(this.starts[kids[k]] <= from && to <= this.ends[kids[k]])) k += map ? 2 : 1;
      if (k >= n) break;
      slot = kids[k];
      chain.push({ slot, key: map ? this.keyText(kids[k + 1]) : n - 1 - k });
    }
    return chain;
  }

  /**
   * A copy with the subtree at `slot` replaced by the whole of `part` (a tree read from the edited
   * text, its offsets already the text's), and every offset at or past the edit's old end `oldTo`
   * moved by `delta`.
   */
  splice(slot: number, part: CompactTree, oldTo: number, delta: number): CompactTree {
    const first = this.firsts[slot];
    const slotDelta = part.count - (slot - first + 1);
    const next = new CompactTree(part.text, this.count + slotDelta);
    next.count = this.count + slotDelta;
    next.kinds.set(this.kinds.subarray(0, first));
    next.starts.set(this.starts.subarray(0, first));
    next.ends.set(this.ends.subarray(0, first));
    next.firsts.set(this.firsts.subarray(0, first));
    next.kinds.set(part.kinds.subarray(0, part.count), first);
    next.starts.set(part.starts.subarray(0, part.count), first);
    next.ends.set(part.ends.subarray(0, part.count), first);
    for (let i = 0; i < part.count; i++) next.firsts[first + i] = part.firsts[i] + first;
    for (const [s, key] of this.keyTexts) {
      if (s < first) next.keyTexts.set(s, key);
      else if (s > slot) next.keyTexts.set(s + slotDelta, key);
    }
    for (const [s, key] of part.keyTexts) next.keyTexts.set(s + first, key);
    const oldEnd = this.ends[slot];
    const newEnd = part.ends[part.count - 1];
    for (let i = slot + 1; i < this.count; i++) {
      const j = i + slotDelta;
      next.kinds[j] = this.kinds[i];
      const s = this.starts[i];
      const e = this.ends[i];
      next.starts[j] = s >= oldTo ? s + delta : s;
      // A block collection that ended with the subtree ends where the new one ends.
      next.ends[j] = e === oldEnd ? newEnd : e >= oldTo ? e + delta : e;
      const f = this.firsts[i];
      next.firsts[j] = f > slot ? f + slotDelta : f;
    }
    return next;
  }

  /** Node i, whose value is `value`, as an object. */
  node(i: number, value: unknown): SourceNode {
    const kind = this.kinds[i];
    if (kind <= BLOCK) return { kind: 'scalar', style: STYLES[kind], value, start: this.starts[i], end: this.ends[i] };
    return kind <= FLOW_MAP ? new CompactMap(this, i, value) : new CompactSeq(this, i, value);
  }

  /** The slots of node i's children, in order. */
  childSlots(i: number): number[] {
    const slots: number[] = [];
    this.childrenBefore(i, this.firsts[i], slots);
    return slots.reverse();
  }

  private grow(): void {
    this.kinds = doubled(this.kinds);
    this.starts = doubled(this.starts);
    this.ends = doubled(this.ends);
    this.firsts = doubled(this.firsts);
  }
}

/** A collection of the compact tree: its place, and its children made the first time they are asked for. */
abstract class CompactCollection {
  readonly flow: boolean;
  readonly start: number;
  readonly end: number;
  protected readonly tree: CompactTree;
  protected readonly index: number;
  protected readonly value: unknown;

  constructor(tree: CompactTree, index: number, value: unknown) {
    const kind = tree.kinds[index];
    this.flow = kind === FLOW_MAP || kind === FLOW_SEQ;
    this.start = tree.starts[index];
    this.end = tree.ends[index];
    this.tree = tree;
    this.index = index;
    this.value = value;
  }
}

class CompactMap extends CompactCollection implements MapNode {
  readonly kind = 'map';
  #pairs: SourcePair[] | undefined;

  get pairs(): SourcePair[] {
    if (!this.#pairs) {
      const { tree } = this;
      const obj = this.value as Record<string, unknown>;
      const slots = tree.childSlots(this.index);
      this.#pairs = [];
      for (let k = 0; k < slots.length; k += 2) {
        const keyText = tree.keyText(slots[k]);
        this.#pairs.push({ key: tree.node(slots[k], keyText), keyText, value: tree.node(slots[k + 1], obj[keyText]) });
      }
    }
    return this.#pairs;
  }
}

class CompactSeq extends CompactCollection implements SeqNode {
  readonly kind = 'seq';
  #items: SourceNode[] | undefined;

  get items(): SourceNode[] {
    if (!this.#items) {
      const list = this.value as unknown[];
      this.#items = this.tree.childSlots(this.index).map((slot, k) => this.tree.node(slot, list[k]));
    }
    return this.#items;
  }
}
