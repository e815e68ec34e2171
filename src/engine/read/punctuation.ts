/**
 * Full-width punctuation where YAML needs ASCII. A drafter typing with a Chinese input method gets
 * `title：…`, `－ item`, an ideographic space (U+3000) in the indentation, or `lead: 【甲，乙】`: YAML
 * reads each as a syntax error or, worse, as a plain string. This walk looks only at structure
 * positions (indentation, a line-start list dash, the colon after a key, a flow collection that is a
 * key's whole value); the text of a value, where full-width punctuation is normal Chinese writing, is
 * never looked at.
 */
import planSchema from '../../../schemas/plan.schema.json';
import { localized, type MessageData } from '../messages.js';
import type { OffsetRange, TextEdit } from '../types.js';

/** One full-width character (or one flow list) in a structure position, with the edits that make it ASCII. */
export interface PunctuationProblem {
  messageId: 'colon' | 'space' | 'indent' | 'dash' | 'flow';
  data: MessageData;
  range: OffsetRange;
  /** The fix's id in the rule's `fixes`, and its data. */
  fixId: 'toAscii' | 'indentSpaces' | 'flowAscii';
  fixData: MessageData;
  edits: TextEdit[];
  /** Whether the reading is certain (a safe fix) or only likely (a suggestion). */
  certain: boolean;
}

const IDEO_SPACE = '\u3000';
const FULL_COLON = '\uFF1A';
const FULL_DASH = '\uFF0D';
const FULL_COMMA = '\uFF0C';
const OPENERS = '[\u3010\uFF3B{\uFF5B';
const CLOSERS = ']\u3011\uFF3D}\uFF5D';
/** Characters whose presence anywhere is needed for any finding: a text without them costs one scan. */
const ANY = /[\u3000\uFF1A\uFF0D\uFF0C\u3010\u3011\uFF3B\uFF3D\uFF5B\uFF5D]/g;

/** The plan schema's property names, and those whose value is a list or a mapping. */
const { KEYS, LIST_KEYS: COLLECTION_KEYS } = schemaKeys(planSchema);

interface SchemaNode { [key: string]: unknown }

function schemaKeys(root: SchemaNode): { KEYS: Set<string>; LIST_KEYS: Set<string> } {
  const keys = new Set<string>();
  const lists = new Set<string>();
  const definitions = (root.definitions ?? {}) as Record<string, SchemaNode>;
  const resolve = (n: SchemaNode): SchemaNode => {
    const ref = typeof n.$ref === 'string' ? /^#\/definitions\/(.+)$/.exec(n.$ref)?.[1] : undefined;
    return ref && definitions[ref] ? definitions[ref] : n;
  };
  const seen = new Set<unknown>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) return x.forEach(walk);
    const node = x as SchemaNode;
    for (const [name, value] of Object.entries((node.properties ?? {}) as Record<string, SchemaNode>)) {
      keys.add(name);
      const type = resolve(value).type;
      if (type === 'array' || type === 'object') lists.add(name);
    }
    Object.values(node).forEach(walk);
  };
  walk(root);
  return { KEYS: keys, LIST_KEYS: lists };
}

const ASCII_OF: Record<string, string> = {
  [FULL_COLON]: ':', [FULL_DASH]: '-', [FULL_COMMA]: ',', [IDEO_SPACE]: ' ',
  '\u3010': '[', '\u3011': ']', '\uFF3B': '[', '\uFF3D': ']', '\uFF5B': '{', '\uFF5D': '}',
};

const NAMES: Record<string, [string, string]> = {
  [FULL_COLON]: ['全角冒号', 'full-width colon'],
  [FULL_DASH]: ['全角短横线', 'full-width dash'],
  [FULL_COMMA]: ['全角逗号', 'full-width comma'],
  [IDEO_SPACE]: ['全角空格', 'full-width space'],
  '\u3010': ['全角方头括号', 'full-width bracket'],
  '\u3011': ['全角方头括号', 'full-width bracket'],
  '\uFF3B': ['全角方括号', 'full-width bracket'],
  '\uFF3D': ['全角方括号', 'full-width bracket'],
  '\uFF5B': ['全角花括号', 'full-width brace'],
  '\uFF5D': ['全角花括号', 'full-width brace'],
};

