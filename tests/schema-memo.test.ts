// The schema's memo of parts (sections, tasks, indicators): a check that reads a round from the last
// round's reading (the editor's next version, --baseline's last round) takes the results of the parts
// it did not re-read from the memo, and must give the findings a check without it gives, whichever
// part changed between the rounds and however the problems move.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';
import { parseYaml } from '../src/engine/parse.js';
import { newSchemaMemo, validatePlan } from '../src/engine/schema.js';

const FIXTURE = path.join(__dirname, '..', 'rules', 'schema', 'fixtures', 'invalid.plan.yaml');
const SEEDS = path.join(__dirname, '..', 'seeds');
const seed = fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS).filter((f) => f.endsWith('.plan.yaml'))[0]), 'utf8');

/** A plan with a schema problem in a nested section, a task and two indicators of another section. */
const PLAN = `plan:
  title: 备忘测试
  period: { start: 2021, end: 2023 }
sections:
  - title: 就业
    tasks:
      - title: 稳就业
        bogus: 1
        indicators:
          - name: 新增就业
            kind: increment
            overall: { year: 2023, value: 3.5万 }
          - name: 培训
            kind: increment
            overall: { year: 2023, value: 100 }
  - title: 教育
    sections:
      - title: 学前
        tasks:
          - title: 建幼儿园
            indicators:
              - name: 新建幼儿园
                kind: increment
                overall: { year: 2023, value: 12 }
              - name: 覆盖率
                kind: levle
                overall: { year: 2023, value: 90 }
`;

function dataOf(text: string): unknown {
  const parsed = parseYaml(text);
  expect(parsed.data).toBeDefined();
  return parsed.data;
}

/** The findings a check of `text` gives, as data to compare. */
function findings(text: string, previous?: ReturnType<typeof checkText>['source']) {
  return checkText(text, { deferFixes: true, ...(previous ? { previous } : {}) }).findings.map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, message: f.message, path: f.path, range: f.range }));
}

/** Rounds that differ from PLAN in one part each: a problem fixed, one made, a value changed, a part inserted before the others. */
const EDITS: [string, string][] = [
  ['a task\'s unknown key removed', PLAN.replace('        bogus: 1\n', '')],
  ['an indicator\'s problem fixed', PLAN.replace('value: 3.5万', 'value: 35000')],
  ['a problem made in a part that had none', PLAN.replace('value: 12 }', 'value: 十二 }')],
  ['a nested indicator\'s kind corrected', PLAN.replace('kind: levle', 'kind: level')],
  ['a figure changed, no problem moved', PLAN.replace('value: 100 }', 'value: 120 }')],
  ['a section inserted before the others', PLAN.replace('sections:\n  - title: 就业', 'sections:\n  - title: 新章\n    taks: []\n  - title: 就业')],
];

describe('the schema memo of parts', () => {
  it('gives the problems validation without it gives, on a first validation and on a second of the same data', () => {
    for (const text of [PLAN, fs.readFileSync(FIXTURE, 'utf8'), seed]) {
      const data = dataOf(text);
      const memo = newSchemaMemo();
      const plain = validatePlan(data);
      expect(validatePlan(data, memo)).toEqual(plain);
      expect(validatePlan(data, memo)).toEqual(plain);
    }
    expect(validatePlan(dataOf(PLAN)).length).toBe(3);
  });

  it('gives a round read from the last round\'s reading the findings of a check of it alone, whichever part changed', () => {
    for (const [what, edited] of EDITS) {
      expect(edited, what).not.toBe(PLAN);
      // Both ways round: the edited text read from PLAN's reading, and PLAN from the edited one's.
      for (const [from, to] of [[PLAN, edited], [edited, PLAN]]) {
        const first = checkText(from, { deferFixes: true });
        expect(first.source?.schemaMemo, what).toBeDefined();
        expect(findings(to, first.source), what).toEqual(findings(to));
      }
    }
  });

  it('finds a part by its data, not by where it is: a part moved has its problems where it is now', () => {
    const memo = newSchemaMemo();
    const data = dataOf(PLAN) as { sections: unknown[] };
    const before = validatePlan(data, memo);
    // The same section objects, one place further down: a memo keyed by path would give the old places.
    const moved = { ...data, sections: [{ title: '新章' }, ...data.sections] };
    const after = validatePlan(moved, memo);
    expect(after).toEqual(validatePlan(moved));
    expect(after.map((p) => p.path[1])).toEqual(before.map((p) => (p.path[0] === 'sections' ? Number(p.path[1]) + 1 : p.path[1])));
    // Another plan's part at the same place: a memo keyed by path (or by position) would give this part's problems to it.
    const other = dataOf(PLAN.replace('        bogus: 1\n', '').replace('kind: levle', 'kind: level'));
    expect(validatePlan(other, memo)).toEqual(validatePlan(other));
    expect(validatePlan(other, memo).length).toBe(before.length - 2);
  });

  it('takes a part it has seen from the memo: the same object gives its first result (data once read is never changed)', () => {
    const memo = newSchemaMemo();
    const data = dataOf(PLAN) as { sections: { tasks?: Record<string, unknown>[] }[] };
    const first = validatePlan(data, memo);
    const task = data.sections[0].tasks?.[0] as Record<string, unknown>;
    delete task.bogus;
    // Without the memo the change shows; with it, the task is the object it validated and is not validated again.
    expect(validatePlan(data).length).toBe(first.length - 1);
    expect(validatePlan(data, memo)).toEqual(first);
  });
});
