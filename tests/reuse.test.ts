// A check of a file's next version (the editor's next keystroke, --baseline's last round) keeps the
// findings of the tree-local rules outside the indicator trees an edit changed, runs them on those
// trees alone, and scans and counts only what the edit wrote (src/engine/reuse.ts). Whatever the edit,
// it must give exactly what a check from nothing gives. The edits here are made the way a drafter makes
// them, through the data (a figure, a year, a name, a unit, a part removed), at places drawn from every
// seed and every rule's fixtures, inside the trees and outside them, with and without the register.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, type CheckOutput } from '../src/engine/check.js';
import { applyEdits, fixToEdits, readConfigText, type Config } from '../src/engine/index.js';
import { LIMITS } from '../src/engine/read/limits.js';
import { changedTrees, TREE_LOCAL } from '../src/engine/reuse.js';
import { CHECKS } from '../src/engine/checks/index.js';
import type { DataPath, FixOperation } from '../src/engine/types.js';

const root = path.join(__dirname, '..');
const planFiles = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.plan.yaml')).map((f) => path.join(dir, f)) : []);
const TEXTS = [
  ...planFiles(path.join(root, 'seeds')),
  ...fs.readdirSync(path.join(root, 'rules')).flatMap((r) => planFiles(path.join(root, 'rules', r, 'fixtures'))),
].map((file) => ({ name: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));

const CONFIGS: [string, Config | undefined][] = [
  ['no config', undefined],
  ['the default register', readConfigText('defaultRegister: true\n', () => undefined).config],
];

/** What a finding shows a user, fixes included. */
const shown = (out: CheckOutput) => out.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, messageId: f.messageId, message: f.message, path: f.path, range: f.range, fix: f.fix, suggestions: f.suggestions }));

/** A small, fixed sequence of choices (a linear congruential generator): the same places every run. */
function chooser(seed: number) {
  let s = seed >>> 0;
  return <T>(list: readonly T[]): T => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return list[s % list.length];
  };
}

type Leaf = { path: DataPath; value: unknown; inTree: boolean };

/** Every scalar of the data, with whether it lies inside an indicator tree. */
function leaves(data: unknown): Leaf[] {
  const out: Leaf[] = [];
  const walk = (v: unknown, at: DataPath, inTree: boolean) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i], inTree || at[at.length - 1] === 'indicators'));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...at, k], inTree);
    else out.push({ path: at, value: v, inTree });
  };
  walk(data, [], false);
  return out;
}

/** The edits a drafter might make to one scalar: among them, the value of another place under the same key (a name or an id written twice). */
function editsOf(leaf: Leaf, pick: ReturnType<typeof chooser>, all: readonly Leaf[]): FixOperation[] {
  const { path: at, value } = leaf;
  const key = at[at.length - 1];
  const twins = all.filter((l) => l !== leaf && l.path[l.path.length - 1] === key && typeof l.value === typeof value && l.value !== value);
  const copy: FixOperation[] = twins.length > 0 && (typeof value === 'string' || typeof value === 'number') ? [{ op: 'set', path: at, value: pick(twins).value as string | number }] : [];
  if (typeof value === 'number') return [{ op: 'set', path: at, value: value + pick([1, 3, 17]) }, { op: 'set', path: at, value: pick([0, -5, value * 10, 100.5]) }, { op: 'remove', path: at }, ...copy];
  if (typeof value === 'string') return [{ op: 'set', path: at, value: pick([`${value}局`, '', '人', '%', '万元', '区教育局', `${value} 个`]) }, { op: 'remove', path: at }, ...copy];
  if (typeof value === 'boolean') return [{ op: 'set', path: at, value: !value }];
  return [];
}

/** A next version of `text` with `op` applied through the data, or undefined where it cannot be placed. */
function edited(base: CheckOutput, op: FixOperation): string | undefined {
  if (!base.source) return undefined;
  const edits = fixToEdits(base.source, { messageId: 'x', message: { 'zh-CN': 'x', en: 'x' }, operations: [op] });
  if (!edits || edits.length === 0) return undefined;
  const next = applyEdits(base.text, edits);
  return next === base.text ? undefined : next;
}

