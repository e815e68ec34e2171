// The last round checked with its fixes deferred (what `--baseline` does) compares as the full check does:
// the same states, the same fixed findings (with their fixes), the same target and task changes; and
// compareRounds gives the comparisons recorded in the snapshot (made when it still named every object, and
// checked then against that version: what it reports must not move when it is made faster).
// changedSpan, which reads a last round from this round's reading, finds the span a scan character by character does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { changedSpan, compareRounds, fixAll, readConfigText, toRows, type Finding } from '../src/engine/index.js';

const SEEDS = path.join(__dirname, '..', 'seeds');
const seeds = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.plan.yaml')).map((f) => ({ name: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8') }));
const configs = {
  plain: readConfigText('', () => undefined).config,
  register: readConfigText('defaultRegister: true\n', () => undefined).config,
};

const FIGURE = /(\b20\d\d: |value: )(\d+)(?=[\s,}])/g;
/** `text` with its k-th figure raised by `by` (the edit bench/rounds.mjs makes). */
function editFigure(text: string, k: number, by: number): string {
  const n = [...text.matchAll(FIGURE)].length;
  let i = 0;
  return text.replace(FIGURE, (m, lead: string, digits: string) => (i++ === k % n ? `${lead}${Number(digits) + by}` : m));
}

/**
 * The edits of a round: lines moved (comments inserted above), a task renamed, targets changed, all
 * three, and the safe fixes applied (so that findings with fixes are fixed, and shown with them).
 */
const EDITS: Record<string, (text: string) => string> = {
  fixed: (t) => fixAll(t, { config: configs.register }).text,
  moved: (t) => t.replace(/\n/, '\n# 第二轮修改稿\n# 修改说明见附件\n\n'),
  renamed: (t) => t.replace(/(\n +- (?:id: \S+\n +)?(?:number: \S+\n +)?title: )(\S[^\n]*)/, '$1$2(修订)'),
  target: (t) => editFigure(editFigure(t, 3, 2), 11, 5),
  all: (t) => EDITS.target(EDITS.renamed(EDITS.moved(t))),
};

/** What `--baseline` reports for a pair, with the last round checked in full or with its fixes deferred. */
function compare(oldText: string, newText: string, config: typeof configs.plain, deferred: boolean) {
  const now = checkText(newText, { config });
  const next = { findings: toRows(now.findings, now.lines), plan: now.plan };
  if (!deferred) {
    const was = checkText(oldText, { config });
    return compareRounds({ findings: toRows(was.findings, was.lines), plan: was.plan }, next);
  }
  const was = checkText(oldText, { config, deferFixes: true, ...(now.source ? { previous: now.source } : {}) });
  const compared = compareRounds<Finding | ReturnType<typeof toRows>[number]>({ findings: was.findings, plan: was.plan }, next);
  const fixed = compared.fixed as Finding[];
  was.completeFixes?.(fixed);
  return { ...compared, fixed: toRows(fixed, was.lines) };
}

/** A comparison as the snapshot records it: the states, the fixed findings by rule, place and message, the changes. */
const summary = (c: ReturnType<typeof compare>) => ({
  states: c.states.join(' '),
  fixed: c.fixed.map((f) => `${f.ruleId} ${f.line}:${f.column} ${JSON.stringify(f.path)} ${f.message['zh-CN']}`),
  targets: c.targets, tasksAdded: c.tasksAdded, tasksRemoved: c.tasksRemoved,
});

describe('the last round with its fixes deferred', () => {
  for (const seed of seeds) {
    for (const [edit, apply] of Object.entries(EDITS)) {
      it(`${seed.name}, ${edit}: the same comparison as the full check, both ways, with and without the register`, () => {
        const edited = apply(seed.text);
        // Only the safe fixes may leave a seed as it was (one with none).
        if (edit !== 'fixed') expect(edited).not.toBe(seed.text);
        const recorded: unknown[] = [];
        for (const config of Object.values(configs)) {
          for (const [oldText, newText] of [[edited, seed.text], [seed.text, edited]]) {
            const full = compare(oldText, newText, config, false);
            recorded.push(summary(full));
            expect(compare(oldText, newText, config, true)).toEqual(full);
          }
        }
        expect(recorded).toMatchSnapshot();
      });
    }
    it(`${seed.name}: every finding, its fixes completed, equals the full check's`, () => {
      for (const config of Object.values(configs)) {
        const full = checkText(seed.text, { config });
        const cheap = checkText(seed.text, { config, deferFixes: true });
        expect(cheap.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual(full.findings.map((f) => [f.ruleId, f.path, f.message]));
        cheap.completeFixes?.(cheap.findings);
        expect(cheap.findings).toEqual(full.findings);
      }
    });
  }

  it('the edits make the comparisons these tests are about: findings fixed, targets changed, a task renamed', () => {
    const seed = seeds.find((s) => s.name.startsWith('003'))!;
    const byTarget = compare(EDITS.target(seed.text), seed.text, configs.register, true);
    expect(byTarget.targets.length).toBeGreaterThan(0);
    const all = seeds.flatMap((s) => [compare(EDITS.all(s.text), s.text, configs.register, true), compare(s.text, EDITS.all(s.text), configs.register, true)]);
    expect(all.some((c) => c.fixed.length > 0)).toBe(true);
    expect(all.some((c) => c.states.includes('new'))).toBe(true);
    expect(all.some((c) => c.tasksAdded.length > 0 || c.states.includes('unchanged'))).toBe(true);
    const fixed = seeds.map((s) => compare(s.text, EDITS.fixed(s.text), configs.register, true));
    expect(fixed.some((c) => c.fixed.some((f) => f.fix !== undefined))).toBe(true);
  });
});

describe('changedSpan', () => {
  /** The span as a scan character by character finds it (changedSpan compares blocks first). */
  const byCharacter = (before: string, after: string) => {
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before[start] === after[start]) start++;
    let same = 0;
    while (same < shorter - start && before[before.length - 1 - same] === after[after.length - 1 - same]) same++;
    return { start, end: before.length - same, delta: after.length - before.length };
  };

  it('finds the span a scan character by character finds, at and around its blocks\' edges', () => {
    const base = Array.from({ length: 9000 }, (_, i) => '目标值指标任务年度'[i % 9] ?? 'x').join('');
    for (const at of [0, 1, 2047, 2048, 2049, 4095, 4096, 6000, 8999]) {
      for (const [cut, insert] of [[0, 'X'], [1, ''], [1, 'YZ'], [3000, 'Q'], [0, 'aaaa'.repeat(700)]] as const) {
        const after = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut));
        expect(changedSpan(base, after)).toEqual(byCharacter(base, after));
        expect(changedSpan(after, base)).toEqual(byCharacter(after, base));
      }
    }
    expect(changedSpan(base, base)).toEqual({ start: base.length, end: base.length, delta: 0 });
    // Repeated text: a change the blocks could take for a shift is found where it is.
    const rep = 'ab'.repeat(5000);
    expect(changedSpan(rep, 'ab' + rep)).toEqual(byCharacter(rep, 'ab' + rep));
  });
});
