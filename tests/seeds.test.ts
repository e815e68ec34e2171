// The seed corpus: every seed parses and validates with no schema finding, and the counts in
// seeds/README.md match the files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/engine/check.js';

const DIR = path.resolve(__dirname, '../seeds');
const SEEDS = fs.readdirSync(DIR).filter((f) => f.endsWith('.plan.yaml')).sort();

/** Counts as seeds/README.md states them: sections at all levels, tasks, units, indicators with parts, yearly targets. */
export function countsOf(text: string): number[] {
  const plan = checkText(text).plan!;
  return [plan.allSections.length, plan.allTasks.length, plan.units.length, plan.allIndicators.length, plan.allIndicators.reduce((n, i) => n + i.yearly.length, 0)];
}

/** The "in file" numbers of each row of the README's counts table, by file name. */
function readmeCounts(): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const line of fs.readFileSync(path.join(DIR, 'README.md'), 'utf8').split('\n')) {
    const m = /^\|\s*`([^`]+\.plan\.yaml)`\s*\|(.+)\|\s*$/.exec(line);
    if (!m) continue;
    // Cells read "source / file": the numbers a reviewer counted in the source, and the file's.
    const cells = m[2].split('|').map((c) => c.split('/').map((x) => Number(x.trim())));
    rows.set(m[1], cells.map(([, file]) => file));
    rows.set(`source:${m[1]}`, cells.map(([source]) => source));
  }
  return rows;
}

/** The reviewed findings of seeds/FINDINGS.md: "line rule message" per seed file. */
function reviewedFindings(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of fs.readFileSync(path.join(DIR, 'FINDINGS.md'), 'utf8').split('\n')) {
    const head = /^## (\S+\.plan\.yaml)/.exec(line);
    if (head) out.set(head[1], (current = []));
    const row = /^\| (\d+) \| [^|]* \| `([^`]+)` \| \w+ \| (.+?) \| .* \|$/.exec(line);
    if (row && current) current.push(`${row[1]} ${row[2]} ${row[3]}`);
  }
  return out;
}

describe('seeds', () => {
  it('there are nineteen: the five the project was created from, and fourteen held-out plans (issue #21: 005, 006, then 007, 008, then 009, 010, then 011, 012, then 013, 014, then 015, 016, then 017, 018)', () => {
    expect(SEEDS).toHaveLength(19);
  });

  for (const seed of SEEDS) {
    it(`${seed} parses and follows the plan format`, () => {
      const out = checkText(fs.readFileSync(path.join(DIR, seed), 'utf8'));
      const structural = out.findings.filter((f) => f.ruleId === 'schema' || f.ruleId.startsWith('yaml') || f.ruleId === 'encoding');
      expect(structural.map((f) => `${out.lines.position(f.range.start).line + 1}: ${f.message.en}`)).toEqual([]);
    });

    it(`${seed}: the findings are the ones reviewed in seeds/FINDINGS.md`, () => {
      const out = checkText(fs.readFileSync(path.join(DIR, seed), 'utf8'));
      const got = out.findings.map((f) => `${out.lines.position(f.range.start).line + 1} ${f.ruleId} ${f.message['zh-CN']}`);
      expect(got, 'review the new findings and update seeds/FINDINGS.md').toEqual(reviewedFindings().get(seed));
    });

    it(`${seed} has the counts seeds/README.md states, and they match the source's`, () => {
      const rows = readmeCounts();
      const counts = countsOf(fs.readFileSync(path.join(DIR, seed), 'utf8'));
      expect(rows.get(seed), 'a row in seeds/README.md').toEqual(counts);
      expect(rows.get(`source:${seed}`), 'the source has as many as the file').toEqual(counts);
    });
  }
});
