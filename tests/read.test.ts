// The invariants the fast reader's re-read relies on (src/engine/read/README.md), tested directly:
// CompactTree.splice gives, slot for slot, the tree a whole read gives, and partEnd ends the part
// where a line-by-line reading of its rule says it should. Fast: part of `npm run test:unit`.
import fc from 'fast-check';
import { load, type LoadOptions } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CompactTree, MAP } from '../src/engine/read/fast/compact-tree.js';
import { CORE_SCHEMA } from '../src/engine/read/fast/core-schema.js';
import { fastRead, reusable, type FastReading } from '../src/engine/read/fast/read.js';
import { partEnd, rereadEdited } from '../src/engine/read/fast/reread.js';
import { generatePlan } from '../bench/gen.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const PLAN = generatePlan(8);

/** The tree's arrays, as far as they are used, and its kept key texts. */
function slots(tree: CompactTree) {
  const n = tree.count;
  return {
    kinds: Array.from(tree.kinds.subarray(0, n)),
    starts: Array.from(tree.starts.subarray(0, n)),
    ends: Array.from(tree.ends.subarray(0, n)),
    firsts: Array.from(tree.firsts.subarray(0, n)),
    keyTexts: new Map([...tree.keyTexts].sort(([a], [b]) => a - b)),
  };
}

const treeOf = (reading: FastReading) => reusable(reading.reuse).tree;

/** That every slot's subtree is a run ending at it, and its children's runs tile it. */
function expectSubtreeRuns(tree: CompactTree): void {
  for (let i = 0; i < tree.count; i++) {
    const first = tree.firsts[i];
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(i);
    // Walking the children last first from i - 1 lands exactly on the run's first slot.
    let c = i - 1;
    while (c >= first) c = tree.firsts[c] - 1;
    expect(c).toBe(first - 1);
    expect(tree.starts[i]).toBeLessThanOrEqual(tree.ends[i]);
  }
}

describe('CompactTree.splice', () => {
  it('given a subtree in place of itself, returns the same tree', () => {
    const tree = treeOf(fastRead(PLAN)!);
    fc.assert(
      fc.property(fc.nat({ max: tree.count - 1 }), (slot) => {
        const first = tree.firsts[slot];
        const part = new CompactTree(tree.text, slot - first + 1);
        for (let i = first; i <= slot; i++) part.add(tree.kinds[i], tree.starts[i], tree.ends[i], tree.firsts[i] - first);
        for (const [s, key] of tree.keyTexts) if (s >= first && s <= slot) part.keyTexts.set(s - first, key);
        expect(slots(tree.splice(slot, part, tree.text.length, 0))).toStrictEqual(slots(tree));
      }),
      { seed: SEED, numRuns: 300 * SCALE },
    );
  });

  it('after an edit, makes slot for slot the tree a whole read of the edited text makes', () => {
    // Quoted keys, so that kept key texts sit before, inside and after the re-read mappings.
    const quoted = PLAN.replace(/^( +)(title|unit):/gm, "$1'$2':");
    const base = fastRead(quoted)!;
    expectSubtreeRuns(treeOf(base));
    // Edits anywhere, and at the ends of block mappings, where the collections that end with a
    // re-read mapping must end where it now ends.
    const tree = treeOf(base);
    const mapEnds = Array.from(tree.ends.subarray(0, tree.count)).filter((_, i) => tree.kinds[i] === MAP);
    const edit = fc.record({
      at: fc.oneof(fc.nat({ max: quoted.length }), fc.constantFrom(...mapEnds)),
      len: fc.nat({ max: 4 }),
      insert: fc.constantFrom('', '1', '99', 'x', ' ', '  # c', '\n\n', '\n', ': ', '"a"', "'k': v", '\n  x: 1', '\n            note: 新', '\n      - a', '[1, 2]', '{a: 1}'),
    });
    let answered = 0;
    fc.assert(
      fc.property(edit, ({ at, len, insert }) => {
        const text = quoted.slice(0, at) + insert + quoted.slice(at + len);
        const part = rereadEdited(base.reuse, text);
        if (!part) return;
        answered++;
        const whole = fastRead(text);
        expect(whole, text.slice(Math.max(0, at - 40), at + 40)).toBeDefined();
        const spliced = treeOf(part);
        expect(slots(spliced)).toStrictEqual(slots(treeOf(whole!)));
        expectSubtreeRuns(spliced);
      }),
      { seed: SEED, numRuns: 400 * SCALE },
    );
    // The property must not hold only because the re-read declined.
    expect(answered).toBeGreaterThan(40 * SCALE);
  });
});

