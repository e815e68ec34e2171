import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { trimEnd, type ScalarNode, type SourceNode, type SourcePair } from './tree.js';

/**
 * The fast reader: well-formed plan files, which is nearly every file on every keystroke, read by
 * js-yaml (its whole load costs a seventh of the `yaml` package's lexer alone) with its node events
 * turned into a tree with ranges. It answers only when its reading provably means what the tolerant
 * reader's would: the YAML 1.2 core schema exactly as `yaml` resolves it, keys read as text, and
 * every node's value checked against the data. Anything else (an error, an anchor, an alias, a
 * tag, a directive, a key that is not plain text) returns undefined and the tolerant reader takes
 * over, so findings and fixes never depend on which reader ran. The fuzz battery checks that both
 * readers agree on data and ranges wherever the fast one answers.
 */
export function fastRead(text: string): { data: unknown; root: SourceNode } | undefined {
  if (unsupported(text)) return undefined;
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const builder = new Builder(text, shift);
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, listener: builder.listener });
  } catch {
    return undefined;
  }
  const root = builder.root;
  // An empty document (nothing, or only comments) is cheap to read the tolerant way, and reads as no tree.
  if (data === null || data === undefined) return undefined;
  if (!root || builder.failed || !consistent(root, data, text, -1)) return undefined;
  return { data, root };
}

/** Whether the text has what only the tolerant reader handles: directives, document markers, explicit keys, NUL. */
function unsupported(text: string): boolean {
  return text.includes('\u0000') || LINE_START_MARKS.test(text) || (text.includes('?') && EXPLICIT_KEY.test(text));
}
const LINE_START_MARKS = /^(?:%|---|\.\.\.)/m;
const EXPLICIT_KEY = /(?:^|[\s[{,])\?(?:\s|$)/m;

// The YAML 1.2 core schema exactly as the `yaml` package resolves it (js-yaml's own core schema
// also reads `1_000` and `+.5e3`-style forms differently).
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
      construct: (s: string) => s[0] === 't' || s[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (s: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(s),
      construct: (s: string) => (s[1] === 'o' ? parseInt(s.slice(2), 8) : s[1] === 'x' ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (s: string) =>
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s) ||
        /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) ||
        /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s),
      construct: (s: string) => {
        if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        if (/nan$/i.test(s)) return NaN;
        return parseFloat(s);
      },
    }),
  ],
});

/** The part of js-yaml's state a listener reads. */
interface LoaderState {
  position: number;
  /** 'scalar', 'mapping' or 'sequence'; null for an empty node. */
  kind: string | null;
  result: unknown;
}

/** Nesting (in nodes) past which the fast reader gives up; below the pre-scan's limit of 64 collections. */
const MAX_DEPTH = 48;
const TOO_DEEP = new Error('deeper than the fast reader reads');

/** Builds the tree from js-yaml's open and close events, one level of the stack per open node. */
class Builder {
  root: SourceNode | undefined;
  failed = false;
  private depth = 0;
  private readonly opens: number[] = [];
  private readonly kids: (SourceNode[] | undefined)[] = [];

  constructor(private readonly text: string, private readonly shift: number) {}

  readonly listener = (event: string, state: LoaderState): void => {
    if (event === 'open') {
      // Deeper than any plan: stop js-yaml at once, and let the tolerant reader's pre-scan judge it.
      if (this.depth >= MAX_DEPTH) throw TOO_DEEP;
      this.opens[this.depth] = state.position + this.shift;
      this.kids[this.depth] = undefined;
      this.depth++;
      return;
    }
    const depth = --this.depth;
    const children = this.kids[depth];
    this.kids[depth] = undefined;
    if (this.failed) return;
    const node = this.finish(this.opens[depth], children, state);
    if (!node) this.failed = true;
    else if (depth === 0) this.root = node;
    else (this.kids[depth - 1] ??= []).push(node);
  };

