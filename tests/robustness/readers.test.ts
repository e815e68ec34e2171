// The fast reader (js-yaml with node events) and the tolerant reader (the `yaml` package) must
// read every text the same way wherever the fast one answers: the same data, the same tree, the
// same ranges. Otherwise a finding or a fix would depend on which reader ran.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastRead, type FastReading } from '../../src/engine/read/fast/read.js';
import { rereadEdited } from '../../src/engine/read/fast/reread.js';
import { tolerantRead } from '../../src/engine/read/tolerant.js';
import type { SourceNode } from '../../src/engine/tree.js';
import { generatePlan } from '../../bench/gen.mjs';
import { yamlText } from './yaml-arbitrary.js';

// Fixed in CI; FUZZ_SEED and FUZZ_SCALE let a developer search further.
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const ROOT = path.resolve(__dirname, '../..');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));

/** Reads with both; when the fast reader answers, both must agree. Returns whether it answered. */
function agree(text: string): boolean {
  const fast = fastRead(text);
  if (!fast) return false;
  // The `yaml` package misreads a block list right after a byte order mark (yaml 2.9.1 reports
  // "Unexpected scalar"): compare with the same text without the mark, shifted by one.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const tolerant = tolerantRead(text.slice(bom));
  expect(tolerant.problems, text).toEqual([]);
  expect(fast.data, text).toStrictEqual(tolerant.data);
  expect(plain(fast.root), text).toStrictEqual(shift(plain(tolerant.source?.root), bom));
  return true;
}

/** A tree as plain objects, however a reader stores it (the fast one makes its nodes on demand). */
function plain(node: SourceNode | undefined): unknown {
  if (!node) return node;
  const { kind, start, end } = node;
  if (node.kind === 'map') return { kind, flow: node.flow, start, end, pairs: node.pairs.map((p) => ({ key: plain(p.key), keyText: p.keyText, value: plain(p.value) })) };
  if (node.kind === 'seq') return { kind, flow: node.flow, start, end, items: node.items.map(plain) };
  return { ...node };
}

/** That every mapping of the tree holds exactly the data's keys, in order, each with its value. */
function expectEveryPair(node: SourceNode | undefined, data: unknown, text: string): void {
  if (node?.kind === 'map') {
    const obj = data as Record<string, unknown>;
    expect(node.pairs.map((p) => p.keyText), JSON.stringify(text)).toStrictEqual(Object.keys(obj));
    for (const p of node.pairs) expectEveryPair(p.value, obj[p.keyText!], text);
  } else if (node?.kind === 'seq') {
    expect(node.items.length).toBe((data as unknown[]).length);
    node.items.forEach((item, i) => expectEveryPair(item, (data as unknown[])[i], text));
  } else if (node?.kind === 'scalar') {
    expect(node.value, JSON.stringify(text)).toStrictEqual(data);
  }
}

function shift<T>(node: T, by: number): T {
  if (by === 0 || typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((n) => shift(n, by)) as T;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, (k === 'start' || k === 'end') && typeof v === 'number' ? v + by : k === 'value' && typeof v !== 'object' ? v : shift(v, by)])) as T;
}

