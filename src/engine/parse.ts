import { Document, isAlias, isNode, parseDocument, visit, YAMLError } from 'yaml';
import { fastRead, rereadEdited } from './fast-read.js';
import { treeFromYaml, type SourceDoc } from './tree.js';
import type { OffsetRange } from './types.js';

/** A problem found while reading the YAML, before any rule runs. */
export interface ParseProblem {
  ruleId: 'yaml-syntax' | 'yaml-version' | 'yaml-too-deep' | 'file-too-large' | 'yaml-alias' | 'encoding';
  messageId: string;
  data: Record<string, string | number>;
  range: OffsetRange;
}

/** The outcome of reading a plan file. `data` is absent when the text could not be read as data. */
export interface ParsedPlan {
  /** The document's tree with ranges, when the text was YAML at all. */
  source?: SourceDoc;
  data?: unknown;
  problems: ParseProblem[];
}

/** Limits that keep hostile input cheap. */
export const LIMITS = {
  /** Characters; a 20,000-task plan is about 14 M. */
  maxChars: 32 * 1024 * 1024,
  /** Nesting of flow and block collections; a plan needs fewer than 20. */
  maxDepth: 64,
  /**
   * Mapping keys (counted as `:` before a space or line end, an upper bound). The bench's 20,000-task
   * plan has 583,000 and is checked in under 2 s; a million one-line keys (18 MB) took 9 s and 1.6 GB,
   * so a file past this gets one finding instead (about 27,000 tasks).
   */
  maxKeys: 800_000,
  /** Alias expansions during conversion; a plan needs none. */
  maxAliasCount: 100,
};

const PARSE_OPTIONS = {
  // Pinned so a document cannot change its own meaning (`%YAML 1.1` turns `no` into false).
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  // Drafters write `2018: 87`; reading every key as text makes that the same as `"2018": 87`.
  stringKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/**
 * Reads a YAML text (a plan, a config, a rule pack) into a document and plain data. Never throws:
 * every failure of the parser or of the conversion to data becomes a problem with a range.
 */
export function parseYaml(text: string, previous?: SourceDoc): ParsedPlan {
  if (text.length > LIMITS.maxChars) return { problems: [tooLargeProblem(text.length)] };
  const keys = countKeys(text, LIMITS.maxKeys);
  if (keys > LIMITS.maxKeys) {
    return { problems: [{ ruleId: 'file-too-large', messageId: 'tooManyKeys', data: { limit: LIMITS.maxKeys.toLocaleString('en-US') }, range: { start: 0, end: 0 } }] };
  }
  // The fast reader stops itself well before any nesting limit, so only the tolerant one needs the pre-scan.
  // An edit of a text read before re-reads only the mapping it falls in, when that reads the same.
  const fast = (previous?.reuse && rereadEdited(previous.reuse, text)) || fastRead(text);
  if (fast) return { source: { root: fast.root, text, reuse: fast.reuse }, data: fast.data, problems: [] };
  const deep = scanNesting(text, LIMITS.maxDepth);
  if (deep !== undefined) {
    return {
      problems: [
        { ruleId: 'yaml-too-deep', messageId: 'tooDeep', data: { limit: LIMITS.maxDepth }, range: { start: deep, end: deep + 1 } },
      ],
    };
  }
  return tolerantRead(text);
}

/** Reads any text with the `yaml` package, which recovers from errors and reports each one. */
export function tolerantRead(text: string): ParsedPlan {
  const problems: ParseProblem[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, PARSE_OPTIONS);
  } catch (error) {
    // The parser is not meant to throw; if a release ever does, the drafter still gets a diagnostic.
    return { problems: [internalProblem(error)] };
  }
  for (const e of [...doc.errors, ...doc.warnings]) problems.push(yamlProblem(e, text));
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    const at = text.indexOf('%YAML');
    problems.push({
      ruleId: 'yaml-version',
      messageId: 'yaml11',
      data: { version: doc.directives.yaml.version },
      range: { start: Math.max(0, at), end: Math.max(0, at) + '%YAML 1.1'.length },
    });
  }
  // Without a `*` there is no alias to check, and walking a large tree costs a visible share of a check.
  const aliasProblems = text.includes('*') ? checkAliases(doc) : [];
  problems.push(...aliasProblems);
  const source: SourceDoc = { root: treeFromYaml(doc, text), text, partialData: () => doc.toJS({ maxAliasCount: LIMITS.maxAliasCount }) };
  if (doc.errors.length > 0 || aliasProblems.length > 0) return { source, problems };
  try {
    return { source, data: doc.toJS({ maxAliasCount: LIMITS.maxAliasCount }), problems };
  } catch (error) {
    // Conversion can fail where parsing did not (alias bombs); report it where the first alias is.
    problems.push({
      ruleId: 'yaml-alias',
      messageId: 'aliasLimit',
      data: { limit: LIMITS.maxAliasCount, detail: errorText(error) },
      range: firstAliasRange(doc) ?? { start: 0, end: 0 },
    });
    return { source, problems };
  }
}

