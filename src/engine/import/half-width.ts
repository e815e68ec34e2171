/**
 * Chinese documents write their punctuation full-width: ，；：（）！？％, sometimes full-width digits and
 * letters, and the ideographic space U+3000. The importer's reading knows the half-width forms (what NFKC
 * makes of them); since each full-width form is one character as its half-width one is, a line read in
 * half-width has every character at the place it had, and what the reading takes from it can be put back
 * in the document's own characters, place for place.
 */

/**
 * U+FF01–U+FF5E are U+0021–U+007E shifted; the ideographic space U+3000, the no-break space U+00A0 (Word
 * puts it after a number or a label) and the typographic spaces U+2000–U+200A, U+202F, U+205F are spaces,
 * as NFKC makes them.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\u00A0\u2000-\u200A\u202F\u205F]/g;

/** A line with its full-width ASCII forms and its other spaces in half-width: the same length, each character where it was. */
export function halfWidth(line: string): string {
  return line.replace(FULL_WIDTH, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ' ';
  });
}

/** The full-width form of a half-width character, or the character where it has none. */
function fullWidthOf(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : c;
}

type Data = { [key: string]: unknown };
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many lines either side of its own a string is looked for in, when it is not in its own (a title joined from the line after). */
const NEAR = 3;

/** Keys whose values are the format's own words or a measuring unit in its canonical form, not the document's text. */
const CODES = new Set(['kind', 'status', 'level', 'direction', 'comparator', 'type', 'id', 'unit', 'sourceFile']);

/**
 * A string read from the half-width `read` lines, in the characters of the document's `shown` lines:
 * found in `line` (or a line near it), that place of the shown line; else unchanged (the importer's own words).
 */
export function restorer(read: readonly string[], shown: readonly string[]): (s: string, line: number | undefined) => string {
  const differs = read.map((l, i) => l !== shown[i]);
  if (!differs.includes(true)) return (s) => s;
  // A string put back once is put back the same way where it is not near its own line (a unit named in the
  // units clause far above the task that names it), so that one name is written one way.
  const done = new Map<string, string>();
  // A string the reading made of its line rather than cut from it (a name joined from two places, a note):
  // its marks in the form its line writes each of them in, where the line writes each one way only.
  const forms = new Map<number, Map<string, string | null>>();
  const formsOf = (n: number) => {
    let m = forms.get(n);
    if (m) return m;
    m = new Map<string, string | null>();
    const r = read[n - 1];
    const w = shown[n - 1];
    for (let i = 0; i < r.length; i++) {
      if (r.charCodeAt(i) > 0x7e) continue;
      const had = m.get(r[i]);
      if (had === undefined) m.set(r[i], w[i]);
      else if (had !== w[i]) m.set(r[i], null);
    }
    forms.set(n, m);
    return m;
  };
  const inStyle = (s: string, line: number): string => {
    if (line < 1 || line > read.length || !differs[line - 1]) return s;
    const m = formsOf(line);
    let out = '';
    for (const c of s) {
      const f = c.charCodeAt(0) <= 0x7e ? m.get(c) : c;
      // A mark the line writes both ways, or not at all: the string is left as the reading wrote it.
      if (f === null || (f === undefined && fullWidthOf(c) !== c)) return s;
      out += f ?? c;
    }
    return out;
  };
  // Where the last string found in each line was: the data is in the document's order, so the next one is
  // mostly after it, and a long line is searched once over rather than from its start for each string.
  const cursor = new Map<number, number>();
  const find = (n: number, s: string): number => {
    const from = cursor.get(n) ?? 0;
    let at = read[n - 1].indexOf(s, from);
    if (at < 0 && from > 0) at = read[n - 1].lastIndexOf(s, from);
    if (at >= 0) cursor.set(n, at);
    return at;
  };
  return (s, line) => {
    if (s === '') return s;
    for (let d = 0; line !== undefined && d <= NEAR; d++) {
      for (const n of d === 0 ? [line] : [line - d, line + d]) {
        if (n < 1 || n > read.length) continue;
        const at = find(n, s);
        if (at < 0) continue;
        const back = differs[n - 1] ? shown[n - 1].slice(at, at + s.length) : s;
        if (!done.has(s)) done.set(s, back);
        return back;
      }
    }
    return done.get(s) ?? (line === undefined ? s : inStyle(s, line));
  };
}

/**
 * Puts the strings of `data` back in the document's characters with `restore` (a `restorer`), each looked
 * for in the line its object, or the nearest object above it, cites as `source.line`.
 */
export function restoreShown(data: unknown, restore: (s: string, line: number | undefined) => string): void {
  const walk = (v: unknown, line: number | undefined): unknown => {
    if (typeof v === 'string') return restore(v, line);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = walk(v[i], line);
      return v;
    }
    // (A year's targets are a Map from year to target.)
    if (v instanceof Map) {
      for (const [k, x] of v) v.set(k, walk(x, line));
      return v;
    }
    if (!isData(v)) return v;
    const source = v.source;
    const own = isData(source) && typeof source.line === 'number' ? source.line : line;
    for (const k of Object.keys(v)) if (!CODES.has(k)) v[k] = walk(v[k], own);
    return v;
  };
  walk(data, undefined);
}