describe('the fast and the tolerant reader', () => {
  it('agree on every seed plan and on generated plans, and the fast one reads them all', () => {
    for (const text of [...SEEDS, generatePlan(30), generatePlan(30).replace(/\n/g, '\r\n'), `\uFEFF${generatePlan(5)}`]) {
      expect(agree(text)).toBe(true);
    }
  });

  it('agree on the smallest documents', () => {
    for (const text of ['', '#', '# c\n', '\n', ' ', 'a', 'a\n', '~', '[]', '{}', '"x"', '- a', 'a:', 'a: 1', 'a: 1 # c', '\uFEFFa: 1', 'a: [1, 2]\r\n', 'a:\nb:\n', '"k\\u0041": 1', "'it''s': 1", '{a\nb: 1}', '{a\n b: 1, "c": 2}', 'x:\n  "y": [1]\n  z: 2']) {
      agree(text);
      const read = fastRead(text);
      if (read) expect(read.root.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('agree on 5,000 random documents in every style', () => {
    let answered = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        if (agree(text)) answered++;
      }),
      { seed: SEED, numRuns: 5_000 * SCALE },
    );
    // Most random documents are well formed: the property must not hold only by the fast reader declining.
    expect(answered).toBeGreaterThan(2_500 * SCALE);
  }, 300_000);

  it('agree on 2,000 mutations of the seed plans', () => {
    const mutation = fc.record({ doc: fc.nat({ max: SEEDS.length - 1 }), at: fc.nat(), len: fc.nat({ max: 12 }), insert: fc.constantFrom('', ' ', '\n', '  ', '- ', ': ', '#', '"', "'", '[', '{', '2018', 'x: 1', '\t', '&a ', '*a', '!!str ', '? ') });
    let answered = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const text = SEEDS[m.doc];
        const at = m.at % (text.length + 1);
        if (agree(text.slice(0, at) + m.insert + text.slice(at + m.len))) answered++;
      }),
      { seed: SEED, numRuns: 2_000 * SCALE },
    );
    expect(answered).toBeGreaterThan(500 * SCALE);
  }, 300_000);

  it('decline flow mappings with keys written without values, and hold every pair of those with empty values', () => {
    // js-yaml stores `{b, c}` as keys without reading a value node, so the tree could pair a key
    // with the next key: the fast reader declines them all.
    for (const text of ['a: {b, c}\n', 'a: {b, ~}\n', 'a: {b: 1, c}\n', '{a, b: [1]}\n', 'a: {b, c: }\n', 'a: {b, c, d: 1, e: 2}\n', 'a: {"b", ~}\n', 'a: {b: 1, c, d: 2, e: 3}\n', 'a: {b\n  , ~}\n']) {
      expect(fastRead(text), JSON.stringify(text)).toBeUndefined();
    }
    // A key followed by its `:` has a value node, empty or not: these are read, and the tree must
    // hold every pair of the data, each key with its own value.
    for (const text of ["a: {'b' : 1, c : 2}\n", 'a: {b: , c: 2}\n', 'a: {b: 1, c: }\n', '{a: , b: [1]}\n', 'a: {"b": ~, c: {}}\n', 'a: {b: 1,\n  c: 2}\n']) {
      expect(agree(text), JSON.stringify(text)).toBe(true);
      const read = fastRead(text)!;
      expectEveryPair(read.root, read.data, text);
    }
  });

  it('leave to the tolerant reader what only it reads right', () => {
    const declined = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '%YAML 1.1\n---\na: no\n', // directives
      'a: 1\n---\nb: 2\n', // streams
      '? a\n: 1\n', // explicit keys
      '02018: 1\n', // a key whose number would not read back as written
      'True: 1\n',
      '~: 1\n',
      '__proto__: 1\n',
      'a: 1\na: 2\n', // duplicate keys, which the tolerant reader reports
      'a:\n\t- b\n', // tab indentation
      `${'k'.repeat(1100)}: 1\n`, // an implicit key over 1024 characters
      'a: 1 # \u0000\nb: 2\n', // NUL, even in a comment
    ];
    for (const text of declined) expect(fastRead(text), text).toBeUndefined();
  });

  it('read numbers and keys as the YAML 1.2 core schema does', () => {
    const read = fastRead('a: 1_000\nb: 0o17\nc: 0x1F\nd: 0777\ne: +.5\nf: .NaN\ng: yes\n2018: 87\n')!;
    expect(read.data).toStrictEqual({ a: '1_000', b: 15, c: 31, d: 777, e: 0.5, f: NaN, g: 'yes', 2018: 87 });
  });
});

