// Random well-formed YAML in every style a drafter's editor can produce: block and flow
// collections, plain, quoted and block scalars, comments, blank lines, CRLF, a BOM. Used to
// check that the fast reader and the tolerant reader read each text the same way.
import fc from 'fast-check';

type Node =
  | { kind: 'scalar'; text: string }
  | { kind: 'block'; header: string; lines: string[] }
  | { kind: 'map'; flow: boolean; pairs: [string, Node][] }
  | { kind: 'seq'; flow: boolean; items: Node[] };

const WORDS = [
  'abc', '新建幼儿园', '区教委', '2018', '02018', '1_000', '0x1F', '0o17', '0777', '1e3', '.5', '+1', '-0', '1.50', '.inf', '-.Inf', '.NaN',
  '~', 'null', 'Null', 'true', 'True', 'FALSE', 'yes', 'no', '12:30', 'a b  c', 'x#y', '95%', '“引号”', '😀', 'a\\b',
  '"双引号"', '"tab\\there"', '"\\u4e2d\\x41"', "'it''s'", "''", '""', "'  spaced '",
];
const KEYS = ['name', 'value', 'year', '2018', '2021', '02018', 'True', 'null', '~', '1.0', '0x10', '"quoted key"', "'single'", 'a b', '__proto__', '中文键', 'x'];

const scalar = fc.constantFrom(...WORDS).map((text): Node => ({ kind: 'scalar', text }));
const block = fc.record({
  header: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'),
  lines: fc.array(fc.constantFrom('第一行', 'line two', '', '  indented', 'x: y', '# not a comment'), { minLength: 1, maxLength: 4 }),
}).map(({ header, lines }): Node => ({ kind: 'block', header, lines }));

const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    block,
    fc.record({ flow: fc.boolean(), pairs: fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 4, selector: (p) => p[0] }) })
      .map(({ flow, pairs }): Node => ({ kind: 'map', flow, pairs: flow ? pairs.map(([k, v]) => [k, toFlow(v)]) : pairs })),
    fc.record({ flow: fc.boolean(), items: fc.array(tie('node'), { maxLength: 4 }) })
      .map(({ flow, items }): Node => ({ kind: 'seq', flow, items: flow ? items.map(toFlow) : items })),
  ),
}));

function toFlow(n: Node): Node {
  if (n.kind === 'block') return { kind: 'scalar', text: JSON.stringify(n.lines.join('\n')) };
  if (n.kind === 'map') return { kind: 'map', flow: true, pairs: n.pairs.map(([k, v]) => [k, toFlow(v)]) };
  if (n.kind === 'seq') return { kind: 'seq', flow: true, items: n.items.map(toFlow) };
  return n;
}

function flowText(n: Node): string {
  if (n.kind === 'scalar') return n.text;
  if (n.kind === 'block') return JSON.stringify(n.lines.join('\n'));
  if (n.kind === 'map') return n.pairs.length === 0 ? '{}' : `{ ${n.pairs.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')} }`;
  return n.items.length === 0 ? '[]' : `[${n.items.map(flowText).join(', ')}]`;
}

/** The text after `key:` or `- ` for a value, at block indentation `indent`. */
function valueText(n: Node, indent: number, comment: string): string {
  const pad = ' '.repeat(indent + 2);
  if (n.kind === 'scalar') return ` ${n.text}${comment}\n`;
  if (n.kind === 'block') return ` ${n.header}${comment}\n${n.lines.map((l) => (l ? pad + l : '')).join('\n')}\n`;
  if (n.flow || (n.kind === 'map' ? n.pairs.length === 0 : n.items.length === 0)) return ` ${flowText(n)}${comment}\n`;
  return `${comment}\n${blockText(n, indent + 2)}`;
}

function blockText(n: Node, indent: number): string {
  const pad = ' '.repeat(indent);
  if (n.kind === 'map' && !n.flow && n.pairs.length > 0) return n.pairs.map(([k, v], i) => `${i % 3 === 2 ? `${pad}# 注释\n` : ''}${pad}${k}:${valueText(v, indent, i % 2 ? ' # 行尾注释' : '')}`).join('');
  if (n.kind === 'seq' && !n.flow && n.items.length > 0) return n.items.map((v, i) => `${pad}-${valueText(v, indent, i === 1 ? ' # c' : '')}`).join('');
  return `${pad}${flowText(n)}\n`;
}

/** A random YAML document, as text. */
export const yamlText = fc.record({
  root: tree.node,
  crlf: fc.boolean(),
  bom: fc.boolean(),
  blankLines: fc.boolean(),
  trailingNewline: fc.boolean(),
}).map(({ root, crlf, bom, blankLines, trailingNewline }) => {
  let text = root.kind === 'map' || root.kind === 'seq' ? blockText(root, 0) : `${flowText(root)}\n`;
  if (blankLines) text = text.replace(/\n(?=\S)/g, '\n\n');
  if (!trailingNewline) text = text.replace(/\n$/, '');
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return (bom ? '\uFEFF' : '') + text;
});
