// Round trip: each seed exported to .docx (as `planlint export --to docx --force` does) and imported
// back (as `planlint import` does). Sections, tasks and units must come back equal to the plan file's;
// indicators are compared by value (never by source line or quote: those point into the original text,
// not the exported one), and every difference that remains is listed, with its reason, in
// tests/roundtrip/<seed>.differences.txt — a new difference, or one fixed, fails until that list is
// reviewed and updated (`npx vitest run tests/roundtrip.test.ts -u`).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, importDocument, type Indicator, type Plan, type Section, type Target, type Task } from '../src/engine/index.js';
import { parseYaml } from '../src/engine/parse.js';
import { exportPlan } from '../src/export/export.js';

const ROOT = path.resolve(__dirname, '..');
const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.plan.yaml')).sort();
const planOf = (text: string): Plan => buildPlan(parseYaml(text).data);

/** Numbers compare as printed: 1 and 1. are one number, (一) and (一) too. */
const number = (n: string | undefined) => (n ?? '').replace(/[(]/g, '(').replace(/[)]/g, ')').replace(/[.．、\s]+$/, '');
const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name);

interface Item {
  kind: 'section' | 'task';
  number: string;
  title: string;
  lead: string[];
  responsible: string[];
  indicators: Indicator[];
}

/** Sections and tasks in document order (a section's tasks, then its sub-sections, as the export writes them). */
function items(plan: Plan): Item[] {
  const out: Item[] = [];
  const walk = (s: Section) => {
    out.push({ kind: 'section', number: number(s.number), title: s.title, lead: names(s.lead), responsible: names(s.responsible), indicators: s.indicators });
    for (const t of s.tasks) out.push(taskItem(t));
    s.sections.forEach(walk);
  };
  plan.sections.forEach(walk);
  return out;
}

function taskItem(t: Task): Item {
  return { kind: 'task', number: number(t.number), title: t.title, lead: names(t.lead), responsible: names(t.responsible), indicators: t.indicators };
}

/**
 * Documented exception: a long title comes back cut at one of its commas, or before 举办/按照/大力/进一步.
 * The document prints "(6)利用财政性资金和国有资产举办的幼儿园全部用于扩大公办资源。" exactly as a source prints
 * a run-on first sentence, and the importer takes a heading to be the first clause of such a sentence
 * (what the seeds' own titles are in most plans, see `titleOf`); nothing in the text tells the two apart.
 */
function titleCameBack(gold: string, got: string): boolean {
  if (gold === got) return true;
  const rest = gold.slice(got.length);
  // "精准扶贫:农村饮用水安全巩固提升" (a table row's 项目 cell) comes back as its run-in head before the colon,
  // as a heading "精准扶贫:……" of a real document is read.
  if (got.length >= 2 && gold.startsWith(got) && /^[::]/.test(rest)) return true;
  return got.length >= 6 && gold.startsWith(got) && /^([,,]|大力推行|大力|按照|举办|进一步)/.test(rest);
}

const flat = (list: readonly Indicator[]): Indicator[] => list.flatMap((i) => [i, ...flat(i.parts)]);
const target = (t: Target | undefined) => (t ? `${t.year ?? '-'}:${t.value}${t.comparator ?? ''}` : '∅');
const years = (i: Indicator) => i.yearly.map(target).join(' ') || '∅';

const FIELDS: [string, (i: Indicator) => string][] = [
  ['kind', (i) => i.kind ?? '∅'],
  ['unit', (i) => i.unit ?? '∅'],
  ['comparator', (i) => i.comparator ?? '∅'],
  ['baseline', (i) => target(i.baseline)],
  ['yearly', years],
  ['overall', (i) => target(i.overall)],
  ['actual', (i) => (i.actual ? `${i.actual.asOf ?? '-'}:${i.actual.value ?? '-'}${i.actual.unit ?? ''}|${i.actual.percent ?? '-'}%|${i.actual.status ?? '-'}` : '∅')],
];