function checkAliases(doc: Document.Parsed): ParseProblem[] {
  const problems: ParseProblem[] = [];
  // Anchors in document order, so each alias finds the nearest one before it in one pass
  // (the parser's own lookup walks the document per alias: 500 aliases took 400 ms).
  const anchors = new Map<string, unknown>();
  visit(doc, (_key, node, path) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const [start, end] = node.range ?? [0, 0];
      if (target === undefined) {
        problems.push({ ruleId: 'yaml-alias', messageId: 'undefinedAlias', data: { name: `*${node.source}` }, range: { start, end } });
      } else if ((path as readonly unknown[]).includes(target)) {
        // An alias inside its own anchor makes the data a cycle: reading it would never end.
        problems.push({ ruleId: 'yaml-alias', messageId: 'cyclicAlias', data: { name: `*${node.source}` }, range: { start, end } });
      }
    } else if (isNode(node) && node.anchor) {
      anchors.set(node.anchor, node);
    }
  });
  return problems;
}

function firstAliasRange(doc: Document.Parsed): OffsetRange | undefined {
  let found: OffsetRange | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const [start, end] = node.range ?? [0, 0];
      found = { start, end };
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

function yamlProblem(e: YAMLError, text: string): ParseProblem {
  const messageId = YAML_CODES.has(e.code) ? e.code : 'OTHER';
  return { ruleId: 'yaml-syntax', messageId, data: { detail: e.message.split('\n')[0] }, range: problemRange(e, text) };
}

/** Where a drafter should look: yaml marks some errors by one character, or at the end of the file. */
function problemRange(e: YAMLError, text: string): OffsetRange {
  const start = Math.min(e.pos[0], text.length);
  const end = Math.max(start, Math.min(e.pos[1], text.length));
  if (e.code === 'DUPLICATE_KEY') {
    // Underline the whole key, not its first character.
    const colon = text.slice(start).search(/:(\s|$)|\r|\n/);
    if (colon > 0) return { start, end: start + colon };
  }
  if (e.code === 'MISSING_CHAR' && /closing .*quote/i.test(e.message)) {
    // An unclosed quote is reported where the file ends; point at the quote that opened it.
    const quote = e.message.includes("'") && !e.message.includes('"') ? "'" : '"';
    const before = text.slice(0, start);
    const open = Math.max(before.lastIndexOf(`: ${quote}`) + 2, before.lastIndexOf(`- ${quote}`) + 2, before.lastIndexOf(`[${quote}`) + 1);
    if (open > 1) {
      const lineEnd = text.slice(open).search(/\r|\n/);
      return { start: open, end: lineEnd < 0 ? text.length : open + lineEnd };
    }
  }
  return { start, end };
}

function internalProblem(error: unknown): ParseProblem {
  return { ruleId: 'yaml-syntax', messageId: 'OTHER', data: { detail: errorText(error) }, range: { start: 0, end: 0 } };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** The one "file too large" problem, for a text (or a file, by its size in bytes) over the cap. */
export function tooLargeProblem(size: number): ParseProblem {
  return { ruleId: 'file-too-large', messageId: 'tooLarge', data: { size: formatMiB(size), limit: formatMiB(LIMITS.maxChars) }, range: { start: 0, end: 0 } };
}

/** Counts `:` followed by a space, a line break or the end: every mapping key has one. Stops past `limit`. */
function countKeys(text: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (Number.isNaN(next) || next === 32 || next === 10 || next === 13) {
      if (++n > limit) return n;
    }
  }
  return n;
}

function formatMiB(chars: number): string {
  return `${(chars / 1024 / 1024).toFixed(1)} M`;
}

/** The YAML error codes that have a message of their own in the yaml-syntax rule. */
export const YAML_CODES = new Set([
  'ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE',
]);

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
      if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) opened++;
      else if (c !== 32 && c !== 9) break;
      column++;
      i++;
    }
    const c0 = text.charCodeAt(i);
    const blank = i >= n || c0 === 10 || c0 === 13 || c0 === 35;
    if (flow === 0 && !blank) {
      const indent = column - opened * 2;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      if (indents.length + opened > limit) return i;
    }
    let quote = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === 92 && quote === 34) i++;
        continue;
      }
      if (c === 35 && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        break;
      }
      if (c === 34 || c === 39) {
        const prev = i === 0 ? 32 : text.charCodeAt(i - 1);
        if (prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 58) quote = c;
      } else if (c === 91 || c === 123) {
        if (++flow > limit) return i;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    i++;
  }
  return undefined;
}
