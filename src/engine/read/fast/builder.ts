import { BLOCK, CompactTree, DOUBLE, FLOW_MAP, FLOW_SEQ, MAP, PLAIN, SEQ, SINGLE } from './compact-tree.js';
import {
  AMPERSAND, ASTERISK, BANG, COLON, DOUBLE_QUOTE, GREATER, HASH, LEFT_BRACE, LEFT_BRACKET, MINUS, PIPE, SINGLE_QUOTE,
  columnOf, indentedPast, skipBlanks, skipSpace, trimEnd,
} from '../scan.js';

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

/**
 * Builds the compact tree from js-yaml's open and close events, and checks each collection as it
 * closes against the value js-yaml made of it: every key and item the same value, no other, and
 * every line a child continues on indented past the key or dash that owns it (js-yaml lets a flow
 * list or a quoted text go on at any indentation; YAML 1.2, and so the tolerant reader, does not).
 */
export class Builder {
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
    const slot = this.addClosed(this.opens[depth], this.marks[depth], state);
    if (depth === 0) {
      this.root = slot;
      this.rootValue = this.pending[this.top - 1];
    }
  };

  /** The node at `slot`, whose value is `value`, replaces its `n` children on the pending values. */
  private replacePending(slot: number, value: unknown, n: number): number {
    this.top -= n;
    this.pending[this.top++] = value;
    return slot;
  }

  /** Adds the node that has just closed (its children are the slots from `mark` on) and returns its slot. */
  private addClosed(at: number, mark: number, state: LoaderState): number {
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
    if (c === AMPERSAND || c === ASTERISK || c === BANG) throw DECLINE;
    if (state.kind === null) {
      // An empty value sits after the spaces that follow its `:` or `-`, as the tolerant reader puts it.
      const p = skipBlanks(text, open);
      return this.replacePending(tree.add(PLAIN, p, p, mark), null, n);
    }
    if (scalar) {
      if (n > 0) throw DECLINE;
      const kind = c === DOUBLE_QUOTE ? DOUBLE : c === SINGLE_QUOTE ? SINGLE : c === PIPE || c === GREATER ? BLOCK : PLAIN;
      const stop = trimEnd(text, start, end);
      // `"x"#` and `[x]#`: js-yaml reads a comment, YAML 1.2 wants a space before it.
      if ((kind === DOUBLE || kind === SINGLE) && text.charCodeAt(stop) === HASH) throw DECLINE;
      return this.replacePending(tree.add(kind, start, stop, mark), state.result, 0);
    }
    const flow = c === LEFT_BRACKET || c === LEFT_BRACE;
    const stop = flow ? trimEnd(text, start, end) : n > 0 ? tree.ends[kids[0]] : start;
    if (flow && text.charCodeAt(stop) === HASH) throw DECLINE;
    const value = state.result;
    // The children's values, in order, from `base` on.
    const { pending } = this;
    const base = this.top - n;
    if (state.kind === 'sequence') {
      if (!Array.isArray(value) || value.length !== n) throw DECLINE;
      // The dashes of a block sequence share one column.
      const owner = flow || n === 0 ? -1 : dashColumn(text, tree.starts[kids[n - 1]]);
      for (let k = 0; k < n; k++) this.verify(kids[n - 1 - k], pending[base + k], value[k], owner);
      return this.replacePending(tree.add(flow ? FLOW_SEQ : SEQ, start, stop, mark), value, n);
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
    return this.replacePending(tree.add(flow ? FLOW_MAP : MAP, start, stop, mark), value, n);
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
  return text.charCodeAt(skipBlanks(text, at)) === COLON;
}

/** The column of the `-` that starts a block sequence item. */
function dashColumn(text: string, itemStart: number): number {
  let i = itemStart - 1;
  while (i > 0 && text.charCodeAt(i) !== MINUS) i--;
  return columnOf(text, i);
}