/**
 * Why an indicator field differs after the round trip. The importer reads indicators out of prose, so
 * these are the limits of that reading on the exported sentences (the same limits `npm run import-score`
 * measures on the original texts), not losses of the exporter.
 */
const REASON: Record<string, string> = {
  missing: 'not recognised: the importer finds no figure it reads as this indicator in the sentence',
  name: 'name: the importer names an indicator by the words next to its figure, a shorter or longer span than the plan file’s name',
  kind: 'kind: guessed from the verb (新增/达到/累计) and the unit',
  unit: 'unit: the measure word read after the figure',
  comparator: 'comparator: read from 以上/以内/不低于 next to the figure',
  baseline: 'baseline: read only from 截至…年 / 由…年的… sentences',
  yearly: 'yearly: a year is read only where the sentence names it',
  overall: 'overall: a year is read only where the sentence names it (到…年)',
  actual: 'actual: read back from a 截至…年…月 sentence: the figure and the rate, not a status in words',
};

/** Matches each indicator of an owner to one imported back: same name, else same unit and figures. */
function differences(gold: readonly Indicator[], got: readonly Indicator[], owner: string): string[] {
  const g = flat(gold);
  const h = flat(got);
  const used = new Set<number>();
  const out: string[] = [];
  const figures = (i: Indicator) => `${i.unit}|${target(i.overall)}|${years(i)}`;
  const overallOf = (i: Indicator) => `${i.unit}|${i.overall?.value}`;
  for (const ind of g) {
    const pick = (test: (j: Indicator) => boolean) => h.findIndex((j, k) => !used.has(k) && test(j));
    let k = pick((j) => j.name === ind.name);
    if (k < 0) k = pick((j) => figures(j) === figures(ind));
    if (k < 0 && ind.overall) k = pick((j) => overallOf(j) === overallOf(ind));
    if (k < 0 && ind.yearly.length > 0) k = pick((j) => j.unit === ind.unit && j.overall === undefined && years(j) === years(ind));
    if (k < 0) {
      out.push(`${owner} › ${ind.name}: missing (${figures(ind)})`);
      continue;
    }
    used.add(k);
    const back = h[k];
    if (back.name !== ind.name) out.push(`${owner} › ${ind.name}: name → ${back.name}`);
    for (const [field, read] of FIELDS) if (read(ind) !== read(back)) out.push(`${owner} › ${ind.name}: ${field} ${read(ind)} → ${read(back)}`);
  }
  return out;
}

/**
 * Known difference, listed so that its fix is noticed: a section whose only task has no number comes back
 * without that task, its paragraph read as the section's own text. The tests below fail for a listed seed
 * once the task comes back: then take it off the list. Empty: 008's item 三 comes back, its task's paragraph
 * read as a task (a heading printed alone over a sentence with a figure, see `taskParagraph` in recognize.ts).
 */
const UNNUMBERED_ONLY_TASK = new Set<string>([]);

/**
 * Known differences, listed likewise: unnumbered tasks that do not all come back, each seed with the units
 * that do not come back. The tests below fail for a listed seed once its tasks come back: then take it off
 * the list. Empty: the export writes an unnumbered task as its own paragraph (with its units clause where it
 * states one), and the importer reads each such sentence under a heading printed alone as a task — 009's
 * items 3 and 4 and 010's bullets come back.
 */
const UNNUMBERED_TASKS_LOST = new Map<string, string[]>([]);

