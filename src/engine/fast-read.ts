import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { changedSpan, doubled } from './text.js';
import { trimEnd, type MapNode, type SeqNode, type SourceNode, type SourcePair } from './tree.js';

/**
 * The fast reader: well-formed plan files, which is nearly every file on every keystroke, read by
 * js-yaml (its whole load costs a seventh of the `yaml` package's lexer alone) with its node events
 * turned into a tree with ranges. It answers only when its reading provably means what the tolerant
 * reader's would: the YAML 1.2 core schema exactly as `yaml` resolves it, keys read as text, and
 * every node's value checked against the data as it closes. Anything else (an error, an anchor, an alias, a
 * tag, a directive, a key that is not plain text) returns undefined and the tolerant reader takes
 * over, so findings and fixes never depend on which reader ran. The fuzz battery checks that both
 * readers agree on data and ranges wherever the fast one answers.
 */
export function fastRead(text: string): FastReading | undefined {
  if (unsupported(text)) return undefined;
  const builder = new Builder(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const data = build(text, builder);
  // An empty document (nothing, or only comments) is cheap to read the tolerant way, and reads as no tree.
  if (data === null || data === undefined) return undefined;
  return reading(text, data, builder.tree, builder.root);
}

/**
 * js-yaml's reading of `source` with the builder listening: the data, whose node is the builder's
 * root; undefined on js-yaml's own error, the builder declining, or a root that is not the data's.
 */
function build(source: string, builder: Builder): unknown {
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
  reuse: Reusable;
}

export interface Reusable {
  text: string;
  data: unknown;
  tree: CompactTree;
  root: number;
}

function reading(text: string, data: unknown, tree: CompactTree, root: number): FastReading {
  return { data, root: tree.node(root, data), reuse: { text, data, tree, root } };
}

/**
 * Reads an edited text by re-reading only the deepest block mapping the edit falls in (an
 * indicator, a task) and reusing the previous reading for the rest: on a plan of thousands of
 * tasks that is a few lines instead of megabytes. Undefined whenever the part cannot be shown to
 * read as it would in the whole text (an edit across a mapping's edge, a line that leaves its
 * indentation, anything the fast reader declines); the caller then reads the whole text.
 */
export function rereadEdited(previous: Reusable, text: string): FastReading | undefined {
  const old = previous.text;
  if (old === text) return reading(text, previous.data, previous.tree, previous.root);
  // The edit: [from, oldTo) of the old text became [from, oldTo + delta) of the new one.
  const { start: from, end: oldTo, delta } = changedSpan(old, text);

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
function partEnd(text: string, start: number, last: number, column: number): number | undefined {
  let end = text.indexOf('\n', last);
  for (;;) {
    if (end < 0) {
      end = text.length;
      break;
    }
    let i = end + 1;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    const blank = i >= text.length || c === 10 || c === 13;
    if (!blank && (c !== 35 || i - end - 1 <= column)) {
      end = end + 1;
      break;
    }
    end = text.indexOf('\n', i);
  }
  for (let nl = text.indexOf('\n', start); nl >= 0 && nl < end - 1; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (i < end && c !== 10 && c !== 13 && c !== 35 && i - nl - 1 < column) return undefined;
  }
  return end;
}

function copyContainer(value: unknown): unknown {
  return Array.isArray(value) ? value.slice() : { ...(value as object) };
}

/**
 * Whether the text has what only the tolerant reader handles: directives, document markers,
 * explicit keys. (js-yaml refuses a NUL itself.)
 */
function unsupported(text: string): boolean {
  return LINE_START_MARKS.test(text) || (text.includes('?') && EXPLICIT_KEY.test(text));
}
const LONE_CR = /\r(?!\n)/;
const LINE_START_MARKS = /^(?:%|---|\.\.\.)/m;
const EXPLICIT_KEY = /(?:^|[\s[{,])\?(?:\s|$)/m;

// The YAML 1.2 core schema exactly as the `yaml` package resolves it (js-yaml's own core schema
// also reads `1_000` and `+.5e3`-style forms differently). The patterns are constants: a regular
// expression literal inside a function is a new object on every call, and these run once per scalar.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FRACTION = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (s: string) => s.length <= 4 && NULL.test(s),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (s: string) => (s.length === 4 || s.length === 5) && BOOL.test(s),
      construct: (s: string) => s[0] === 't' || s[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string) => numeric(s) && INT.test(s),
      construct: (s: string) => (s[1] === 'o' ? parseInt(s.slice(2), 8) : s[1] === 'x' ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string) => numeric(s) && (INFINITY.test(s) || NAN.test(s) || EXPONENT.test(s) || FRACTION.test(s)),
      construct: (s: string) => {
        if (INFINITY.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        if (NAN.test(s)) return NaN;
        return parseFloat(s);
      },
    }),
  ],
});

