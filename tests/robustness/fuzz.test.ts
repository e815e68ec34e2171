// fast-check fuzzing of the whole check, fixed seed in CI.
// Property: on any text the engine returns findings (never throws), every range lies inside the
// text, and every message is fully rendered in both languages.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/engine/check.js';
import { fixAll } from '../../src/engine/fix-all.js';

// Fixed in CI; FUZZ_SEED and FUZZ_SCALE let a developer search further, or run a smaller pass while iterating.
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TOKENS = [
  'plan:', 'title: 计划', 'period: { start: 2021, end: 2023 }', 'sections:', 'tasks:', 'indicators:', 'units:', '- ', '  ', '    ',
  '\n', '\r\n', '\r', '\t', ' ', 'name: 新建幼儿园', 'kind: increment', 'yearly:', '2018: 87', '{ 2021: 4, 2022: 6 }', 'overall: { value: 15 }',
  'lead: [区教委]', 'responsible: [各街镇, 区财政局]', '&a ', '*a', '&b [*a, *a, *a]', '<<: *a', '<<: ', '!!js/function ', '!!binary ', '!foo ',
  '%YAML 1.1\n---\n', '---\n', '...\n', '\uFEFF', '\u0000', '\ud800', '\udfff', '😀', '[', ']', '{', '}', ',', ':', '?', '"', "'", '|', '>', '#', '# planlint-disable-next-line yearly-sum-matches-overall',
  '__proto__: 1', 'constructor: {}', 'value: 1e309', 'value: -0', 'value: .nan', 'value: 0x1F', 'value: 0777', 'no', 'yes', '~', 'null',
  '<<<<<<< HEAD\n', '=======\n', '>>>>>>> branch\n', '"\\u0000"', "'it''s'", '"\\x"',
];

const validResult = (text: string) => {
  const out = checkText(text);
  for (const f of out.findings) {
    expect(f.range.start).toBeGreaterThanOrEqual(0);
    expect(f.range.end).toBeGreaterThanOrEqual(f.range.start);
    expect(f.range.end).toBeLessThanOrEqual(text.length);
    expect(f.message['zh-CN']).not.toMatch(/\{\w+\}/);
    expect(f.message.en).not.toMatch(/\{\w+\}/);
  }
  return out;
};

describe('fuzzing (fixed seed unless FUZZ_SEED is set)', () => {
  it('20,000 random YAML token streams: no exception escapes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
        validResult(tokens.join(''));
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(20_000 * SCALE)) },
    );
  }, 600_000);

  it('1,000 mutations of real plans: no exception, and safe fixes converge', () => {
    const dir = path.resolve(__dirname, '../../seeds');
    const seeds = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.plan.yaml')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
    const corpus = [...seeds, fs.readFileSync(path.resolve(__dirname, '../../docs/example.plan.yaml'), 'utf8')];
    const mutation = fc.record({
      doc: fc.integer({ min: 0, max: corpus.length - 1 }),
      at: fc.nat(),
      len: fc.nat({ max: 40 }),
      insert: fc.constantFrom('', ...TOKENS),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (muts) => {
        let text = corpus[muts[0].doc];
        for (const m of muts) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.len);
        }
        validResult(text);
        const once = fixAll(text);
        expect(fixAll(once.text).text).toBe(once.text);
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(1_000 * SCALE)) },
    );
  }, 600_000);
});