// Re-reading only the mapping an edit falls in must give exactly what reading the whole edited
// text gives, or give nothing (and the whole text is read).
describe('re-reading an edit', () => {
  const PLAN = generatePlan(40);
  const PLAN_CRLF = `\uFEFF${PLAN.replace(/\n/g, '\r\n')}`;

  /** Re-reads `next` from `previous`'s reading; when it answers, it must equal a whole read. Returns the reading to go on from. */
  function reread(previous: FastReading, next: string): { reading: FastReading | undefined; answered: boolean } {
    const part = rereadEdited(previous.reuse, next);
    const whole = fastRead(next);
    if (!part) return { reading: whole, answered: false };
    expect(whole, next).toBeDefined();
    expect(part.data, next).toStrictEqual(whole!.data);
    expect(plain(part.root), next).toStrictEqual(plain(whole!.root));
    return { reading: part, answered: true };
  }

  it('re-reads typing in a value, a new key at a mapping end, a deleted line, and agrees with a whole read', () => {
    const lines = PLAN.split('\n');
    const at = lines.findIndex((l, i) => i > lines.length / 2 && /value: \d/.test(l));
    const offset = lines.slice(0, at).join('\n').length + 1 + lines[at].indexOf('value: ') + 'value: '.length;
    const base = fastRead(PLAN)!;
    const edits = [
      PLAN.slice(0, offset) + '9' + PLAN.slice(offset + 1), // a digit retyped
      PLAN.slice(0, offset) + '12' + PLAN.slice(offset), // digits typed
      PLAN.replace('overall: { year: 2023, value: 16 }', 'overall: { year: 2023, value: 16 }\n            comparator: ">="'), // a key added at an indicator's end
      PLAN.replace(/\n {12}unit: 所\n/, '\n'), // a line deleted
      PLAN.replace('title: 任务7:', 'title: 任务七:'), // a task's title
    ];
    for (const text of edits) expect(reread(base, text).answered, text.slice(0, 80)).toBe(true);
    // The same with CRLF line ends and a byte order mark.
    const crlf = fastRead(PLAN_CRLF)!;
    for (const text of edits) expect(reread(crlf, `\uFEFF${text.replace(/\n/g, '\r\n')}`).answered, text.slice(0, 80)).toBe(true);
    // An edit across two tasks re-reads their section; one across two sections, or a line moved
    // out of its mapping, is read whole.
    expect(reread(base, PLAN.replace(/任务7:[^]*任务8:/, '任务7:')).answered).toBe(true);
    expect(rereadEdited(base.reuse, PLAN.replace(/第1部分[^]*第2部分/, '第1部分'))).toBeUndefined();
    expect(rereadEdited(base.reuse, PLAN.replace('\n        title: 任务7:', '\ntitle: 任务7:'))).toBeUndefined();
  });

  it('keeps quoted keys before, inside and after the re-read mapping, over edits that add and remove nodes', () => {
    // A quoted key's text is not its source text, so the tree keeps it by slot: every slot after
    // the re-read mapping moves when the edit adds or removes nodes.
    const quoted = PLAN.replace(/^( +)(title|unit|name):/gm, "$1'$2':").replace(/([{,] )(2\d{3}):/g, '$1"$2":');
    expect(quoted).not.toBe(PLAN);
    let reading = fastRead(quoted)!;
    let text = quoted;
    const edits: [string | RegExp, string][] = [
      ["'title': 任务7:", "'title': 任务七:"], // a value, no node added
      [/\n( +)'unit': 所\n/, "\n$1'unit': 所\n$1\"note\": 新增\n"], // a quoted key added
      [/\n +'unit': "%"\n/, '\n'], // a quoted key removed
      ["'title': 任务30:", "'title': 任务三十:"], // later, read from the last re-reading
    ];
    for (const [from, to] of edits) {
      const next = text.replace(from, to);
      expect(next).not.toBe(text);
      const r = reread(reading, next);
      expect(r.answered, String(from)).toBe(true);
      reading = r.reading!;
      text = next;
    }
  });

  it('agrees with a whole read over 3,000 random edits, each made on the last one (LF, and CRLF with a byte order mark)', () => {
    const edit = fc.record({
      doc: fc.nat({ max: SEEDS.length + 1 }),
      at: fc.nat(),
      len: fc.nat({ max: 6 }),
      insert: fc.constantFrom('', '1', '9', ' ', '\n', '  ', '- ', ': ', '#', '"', "'", '[', '{', '}', '2018', 'x: 1', '\n  x: 1', '\n      - a', '|', '\t', '&a ', '? ', '---'),
      steps: fc.nat({ max: 4 }),
    });
    let answered = 0;
    let readable = 0;
    fc.assert(
      fc.property(edit, (e) => {
        let text = e.doc === SEEDS.length ? PLAN : e.doc > SEEDS.length ? PLAN_CRLF : SEEDS[e.doc];
        let reading = fastRead(text);
        // A few edits in a row, each re-read from the reading of the one before.
        for (let step = 0; step <= e.steps && reading; step++) {
          const at = (e.at * (step + 1)) % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.len);
          const r = reread(reading, text);
          if (r.answered) answered++;
          if (r.reading) readable++;
          reading = r.reading;
        }
      }),
      { seed: SEED, numRuns: 3_000 * SCALE },
    );
    // Most edits that leave a readable text land inside a mapping and are re-read there (the rest
    // are mostly in the seeds' header comments, outside every mapping): the property must not hold
    // only by declining.
    expect(answered).toBeGreaterThan(readable / 2);
  }, 300_000);
});