/**
 * Whether a plain scalar could be a number: it starts with a digit, a sign or a dot. Most of a
 * plan's scalars are Chinese text, and this spares them the regular expressions.
 */
function numeric(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** The part of js-yaml's state a listener reads. */
interface LoaderState {
  position: number;
  /** 'scalar', 'mapping' or 'sequence'; null for an empty node. */
  kind: string | null;
  result: unknown;
}

/** Nesting (in nodes) past which the fast reader gives up; below the pre-scan's limit of 64 collections. */
const MAX_DEPTH = 48;
/** Thrown from the listener to stop js-yaml where the tolerant reader must take over. */
const DECLINE = new Error('the fast reader declines this text');

// Node kinds in the compact tree: the scalar styles, then the collections.
const PLAIN = 0;
const SINGLE = 1;
const DOUBLE = 2;
const BLOCK = 3;
const MAP = 4;
const FLOW_MAP = 5;
const SEQ = 6;
const FLOW_SEQ = 7;
const STYLES = ['plain', 'single', 'double', 'block'] as const;

/**
 * The tree as a few typed arrays, one slot per node in the order nodes close (children before
 * their parent, so a node's subtree is the run of slots from `firsts[i]` to `i`). A plan of
 * 20,000 tasks has a million nodes: as objects they cost a third of the reading in allocation
 * and collection, and most are never looked at. Objects are made on demand, one level at a time.
 *
 * The tree holds no values: a node's value is its parent's value at its key or index (the builder
 * checked that), so values are found from the data on the way down. (An array of a value per
 * slot, a large array in the old generation written with young objects, cost the read of the
 * 5,000-task plan about 15 ms of 190.) A key's text is its source text, or where that differs (a
 * quoted key) is kept.
 */
class CompactTree {
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

/**
 * Builds the compact tree from js-yaml's open and close events, and checks each collection as it
 * closes against the value js-yaml made of it: every key and item the same value, no other, and
 * every line a child continues on indented past the key or dash that owns it (js-yaml lets a flow
 * list or a quoted text go on at any indentation; YAML 1.2, and so the tolerant reader, does not).
 */
class Builder {
  readonly tree: CompactTree;
  /** The slot of the document's node, once it has closed, and its value. */
  root = -1;
  rootValue: unknown;
  private depth = 0;
  /**
   * The values of the nodes whose parent is still open, in slot order: a node that closes finds
   * its children's values on top, checks them against its own, and leaves its own in their place.
   */
  private readonly pending: unknown[] = [];
  private top = 0;
  private readonly opens: number[] = [];
  private readonly marks: number[] = [];
  private readonly kids: number[] = [];

  /**
   * `text` is the whole text; js-yaml reads it, or (re-reading an edit) a part of it that starts
   * at `floor` and ends at `limit`, whose offsets are the text's less `shift`; `outer` is how deep
   * that part is nested in the text.
   */
  constructor(
    private readonly text: string,
    private readonly shift: number,
    private readonly floor = 0,
    private readonly limit = text.length,
    private readonly outer = 0,
  ) {
    // About one node per 8 to 16 characters in a plan; the arrays grow if a text has more.
    this.tree = new CompactTree(text, Math.max(64, (limit - floor) >> 3));
  }

  readonly listener = (event: string, state: LoaderState): void => {
    if (event === 'open') {
      // Deeper than any plan: stop js-yaml at once, and let the tolerant reader's pre-scan judge it.
      if (this.depth + this.outer >= MAX_DEPTH) throw DECLINE;
      this.opens[this.depth] = state.position + this.shift;
      this.marks[this.depth] = this.tree.count;
      this.depth++;
      return;
    }
    const depth = --this.depth;
    const slot = this.close(this.opens[depth], this.marks[depth], state);
    if (depth === 0) {
      this.root = slot;
      this.rootValue = this.pending[this.top - 1];
    }
  };

  /** The node at `slot`, whose value is `value`, replaces its `n` children on the pending values. */
  private closed(slot: number, value: unknown, n: number): number {
    this.top -= n;
    this.pending[this.top++] = value;
    return slot;
  }

  /** Adds the node that has just closed (its children are the slots from `mark` on) and returns its slot. */
  private close(at: number, mark: number, state: LoaderState): number {
    const { text, tree, kids } = this;
    const n = tree.childrenBefore(tree.count, mark, kids);
    // js-yaml reads a block value by first trying it as a mapping key: when no `:` follows, the
    // node read as a key is kept as the value. That inner node, at the same place, is this one
    // (a scalar is known by its kind alone, before its place is looked for: most values are scalars).
    const scalar = state.kind === 'scalar';
    if (n === 1 && scalar && tree.kinds[kids[0]] <= BLOCK) return kids[0];
    // js-yaml reads the text with a line break added at its end: keep every offset inside the text.
    const open = Math.max(this.floor, Math.min(at, this.limit));
    const start = skipSpace(text, open);
    if (n === 1 && !scalar && tree.kinds[kids[0]] > BLOCK && tree.starts[kids[0]] === start) return kids[0];
    const end = Math.min(state.position + this.shift, this.limit);
    const c = text.charCodeAt(start);
    // An anchor, an alias or a tag: only the tolerant reader keeps their meaning and their ranges.
    // (An empty node is checked too: `key: &a` anchors nothing, and only the tolerant reader says so.)
    if (c === 38 || c === 42 || c === 33) throw DECLINE;
    if (state.kind === null) {
      // An empty value sits after the spaces that follow its `:` or `-`, as the tolerant reader puts it.
      const p = skipBlanks(text, open);
      return this.closed(tree.add(PLAIN, p, p, mark), null, n);
    }
    if (scalar) {
      if (n > 0) throw DECLINE;
      const kind = c === 34 ? DOUBLE : c === 39 ? SINGLE : c === 124 || c === 62 ? BLOCK : PLAIN;
      const stop = trimEnd(text, start, end);
      // `"x"#` and `[x]#`: js-yaml reads a comment, YAML 1.2 wants a space before it.
      if ((kind === DOUBLE || kind === SINGLE) && text.charCodeAt(stop) === 35) throw DECLINE;
      return this.closed(tree.add(kind, start, stop, mark), state.result, 0);
    }
    const flow = c === 91 || c === 123;
    const stop = flow ? trimEnd(text, start, end) : n > 0 ? tree.ends[kids[0]] : start;
    if (flow && text.charCodeAt(stop) === 35) throw DECLINE;
    const value = state.result;
    // The children's values, in order, from `base` on.
    const { pending } = this;
    const base = this.top - n;
    if (state.kind === 'sequence') {
      if (!Array.isArray(value) || value.length !== n) throw DECLINE;
      // The dashes of a block sequence share one column.
      const owner = flow || n === 0 ? -1 : dashColumn(text, tree.starts[kids[n - 1]]);
      for (let k = 0; k < n; k++) this.verify(kids[n - 1 - k], pending[base + k], value[k], owner);
      return this.closed(tree.add(flow ? FLOW_SEQ : SEQ, start, stop, mark), value, n);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || n % 2 !== 0) throw DECLINE;
    const obj = value as Record<string, unknown>;
    // The tree's children pair up as js-yaml's keys and values: a key stored twice is js-yaml's own
    // error, explicit `?` keys never reach here, and every key of a block mapping is read with its
    // value. A flow mapping also stores `{a, b}` as two keys without values; there each value must
    // follow its key's `:`, or the tree would pair a key with the next key.
    // The keys of a block mapping share one column.
    const owner = flow || n === 0 ? -1 : columnOf(text, tree.starts[kids[n - 1]]);
    for (let k = n - 1; k > 0; k -= 2) {
      const keyText = this.keyText(kids[k], pending[base + n - 1 - k], flow);
      if (flow && !colonAfter(text, tree.ends[kids[k]])) throw DECLINE;
      // (A key the data lacks is caught here too: the data's values are never undefined or a function.)
      this.verify(kids[k - 1], pending[base + n - k], obj[keyText], owner);
    }
    return this.closed(tree.add(flow ? FLOW_MAP : MAP, start, stop, mark), value, n);
  }

  /**
   * That a child holds the value its parent holds for it and, in a block collection, that its
   * lines are indented past the parent's column (a block child's own lines are checked when it closes).
   */
  private verify(slot: number, value: unknown, expected: unknown, owner: number): void {
    const { tree } = this;
    if (!Object.is(value, expected)) throw DECLINE;
    const kind = tree.kinds[slot];
    if (owner >= 0 && kind !== BLOCK && kind !== MAP && kind !== SEQ && !indentedPast(this.text, tree.starts[slot], tree.ends[slot], owner)) throw DECLINE;
  }

  /**
   * The key at `slot`, whose value is `value`, as the tolerant reader reads it (as text), kept in the
   * tree where it is not its source text; declines where the readers could differ. (A plain key of
   * a block mapping is its source text: js-yaml refuses one that goes on to a second line.)
   */
  private keyText(slot: number, value: unknown, flow: boolean): string {
    const { tree, text } = this;
    const start = tree.starts[slot];
    const end = tree.ends[slot];
    const kind = tree.kinds[slot];
    if (kind > BLOCK || end - start > 1024) throw DECLINE;
    if (typeof value === 'string') {
      if (value === '__proto__') throw DECLINE;
      if (kind !== PLAIN || (flow && !verbatim(text, value, start, end))) tree.keyTexts.set(slot, value);
      return value;
    }
    // `2018:` is read as a number and stored under "2018"; `02018:` or `True:` would not round-trip.
    if (typeof value !== 'number' && typeof value !== 'boolean') throw DECLINE;
    const key = String(value);
    if (!verbatim(text, key, start, end)) throw DECLINE;
    return key;
  }
}

/** Whether `key` is the text of [start, end) as written. */
function verbatim(text: string, key: string, start: number, end: number): boolean {
  return key.length === end - start && text.startsWith(key, start);
}

/** Whether a `:` follows offset `at` on its line, after spaces and tabs only (as an implicit key's does). */
function colonAfter(text: string, at: number): boolean {
  return text.charCodeAt(skipBlanks(text, at)) === 58;
}

/** The first offset at or after `at` that is not a space or a tab. */
function skipBlanks(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}

/** Whether every line after the first of [start, end) is blank or indented more than `owner`. */
function indentedPast(text: string, start: number, end: number, owner: number): boolean {
  let nl = text.indexOf('\n', start);
  while (nl >= 0 && nl < end) {
    let i = nl + 1;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && i - nl - 1 <= owner) return false;
    nl = text.indexOf('\n', nl + 1);
  }
  return true;
}

function columnOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return offset - i;
}

/** The column of the `-` that starts a block sequence item. */
function dashColumn(text: string, itemStart: number): number {
  let i = itemStart - 1;
  while (i > 0 && text.charCodeAt(i) !== 45) i--;
  return columnOf(text, i);
}

/** The first offset at or after `at` that is not white space, a line break or a comment. */
function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else return i;
  }
}
