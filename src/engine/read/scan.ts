/**
 * Character scanning shared by the readers, the fix engine and the locator: the character codes
 * they compare against, by name, and the small walks over a line they all need.
 */

const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const BANG = 0x21;
export const DOUBLE_QUOTE = 0x22;
export const HASH = 0x23;
export const AMPERSAND = 0x26;
export const SINGLE_QUOTE = 0x27;
export const ASTERISK = 0x2a;
export const PLUS = 0x2b;
const COMMA = 0x2c;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const DIGIT_0 = 0x30;
export const DIGIT_9 = 0x39;
export const COLON = 0x3a;
export const GREATER = 0x3e;
const QUESTION = 0x3f;
export const LEFT_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const RIGHT_BRACKET = 0x5d;
export const LEFT_BRACE = 0x7b;
export const PIPE = 0x7c;
const RIGHT_BRACE = 0x7d;
export const BOM = 0xfeff;

/** The end of [start, end) without trailing white space and line breaks. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c !== SPACE && c !== TAB && c !== LF && c !== CR) break;
    e--;
  }
  return e;
}

/** The first offset at or after `at` that is not a space or a tab. */
export function skipBlanks(text: string, at: number): number {
  let i = at;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  return i;
}

/** The first offset at or after `at` that is not white space, a line break or a comment. */
export function skipSpace(text: string, at: number): number {
  let i = at;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === LF || c === CR) i++;
    else if (c === HASH) {
      while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    } else return i;
  }
}

/** The start of the line holding `offset` (after a `\n` or a `\r`). */
export function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== LF && text.charCodeAt(i - 1) !== CR) i--;
  return i;
}

/** The column of `offset`: how far it is from the start of its line, in UTF-16 units. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Whether every line after the first of [start, end) is blank or indented more than `owner`. */
export function indentedPast(text: string, start: number, end: number, owner: number): boolean {
  let nl = text.indexOf('\n', start);
  while (nl >= 0 && nl < end) {
    let i = nl + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR && i - nl - 1 <= owner) return false;
    nl = text.indexOf('\n', nl + 1);
  }
  return true;
}

/**
 * Finds where a text nests collections deeper than `limit`, without parsing it: the parser recurses
 * per level, so a deep enough document would exhaust the stack. Counts open flow brackets outside
 * quotes and comments, plus block indentation and `- ` sequence starts. Returns the offset, if any.
 */
export function scanNesting(text: string, limit: number): number | undefined {
  let flow = 0;
  // Indentations of the block collections open at the current line, innermost last.
  const indents: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Start of a line: each `- ` or `? ` prefix opens a block collection one column further in.
    let column = 0;
    let opened = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if ((c === MINUS || c === QUESTION) && (text.charCodeAt(i + 1) === SPACE || text.charCodeAt(i + 1) === TAB)) opened++;
      else if (c !== SPACE && c !== TAB) break;
      column++;
      i++;
    }
    const c0 = text.charCodeAt(i);
    const blank = i >= n || c0 === LF || c0 === CR || c0 === HASH;
    if (flow === 0 && !blank) {
      const indent = column - opened * 2;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + opened > limit) return i;
    }
    let quote = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === LF || c === CR) break;
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === BACKSLASH && quote === DOUBLE_QUOTE) i++;
        continue;
      }
      if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === TAB)) {
        while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
        break;
      }
      if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        const prev = i === 0 ? SPACE : text.charCodeAt(i - 1);
        if (prev === SPACE || prev === TAB || prev === LEFT_BRACKET || prev === LEFT_BRACE || prev === COMMA || prev === COLON) quote = c;
      } else if (c === LEFT_BRACKET || c === LEFT_BRACE) {
        if (++flow > limit) return i;
      } else if ((c === RIGHT_BRACKET || c === RIGHT_BRACE) && flow > 0) flow--;
    }
    i++;
  }
  return undefined;
}