  private finish(at: number, children: SourceNode[] | undefined, state: LoaderState): SourceNode | undefined {
    const { text } = this;
    // js-yaml reads the text with a line break added at its end: keep every offset inside the text.
    const open = Math.min(at, text.length);
    const start = skipSpace(text, open);
    // js-yaml reads a block value by first trying it as a mapping key: when no `:` follows, the
    // node read as a key is kept as the value. That inner node, at the same place, is this one.
    const only = children?.length === 1 ? children[0] : undefined;
    if (only && (only.kind === 'scalar') === (state.kind === 'scalar') && (state.kind === 'scalar' || only.start === start)) return only;
    const end = Math.min(state.position + this.shift, text.length);
    const c = text.charCodeAt(start);
    // An anchor, an alias or a tag: only the tolerant reader keeps their meaning and their ranges.
    // (An empty node is checked too: `key: &a` anchors nothing, and only the tolerant reader says so.)
    if (c === 38 || c === 42 || c === 33) return undefined;
    if (state.kind === null) {
      // An empty value sits after the spaces that follow its `:` or `-`, as the tolerant reader puts it.
      let at = open;
      while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
      return { kind: 'scalar', style: 'plain', value: null, start: at, end: at };
    }
    if (state.kind === 'scalar') {
      if (children) return undefined;
      const style = c === 34 ? 'double' : c === 39 ? 'single' : c === 124 || c === 62 ? 'block' : 'plain';
      const stop = trimEnd(text, start, end);
      // `"x"#` and `[x]#`: js-yaml reads a comment, YAML 1.2 wants a space before it.
      if ((c === 34 || c === 39) && text.charCodeAt(stop) === 35) return undefined;
      return { kind: 'scalar', style, value: state.result, start, end: stop };
    }
    const flow = c === 91 || c === 123;
    if (flow && text.charCodeAt(trimEnd(text, start, end)) === 35) return undefined;
    const items = children ?? [];
    const last = items[items.length - 1];
    const stop = flow ? trimEnd(text, start, end) : last ? last.end : start;
    if (state.kind === 'sequence') return { kind: 'seq', flow, items, start, end: stop };
    if (items.length % 2 !== 0) return undefined;
    const pairs: SourcePair[] = [];
    for (let i = 0; i < items.length; i += 2) {
      const key = items[i];
      const keyText = this.keyText(key);
      if (keyText === undefined) return undefined;
      // Keys are text, as the tolerant reader reads them.
      (key as ScalarNode).value = keyText;
      pairs.push({ key, keyText, value: items[i + 1] });
    }
    return { kind: 'map', flow, pairs, start, end: stop };
  }

  /** A key as the tolerant reader reads it (as text), or undefined where the readers could differ. */
  private keyText(key: SourceNode): string | undefined {
    if (key.kind !== 'scalar' || key.end - key.start > 1024) return undefined;
    const value = key.value;
    if (typeof value === 'string') return value === '__proto__' ? undefined : value;
    // `2018:` is read as a number and stored under "2018"; `02018:` or `True:` would not round-trip.
    const source = this.text.slice(key.start, key.end);
    return value !== null && String(value) === source ? source : undefined;
  }
}

/**
 * Whether a tree holds exactly the data (every key, every item, every scalar's value), and every
 * line a node continues on is indented past the key or dash that owns it. js-yaml lets a flow list
 * or a quoted text go on at any indentation; YAML 1.2, and so the tolerant reader, does not.
 */
function consistent(node: SourceNode, value: unknown, text: string, owner: number): boolean {
  switch (node.kind) {
    case 'scalar':
      return Object.is(node.value, value) && (node.style === 'block' || indentedPast(text, node, owner));
    case 'seq': {
      if (!Array.isArray(value) || value.length !== node.items.length) return false;
      if (node.flow && !indentedPast(text, node, owner)) return false;
      // The dashes of a block sequence share one column.
      const inner = node.flow || value.length === 0 ? owner : dashColumn(text, node.items[0].start);
      for (let i = 0; i < value.length; i++) if (!consistent(node.items[i], value[i], text, inner)) return false;
      return true;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      if (node.flow && !indentedPast(text, node, owner)) return false;
      const obj = value as Record<string, unknown>;
      if (Object.keys(obj).length !== node.pairs.length) return false;
      // The keys of a block mapping share one column.
      const inner = node.flow || node.pairs.length === 0 ? owner : columnOf(text, node.pairs[0].key.start);
      for (const p of node.pairs) {
        const key = p.keyText as string;
        if (!p.value || !Object.hasOwn(obj, key) || !consistent(p.value, obj[key], text, inner)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** Whether every line after the first of a node's text is blank or indented more than `owner`. */
function indentedPast(text: string, node: SourceNode, owner: number): boolean {
  let nl = text.indexOf('\n', node.start);
  while (nl >= 0 && nl < node.end) {
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
