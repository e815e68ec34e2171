/**
 * The punctuation the exporter writes itself (the commas and semicolons that join target sentences, 其中, the
 * colons and brackets of the units clause, list separators), in the plan's own style: a Chinese document is
 * typeset full-width (，；：（）), and a plan imported from one keeps those characters in its quotes and titles;
 * our seeds' copies are half-width throughout (,;:()), and their exports keep that. 、 and 。 are the same in both.
 * Decided once per plan from its own text; the plan's quotes and titles are written as they are, never converted.
 */
export interface Marks {
  readonly style: 'half' | 'full';
  readonly comma: string;
  readonly semicolon: string;
  readonly colon: string;
  readonly open: string;
  readonly close: string;
}

export const HALF_MARKS: Marks = { style: 'half', comma: ',', semicolon: ';', colon: ':', open: '(', close: ')' };
export const FULL_MARKS: Marks = { style: 'full', comma: '\uff0c', semicolon: '\uff1b', colon: '\uff1a', open: '\uff08', close: '\uff09' };

const HALF = /[,;:()]/g;
const FULL = /[\uff0c\uff1b\uff1a\uff08\uff09]/g;

/**
 * Keys whose strings are remarks about the document rather than its text: the importer's and the reviewer's
 * notes, in their own words (the importer's in half-width whatever the document). They tell the style only
 * of a plan whose own text has no mark at all (a table of names and figures, with notes quoting its source).
 */
const REMARKS = new Set(['note', 'notes', 'comment']);

interface Counts {
  half: number;
  full: number;
}

/** Half-width and full-width marks among a plan's string values (titles, names, quotes), and among its notes apart. */
export function markCounts(data: unknown): { text: Counts; remarks: Counts } {
  const out = { text: { half: 0, full: 0 }, remarks: { half: 0, full: 0 } };
  const visit = (v: unknown, depth: number, counts: Counts): void => {
    if (depth > 200) return;
    if (typeof v === 'string') {
      counts.half += v.match(HALF)?.length ?? 0;
      counts.full += v.match(FULL)?.length ?? 0;
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1, counts);
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(x, depth + 1, REMARKS.has(k) ? out.remarks : counts);
  };
  visit(data, 0, out.text);
  return out;
}

/**
 * The style of a plan: half-width where its strings hold more half-width marks than full-width ones (its notes
 * counted only where the rest has none), else full-width (a plan with no mark at all is written as Chinese
 * documents are).
 */
export function marksOf(data: unknown): Marks {
  const { text, remarks } = markCounts(data);
  const { half, full } = text.half + text.full > 0 ? text : remarks;
  return half > full ? HALF_MARKS : FULL_MARKS;
}
