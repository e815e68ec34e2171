// A plan with very many safe fixes is fixed in near-linear time. Each fix was compared with every fix taken
// before it, and each node of the data with every path the fixes may change: on 2 cores, fixing 10,000 stray
// spaces took 4.2 s and 50,000 took 139 s (now 0.3 s and 1 s), the editor's fix-all the same. The quick
// fixes of a selection of the whole document looked each diagnostic up in the whole list and searched the
// whole text for its line break (50,000: 42 s, now 1.3 s). Bounds are hang guards, generous for a loaded
// CI machine; each test also checks that the work was done.
import fc from 'fast-check';
import { CodeActionKind } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { checkText, fixAll, nonOverlapping, type CheckOutput, type TextEdit } from '../../src/engine/index.js';
import { codeActions } from '../../src/language/code-actions.js';
import { toDiagnostics } from '../../src/language/diagnostics.js';

const N = 50_000;
// Far below the quadratic code's time (139 s for N fixes), far above the present one's (about 1 s).
const BOUND_MS = 30_000;
const HEAD = 'plan:\n  title: 民生实事\nunits:\n  - name: 区卫生健康委员会\nsections:\n  - title: 普惠托育\n    tasks:\n';
/** N tasks whose titles each have a stray space: N text-no-stray-space findings, each with a safe fix. */
const plan = (title: (i: number) => string) => HEAD + Array.from({ length: N }, (_, i) => `      - title: ${title(i)}\n`).join('');
const SPACED = plan((i) => `新增 托位${i}`);
const FIXED = plan((i) => `新增托位${i}`);

let checkedOnce: CheckOutput | undefined;
/** The check of SPACED, done once for both tests. */
const checked = () => (checkedOnce ??= checkText(SPACED));

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  expect(ms, `${Math.round(ms)} ms`).toBeLessThan(BOUND_MS);
  return result;
}

/** The rule nonOverlapping keeps, written out: each candidate against every edit taken before it. */
function naive(candidates: readonly (readonly TextEdit[] | undefined)[]): boolean[] {
  const taken: TextEdit[] = [];
  return candidates.map((c) => {
    if (!c || c.some((x) => taken.some((y) => x.start < y.end && y.start < x.end))) return false;
    taken.push(...c);
    return true;
  });
}

describe('a plan with 50,000 safe fixes', () => {
  it('--fix applies them all', () => {
    const output = checked();
    expect(output.findings.filter((f) => f.ruleId === 'text-no-stray-space' && f.fix)).toHaveLength(N);
    const fixed = timed(() => fixAll(SPACED, {}, undefined, output));
    expect(fixed.stopped).toBeUndefined();
    expect(fixed.applied).toBe(N);
    expect(fixed.text).toBe(FIXED);
    expect(fixed.output.findings.filter((f) => f.ruleId === 'text-no-stray-space')).toHaveLength(0);
  }, 120_000);

  // The editor's fix-all is fixAll too, from the check it has.
  it('the editor\'s quick fixes for a selection of the whole document', () => {
    const output = checked();
    const diagnostics = toDiagnostics(output, 'en', () => undefined);
    const doc = { uri: 'file:///many.plan.yaml', version: 1, text: SPACED, options: {} };
    const actions = timed(() => codeActions(output, { diagnostics, only: [CodeActionKind.QuickFix] }, { doc, lang: 'en', docsUri: () => undefined }));
    // Each stray space's fix is offered, for its own diagnostic.
    const removals = actions.filter((a) => a.isPreferred && a.title.startsWith('Remove the stray space'));
    expect(removals).toHaveLength(N);
    expect(removals[N - 1].diagnostics?.[0].range.start.line).toBe(HEAD.split('\n').length - 1 + N - 1);
  }, 120_000);
});

describe('nonOverlapping', () => {
  const edit = fc.record({ start: fc.nat({ max: 40 }), length: fc.nat({ max: 5 }) }).map(({ start, length }) => ({ start, end: start + length, text: '' }));
  const candidates = fc.array(fc.option(fc.array(edit, { minLength: 1, maxLength: 3 }), { nil: undefined }), { maxLength: 30 });

  it('takes what comparing each candidate with every edit taken before it takes', () => {
    // Short edits on a short text: overlaps, touching ends, insertions inside and at the ends of edits.
    fc.assert(fc.property(candidates, (c) => {
      expect(nonOverlapping(c)).toEqual(naive(c));
    }), { numRuns: 2000 });
  });

  it('of 200,000 fixes, every other overlapping the one before', () => {
    const c = Array.from({ length: 200_000 }, (_, i) => [{ start: 10 * i - (i % 2) * 5, end: 10 * i + 8, text: '' }]);
    const taken = timed(() => nonOverlapping(c));
    expect(taken.filter(Boolean)).toHaveLength(100_000);
    expect(taken.slice(0, 4)).toEqual([true, false, true, false]);
  });
});
