import { Document, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, Scalar, visit, YAMLError } from 'yaml';
import type { ScalarNode, SourceDoc, SourceNode, SourcePair } from '../tree.js';
import type { OffsetRange } from '../types.js';
import { LIMITS } from './limits.js';
import { trimEnd } from './scan.js';
import type { ParsedPlan, ParseProblem } from './types.js';

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
  for (const p of aliasProblems) problems.push(p);
  const source: SourceDoc = { root: treeFromYaml(doc, text), text, partialData: (): unknown => doc.toJS({ maxAliasCount: LIMITS.maxAliasCount }) };
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
  // (the parser's own lookup walks the document per alias, which is slow on many aliases: bench/RESULTS.md).
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

/** The YAML error codes that have a message of their own in the yaml-syntax rule. */
const YAML_CODES = new Set([
  'ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'TAB_AS_INDENT',
  'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE',
]);

/** The tree of a `yaml` Document, with ranges trimmed as the fast reader trims them. */
function treeFromYaml(doc: Document, text: string): SourceNode | undefined {
  const convert = (node: unknown): SourceNode | undefined => {
    if (isScalar(node)) {
      const [start, end] = node.range ?? [0, 0];
      const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
      const style = block ? 'block' : node.type === Scalar.QUOTE_DOUBLE ? 'double' : node.type === Scalar.QUOTE_SINGLE ? 'single' : 'plain';
      return { kind: 'scalar', style, value: node.value, start, end: block ? trimEnd(text, start, end) : end };
    }
    if (isMap(node)) {
      const at = node.range?.[0] ?? 0;
      const pairs: SourcePair[] = node.items.map((p) => {
        const value = convert(p.value);
        // A pair always has a key node once parsed; an empty one stands where its value starts.
        const key = convert(p.key) ?? empty(value?.start ?? at);
        return { key, keyText: keyTextOf(p.key), value };
      });
      return collection('map', node, pairs.map((p) => p.value ?? p.key), { pairs });
    }
    if (isSeq(node)) {
      const at = node.range?.[0] ?? 0;
      const items = node.items.map((item) => convert(item) ?? empty(at));
      return collection('seq', node, items, { items });
    }
    if (isAlias(node)) {
      const [start, end] = node.range ?? [0, 0];
      return { kind: 'alias', start, end };
    }
    return undefined;
  };
  const collection = <K extends 'map' | 'seq', E extends object>(kind: K, node: { flow?: boolean; range?: [number, number, number] | null }, children: SourceNode[], extra: E) => {
    const [start, end] = node.range ?? [0, 0];
    const flow = !!node.flow;
    // A block collection ends with its last child; the parser's range runs on over comments.
    const last = children[children.length - 1];
    return { kind, flow, start, end: flow || !last ? end : Math.max(last.end, start), ...extra };
  };
  return convert(doc.contents);
}

function empty(at: number): ScalarNode {
  return { kind: 'scalar', style: 'plain', value: null, start: at, end: at };
}

function keyTextOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? '' : undefined;
}