/** A full-width space shows as a box-less gap; naming its code point lets a drafter find it. */
function shown(ch: string): string {
  return ch === IDEO_SPACE ? `${IDEO_SPACE}(U+3000)` : ch;
}

/**
 * The full-width characters in YAML structure positions of a text, each with the edits that replace
 * exactly those characters (every other byte, line endings included, stays). Never throws.
 */
export function scanPunctuation(text: string): PunctuationProblem[] {
  // Lines without any of the characters only update the walk's state, cheaply: most lines of a plan.
  const nextCandidate = (from: number) => {
    ANY.lastIndex = from;
    return ANY.exec(text)?.index ?? Infinity;
  };
  let candidate = nextCandidate(0);
  if (candidate === Infinity) return [];
  const problems: PunctuationProblem[] = [];
  const indents = new Set<number>([0]);
  // Inside a block scalar (`|`, `>`) every more-indented line is text, never structure.
  let blockParent: number | undefined;
  // The column of the last key (or dash) with nothing after it: the next line may indent past it.
  let opener: number | undefined;
  const keys = new MappingKeys();
  let lineNo = 0;
  // A byte-order mark is not indentation: the first line starts after it.
  for (let start = text.startsWith('\uFEFF') ? 1 : 0; start <= text.length; lineNo++) {
    const lf = text.indexOf('\n', start);
    const stop = lf < 0 ? text.length : lf;
    const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
    const line = text.slice(start, end);
    const at = (i: number) => ({ line: lineNo + 1, column: i + 1 });
    let i = 0;
    while (line[i] === ' ' || line[i] === IDEO_SPACE) i++;
    const width = i;
    const blank = i === line.length;
    if (blockParent !== undefined && (blank || width > blockParent)) {
      start = stop + 1;
      continue;
    }
    blockParent = undefined;
    if (candidate >= end) {
      if (!blank && line[i] !== '#') {
        while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
          i++;
          while (line[i] === ' ') i++;
        }
        indents.add(width).add(i);
        keys.see(line, width, i);
        const content = line.trimEnd();
        opener = content.endsWith(':') ? i : i > width && i === line.length ? width : undefined;
        const colon = content.lastIndexOf(': ');
        if (colon >= 0 && /^[|>][-+0-9]*(\s+#.*)?$/.test(content.slice(colon + 2).trimStart())) blockParent = width;
      }
    } else if (!blank && line[i] !== '#') {
      const indent = line.slice(0, i);
      const fits = (w: number) => indents.has(w) || (opener !== undefined && w > opener);
      if (indent.includes(IDEO_SPACE)) problems.push(indentProblem(indent, start, at(indent.indexOf(IDEO_SPACE)), indents, fits));
      opener = undefined;
      let column = i;
      // List dashes: `- `, `－ `, a dash and a full-width space, possibly several (`- - a`).
      while ((line[i] === '-' || line[i] === FULL_DASH) && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === IDEO_SPACE)) {
        const spaceAfter = line[i + 1] === IDEO_SPACE;
        if (line[i] === FULL_DASH) {
          problems.push(charProblem('dash', FULL_DASH, start + i, at(i), spaceAfter ? '- ' : '-', true, spaceAfter ? 2 : 1));
        } else if (spaceAfter) {
          problems.push(charProblem('space', IDEO_SPACE, start + i + 1, at(i + 1), ' ', true));
        }
        i++;
        while (line[i] === ' ' || line[i] === IDEO_SPACE) i++;
        column = i;
      }
      indents.add(width).add(column);
      if (column > width && (column === line.length || line[column] === '#')) opener = width;
      const sibling = keys.see(line, width, column) === 'sibling';
      const key = readKey(line.slice(i), sibling);
      if (key) {
        const colon = i + key[0].length - 1;
        const next = line[colon + 1];
        const known = KEYS.has(key[1]) || /^\d{4}$/.test(key[1]);
        // An unknown key is certain where a key of the same mapping stands at its column (see MappingKeys);
        // a key in other characters only with a space or nothing after the colon (`注：本表…` may be a note).
        const certain = known || (sibling && (key[3] !== 'word' || next === undefined || next === ' ' || next === IDEO_SPACE));
        let valueAt = -1;
        if (key[2] === ':' && next === IDEO_SPACE) {
          problems.push(charProblem('space', IDEO_SPACE, start + colon + 1, at(colon + 1), ' ', true));
          valueAt = colon + 1;
        } else if (key[2] === ':' && (next === ' ' || next === undefined)) {
          valueAt = colon + 1;
        } else if (key[2] === FULL_COLON && next !== '/') {
          // `http：//…` is the text of a URL, not a key.
          const spaceAfter = next === IDEO_SPACE;
          const text = next === ' ' || next === undefined ? ':' : ': ';
          problems.push(charProblem('colon', FULL_COLON, start + colon, at(colon), text, certain, spaceAfter ? 2 : 1));
          valueAt = colon + 1;
        }
        if (valueAt >= 0) {
          while (line[valueAt] === ' ' || line[valueAt] === IDEO_SPACE) valueAt++;
          const flow = flowProblem(line, valueAt, start, at, key[1]);
          if (flow) problems.push(flow);
          if (/^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(valueAt))) blockParent = width;
          if (valueAt === line.length || line[valueAt] === '#') opener = column;
        }
      }
    }
    if (lf < 0) break;
    start = lf + 1;
    if (candidate < start) candidate = nextCandidate(start);
  }
  return problems;
}