describe('a next version checked from the previous one gives what a check from nothing gives', () => {
  for (const [configName, config] of CONFIGS) {
    it(`every seed and every rule fixture, edits inside and outside the indicator trees, ${configName}`, () => {
      let compared = 0;
      let changedFindings = 0;
      let inTrees = 0;
      let kept = 0;
      for (const [n, { name, text }] of TEXTS.entries()) {
        const pick = chooser(n + 7);
        const base = checkText(text, { config, relativePath: 'x.plan.yaml' });
        if (base.data === undefined) continue;
        const all = leaves(base.data);
        const inside = all.filter((l) => l.inTree);
        const outside = all.filter((l) => !l.inTree);
        // A sample of a plan's places, most inside the trees; a small fixture's every place.
        const chosen = all.length <= 30 ? all : [...Array.from({ length: 24 }, () => pick(inside.length > 0 ? inside : all)), ...Array.from({ length: 6 }, () => pick(outside))];
        for (const leaf of chosen) {
          for (const op of editsOf(leaf, pick, all)) {
            const next = edited(base, op);
            if (next === undefined) continue;
            const fresh = checkText(next, { config, relativePath: 'x.plan.yaml' });
            const again = checkText(next, { config, relativePath: 'x.plan.yaml', previous: base.source });
            expect(shown(again), `${name}: ${JSON.stringify(op)}`).toEqual(shown(fresh));
            // A chain of versions, each read from the one before: back to the first text.
            const back = checkText(text, { config, relativePath: 'x.plan.yaml', previous: again.source });
            expect(shown(back), `${name}: back from ${JSON.stringify(op)}`).toEqual(shown(base));
            compared++;
            if (JSON.stringify(shown(fresh)) !== JSON.stringify(shown(base))) changedFindings++;
            const trees = base.source && again.data !== undefined ? changedTrees(base.data, again.data) : undefined;
            if (trees) {
              inTrees++;
              kept += again.keptRules ?? 0;
            }
          }
        }
      }
      // Not vacuous: many edits, many of which change the findings, most inside trees where rules are kept.
      expect(compared).toBeGreaterThan(1500);
      expect(changedFindings).toBeGreaterThan(300);
      expect(inTrees).toBeGreaterThan(800);
      expect(kept).toBeGreaterThan(inTrees * 20);
    }, 120_000);
  }

  it('lists only rules that exist', () => {
    for (const id of TREE_LOCAL.keys()) expect(Object.keys(CHECKS)).toContain(id);
  });
});

describe('which edits keep findings', () => {
  const data = { plan: { title: 't', indicators: [{ name: 'a', overall: 1 }] }, sections: [{ title: 's', tasks: [{ title: 'x', indicators: [{ name: 'b', yearly: { 2021: 1 }, parts: [{ name: 'c' }] }] }] }] };
  const copy = () => JSON.parse(JSON.stringify(data));

  it('an edit inside an indicator or its parts names that tree; the same data names none', () => {
    const figure = copy();
    figure.sections[0].tasks[0].indicators[0].parts[0].name = 'd';
    expect(changedTrees(data, figure)).toEqual([['sections', 0, 'tasks', 0, 'indicators', 0]]);
    const planLevel = copy();
    planLevel.plan.indicators[0].overall = 2;
    expect(changedTrees(data, planLevel)).toEqual([['plan', 'indicators', 0]]);
    expect(changedTrees(data, copy())).toEqual([]);
  });

  it('an edit anywhere else, a list grown or an indicator that is no longer a mapping keeps nothing', () => {
    const title = copy();
    title.sections[0].tasks[0].title = 'y';
    expect(changedTrees(data, title)).toBeUndefined();
    const added = copy();
    added.sections[0].tasks[0].indicators.push({ name: 'e' });
    expect(changedTrees(data, added)).toBeUndefined();
    const scalar = copy();
    scalar.sections[0].tasks[0].indicators[0] = 'b';
    expect(changedTrees(data, scalar)).toBeUndefined();
    const key = copy();
    key.sections[0].tasks[0].lead = ['u'];
    expect(changedTrees(data, key)).toBeUndefined();
  });
});

describe('the scans and the key count after an edit', () => {
  const seed = TEXTS.find((t) => t.name.startsWith('seeds'))!.text;
  const cases: [string, (t: string) => string][] = [
    ['a control character written', (t) => t.replace('title: ', 'title: \u0007')],
    ['a bidi control written', (t) => t.replace('title: ', 'title: \u202E')],
    ['decoding damage written', (t) => t.replace('title: ', 'title: \uFFFD')],
  ];
  for (const [what, make] of cases) {
    it(`${what}, then one before it, then both removed: each version as a check from nothing finds it`, () => {
      const one = make(seed);
      const first = checkText(seed);
      const second = checkText(one, { previous: first.source });
      expect(shown(second)).toEqual(shown(checkText(one)));
      expect(second.findings.some((f) => f.ruleId === 'encoding')).toBe(true);
      // Another one earlier in the text: the first place moves to it.
      const earlier = `# \u0007\u202E\uFFFD\n${one}`;
      expect(shown(checkText(earlier, { previous: second.source }))).toEqual(shown(checkText(earlier)));
      // Removed again: none is left.
      expect(shown(checkText(seed, { previous: second.source }))).toEqual(shown(first));
    });
  }

  it('a version past the key limit by an edit is refused as a whole count would refuse it', () => {
    const keep = LIMITS.maxKeys;
    try {
      const base = 'a: 1\nb: 2\nc: 3\n';
      LIMITS.maxKeys = 3;
      const first = checkText(base);
      expect(first.findings.some((f) => f.ruleId === 'file-too-large')).toBe(false);
      const more = checkText('a: 1\nb: 2\nc: 3\nd: 4\n', { previous: first.source });
      expect(more.findings.map((f) => f.messageId)).toContain('tooManyKeys');
      // An edit that removes a key: under the limit again.
      const joined = checkText('a: 1\nb: 2\n', { previous: more.source ?? first.source });
      expect(joined.findings.map((f) => f.messageId)).not.toContain('tooManyKeys');
    } finally {
      LIMITS.maxKeys = keep;
    }
  });
});