describe.each(SEEDS)('%s → .docx → import', (seed) => {
  let gold: Item[];
  let back: Item[];
  beforeAll(async () => {
    const text = fs.readFileSync(path.join(ROOT, 'seeds', seed), 'utf8');
    // Seeds keep their sources' mistakes, so some have errors: exported as `--force` does.
    const exported = await exportPlan(text, 'docx', { force: true });
    if (!exported.ok) throw new Error(`export refused: ${exported.reason}`);
    const imported = importDocument(exported.bytes, seed.replace('.plan.yaml', '.docx'));
    if ('code' in imported) throw new Error(`import failed: ${imported.code}`);
    gold = items(planOf(text));
    back = items(planOf(imported.result.yaml));
  });

  it('gives back the sections and tasks, in order, with their numbers and titles', () => {
    if (UNNUMBERED_TASKS_LOST.has(seed)) {
      expect(back.map((i) => `${i.kind} ${i.number}`), 'it comes back right now: take it off UNNUMBERED_TASKS_LOST').not.toEqual(gold.map((i) => `${i.kind} ${i.number}`));
      // Every section and every numbered task comes back, in order; only unnumbered tasks may be lost.
      const kept = (list: Item[]) => list.filter((i) => i.kind === 'section' || i.number !== '').map((i) => `${i.kind} ${i.number}`);
      expect(kept(back)).toEqual(kept(gold));
      return;
    }
    if (UNNUMBERED_ONLY_TASK.has(seed)) {
      expect(back.map((i) => `${i.kind} ${i.number}`), 'it comes back right now: take it off UNNUMBERED_ONLY_TASK').not.toEqual(gold.map((i) => `${i.kind} ${i.number}`));
      expect(back.map((i) => `${i.kind} ${i.number}`)).toEqual(gold.filter((i) => i.kind === 'section' || i.number !== '').map((i) => `${i.kind} ${i.number}`));
      return;
    }
    expect(back.map((i) => `${i.kind} ${i.number}`)).toEqual(gold.map((i) => `${i.kind} ${i.number}`));
    const titles = gold.filter((g, k) => !titleCameBack(g.title, back[k]?.title ?? ''));
    expect(titles.map((g) => `${g.number} ${g.title} → ${back[gold.indexOf(g)]?.title}`)).toEqual([]);
  });

  it('gives back the lead and responsible units of every section and task', () => {
    if (UNNUMBERED_ONLY_TASK.has(seed)) {
      const kept = gold.filter((i) => i.kind === 'section' || i.number !== '');
      expect(back.map((i) => `${i.number}: ${i.lead.join('、')}; ${i.responsible.join('、')}`)).toEqual(kept.map((i) => `${i.number}: ${i.lead.join('、')}; ${i.responsible.join('、')}`));
      return;
    }
    if (UNNUMBERED_TASKS_LOST.has(seed)) {
      const units = (list: Item[]) => [...new Set(list.flatMap((i) => [...i.lead, ...i.responsible]))].sort();
      const lost = UNNUMBERED_TASKS_LOST.get(seed)!;
      expect(units(back)).toEqual(units(gold).filter((u) => !lost.includes(u)));
      return;
    }
    expect(back.map((i) => `${i.number} ${i.title.slice(0, 10)}: ${i.lead.join('、')}; ${i.responsible.join('、')}`)).toEqual(
      gold.map((i, k) => `${i.number} ${(back[k]?.title ?? i.title).slice(0, 10)}: ${i.lead.join('、')}; ${i.responsible.join('、')}`),
    );
  });

  it('gives back each indicator’s name, kind, unit, baseline, years, overall target and comparator, but for the listed differences', async () => {
    const lines: string[] = [];
    gold.forEach((g, k) => lines.push(...differences(g.indicators, back[k]?.indicators ?? [], `${g.number} ${g.title.slice(0, 16)}`)));
    const count = (field: string) => lines.filter((l) => new RegExp(`: ${field}\\b`).test(l)).length;
    const total = gold.reduce((n, g) => n + flat(g.indicators).length, 0);
    const header = [
      `# ${seed}: ${total} indicators; the differences after export to .docx and import back, one a line.`,
      '# Reasons (the importer reads indicators out of prose):',
      ...Object.entries(REASON).map(([field, why]) => `#   ${field} (${count(field)}): ${why}`),
    ];
    await expect([...header, ...lines, ''].join('\n')).toMatchFileSnapshot(`roundtrip/${seed.replace('.plan.yaml', '')}.differences.txt`);
  });
});