/** A key in ASCII letters (or a year), a quoted key, or (only where `sibling`) a key in other characters: its name and colon. */
function readKey(rest: string, sibling: boolean): [string, string, string, 'word'?] | undefined {
  const ascii = /^([A-Za-z_][A-Za-z0-9_-]*|\d{4}) ?([:\uFF1A])/.exec(rest);
  if (ascii) return [ascii[0], ascii[1], ascii[2]];
  const quoted = QUOTED_KEY.exec(rest);
  if (quoted) {
    const inner = quoted[1].slice(1, -1);
    return [quoted[0], quoted[1][0] === "'" ? inner.replace(/''/g, "'") : inner.replace(/\\(.)/g, '$1'), quoted[2]];
  }
  // `负责人：…` is a key only where a key of the mapping stands at its column: elsewhere it may be text.
  const word = sibling ? WORD_KEY.exec(rest) : null;
  return word ? [word[0], word[1], FULL_COLON, 'word'] : undefined;
}

/** `"title"：` or `'说明'：`, the colon ASCII or full-width. */
const QUOTED_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*') ?([:\uFF1A])/;
/** A key in other characters (`负责人`, `2021年`) before a full-width colon. */
const WORD_KEY = /^([\p{L}\p{N}_()\uFF08\uFF09-]+)\uFF1A/u;
/** A mapping key written with an ASCII colon, as YAML reads one; the colon group tells a full-width one. */
const KEY_LINE = /(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{}|>,][^#]*?) ?([:\uFF1A])(?=[ \t\u3000]|$)/y;

/**
 * The columns of the block mapping keys in force, line by line: a line that starts at one of them, and
 * is not the continuation of a multi-line value, stands where YAML allows only a key of that mapping.
 * A plain value's next lines continue it only when indented past its key, and a quoted or bracketed
 * value left open continues until a line at its key's column or less; so `负责人：…` there is certainly
 * a key typed with a full-width colon, and anywhere else (the first line under `title:`, a line indented
 * past a value) it may be text.
 */
class MappingKeys {
  private readonly columns: number[] = [];
  /** The column past which the lines continue the last value (a plain one, or an open quote or bracket). */
  private continuesPast: number | undefined;

  /** Takes a structure line (`column`: its content, after any list dashes) and says where it stands. */
  see(line: string, width: number, column: number): 'sibling' | 'continuation' | 'other' {
    if (this.continuesPast !== undefined && width > this.continuesPast) return 'continuation';
    this.continuesPast = undefined;
    const columns = this.columns;
    while (columns.length > 0 && columns[columns.length - 1] > width) columns.pop();
    const sibling = column === width && columns[columns.length - 1] === width;
    KEY_LINE.lastIndex = column;
    const key = KEY_LINE.exec(line);
    if (key && key[1] === ':' && columns[columns.length - 1] !== column) columns.push(column);
    let value = key ? KEY_LINE.lastIndex : column;
    while (line[value] === ' ' || line[value] === '\t' || line[value] === IDEO_SPACE) value++;
    const first = line[value];
    // Nothing after the key (a block opens below), or a block scalar, which the scan skips on its own.
    if (first === undefined || first === '#' || first === '|' || first === '>') return sibling ? 'sibling' : 'other';
    this.continuesPast = key ? column : width;
    return sibling ? 'sibling' : 'other';
  }
}

function charProblem(messageId: PunctuationProblem['messageId'], ch: string, offset: number, at: { line: number; column: number }, text: string, certain: boolean, length = 1): PunctuationProblem {
  const [zh, en] = NAMES[ch];
  return {
    messageId,
    data: { ...at, char: shown(ch), name: localized(zh, en) },
    range: { start: offset, end: offset + 1 },
    fixId: 'toAscii',
    fixData: { ascii: text.trim() || ' ' },
    edits: [{ start: offset, end: offset + length, text }],
    certain,
  };
}

/**
 * Indentation with full-width spaces. Each becomes one space, or two where only that width lines up
 * with a line above (a drafter may have meant the full-width space's visual width); certain only when
 * the width so made is one the file already uses, or indents past a key that opens a block.
 */
function indentProblem(indent: string, lineStart: number, at: { line: number; column: number }, used: Set<number>, fits: (width: number) => boolean): PunctuationProblem {
  const ideo = [...indent].filter((c) => c === IDEO_SPACE).length;
  const one = indent.length;
  const two = indent.length + ideo;
  // A width the file already uses wins over one that merely indents past the line above.
  const per = (!used.has(one) && used.has(two)) || (!fits(one) && fits(two)) ? 2 : 1;
  const edits: TextEdit[] = [];
  for (let k = 0; k < indent.length; k++) {
    if (indent[k] === IDEO_SPACE) edits.push({ start: lineStart + k, end: lineStart + k + 1, text: ' '.repeat(per) });
  }
  return {
    messageId: 'indent',
    data: { ...at, count: ideo },
    range: { start: lineStart + at.column - 1, end: lineStart + at.column },
    fixId: 'indentSpaces',
    fixData: { per },
    edits,
    certain: fits(per === 2 ? two : one),
  };
}

/**
 * A key's whole value written as a flow collection with full-width brackets or commas: `[甲，乙]`,
 * `【甲，乙】`, `{ start：2021，end：2023 }`. Only when it opens right after the key and closes at the
 * line's end; certain for a key whose value is a list (`lead`, `aliases` …), a suggestion for an
 * unknown key, nothing for a known key that holds text (`title: 【重点】` is a title).
 */
function flowProblem(line: string, from: number, lineStart: number, at: (i: number) => { line: number; column: number }, key: string): PunctuationProblem | undefined {
  const open = line[from];
  if (open === undefined || !OPENERS.includes(open)) return undefined;
  const certain = COLLECTION_KEYS.has(key);
  if (!certain && KEYS.has(key)) return undefined;
  const comment = line.search(/\s#/);
  const close = (comment > from ? line.slice(0, comment) : line).trimEnd().length - 1;
  if (close <= from || !CLOSERS.includes(line[close])) return undefined;
  const isMap = '{\uFF5B'.includes(open);
  if (isMap !== '}\uFF5D'.includes(line[close])) return undefined;
  const edits: TextEdit[] = [];
  const chars: string[] = [];
  const replace = (i: number, text: string) => {
    edits.push({ start: lineStart + i, end: lineStart + i + 1, text });
    if (!chars.includes(line[i])) chars.push(line[i]);
  };
  if (open !== '[' && open !== '{') replace(from, ASCII_OF[open]);
  let quote: string | undefined;
  for (let i = from + 1; i < close; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (OPENERS.includes(c) || CLOSERS.includes(c)) return undefined;
    else if (c === FULL_COMMA) replace(i, line[i + 1] === ' ' ? ',' : ', ');
    else if (c === FULL_COLON && isMap && /[A-Za-z0-9_]$/.test(line.slice(0, i))) replace(i, line[i + 1] === ' ' ? ':' : ': ');
  }
  if (quote) return undefined;
  const last = line[close];
  if (last !== ']' && last !== '}') replace(close, ASCII_OF[last]);
  if (edits.length === 0) return undefined;
  const first = edits[0].start - lineStart;
  return {
    messageId: 'flow',
    data: { ...at(first), chars: chars.map(shown).join('') },
    range: { start: lineStart + first, end: lineStart + first + 1 },
    fixId: 'flowAscii',
    fixData: {},
    edits,
    certain,
  };
}
