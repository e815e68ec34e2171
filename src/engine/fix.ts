import { parseDocument, stringify } from 'yaml';
import { locate } from './locate.js';
import { formatNumber } from './messages.js';
import { columnOf, lineStart } from './read/scan.js';
import type { MapNode, ScalarNode, SourceDoc, SourceNode } from './tree.js';
import type { DataPath, Fix, FixOperation, TextEdit } from './types.js';

/**
 * Turns a fix's data operations into minimal text edits on the source. Only the bytes of the
 * touched node change: comments, layout, quoting elsewhere and line endings stay as they are.
 * Returns undefined when an operation cannot be placed (the node moved or has an unusual form).
 */
export function fixToEdits(source: SourceDoc, fix: Fix): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const op of fix.operations) {
    const edit = operationEdit(source, op);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

function operationEdit(source: SourceDoc, op: FixOperation): TextEdit | undefined {
  switch (op.op) {
    case 'set':
      return setEdit(source, op.path, op.value);
    case 'insert':
      return insertEdit(source, op.path, op.value);
    case 'remove':
      return removeEdit(source, op.path);
    case 'chars':
      return charsEdit(source, op.path, op.chars, op.value);
    case 'split':
      return splitEdit(source, op.path, op.parts);
    case 'rename':
      return renameEdit(source, op.path, op.key);
    case 'text':
      return { start: op.start, end: op.end, text: op.text };
  }
}

/**
 * The characters of `chars` rewritten inside one scalar, as one edit from the first changed character
 * to the last. Quoted and block scalars hold these characters literally; a plain one is rewritten in
 * place only when YAML still reads it as `value` (`１２` would become the number 12), else set whole.
 */
function charsEdit(source: SourceDoc, path: DataPath, chars: Record<string, string>, value: string): TextEdit | undefined {
  const found = locate(source.root, path);
  const node = found.node;
  if (found.depth !== path.length || node?.kind !== 'scalar') return undefined;
  const raw = source.text.slice(node.start, node.end);
  let first = -1;
  let last = -1;
  for (let i = 0; i < raw.length; i++) {
    if (chars[raw[i]] === undefined) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return undefined;
  const span = raw.slice(first, last + 1);
  const rewritten = [...span].map((c) => chars[c] ?? c).join('');
  if (node.style === 'plain') {
    const after = raw.slice(0, first) + rewritten + raw.slice(last + 1);
    // Read as a mapping's value, where it stands: at the start of a document `%` would be a directive.
    const doc = parseDocument(`k: ${after}`, { logLevel: 'silent' });
    const reads = doc.errors.length === 0 ? (doc.toJS() as { k?: unknown } | null)?.k : undefined;
    if (reads !== value) return setEdit(source, path, value);
  }
  return { start: node.start + first, end: node.start + last + 1, text: rewritten };
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * A scalar as YAML text, keeping the quoting style it replaces where that style can hold it, and quoted
 * wherever its context needs it: inside a flow collection (`[a, b]`, `{ k: v }`) a plain `,`, `[`, `]`,
 * `{`, `}`, `: ` or ` #` would split or end the value, so such a value is double-quoted there.
 */
export function scalarText(value: string | number | boolean, style?: ScalarNode['style'], flow = false): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (style === 'double') return JSON.stringify(value);
  if (style === 'single' && !/[\r\n]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  // A block scalar (`|-`) cannot stand where one line is replaced; a double-quoted string can hold anything.
  if (text.includes('\n')) return JSON.stringify(value);
  if (flow && !/^["']/.test(text) && /[,[\]{}#]|:(\s|$)|^[-?:!&*|>%@`]/.test(text)) return JSON.stringify(value);
  return text;
}

/** Whether the node at `path` sits inside a flow collection, where plain scalars may not hold `, [ ] { }`. */
function inFlow(root: SourceNode | undefined, path: DataPath): boolean {
  let node = root;
  for (const seg of path) {
    if (!node) return false;
    if ((node.kind === 'map' || node.kind === 'seq') && node.flow) return true;
    if (node.kind === 'map') node = node.pairs.find((p) => p.keyText === String(seg))?.value;
    else if (node.kind === 'seq' && typeof seg === 'number') node = node.items[seg];
    else return false;
  }
  return false;
}

function flowText(value: string | number | boolean | Record<string, string | number | boolean>): string {
  if (typeof value !== 'object') return scalarText(value, undefined, true);
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${scalarText(v, undefined, true)}`).join(', ')} }`;
}

function setEdit(source: SourceDoc, path: DataPath, value: string | number | boolean): TextEdit | undefined {
  const found = locate(source.root, path);
  if (found.depth === path.length) {
    const node = found.node;
    if (node?.kind !== 'scalar' || node.style === 'block') return undefined;
    return { start: node.start, end: node.end, text: scalarText(value, node.style, inFlow(source.root, path)) };
  }
  // The key is missing: add it to its parent mapping.
  if (found.depth !== path.length - 1 || found.node?.kind !== 'map') return undefined;
  const flow = found.node.flow || inFlow(source.root, path.slice(0, -1));
  return addPair(source, found.node, String(path[path.length - 1]), scalarText(value, undefined, flow));
}

/** The key of the entry at `path` rewritten as `key`, in the key's own quoting. */
function renameEdit(source: SourceDoc, path: DataPath, key: string): TextEdit | undefined {
  const found = locate(source.root, path);
  const node = found.pair?.key;
  if (found.depth !== path.length || node?.kind !== 'scalar' || node.style === 'block') return undefined;
  return { start: node.start, end: node.end, text: scalarText(key, node.style, inFlow(source.root, path)) };
}

function addPair(source: SourceDoc, map: MapNode, key: string, valueText: string): TextEdit | undefined {
  const { text } = source;
  if (map.flow) {
    const close = text.lastIndexOf('}', map.end);
    if (close < 0) return undefined;
    const sep = map.pairs.length > 0 ? ', ' : ' ';
    let at = close;
    while (at > 0 && text[at - 1] === ' ') at--;
    // The space before `}` is the mapping's own and stays after the new pair: `{ a: 1 }` → `{ a: 1, k: v }`.
    const pad = at < close || map.pairs.length > 0 ? '' : ' ';
    return { start: at, end: at, text: `${sep}${key}: ${valueText}${pad}` };
  }
  const last = map.pairs[map.pairs.length - 1];
  const first = map.pairs[0];
  if (!last || !first || first.key.kind !== 'scalar') return undefined;
  const indent = columnOf(text, first.key.start);
  const end = lineEnd(text, (last.value ?? last.key).end);
  return { start: end, end, text: `${eol(text)}${' '.repeat(indent)}${key}: ${valueText}` };
}

function insertEdit(
  source: SourceDoc,
  path: DataPath,
  value: string | number | Record<string, string | number | boolean>,
): TextEdit | undefined {
  const found = locate(source.root, path);
  const { text } = source;
  if (found.depth === path.length - 1 && found.node?.kind === 'map') {
    return addPair(source, found.node, String(path[path.length - 1]), `[${flowText(value)}]`);
  }
  const seq = found.node;
  if (found.depth !== path.length || seq?.kind !== 'seq') return undefined;
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.end);
    if (close < 0) return undefined;
    let at = close;
    while (at > 0 && text[at - 1] === ' ') at--;
    return { start: at, end: at, text: `${seq.items.length > 0 ? ', ' : ''}${flowText(value)}` };
  }
  const last = seq.items[seq.items.length - 1];
  const firstItem = seq.items[0];
  if (!last || !firstItem) return undefined;
  // The dash of a block item sits two columns before its content.
  const dash = text.lastIndexOf('-', firstItem.start);
  const indent = columnOf(text, dash);
  const item = typeof value === 'object'
    ? Object.entries(value).map(([k, v], i) => `${i === 0 ? '' : ' '.repeat(indent + 2)}${k}: ${scalarText(v)}`).join(eol(text))
    : scalarText(value);
  const end = lineEnd(text, last.end);
  return { start: end, end, text: `${eol(text)}${' '.repeat(indent)}- ${item}` };
}

/**
 * One list item written as several: `[A、B]` → `[A, B]`, a block item `- A、B` → `- A` and `- B` on lines of
 * their own at the item's indent. Each part keeps the item's quoting; a comment after the item stays after
 * the last part, and the line endings stay the file's.
 */
function splitEdit(source: SourceDoc, path: DataPath, parts: readonly string[]): TextEdit | undefined {
  const found = locate(source.root, path);
  const node = found.node;
  if (found.depth !== path.length || node?.kind !== 'scalar' || node.style === 'block' || parts.length === 0) return undefined;
  const parent = locate(source.root, path.slice(0, -1)).node;
  if (parent?.kind !== 'seq') return undefined;
  const { text } = source;
  if (parent.flow) return { start: node.start, end: node.end, text: parts.map((p) => scalarText(p, node.style, true)).join(', ') };
  const dash = text.lastIndexOf('-', node.start);
  if (dash < 0 || text.slice(dash + 1, node.start).trim() !== '') return undefined;
  const indent = columnOf(text, dash);
  return { start: node.start, end: node.end, text: parts.map((p) => scalarText(p, node.style)).join(`${eol(text)}${' '.repeat(indent)}- `) };
}

function removeEdit(source: SourceDoc, path: DataPath): TextEdit | undefined {
  const parentPath = path.slice(0, -1);
  const parent = locate(source.root, parentPath);
  const found = locate(source.root, path);
  const { text } = source;
  const node = found.node;
  if (found.depth !== path.length || !node || parent.node?.kind !== 'seq') return undefined;
  const items = parent.node.items;
  if (parent.node.flow) {
    const i = items.indexOf(node);
    if (i > 0) return { start: items[i - 1].end, end: node.end, text: '' };
    return { start: node.start, end: items[1]?.start ?? node.end, text: '' };
  }
  if (items.length === 1 && parent.pair?.key.kind === 'scalar') {
    // Removing a list's only entry removes its key too: an empty `responsible:` would be invalid.
    const start = lineStart(text, parent.pair.key.start);
    const onlyKeyOnLine = text.slice(start, parent.pair.key.start).trim() === '';
    if (onlyKeyOnLine) return { start, end: nextLineStart(text, node.end), text: '' };
  }
  return { start: lineStart(text, node.start), end: nextLineStart(text, node.end), text: '' };
}

/** End of the line holding `offset`, before its line break and before any trailing comment's break. */
function lineEnd(text: string, offset: number): number {
  let i = Math.max(0, offset);
  // A node's range may end after its line break; step back to stay on its last line.
  while (i > 0 && (text[i - 1] === '\n' || text[i - 1] === '\r')) i--;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function nextLineStart(text: string, offset: number): number {
  let i = lineEnd(text, offset);
  if (text[i] === '\r') i++;
  if (text[i] === '\n') i++;
  return i;
}

/**
 * Which of `candidates` (each the edits of one fix, in the order offered) apply together: taken in order, a
 * candidate is taken when none of its edits overlaps an edit of one taken before it (an insertion at either
 * end of an edit does not overlap it), and undefined is never taken. Each edit is one query and one update
 * of a prefix maximum over the edits' starts (a Fenwick tree), so n edits take O(n log n); comparing each
 * edit with every edit taken before took 50,000 fixes quadratic time.
 */
export function nonOverlapping(candidates: readonly (readonly TextEdit[] | undefined)[]): boolean[] {
  const starts: number[] = [];
  for (const c of candidates) for (const e of c ?? []) starts.push(e.start);
  starts.sort((a, b) => a - b);
  let m = 0;
  for (const s of starts) if (m === 0 || starts[m - 1] !== s) starts[m++] = s;
  starts.length = m;
  // tree[i] (1-based): the greatest end of the taken edits whose starts' ranks fall in i's Fenwick range; -1 for none.
  const tree = new Float64Array(m + 1).fill(-1);
  /** How many distinct starts are below `offset`. */
  const below = (offset: number): number => {
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The greatest end of a taken edit that starts before `offset`, or -1. */
  const maxEndBefore = (offset: number): number => {
    let best = -1;
    for (let i = below(offset); i > 0; i -= i & -i) if (tree[i] > best) best = tree[i];
    return best;
  };
  const take = (e: TextEdit): void => {
    for (let i = below(e.start) + 1; i <= m; i += i & -i) if (tree[i] < e.end) tree[i] = e.end;
  };
  return candidates.map((c) => {
    // An edit taken before overlaps x when it starts before x ends and ends after x starts.
    if (!c || c.some((x) => maxEndBefore(x.end) > x.start)) return false;
    for (const e of c) take(e);
    return true;
  });
}

/** Applies non-overlapping edits to a text; overlapping ones after the first are skipped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
