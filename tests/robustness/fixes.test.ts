// RELIABILITY battery item 9: every quick fix and suggestion, on every seed plan and on 1,000
// mutated variants made to need them, changes only its target's lines, keeps every comment, keeps
// CRLF and the byte order mark, and (for safe fixes) makes its finding go away for good.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText, type CheckOutput } from '../../src/engine/check.js';
import { applyEdits, fixToEdits } from '../../src/engine/fix.js';
import type { Finding, Fix } from '../../src/engine/types.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const ROOT = path.resolve(__dirname, '../..');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const COMMENT = /(?:^|[ \t])(#.*)$/gm;

/** Checks one fix on the text `before` was checked from; returns whether it applied. */
function checkFix(before: CheckOutput, finding: Finding, fix: Fix, safe: boolean): boolean {
  const { text } = before;
  const edits = before.source && fixToEdits(before.source, fix);
  if (!edits) return false;
  const fixed = applyEdits(text, edits);
  // Only the lines the edits touch change (a removed line is one of them).
  const a = text.split('\n');
  const b = fixed.split('\n');
  const first = Math.min(...edits.map((e) => lineOf(text, e.start)));
  const last = Math.max(...edits.map((e) => lineOf(text, e.end)));
  expect(b.slice(0, first), fix.message.en).toEqual(a.slice(0, first));
  expect(b.slice(b.length - (a.length - 1 - last)), fix.message.en).toEqual(a.slice(last + 1));
  // Every comment outside the edited ranges is still there.
  for (const m of text.matchAll(COMMENT)) {
    const at = (m.index ?? 0) + m[0].indexOf('#');
    if (edits.some((e) => at >= e.start && at < e.end)) continue;
    expect(fixed, fix.message.en).toContain(m[1]);
  }
  // Line ends and the byte order mark stay as they were.
  if (text.includes('\r\n')) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
  expect(fixed.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
  if (safe) {
    // The finding is gone: one fewer finding of its rule, message and place than before. (Counted, not looked up by
    // its fix: of the same exemption comment written twice, one above the other, the second moves to where the first
    // stood once the first is removed, and its fix then reads as the first's.)
    const after = checkText(fixed);
    const same = (f: Finding) => f.ruleId === finding.ruleId && f.messageId === finding.messageId && JSON.stringify(f.path) === JSON.stringify(finding.path);
    expect(after.findings.filter(same).length, fix.message.en).toBeLessThan(before.findings.filter(same).length);
  }
  return true;
}

function checkAllFixes(text: string, limit = Infinity): number {
  let applied = 0;
  const before = checkText(text);
  const findings = before.findings.filter((f) => f.fix || f.suggestions?.length);
  for (const f of findings.slice(0, limit)) {
    if (f.fix && checkFix(before, f, f.fix, true)) applied++;
    for (const s of f.suggestions ?? []) if (checkFix(before, f, s, false)) applied++;
  }
  return applied;
}

/** Edits a seed so that it needs fixes: abbreviated or undeclared units, sums that miss, unused exemptions, misspelt keys. */
const needsFixes = fc.record({
  doc: fc.nat({ max: SEEDS.length - 1 }),
  edits: fc.array(fc.record({ kind: fc.constantFrom('abbreviate', 'undeclared', 'digit', 'exemption', 'typo'), at: fc.nat() }), { minLength: 1, maxLength: 3 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
}).map(({ doc, edits, crlf, bom }) => {
  let text = SEEDS[doc];
  for (const e of edits) {
    const lines = text.split('\n');
    const pick = (re: RegExp) => {
      const hits = lines.map((l, i) => (re.test(l) ? i : -1)).filter((i) => i >= 0);
      return hits.length ? hits[e.at % hits.length] : -1;
    };
    if (e.kind === 'abbreviate') {
      const i = pick(/^\s*(lead|responsible): \[[^\]]*[\u4e00-\u9fff]{5,}/);
      if (i >= 0) lines[i] = lines[i].replace(/([\u4e00-\u9fff])([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2,}(?:局|委|办))/, '$1$3');
    } else if (e.kind === 'undeclared') {
      const i = pick(/^\s*responsible: \[/);
      if (i >= 0) lines[i] = lines[i].replace('responsible: [', 'responsible: [区新设测试局, ');
    } else if (e.kind === 'digit') {
      const i = pick(/(?:value: |\b20\d\d: )\d/);
      if (i >= 0) lines[i] = lines[i].replace(/((?:value: |\b20\d\d: )\d*)(\d)/, (_m, head: string, d: string) => `${head}${(Number(d) + 1) % 10}`);
    } else if (e.kind === 'exemption') {
      const i = pick(/^\s+- /);
      if (i >= 0) lines.splice(i, 0, `${/^\s*/.exec(lines[i])?.[0] ?? ''}# planlint-disable-next-line relation-sum-of -- 测试`);
    } else {
      const i = pick(/^\s+title: /);
      if (i >= 0) lines[i] = lines[i].replace('title:', 'titel:');
    }
    text = lines.join('\n');
  }
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return (bom ? '\uFEFF' : '') + text;
});

describe('quick fixes and suggestions (item 9)', () => {
  it('on every seed plan, as is and with CRLF and a byte order mark', () => {
    let applied = 0;
    for (const text of SEEDS) applied += checkAllFixes(text) + checkAllFixes(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(applied).toBeGreaterThan(0);
  });

  it('on 1,000 variants made to need them', () => {
    let applied = 0;
    fc.assert(
      fc.property(needsFixes, (text) => {
        applied += checkAllFixes(text, 12);
      }),
      { seed: SEED, numRuns: Math.max(1, Math.round(1_000 * SCALE)) },
    );
    // The variants must really exercise fixes and suggestions, not pass by having none.
    expect(applied).toBeGreaterThan(1_000 * SCALE);
  }, 600_000);
});
