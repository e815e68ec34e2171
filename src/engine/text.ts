import { CR, LF } from './read/scan.js';
import type { OffsetRange, Position } from './types.js';

/**
 * Line index of a text: turns UTF-16 offsets into zero-based lines and characters.
 * This is the one place offsets become positions; LSP and the CLI both use it, so they agree.
 * A line ends at \n, \r\n or a lone \r, as LSP defines it.
 */
export class LineIndex {
  /**
   * Where each line starts. Typed and grown by doubling: the line index of a 20,000-task plan
   * (340,000 lines) is hot, and a plain array grown by push was slower (bench/RESULTS.md).
   */
  private starts = new Int32Array(256);
  private count = 1;

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // The common case, found by the engine's own search rather than a character loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.add(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === CR) {
        if (text.charCodeAt(i + 1) === LF) i++;
        this.add(i + 1);
      } else if (c === LF) {
        this.add(i + 1);
      }
    }
  }

  private add(start: number): void {
    if (this.count === this.starts.length) this.starts = doubled(this.starts);
    this.starts[this.count++] = start;
  }

  get lineCount(): number {
    return this.count;
  }

  /** Zero-based position of an offset (clamped into the text). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Offset of a zero-based position (clamped to its line). */
  offset(pos: Position): number {
    if (pos.line >= this.count) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    const end = pos.line + 1 < this.count ? this.starts[pos.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, pos.character), end);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.count - 1))];
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.count ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  range(r: OffsetRange): { start: Position; end: Position } {
    return { start: this.position(r.start), end: this.position(r.end) };
  }
}

/** The characters changedSpan compares at once before it compares one by one. */
const SPAN_BLOCK = 2048;

/** An edit: [start, end) of the text before became [start, end + delta) of the text after. */
export interface TextSpan {
  start: number;
  end: number;
  delta: number;
}

/**
 * Where two texts differ: `before`'s [start, end) became [start, end + delta) of `after`, with
 * everything before `start` and from `end` on the same in both.
 */

export function changedSpan(before: string, after: string): TextSpan {
  const shorter = Math.min(before.length, after.length);
  // Block by block first (a slice compares natively, several times faster than a loop over characters), then character by character.
  let start = 0;
  while (start + SPAN_BLOCK <= shorter && before.slice(start, start + SPAN_BLOCK) === after.slice(start, start + SPAN_BLOCK)) start += SPAN_BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let same = 0;
  while (same + SPAN_BLOCK <= shorter - start && before.slice(before.length - same - SPAN_BLOCK, before.length - same) === after.slice(after.length - same - SPAN_BLOCK, after.length - same)) same += SPAN_BLOCK;
  while (same < shorter - start && before.charCodeAt(before.length - 1 - same) === after.charCodeAt(after.length - 1 - same)) same++;
  return { start, end: before.length - same, delta: after.length - before.length };
}

/** A copy of a typed array at twice its length, for a list of offsets grown by doubling. */
export function doubled<T extends Uint8Array | Int32Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2);
  grown.set(array);
  return grown;
}

// The bidi embeddings, overrides and isolates, and the directional marks: what can reorder what a reader sees.
const BIDI_CLASS = '\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';

/** One bidi control character (a mark, embedding, override or isolate). */
export const BIDI_CONTROL = new RegExp(`[${BIDI_CLASS}]`);

/** One control character (C0, DEL, C1) or bidi control: what a name or a message shown to a user must not hold. */
export const CONTROL_OR_BIDI = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI_CLASS}]`);

// C0 controls but tab, DEL, C1 controls, the bidi controls, and the line and paragraph separators:
// what can rewrite a terminal line or reorder what a reader sees.
const UNSAFE = new RegExp(`[\\u0000-\\u0008\\u000A-\\u001F\\u007F-\\u009F\\u2028\\u2029${BIDI_CLASS}]`, 'g');

/**
 * Text from a plan made safe to show: each control character written as an escape (`\x1b`, `\r`) and
 * each bidi control as its code point (`U+202E`), so a plan can neither drive the terminal nor reorder a line.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x0a) return '\\n';
    if (code === 0x0d) return '\\r';
    if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
    return `U+${code.toString(16).toUpperCase()}`;
  });
}