describe('CompactTree.pathOver', () => {
  it('walks down the block collections holding a range, each step a child of the last with its key', () => {
    const reading = fastRead(PLAN)!;
    const tree = treeOf(reading);
    const root = reusable(reading.reuse).root;
    const range = fc.tuple(fc.nat({ max: PLAN.length }), fc.nat({ max: 40 })).map(([from, len]) => [from, Math.min(PLAN.length, from + len)]);
    fc.assert(
      fc.property(range, ([from, to]) => {
        let node = reading.root;
        let parent = root;
        for (const { slot, key } of tree.pathOver(root, from, to)) {
          expect(tree.childSlots(parent)).toContain(slot);
          expect(tree.starts[slot] <= from && to <= tree.ends[slot]).toBe(true);
          const next = node.kind === 'map' ? node.pairs.find((p) => p.keyText === key)?.value : node.kind === 'seq' ? node.items[key as number] : undefined;
          expect(next && [next.start, next.end]).toStrictEqual([tree.starts[slot], tree.ends[slot]]);
          node = next!;
          parent = slot;
        }
        // The walk stops at the deepest one: no child of a block collection it ends on holds the range.
        if (node.kind === 'map' || node.kind === 'seq') {
          const kids = tree.childSlots(parent);
          const holds = kids.filter((c, k) => (node.kind === 'seq' || k % 2 === 1) && tree.starts[c] <= from && to <= tree.ends[c]);
          expect(node.flow || holds.length === 0).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1_000 * SCALE },
    );
  });
});

describe("js-yaml's listener, as the builder uses it", () => {
  it('opens and closes every node in nesting order, with the position, kind and result of each', () => {
    // The undocumented contract the fast reader rests on (src/engine/read/README.md): should an
    // upgrade of js-yaml change it, this says how, before the readers' tests only see declines.
    const events: string[] = [];
    load('a: [1, x]\nb:\n', {
      schema: CORE_SCHEMA,
      listener: (event: string, state: { position: number; kind: string | null; result: unknown }) => {
        events.push(`${event}@${state.position}${event === 'close' ? ` ${state.kind} ${JSON.stringify(state.result)}` : ''}`);
      },
    } as LoadOptions);
    expect(events).toStrictEqual([
      'open@0', 'open@0', 'close@1 scalar "a"',
      'open@2', 'open@4', 'close@5 scalar 1', 'open@7', 'close@8 scalar "x"', 'close@9 sequence [1,"x"]',
      'open@10', 'close@11 scalar "b"', 'open@12', 'close@13 null null',
      'close@13 mapping {"a":[1,"x"],"b":null}',
    ]);
  });
});

/** partEnd's rule, line by line: the reference the fast one is checked against. */
function partEndByLines(text: string, start: number, last: number, column: number): number | undefined {
  const lines: { at: number; indent: number; rest: string }[] = [];
  for (let at = 0; ; ) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    const indent = line.length - line.replace(/^ +/, '').length;
    lines.push({ at, indent, rest: line.slice(indent) });
    if (nl < 0) break;
    at = nl + 1;
  }
  const blank = (l: { rest: string }) => l.rest === '' || l.rest.startsWith('\r');
  // The part ends before the first line after `last`'s that is neither blank nor a comment indented past the keys.
  const lastLine = lines.findLastIndex((l) => l.at <= last);
  let end = text.length;
  for (let k = lastLine + 1; k < lines.length; k++) {
    const l = lines[k];
    if (!blank(l) && (!l.rest.startsWith('#') || l.indent <= column)) {
      end = l.at;
      break;
    }
  }
  // Undefined when a line of the part after the first holds more than a comment and is indented less than the keys.
  for (const l of lines) {
    if (l.at <= start || l.at + l.indent >= end) continue;
    if (!blank(l) && !l.rest.startsWith('#') && l.indent < column) return undefined;
  }
  return end;
}

describe('partEnd', () => {
  const line = fc.record({ indent: fc.nat({ max: 6 }), body: fc.constantFrom('a: 1', 'b:', '# c', '', '- x', '|', '  ', '\r', 'c: "x"') });
  const doc = fc.array(line, { minLength: 1, maxLength: 12 }).chain((ls) =>
    fc.record({ ls: fc.constant(ls), from: fc.nat({ max: ls.length - 1 }), past: fc.nat({ max: 200 }) }),
  );

  it('ends where the line-by-line rule does, at a line start or the text end, past the last character', () => {
    fc.assert(
      fc.property(doc, ({ ls, from, past }) => {
        const text = ls.map((l) => ' '.repeat(l.indent) + l.body).join('\n');
        const lineAt = ls.slice(0, from).reduce((n, l) => n + l.indent + l.body.length + 1, 0);
        const column = ls[from].indent;
        const start = lineAt + column;
        if (start >= text.length) return;
        const last = start + (past % (text.length - start));
        const end = partEnd(text, start, last, column);
        expect(end, JSON.stringify({ text, start, last, column })).toBe(partEndByLines(text, start, last, column));
        if (end !== undefined) {
          expect(end).toBeGreaterThan(last);
          expect(end === text.length || text[end - 1] === '\n').toBe(true);
        }
      }),
      { seed: SEED, numRuns: 2_000 * SCALE },
    );
  });
});
